import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { createColumnHelper, flexRender } from '@tanstack/react-table';
import type { ActionRow } from '../../../shared/api/actions';
import { formatDate } from '../../../shared/domain/dates';
import { useApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { DialogBox, SelectInput, Reads } from '../../components/forms';
import { ActionDetail } from './ActionDetail';
import { actionStatusLabels, overdueWords, sourceWords, urgencyLabels } from './labels';
import { SortableThead, useSortableTable } from '../../components/SortableThead';

type StatusFilter = 'open' | 'in_progress' | 'complete' | 'closed' | 'outstanding';
const statusFilterOptions: { id: StatusFilter | 'all'; label: string }[] = [
  { id: 'all', label: 'Any status' },
  { id: 'outstanding', label: 'Open or in progress' },
  { id: 'open', label: 'Open' },
  { id: 'in_progress', label: 'In progress' },
  { id: 'complete', label: 'Complete' },
  { id: 'closed', label: 'Closed' },
];
const urgencyRank = { high: 0, medium: 1, low: 2 } as const;

const col = createColumnHelper<ActionRow>();

/** The action log: every action from every meeting, filtered; overdue in words as well as shading. */
export function ActionsScreen() {
  const [params, setParams] = useSearchParams();
  const owner = params.get('owner') ?? '';
  const urgency = (params.get('urgency') ?? '') as ActionRow['urgency'] | '';
  const status = (params.get('status') ?? '') as StatusFilter | '';
  const meetingId = Number(params.get('meeting') ?? '') || undefined;
  const overdueOnly = params.get('overdue') === '1';
  // The router applies URL changes in a transition: the box follows the click at once, then the URL.
  const [overdueChecked, setOverdueChecked] = useState(overdueOnly);
  useEffect(() => setOverdueChecked(overdueOnly), [overdueOnly]);
  const focus = Number(params.get('focus') ?? '') || null;

  const q = useApi(
    'actions.list',
    {
      ...(owner ? { owner } : {}),
      ...(urgency ? { urgency } : {}),
      ...(status ? { status } : {}),
      ...(meetingId ? { meetingId } : {}),
      ...(overdueOnly ? { overdue: true } : {}),
    },
    { placeholderData: keepPreviousData },
  ); // filters stay on screen (and keep focus) while the list reloads

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '' || value === 'all') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <div className="actions-screen">
      <h1>Action log</h1>
      <QueryState query={q}>
        {(d) => (
          <>
            <Reads>
              <div className="toolbar filters" role="group" aria-label="Filter the action log">
                <SelectInput
                  label="Owner"
                  value={owner || 'all'}
                  onChange={(v) => setParam('owner', v)}
                  options={[{ id: 'all', label: 'Anyone' }, ...d.owners.map((o) => ({ id: o, label: o }))]}
                />
                <SelectInput
                  label="Priority"
                  value={urgency || 'all'}
                  onChange={(v) => setParam('urgency', v)}
                  options={[
                    { id: 'all', label: 'Any priority' },
                    ...(['high', 'medium', 'low'] as const).map((k) => ({ id: k, label: urgencyLabels[k] })),
                  ]}
                />
                <SelectInput
                  label="Status"
                  value={status || 'all'}
                  onChange={(v) => setParam('status', v)}
                  options={statusFilterOptions}
                />
                <SelectInput
                  label="Meeting"
                  value={meetingId ? String(meetingId) : 'all'}
                  onChange={(v) => setParam('meeting', v)}
                  options={[
                    { id: 'all', label: 'Any meeting' },
                    ...d.meetings.map((m) => ({ id: String(m.id), label: formatDate(m.date) })),
                  ]}
                />
                <div className="check-field">
                  <input
                    id="overdue-only"
                    type="checkbox"
                    checked={overdueChecked}
                    onChange={(e) => {
                      setOverdueChecked(e.target.checked);
                      setParam('overdue', e.target.checked ? '1' : null);
                    }}
                  />
                  <label htmlFor="overdue-only">Overdue only</label>
                </div>
              </div>
            </Reads>
            {d.nextMeeting ? (
              <p>
                <Link to={`/actions/matters-arising/${d.nextMeeting.id}`}>
                  Matters arising for the meeting on {formatDate(d.nextMeeting.date)}
                </Link>
              </p>
            ) : null}
            <p role="status" className="muted" data-testid="action-count">
              {d.actions.length === 1 ? '1 action' : `${d.actions.length} actions`}
              {d.actions.some((a) => a.overdue)
                ? `, ${d.actions.filter((a) => a.overdue).length} overdue`
                : ''}
              . Today is {formatDate(d.today)}.
            </p>
            <ActionTable rows={d.actions} focus={focus} onOpen={(id) => setParam('focus', String(id))} />
            <DialogBox title="Action" isOpen={focus !== null} onClose={() => setParam('focus', null)}>
              {focus !== null ? <ActionDetail id={focus} today={d.today} choices={d} /> : null}
            </DialogBox>
          </>
        )}
      </QueryState>
    </div>
  );
}

function ActionTable({
  rows,
  focus,
  onOpen,
}: {
  rows: ActionRow[];
  focus: number | null;
  onOpen: (id: number) => void;
}) {
  const columns = useMemo(
    () => [
      col.accessor('description', {
        header: 'Action',
        cell: (c) => (
          <>
            <button type="button" className="link-button" onClick={() => onOpen(c.row.original.id)}>
              {c.getValue()}
            </button>
            <div className="muted small">{sourceWords(c.row.original)}</div>
          </>
        ),
      }),
      col.accessor('owner', { header: 'Owner' }),
      col.accessor((a) => a.dueDate ?? '9999-12-31', {
        id: 'due',
        header: 'Due',
        cell: (c) => {
          const a = c.row.original;
          const words = overdueWords(a);
          return (
            <>
              {a.dueDate ? formatDate(a.dueDate) : 'No due date'}
              {words ? (
                <div className="overdue-text" data-testid="overdue-words">
                  {words}
                </div>
              ) : null}
            </>
          );
        },
      }),
      col.accessor((a) => urgencyRank[a.urgency], {
        id: 'urgency',
        header: 'Priority',
        cell: (c) => urgencyLabels[c.row.original.urgency],
      }),
      col.accessor('status', { header: 'Status', cell: (c) => actionStatusLabels[c.getValue()] }),
      col.accessor((a) => a.latestUpdate?.date ?? '', {
        id: 'latest',
        header: 'Latest update',
        cell: (c) => {
          const u = c.row.original.latestUpdate;
          return u ? (
            <>
              <span className="muted small">{formatDate(u.date)}</span>
              <div>{u.text}</div>
            </>
          ) : (
            <span className="muted">None</span>
          );
        },
      }),
    ],
    [onOpen],
  );
  const table = useSortableTable(rows, columns);
  if (rows.length === 0) return <p>No actions match these filters.</p>;
  return (
    <table className="data-table action-log">
      <caption className="visually-hidden">Actions, sortable by column</caption>
      <SortableThead table={table} />
      <tbody>
        {table.getRowModel().rows.map((r) => (
          <tr
            key={r.id}
            data-action-id={r.original.id}
            className={`${r.original.overdue ? 'row-overdue' : ''} ${focus === r.original.id ? 'row-focus' : ''}`}
          >
            {r.getVisibleCells().map((c) => (
              <td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
