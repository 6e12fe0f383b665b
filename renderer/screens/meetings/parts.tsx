import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { formatDate, formatDateWithDay, formatTimestamp } from '../../../shared/domain/dates';
import type { MeetingDetail } from '../../../shared/api/meetings';
import { DataTable } from '../../components/DataTable';
import { Button } from '../../components/forms';
import { useSortableTable } from '../../components/SortableThead';
import { voteSummary } from './record-words';

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
          {d.vote ? <span className="vote-line"> (Vote: {voteSummary(d.vote)}.)</span> : null}
          {onDelete ? (
            <>
              {' '}
              <Button variant="secondary" size="small" onPress={() => onDelete(d.id)}>
                Delete decision
              </Button>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

type ActionRow = Item['actions'][number] & { onDelete?: (id: number) => void };
const col = createColumnHelper<ActionRow>();
const actionColumns = [
  col.accessor('description', { header: 'Action' }),
  col.accessor('owner', { header: 'Owner' }),
  col.accessor('dueDate', {
    header: 'Due',
    cell: (c) => (c.getValue() ? formatDate(c.getValue()!) : 'No date'),
  }),
  col.accessor('urgency', { header: 'Priority', cell: (c) => urgencyLabels[c.getValue()] }),
];
const removableActionColumns = [
  ...actionColumns,
  col.display({
    id: 'remove',
    header: () => <span className="visually-hidden">Remove</span>,
    cell: ({ row: { original: a } }) => (
      <Button variant="secondary" size="small" onPress={() => a.onDelete?.(a.id)}>
        Delete action
      </Button>
    ),
  }),
];

/** The actions arising from an item, in the order recorded (not sortable: it is the minute's order). */
export function Actions({ item, onDelete }: { item: Item; onDelete?: (id: number) => void }) {
  const rows = useMemo(() => item.actions.map((a) => ({ ...a, onDelete })), [item.actions, onDelete]);
  const table = useSortableTable(rows, onDelete ? removableActionColumns : actionColumns, {
    sortable: false,
  });
  if (item.actions.length === 0) return null;
  return (
    <DataTable
      table={table}
      caption={`Actions arising from item ${item.position}`}
      className="data-table actions-table"
    />
  );
}
