import { Link, useParams } from 'react-router';
import { formatDate } from '../../../shared/domain/dates';
import { useApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { PriorityMeasureTable, PriorityPlanTable } from './PriorityTables';

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
              <PriorityPlanTable actions={d.actions} />
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
              <PriorityMeasureTable measures={d.measures} />
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
