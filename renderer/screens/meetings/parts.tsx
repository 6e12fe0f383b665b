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

/** What can be done to each recorded decision or action while the minutes are open. */
export interface OutcomeControls {
  onEdit?: (id: number) => void;
  onDelete?: (id: number) => void;
}

export function Decisions({ item, onEdit, onDelete }: { item: Item } & OutcomeControls) {
  if (item.decisions.length === 0) return null;
  return (
    <ol className="decisions" aria-label={`Decisions on item ${item.position}`}>
      {item.decisions.map((d, i) => (
        <li key={d.id}>
          <strong>RESOLVED</strong> that {d.text}
          {d.vote ? <span className="vote-line"> (Vote: {voteSummary(d.vote)}.)</span> : null}
          {onEdit || onDelete ? (
            <span className="row-actions inline">
              {onEdit ? (
                <Button variant="secondary" size="small" onPress={() => onEdit(d.id)}>
                  Edit<span className="visually-hidden"> decision {i + 1}</span>
                </Button>
              ) : null}
              {onDelete ? (
                <Button variant="secondary" size="small" onPress={() => onDelete(d.id)}>
                  Delete decision<span className="visually-hidden"> {i + 1}</span>
                </Button>
              ) : null}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

type ActionRow = Item['actions'][number] & OutcomeControls & { n: number };
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
const changeableActionColumns = [
  ...actionColumns,
  col.display({
    id: 'change',
    header: () => <span className="visually-hidden">Change</span>,
    cell: ({ row: { original: a } }) => (
      <span className="row-actions">
        {a.onEdit ? (
          <Button variant="secondary" size="small" onPress={() => a.onEdit?.(a.id)}>
            Edit<span className="visually-hidden"> action {a.n}</span>
          </Button>
        ) : null}
        {a.onDelete ? (
          <Button variant="secondary" size="small" onPress={() => a.onDelete?.(a.id)}>
            Delete action<span className="visually-hidden"> {a.n}</span>
          </Button>
        ) : null}
      </span>
    ),
  }),
];

/** The actions arising from an item, in the order recorded (not sortable: it is the minute's order). */
export function Actions({ item, onEdit, onDelete }: { item: Item } & OutcomeControls) {
  const rows = useMemo(
    () => item.actions.map((a, i) => ({ ...a, n: i + 1, onEdit, onDelete })),
    [item.actions, onEdit, onDelete],
  );
  const table = useSortableTable(rows, onEdit || onDelete ? changeableActionColumns : actionColumns, {
    sortable: false,
  });
  if (item.actions.length === 0) return null;
  return (
    <div className="table-scroll">
      <DataTable
        table={table}
        caption={`Actions arising from item ${item.position}`}
        className="data-table actions-table"
      />
    </div>
  );
}
