import { Link } from 'react-router';
import { formatDate, formatDateWithDay } from '../../../shared/domain/dates';
import type { Rag } from '../../../shared/domain/rag';
import { useApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { RagChip } from '../../components/RagChip';

const ragRows: { key: 'red' | 'amber' | 'green' | 'noTarget' | 'noData' | 'notRated'; rag: Rag }[] = [
  { key: 'red', rag: 'red' },
  { key: 'amber', rag: 'amber' },
  { key: 'green', rag: 'green' },
  { key: 'noTarget', rag: 'no_target' },
  { key: 'notRated', rag: 'not_rated' },
  { key: 'noData', rag: 'no_data' },
];

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
              <table className="rag-summary">
                <caption className="visually-hidden">Measures by RAG status, latest values</caption>
                <thead>
                  <tr>
                    <th scope="col">Status</th>
                    <th scope="col">Measures</th>
                  </tr>
                </thead>
                <tbody>
                  {ragRows.map((r) => (
                    <tr key={r.key}>
                      <th scope="row">
                        <RagChip rag={r.rag} />
                      </th>
                      <td data-testid={`rag-${r.key}`}>{d.rag[r.key]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="card" aria-labelledby="actions-summary">
              <h2 id="actions-summary">Actions</h2>
              <p>
                <span className="big" data-testid="overdue-count">
                  {d.overdueActions.length}
                </span>{' '}
                overdue of <span data-testid="open-count">{d.openActions}</span> open
              </p>
              {d.overdueActions.length > 0 ? (
                <Link to="/actions?overdue=1">See the overdue actions in the action log</Link>
              ) : null}
              <ul className="plain">
                {d.overdueActions.map((a) => (
                  <li key={a.id}>
                    <Link to={`/actions?focus=${a.id}`}>
                      <strong>{a.description}</strong>
                    </Link>
                    <br />
                    {a.owner} · due {formatDate(a.dueDate)} ·{' '}
                    <span className="overdue-text">
                      overdue by {a.daysOverdue} {a.daysOverdue === 1 ? 'day' : 'days'}
                    </span>
                  </li>
                ))}
              </ul>
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
