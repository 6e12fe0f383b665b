import type { PriorityContext as Context, WalkMeasure } from '../../../../shared/api/walk';
import { planStatusLabel } from '../../../../shared/api/strategy';
import { voiceStatusLabels } from '../../../../shared/api/voice';
import { formatDate } from '../../../../shared/domain/dates';
import { actionStatusLabel } from '../../../../shared/domain/overdue';
import { WalkMeasureLine } from './WalkMeasure';

/** What the Board knows about one priority when an item linked to it is discussed. */
export function PriorityContext({ p, onChart }: { p: Context; onChart: (m: WalkMeasure) => void }) {
  const overdue = p.actions.filter((a) => a.overdue).length;
  return (
    <section
      className="walk-priority"
      aria-labelledby={`walk-p-${p.id}`}
      data-testid={`walk-priority-${p.code}`}
    >
      <h3 id={`walk-p-${p.id}`}>
        {p.code} {p.title}
      </h3>
      <h4>Measures</h4>
      {p.measures.length === 0 ? (
        <p className="muted">No measures are linked to this priority.</p>
      ) : (
        <ul className="plain walk-measures">
          {p.measures.map((m) => (
            <WalkMeasureLine key={m.code} m={m} onChart={onChart} />
          ))}
        </ul>
      )}
      <h4>
        Open actions{' '}
        <span className="muted small">
          ({p.actions.length} open{overdue ? `, ${overdue} overdue` : ''})
        </span>
      </h4>
      {p.actions.length === 0 ? (
        <p className="muted">No open actions in the action log.</p>
      ) : (
        <ul className="plain walk-list" data-testid={`walk-actions-${p.code}`}>
          {p.actions.map((a) => (
            <li key={a.id} className={a.overdue ? 'overdue' : undefined}>
              {a.description}{' '}
              <span className="muted small">
                — {a.owner || 'no owner'}, {a.dueDate ? `due ${formatDate(a.dueDate)}` : 'no due date'}:{' '}
              </span>
              <strong className={a.overdue ? 'overdue-text' : undefined}>
                {actionStatusLabel(a.status, a.daysOverdue)}
              </strong>
            </li>
          ))}
        </ul>
      )}
      {p.planActions.length > 0 ? (
        <>
          <h4>Action plan</h4>
          <ul className="plain walk-list">
            {p.planActions.map((a) => (
              <li key={a.id}>
                {a.ref ? `${a.ref} ` : ''}
                {a.action} <strong>{planStatusLabel[a.status]}</strong>
                {a.latestUpdate ? (
                  <div className="muted small">
                    {formatDate(a.latestUpdate.date)}: {a.latestUpdate.text}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>Voice of the child</h4>
      {p.voice.length === 0 ? (
        <p className="muted">Nothing recorded for this priority.</p>
      ) : (
        <ul className="plain walk-list">
          {p.voice.map((v) => (
            <li key={v.id}>
              <q>{v.said}</q>{' '}
              <span className="muted small">
                ({v.source}, {formatDate(v.saidDate)}) — {voiceStatusLabels[v.status]}
              </span>
              {v.did ? <div className="small">We did: {v.did}</div> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
