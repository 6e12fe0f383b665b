import type { CoverageRow, MeetingCoverage } from '../../../../shared/api/walk';
import { formatDate } from '../../../../shared/domain/dates';
import { useFollowingMeeting } from './follow';

/** "Last on an agenda 10 June 2026 (1 of 4 meetings this year)", or "never". */
export function lastOnAgendaText(r: CoverageRow, yearMeetings: number): string {
  const last = r.lastOnAgenda
    ? `last on an agenda ${formatDate(r.lastOnAgenda.date)}${r.lastOnAgenda.exempt ? ' (a Part B item)' : ''}`
    : 'not on any earlier agenda';
  return `${last}; ${r.meetingsThisYear} of ${yearMeetings} meetings this year`;
}

function Covered({ rows, what, c }: { rows: CoverageRow[]; what: string; c: MeetingCoverage }) {
  const on = rows.filter((r) => r.items.length > 0);
  const off = rows.filter((r) => r.items.length === 0);
  const label = (r: CoverageRow) =>
    what === 'Principles' ? `(${r.code}) ${r.title}` : `${r.code} ${r.title}`;
  return (
    <>
      <h4>{what}</h4>
      <p className="small">
        <strong>On this agenda:</strong>{' '}
        {on.length
          ? on.map((r) => `${label(r)} (item ${r.items.map((i) => i.position).join(', ')})`).join('; ')
          : 'none'}
      </p>
      {off.length ? (
        <>
          <p className="small">
            <strong>Not on this agenda:</strong>
          </p>
          <ul className="plain small walk-list" data-testid={`not-covered-${what.toLowerCase()}`}>
            {off.map((r) => (
              <li key={r.id}>
                {label(r)} — {lastOnAgendaText(r, c.yearMeetings.length)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="small">Every one is on this agenda.</p>
      )}
    </>
  );
}

/** Which priorities and principles this agenda covers, and since when the others were last discussed. */
export function CoverageSummary({ meetingId, version }: { meetingId: number; version: unknown }) {
  const q = useFollowingMeeting('meeting.coverage', { meetingId }, version);
  if (q.error) return <p role="alert">{q.error.message}</p>;
  if (!q.data) return <p aria-live="polite">Loading…</p>;
  const c = q.data;
  return (
    <div className="walk-coverage" data-testid="walk-coverage">
      <Covered rows={c.priorities} what="Priorities" c={c} />
      <Covered rows={c.principles} what="Principles" c={c} />
    </div>
  );
}
