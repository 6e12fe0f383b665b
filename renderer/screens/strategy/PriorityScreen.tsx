import { Link, useParams } from 'react-router';
import { formatDate } from '../../../shared/domain/dates';
import { formatValue } from '../../../shared/domain/format';
import { planStatusLabel } from '../../../shared/api/strategy';
import { useApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { RagChip } from '../../components/RagChip';

/** One priority: its action plan, its measures with their latest RAG, and the meetings that dealt with it. */
export function PriorityScreen() {
  const id = Number(useParams().id);
  const q = useApi('priority.detail', { id }, { enabled: Number.isInteger(id) && id > 0 });
  const s = useApi('strategy.get', {});
  if (!Number.isInteger(id) || id <= 0) return <p role="alert">That priority does not exist.</p>;
  return (
    <QueryState query={q}>
      {(d) => (
        <div className="priority-screen">
          <p>
            <Link to="/strategy">← Strategy</Link>
          </p>
          <h1>
            <span className="code-badge">{d.priority.code}</span> {d.priority.title}
            {d.priority.archived ? ' (archived)' : ''}
          </h1>
          {d.priority.description ? <p>{d.priority.description}</p> : null}
          {s.data ? (
            <p className="small">
              <strong>Principles:</strong>{' '}
              {d.priority.links.principles
                .map((pid) => s.data.principles.find((p) => p.id === pid))
                .filter(Boolean)
                .map((p) => `(${p!.code}) ${p!.shortTitle}`)
                .join('; ') || 'none linked'}
              {' · '}
              <strong>Pledges:</strong>{' '}
              {d.priority.links.pledges
                .map((pid) => s.data.pledges.find((p) => p.id === pid))
                .filter(Boolean)
                .map((p) => `${p!.code} ${p!.title}`)
                .join('; ') || 'none linked'}
            </p>
          ) : null}

          <section aria-labelledby="pd-plan">
            <h2 id="pd-plan">Action plan</h2>
            {d.actions.length === 0 ? (
              <p>No actions in the plan for this priority.</p>
            ) : (
              <table className="data-table">
                <caption className="visually-hidden">Actions for this priority</caption>
                <thead>
                  <tr>
                    <th scope="col">Ref</th>
                    <th scope="col">Action</th>
                    <th scope="col">Agency leads</th>
                    <th scope="col">Timescale</th>
                    <th scope="col">Status</th>
                    <th scope="col">Latest progress</th>
                  </tr>
                </thead>
                <tbody>
                  {d.actions.map((a) => (
                    <tr key={a.id}>
                      <td>{a.ref}</td>
                      <td>{a.action}</td>
                      <td>{a.leads}</td>
                      <td>{a.timescale}</td>
                      <td>
                        <span className={`plan-status plan-${a.status}`}>{planStatusLabel[a.status]}</span>
                      </td>
                      <td>
                        {a.updates[0] ? (
                          <>
                            <span className="muted small">
                              {formatDate(a.updates[0].date)}, {a.updates[0].author}
                            </span>
                            <div>{a.updates[0].text}</div>
                          </>
                        ) : (
                          <span className="muted">None yet</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p>
              <Link to={`/strategy/plan?priority=${d.priority.id}`}>Update these in the action plan</Link>
            </p>
          </section>

          <section aria-labelledby="pd-measures">
            <h2 id="pd-measures">Measures</h2>
            {d.measures.length === 0 ? (
              <p>No measures report on this priority.</p>
            ) : (
              <table className="data-table">
                <caption className="visually-hidden">Measures for this priority, latest values</caption>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Measure</th>
                    <th scope="col">Latest</th>
                    <th scope="col">Target</th>
                    <th scope="col">RAG</th>
                  </tr>
                </thead>
                <tbody>
                  {d.measures.map((m) => (
                    <tr key={m.id} data-testid={`pd-measure-${m.code}`}>
                      <td>{m.code}</td>
                      <td>{m.title}</td>
                      <td>
                        {m.latest ? `${formatValue(m.latest.value, m.unit)} (${m.latest.period})` : 'No data'}
                      </td>
                      <td>{m.target === null ? 'No target' : formatValue(m.target, m.unit)}</td>
                      <td>
                        <RagChip rag={m.rag} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section aria-labelledby="pd-meetings">
            <h2 id="pd-meetings">Agenda items and decisions</h2>
            {d.items.length === 0 ? (
              <p>No agenda item has been linked to this priority yet.</p>
            ) : (
              <ul className="plain priority-items">
                {d.items.map((i) => (
                  <li key={i.id}>
                    <strong>
                      {formatDate(i.meetingDate)}, item {i.position}: {i.title}
                    </strong>
                    {i.exempt ? ' (Part B — exempt)' : ''}
                    {i.decisions.length ? (
                      <ul className="decisions">
                        {i.decisions.map((x) => (
                          <li key={x.id}>
                            <strong>RESOLVED</strong> that {x.text}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="muted small">No decisions recorded.</p>
                    )}
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
