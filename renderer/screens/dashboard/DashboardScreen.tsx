import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { ApiOutput } from '../../../shared/api';
import { formatDate, formatDateWithDay } from '../../../shared/domain/dates';
import type { Rag } from '../../../shared/domain/rag';
import { useApi } from '../../api/hooks';
import { DataTable } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { RagChip } from '../../components/RagChip';
import { useSortableTable } from '../../components/SortableThead';

const ragRows: { key: 'red' | 'amber' | 'green' | 'noTarget' | 'noData' | 'notRated'; rag: Rag }[] = [
  { key: 'red', rag: 'red' },
  { key: 'amber', rag: 'amber' },
  { key: 'green', rag: 'green' },
  { key: 'noTarget', rag: 'no_target' },
  { key: 'notRated', rag: 'not_rated' },
  { key: 'noData', rag: 'no_data' },
];

type RagCounts = ApiOutput<'dashboard.get'>['rag'];
type RagRow = (typeof ragRows)[number] & { count: number };
const col = createColumnHelper<RagRow>();
const ragColumns = [
  col.accessor('rag', {
    header: 'Status',
    meta: { rowHeader: true },
    cell: (c) => <RagChip rag={c.getValue()} />,
  }),
  col.accessor('count', { header: 'Measures', meta: { cellTestId: (r) => `rag-${r.key}` } }),
];

/** How many measures are at each RAG status, in the order the scorecard uses (not sortable). */
function RagSummary({ rag }: { rag: RagCounts }) {
  const rows = useMemo(() => ragRows.map((r) => ({ ...r, count: rag[r.key] })), [rag]);
  const table = useSortableTable(rows, ragColumns, { sortable: false });
  return <DataTable table={table} caption="Measures by RAG status, latest values" className="rag-summary" />;
}

export function DashboardScreen() {
  const q = useApi('dashboard.get', {});
  return (
    <QueryState query={q}>
      {(d) => (
        <div className="dashboard">
          <h1>Dashboard</h1>
          <p className="muted">Today is {formatDateWithDay(d.today)}.</p>
          <div className="cards">
            <section className="card" aria-labelledby="next-meeting">
              <h2 id="next-meeting">Next meeting</h2>
              {d.nextMeeting ? (
                <>
                  <p className="big" data-testid="next-meeting-date">
                    {formatDateWithDay(d.nextMeeting.date)}, {d.nextMeeting.startTime}
                  </p>
                  <p>{d.nextMeeting.venue}</p>
                  <p>
                    <Link to={`/meetings/${d.nextMeeting.id}`}>Open the agenda</Link>
                  </p>
                  <p>
                    {d.nextMeeting.type === 'extraordinary' ? 'Extraordinary meeting' : 'Ordinary meeting'} ·{' '}
                    {d.nextMeeting.itemCount} agenda items
                  </p>
                  <ol className="compact">
                    {d.nextMeeting.items.map((i) => (
                      <li key={i.position} value={i.position}>
                        {i.title}
                        {i.exempt ? ' (Part B — exempt)' : ''}
                      </li>
                    ))}
                  </ol>
                </>
              ) : (
                <p>No meeting is scheduled.</p>
              )}
            </section>
            <section className="card" aria-labelledby="scorecard-summary">
              <h2 id="scorecard-summary">Scorecard</h2>
              <RagSummary rag={d.rag} />
            </section>
            <section className="card" aria-labelledby="actions-summary">
              <h2 id="actions-summary">Actions</h2>
              <p>
                <span className="big" data-testid="overdue-count">
                  {d.overdueCount}
                </span>{' '}
                overdue of <span data-testid="open-count">{d.openActions}</span> open
              </p>
              {d.overdueCount > d.overdueActions.length ? (
                <p>The {d.overdueActions.length} most overdue:</p>
              ) : null}
              <ul className="plain">
                {d.overdueActions.map((a) => (
                  <li key={a.id}>
                    <Link to={`/actions?focus=${a.id}`}>
                      <strong>{a.description}</strong>
                    </Link>
                    <br />
                    {a.exempt ? 'Part B (exempt) · ' : ''}
                    {a.owner} · due {formatDate(a.dueDate)} ·{' '}
                    <span className="overdue-text">
                      overdue by {a.daysOverdue} {a.daysOverdue === 1 ? 'day' : 'days'}
                    </span>
                  </li>
                ))}
              </ul>
              {d.overdueCount > 0 ? (
                <Link to="/actions?overdue=1&sort=due">
                  {d.overdueCount > d.overdueActions.length
                    ? `See all ${d.overdueCount} overdue actions in the action log`
                    : 'See the overdue actions in the action log'}
                </Link>
              ) : null}
            </section>
          </div>
          <section aria-labelledby="recent-decisions">
            <h2 id="recent-decisions">Recent decisions</h2>
            {d.recentDecisions.length === 0 ? (
              <p>No decisions recorded yet.</p>
            ) : (
              <ul className="decisions">
                {d.recentDecisions.map((x) => (
                  <li key={x.id}>
                    <span className="muted">
                      {formatDate(x.meetingDate)} · {x.itemTitle}
                      {x.exempt ? ' · Part B (exempt)' : ''}
                    </span>
                    <br />
                    <strong>RESOLVED</strong> that {x.text}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </QueryState>
  );
}
