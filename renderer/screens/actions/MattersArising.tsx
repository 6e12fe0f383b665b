import type { ActionWithUpdates } from '../../../shared/api/actions';
import { formatDate } from '../../../shared/domain/dates';
import { useApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { actionStatusLabels, overdueWords, sourceWords } from './labels';
import { UpdateForm } from './UpdateForm';

/**
 * Matters arising for one meeting: the open actions of earlier meetings, each with its latest
 * update, and a form per action to record what was said at this meeting (and mark it complete),
 * all by keyboard. Actions completed at this meeting are listed after, with what was recorded.
 */
export function MattersArising({ meetingId }: { meetingId: number }) {
  const q = useApi('actions.mattersArising', { meetingId });
  return (
    <section className="matters-arising" aria-labelledby={`matters-arising-${meetingId}`}>
      <h2 id={`matters-arising-${meetingId}`}>Matters arising: open actions from earlier meetings</h2>
      <QueryState query={q}>
        {(d) => (
          <>
            <p role="status" className="muted">
              {d.open.length === 0
                ? 'There are no open actions from earlier meetings.'
                : `${d.open.length} open ${d.open.length === 1 ? 'action' : 'actions'}, ${d.open.filter((a) => a.overdue).length} overdue.`}
            </p>
            <ol className="matters-list">
              {d.open.map((a) => (
                <MatterItem key={a.id} a={a} meeting={d.meeting} today={d.today} />
              ))}
            </ol>
            {d.completedHere.length > 0 ? (
              <>
                <h3>Completed at this meeting</h3>
                <ul className="matters-list done">
                  {d.completedHere.map((a) => (
                    <li key={a.id}>
                      <strong>{a.description}</strong> — {a.owner}. {actionStatusLabels[a.status]}.
                      <HereUpdates a={a} meetingId={d.meeting.id} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

function HereUpdates({ a, meetingId }: { a: ActionWithUpdates; meetingId: number }) {
  const here = a.updates.filter((u) => u.meetingId === meetingId);
  if (here.length === 0) return null;
  return (
    <ul className="here-updates" aria-label="Recorded at this meeting">
      {here.map((u) => (
        <li key={u.id}>
          <span className="muted">Recorded at this meeting ({u.author || 'no author'}):</span> {u.text}
        </li>
      ))}
    </ul>
  );
}

function MatterItem({
  a,
  meeting,
  today,
}: {
  a: ActionWithUpdates;
  meeting: { id: number; date: string; locked: boolean };
  today: string;
}) {
  const overdue = overdueWords(a);
  const before = a.updates.find((u) => u.meetingId !== meeting.id) ?? null;
  return (
    <li className={`matter ${a.overdue ? 'row-overdue' : ''}`} data-action-id={a.id}>
      <h3 className="matter-title">{a.description}</h3>
      <p className="muted small">
        {a.owner} · {sourceWords(a)} · due {formatDate(a.dueDate)} · {actionStatusLabels[a.status]}
        {overdue ? (
          <>
            {' · '}
            <span className="overdue-text">{overdue}</span>
          </>
        ) : null}
      </p>
      <p>
        <span className="muted">Latest update before this meeting:</span>{' '}
        {before ? `${formatDate(before.date)} — ${before.text}` : 'none.'}
      </p>
      <HereUpdates a={a} meetingId={meeting.id} />
      {meeting.locked ? null : <UpdateForm action={a} today={today} meeting={meeting} />}
    </li>
  );
}
