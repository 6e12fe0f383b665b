import { useState } from 'react';
import type { ActionWithUpdates } from '../../../shared/api/actions';
import { formatDate } from '../../../shared/domain/dates';
import { useApi } from '../../api/hooks';
import { Button } from '../../components/forms';
import { QueryState } from '../../components/QueryState';
import { actionStatusLabels, overdueWords, sourceWords } from './labels';
import { UpdateForm } from './UpdateForm';

/**
 * Matters arising for one meeting: the open actions of earlier meetings, each with its latest
 * update, and a form per action to record what was said at this meeting (and mark it complete),
 * all by keyboard. Actions completed at this meeting are listed after, with what was recorded.
 * `compact` (live mode): one line per action, and the form only for the one the clerk opens.
 */
export function MattersArising({ meetingId, compact = false }: { meetingId: number; compact?: boolean }) {
  const q = useApi('actions.mattersArising', { meetingId });
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <section
      className={`matters-arising ${compact ? 'compact' : ''}`}
      aria-labelledby={`matters-arising-${meetingId}`}
    >
      <QueryState query={q}>
        {(d) => (
          <>
            <h2 id={`matters-arising-${meetingId}`}>
              Matters arising for the meeting on {formatDate(d.meeting.date)}: open actions from earlier
              meetings
            </h2>
            <p role="status" className="muted">
              {d.open.length === 0
                ? 'There are no open actions from earlier meetings.'
                : `${d.open.length} open ${d.open.length === 1 ? 'action' : 'actions'}, ${d.open.filter((a) => a.overdue).length} overdue.`}
            </p>
            {compact ? (
              <ol className="matters-compact">
                {d.open.map((a) => (
                  <CompactMatter
                    key={a.id}
                    a={a}
                    meeting={d.meeting}
                    today={d.today}
                    open={openId === a.id}
                    onToggle={() => setOpenId((o) => (o === a.id ? null : a.id))}
                  />
                ))}
              </ol>
            ) : (
              <ol className="matters-list">
                {d.open.map((a) => (
                  <MatterItem key={a.id} a={a} meeting={d.meeting} today={d.today} />
                ))}
              </ol>
            )}
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

/** One open action on one line (what, who, when, how late); its update form opens on request. */
function CompactMatter({
  a,
  meeting,
  today,
  open,
  onToggle,
}: {
  a: ActionWithUpdates;
  meeting: { id: number; date: string; locked: boolean };
  today: string;
  open: boolean;
  onToggle: () => void;
}) {
  const overdue = overdueWords(a);
  return (
    <li className={`matter-line ${a.overdue ? 'row-overdue' : ''}`} data-action-id={a.id}>
      <span className="matter-what">{a.description}</span>{' '}
      <span className="muted small">
        {a.owner} · due {formatDate(a.dueDate)} · {actionStatusLabels[a.status]}
        {overdue ? (
          <>
            {' · '}
            <span className="overdue-text">{overdue}</span>
          </>
        ) : null}
      </span>{' '}
      {meeting.locked ? null : (
        <Button variant="secondary" size="small" onPress={onToggle} aria-expanded={open}>
          {open ? 'Close' : 'Record update'}
          <span className="visually-hidden"> on: {a.description}</span>
        </Button>
      )}
      <HereUpdates a={a} meetingId={meeting.id} />
      {open ? <UpdateForm action={a} today={today} meeting={meeting} autoFocus /> : null}
    </li>
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
