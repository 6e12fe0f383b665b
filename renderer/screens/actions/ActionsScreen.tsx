import { keepPreviousData } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { actionSorts, type ActionRow, type ActionSort } from '../../../shared/api/actions';
import type { ApiInput } from '../../../shared/api';
import { formatDate } from '../../../shared/domain/dates';
import { useApi, usePrefetchApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { Pager } from '../../components/Pager';
import { DialogBox, SelectInput, Reads } from '../../components/forms';
import { ActionDetail } from './ActionDetail';
import { actionStatusLabels, overdueWords, sourceWords, urgencyLabels } from './labels';
import { SortableThead } from '../../components/SortableThead';

/** How many actions a page of the log shows: the database sorts and pages the whole log. */
export const ACTIONS_PAGE = 100;

type StatusFilter = 'open' | 'in_progress' | 'complete' | 'closed' | 'outstanding';
const statusFilterOptions: { id: StatusFilter | 'all'; label: string }[] = [
  { id: 'all', label: 'Any status' },
  { id: 'outstanding', label: 'Open or in progress' },
  { id: 'open', label: 'Open' },
  { id: 'in_progress', label: 'In progress' },
  { id: 'complete', label: 'Complete' },
  { id: 'closed', label: 'Closed' },
];
const col = createColumnHelper<ActionRow>();
const isSort = (v: string | null): v is ActionSort => (actionSorts as readonly (string | null)[]).includes(v);

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
  const sortParam = params.get('sort');
  const sort: ActionSort = isSort(sortParam) ? sortParam : 'meeting';
  const desc = params.get('desc') === '1';
  const page = Math.max(1, Number(params.get('page') ?? '') || 1);

  // Filters, order and the page are the database's work: the screen shows one page of the log.
  const listInput = (overdue: boolean, offset: number): ApiInput<'actions.list'> => ({
    ...(owner ? { owner } : {}),
    ...(urgency ? { urgency } : {}),
    ...(status ? { status } : {}),
    ...(meetingId ? { meetingId } : {}),
    ...(overdue ? { overdue: true } : {}),
    ...(sort !== 'meeting' ? { sort } : {}),
    ...(desc ? { desc } : {}),
    offset,
    limit: ACTIONS_PAGE,
    choices: false,
  });
  const q = useApi('actions.list', listInput(overdueOnly, (page - 1) * ACTIONS_PAGE), {
    placeholderData: keepPreviousData,
  }); // filters stay on screen (and keep focus) while the list reloads
  // "Overdue only" is the one box here: its answer (the first page, a few milliseconds of the
  // database's time) is fetched once this list is shown, so ticking it shows the list at once.
  const prefetch = usePrefetchApi();
  const shown = q.isSuccess && !q.isPlaceholderData;
  const toggled = JSON.stringify(listInput(!overdueOnly, 0));
  useEffect(() => {
    if (shown) prefetch('actions.list', JSON.parse(toggled) as ApiInput<'actions.list'>);
  }, [shown, toggled, prefetch]);
  // The filters' choices, read once (not with every page or filter).
  const choices = useApi('actions.choices', {});
  const c = choices.data ?? { owners: [], meetings: [], priorities: [], members: [], nextMeeting: null };

  // Stable across renders (the router's setter changes with the URL, so it is read when called):
  // the table below re-renders only when its rows, focus or order change, not when a filter is
  // ticked and the list is still on its way.
  const setParamsNow = useRef(setParams);
  useEffect(() => {
    setParamsNow.current = setParams;
  }, [setParams]);
  const setParams2 = useCallback(
    (changes: Record<string, string | null>) =>
      setParamsNow.current(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === '' || value === 'all') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [],
  );
  // A new filter starts again from the first page.
  const setParam = useCallback(
    (key: string, value: string | null) =>
      setParams2({ [key]: value, ...(key === 'focus' ? {} : { page: null }) }),
    [setParams2],
  );
  const openAction = useCallback((id: number) => setParam('focus', String(id)), [setParam]);
  const sorting = useMemo<SortingState>(() => (sort === 'meeting' ? [] : [{ id: sort, desc }]), [sort, desc]);
  const onSort = useCallback(
    (next: { id: ActionSort; desc: boolean } | null) =>
      setParams2({ sort: next ? next.id : null, desc: next?.desc ? '1' : null, page: null }),
    [setParams2],
  );

  return (
    <div className="actions-screen">
      <h1>Action log</h1>
      <QueryState query={q}>
        {(d) => (
          <>
            <Reads>
              <div className="toolbar filters" role="group" aria-label="Filter the action log">
                <FilterSelects
                  owner={owner}
                  urgency={urgency}
                  status={status}
                  meetingId={meetingId}
                  owners={c.owners}
                  meetings={c.meetings}
                  setParam={setParam}
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
            {c.nextMeeting ? (
              <p>
                <Link to={`/actions/matters-arising/${c.nextMeeting.id}`}>
                  Matters arising for the meeting on {formatDate(c.nextMeeting.date)}
                </Link>
              </p>
            ) : null}
            <p role="status" className="muted" data-testid="action-count">
              {d.total === 1 ? '1 action' : `${d.total.toLocaleString('en-GB')} actions`}
              {d.overdueCount > 0 ? `, ${d.overdueCount.toLocaleString('en-GB')} overdue` : ''}. Today is{' '}
              {formatDate(d.today)}.
            </p>
            <ActionTable
              rows={d.actions}
              focus={focus}
              onOpen={openAction}
              sorting={sorting}
              onSort={onSort}
            />
            <Pager
              what="actions"
              offset={d.offset}
              shown={d.actions.length}
              total={d.total}
              pageSize={ACTIONS_PAGE}
              onPage={(p) => setParams2({ page: p === 1 ? null : String(p) })}
            />
            <DialogBox title="Action" isOpen={focus !== null} onClose={() => setParam('focus', null)}>
              {focus !== null ? <ActionDetail id={focus} today={d.today} choices={c} /> : null}
            </DialogBox>
          </>
        )}
      </QueryState>
    </div>
  );
}

/**
 * The four choice filters (memoised: their option lists run to hundreds of owners and meetings,
 * so ticking "Overdue only" does not build them again).
 */
const FilterSelects = memo(function FilterSelects({
  owner,
  urgency,
  status,
  meetingId,
  owners,
  meetings,
  setParam,
}: {
  owner: string;
  urgency: ActionRow['urgency'] | '';
  status: StatusFilter | '';
  meetingId: number | undefined;
  owners: string[];
  meetings: { id: number; date: string }[];
  setParam: (key: string, value: string | null) => void;
}) {
  return (
    <>
      <SelectInput
        label="Owner"
        value={owner || 'all'}
        onChange={(v) => setParam('owner', v)}
        options={[{ id: 'all', label: 'Anyone' }, ...owners.map((o) => ({ id: o, label: o }))]}
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
          ...meetings.map((m) => ({ id: String(m.id), label: formatDate(m.date) })),
        ]}
      />
    </>
  );
});

/** A page of the log (memoised: a filter being changed re-renders it only when its rows arrive). */
const ActionTable = memo(function ActionTable({
  rows,
  focus,
  onOpen,
  sorting,
  onSort,
}: {
  rows: ActionRow[];
  focus: number | null;
  onOpen: (id: number) => void;
  /** The database's order, shown on the column headings (none: the meeting each came from). */
  sorting: SortingState;
  onSort: (next: { id: ActionSort; desc: boolean } | null) => void;
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
      col.accessor((a) => a.dueDate, {
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
      col.accessor('urgency', {
        id: 'urgency',
        header: 'Priority',
        cell: (c) => urgencyLabels[c.row.original.urgency],
      }),
      col.accessor('status', { header: 'Status', cell: (c) => actionStatusLabels[c.getValue()] }),
      col.accessor((a) => a.latestUpdate?.date ?? null, {
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
  // Sorted by the database (the whole log, not this page): the headings only ask for an order.
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: true,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      onSort(first && isSort(first.id) ? { id: first.id, desc: first.desc } : null);
    },
    autoResetPageIndex: false,
    getCoreRowModel: getCoreRowModel(),
  });
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
});
