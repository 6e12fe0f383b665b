import { formatDate, formatDateWithDay, formatTimestamp } from '../../../shared/domain/dates';
import type { MeetingDetail } from '../../../shared/api/meetings';

export type Meeting = MeetingDetail;
export type Item = MeetingDetail['items'][number];

export const meetingTitle = (m: { date: string; type: string }) =>
  `${m.type === 'extraordinary' ? 'Extraordinary meeting' : 'Meeting'} on ${formatDateWithDay(m.date)}`;

export const isEditable = (m: { status: string }) => m.status !== 'minutes_approved';
export const minutesOpen = (m: { status: string }) =>
  m.status === 'in_progress' || m.status === 'minutes_draft';

/** "Approved on 3 March 2026, 10:20 at the meeting of 3 March 2026 by Cllr … (Chair)." */
export function ApprovedNote({ m }: { m: Meeting }) {
  if (m.status !== 'minutes_approved') return null;
  return (
    <p className="approved-note" data-testid="approved-note">
      <strong>Approved</strong> on {formatTimestamp(m.approvedAt)}
      {m.approvedAtMeeting ? (
        <>
          {' '}
          at the meeting of{' '}
          <a href={`#/meetings/${m.approvedAtMeeting.id}`}>{formatDate(m.approvedAtMeeting.date)}</a>
        </>
      ) : null}
      {m.approvedBy ? `, by ${m.approvedBy}` : ''}. These minutes are locked: corrections are recorded as
      amendments.
    </p>
  );
}

export const urgencyLabels = { high: 'High', medium: 'Medium', low: 'Low' } as const;

export function Decisions({ item, onDelete }: { item: Item; onDelete?: (id: number) => void }) {
  if (item.decisions.length === 0) return null;
  return (
    <ol className="decisions" aria-label={`Decisions on item ${item.position}`}>
      {item.decisions.map((d) => (
        <li key={d.id}>
          <strong>RESOLVED</strong> that {d.text}
          {onDelete ? (
            <>
              {' '}
              <button type="button" className="secondary small" onClick={() => onDelete(d.id)}>
                Delete decision
              </button>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function Actions({ item, onDelete }: { item: Item; onDelete?: (id: number) => void }) {
  if (item.actions.length === 0) return null;
  return (
    <table className="data-table actions-table">
      <caption className="visually-hidden">Actions arising from item {item.position}</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Priority</th>
          {onDelete ? (
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {item.actions.map((a) => (
          <tr key={a.id}>
            <td>{a.description}</td>
            <td>{a.owner}</td>
            <td>{a.dueDate ? formatDate(a.dueDate) : 'No date'}</td>
            <td>{urgencyLabels[a.urgency]}</td>
            {onDelete ? (
              <td>
                <button type="button" className="secondary small" onClick={() => onDelete(a.id)}>
                  Delete action
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
