import { Link } from 'react-router';
import type { MeasureDetail } from '../../../shared/api/measures';
import { formatDate } from '../../../shared/domain/dates';

/** The measure's history at meetings: what the scorecard item minuted about it, newest first. */
export function MeasureDiscussions({ m }: { m: MeasureDetail }) {
  return (
    <section aria-labelledby="discussions-heading">
      <h2 id="discussions-heading">Discussed at meetings</h2>
      {m.discussions.length === 0 ? (
        <p className="muted">No meeting has minuted a note, decision or action about {m.code} yet.</p>
      ) : (
        <ul className="plain walk-list" data-testid="measure-discussions">
          {m.discussions.map((d) => (
            <li key={d.itemId}>
              <Link to={`/meetings/${d.meetingId}`}>{formatDate(d.meetingDate)}</Link>, {d.itemTitle}
              {d.exempt ? ' (Part B — exempt)' : ''}
              {d.note ? <p className="walk-note-text">{d.note}</p> : null}
              {d.decisions.map((t, i) => (
                <p key={`d${i}`}>
                  <strong>RESOLVED</strong> that {t}
                </p>
              ))}
              {d.actions.map((a, i) => (
                <p key={`a${i}`}>
                  Action: {a.description} — {a.owner || 'no owner'}
                  {a.dueDate ? `, by ${formatDate(a.dueDate)}` : ''}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
