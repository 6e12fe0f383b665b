import { Link } from 'react-router';
import type { CoverageRow, MeetingCoverage as Coverage } from '../../../shared/api/walk';
import { formatDate } from '../../../shared/domain/dates';
import { useApi } from '../../api/hooks';

/**
 * The meeting walked against the strategy: which priorities and principles its agenda covers,
 * which it leaves out and since when, and the financial year's meetings by priority — so the
 * chair can ask "what about P4?" before the agenda is published.
 */
export function MeetingCoverage({ meetingId }: { meetingId: number }) {
  const q = useApi('meeting.coverage', { meetingId });
  return (
    <section aria-labelledby="coverage-h" className="meeting-coverage card">
      <h2 id="coverage-h">Priorities and principles on this agenda</h2>
      {q.error ? <p role="alert">{q.error.message}</p> : null}
      {q.data ? (
        <>
          <CoverageTable c={q.data} rows={q.data.priorities} what="Priority" />
          <CoverageTable c={q.data} rows={q.data.principles} what="Principle" />
          <YearGrid c={q.data} />
        </>
      ) : q.isLoading ? (
        <p aria-live="polite">Loading…</p>
      ) : null}
    </section>
  );
}

function CoverageTable({
  c,
  rows,
  what,
}: {
  c: Coverage;
  rows: CoverageRow[];
  what: 'Priority' | 'Principle';
}) {
  return (
    <table className="data-table coverage-table" data-testid={`coverage-${what.toLowerCase()}`}>
      <caption>{what === 'Priority' ? 'Priorities' : 'Corporate Parenting Principles'}</caption>
      <thead>
        <tr>
          <th scope="col">{what}</th>
          <th scope="col">On this agenda</th>
          <th scope="col">Before this meeting</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className={r.items.length ? undefined : 'not-covered'}>
            <th scope="row">{what === 'Principle' ? `(${r.code}) ${r.title}` : `${r.code} ${r.title}`}</th>
            <td>
              {r.items.length
                ? r.items
                    .map((i) => `Item ${i.position}: ${i.title}${i.exempt ? ' (Part B)' : ''}`)
                    .join('; ')
                : 'Not on this agenda'}
            </td>
            <td>
              {r.lastOnAgenda ? (
                <>
                  <Link to={`/meetings/${r.lastOnAgenda.meetingId}`}>{formatDate(r.lastOnAgenda.date)}</Link>
                  {r.lastOnAgenda.exempt ? ' (a Part B item)' : `: ${r.lastOnAgenda.itemTitle}`}
                </>
              ) : (
                'Not on any earlier agenda'
              )}
              <div className="muted small">
                {r.meetingsThisYear} of {c.yearMeetings.length} meetings in {c.year.label}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The year's meetings by priority: a cross-table in words (never marks alone). */
function YearGrid({ c }: { c: Coverage }) {
  return (
    <table className="data-table coverage-grid" data-testid="coverage-year">
      <caption>
        Meetings in {c.year.label} by priority ({formatDate(c.year.from)} to {formatDate(c.year.to)})
      </caption>
      <thead>
        <tr>
          <th scope="col">Priority</th>
          {c.yearMeetings.map((m) => (
            <th scope="col" key={m.id}>
              {m.id === c.meeting.id ? (
                <strong>{formatDate(m.date)} (this meeting)</strong>
              ) : (
                formatDate(m.date)
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {c.priorities.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              {p.code} {p.title}
            </th>
            {c.yearMeetings.map((m) => (
              <td key={m.id}>{m.priorityIds.includes(p.id) ? 'Yes' : <span className="muted">No</span>}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
