import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { createColumnHelper, flexRender } from '@tanstack/react-table';
import type { ScorecardRow } from '../../../shared/api/scorecard';
import { formatTimestamp, formatDate } from '../../../shared/domain/dates';
import { formatValue } from '../../../shared/domain/format';
import { ragLabel, type Rag } from '../../../shared/domain/rag';
import { useApi, useApiMutation } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { RagChip, RAGS, ragRank } from '../../components/RagChip';
import { Button, ErrorNote, SelectInput, TextAreaInput, Reads } from '../../components/forms';
import { DirectionText, Sparkline, ValueWithPeriod } from './parts';
import { FreezeDialog } from './FreezeDialog';
import { NewMeasureDialog } from './NewMeasureDialog';
import { SortableThead, useSortableTable } from '../../components/SortableThead';

const directionRank = {
  worsening: 0,
  down: 1,
  similar: 2,
  no_change: 2,
  up: 3,
  improving: 4,
  not_comparable: 5,
} as const;

type Row = ScorecardRow & { groupKey: string };
const col = createColumnHelper<Row>();

/** The performance scorecard: every live measure grouped by priority, RAG computed, never typed. */
export function ScorecardScreen() {
  const [rags, setRags] = useState<Rag[]>([]);
  const [priority, setPriority] = useState<string>('all');
  const q = useApi(
    'scorecard.get',
    {
      ...(rags.length > 0 ? { rag: rags } : {}),
      ...(priority !== 'all' ? { priorityIds: [Number(priority)] } : {}),
    },
    { placeholderData: keepPreviousData },
  ); // filters stay on screen (and keep focus) while it reloads
  const [freezing, setFreezing] = useState(false);
  const [creating, setCreating] = useState(false);

  const toggleRag = (r: Rag, on: boolean) =>
    setRags((cur) => (on ? [...cur, r] : cur.filter((x) => x !== r)));

  return (
    <div className="scorecard-screen">
      <h1>Scorecard</h1>
      <div className="toolbar">
        <Button onPress={() => setFreezing(true)}>Freeze for meeting…</Button>
        <Button variant="secondary" onPress={() => setCreating(true)}>
          New measure…
        </Button>
        <Link to="/scorecard/cohort" className="button secondary">
          Children in care profile
        </Link>
        <Link to="/import" className="button secondary">
          Import figures…
        </Link>
      </div>
      <QueryState query={q}>
        {(d) => (
          <>
            <Reads>
              <div className="toolbar filters" role="group" aria-label="Filter the scorecard">
                <fieldset className="rag-filter">
                  <legend>Show RAG status (none ticked shows all)</legend>
                  {RAGS.map((r) => (
                    <div className="check-field" key={r}>
                      <input
                        id={`rag-filter-${r}`}
                        type="checkbox"
                        checked={rags.includes(r)}
                        onChange={(e) => toggleRag(r, e.target.checked)}
                      />
                      <label htmlFor={`rag-filter-${r}`}>
                        {ragLabel[r]} ({d.counts[r]})
                      </label>
                    </div>
                  ))}
                </fieldset>
                <SelectInput
                  label="Priority"
                  value={priority}
                  onChange={setPriority}
                  options={[
                    { id: 'all', label: 'All priorities' },
                    ...d.priorities.map((p) => ({
                      id: String(p.id),
                      label: p.code ? `${p.code} — ${p.title}` : p.title,
                    })),
                    { id: '0', label: 'Not linked to a priority' },
                  ]}
                />
              </div>
            </Reads>
            <p role="status" className="muted" data-testid="scorecard-count">
              {countWords(d.groups.reduce((n, g) => n + g.rows.length, 0))} shown. Red {d.counts.red}, amber{' '}
              {d.counts.amber}, green {d.counts.green} across the whole scorecard.
            </p>
            {d.groups.length === 0 ? (
              <p>No measures match these filters.</p>
            ) : (
              <div className="table-scroll" role="region" aria-label="Scorecard table" tabIndex={0}>
                <ScorecardTable groups={d.groups} />
              </div>
            )}
            <SnapshotList />
          </>
        )}
      </QueryState>
      {freezing ? <FreezeDialog onClose={() => setFreezing(false)} /> : null}
      {creating ? <NewMeasureDialog onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

const countWords = (n: number) => (n === 1 ? '1 measure' : `${n} measures`);

function ScorecardTable({
  groups,
}: {
  groups: { priorityId: number | null; priorityTitle: string; priorityCode: string; rows: ScorecardRow[] }[];
}) {
  const [open, setOpen] = useState<number | null>(null);
  const data = useMemo<Row[]>(
    () => groups.flatMap((g) => g.rows.map((r) => ({ ...r, groupKey: String(g.priorityId ?? 0) }))),
    [groups],
  );
  const columns = useMemo(
    () => [
      col.accessor('code', { header: 'Code' }),
      col.accessor('title', {
        header: 'Measure',
        // The commentary opens in the row's detail, under the row, so the table keeps to the width
        // of a laptop's screen.
        cell: (c) => {
          const r = c.row.original;
          const has = r.commentary.working || r.commentary.worried || r.commentary.next;
          return (
            <>
              <Link to={`/scorecard/measure/${r.measureId}`}>{c.getValue()}</Link>
              <div>
                <button
                  type="button"
                  className="link-button small"
                  aria-expanded={open === r.measureId}
                  aria-controls={`commentary-${r.measureId}`}
                  onClick={() => setOpen(open === r.measureId ? null : r.measureId)}
                >
                  {open === r.measureId ? 'Hide commentary' : has ? 'Commentary' : 'Add commentary'}
                  <span className="visually-hidden"> for {r.code}</span>
                </button>
              </div>
            </>
          );
        },
      }),
      col.accessor((r) => r.latest?.value ?? Number.NEGATIVE_INFINITY, {
        id: 'latest',
        header: 'Latest',
        cell: (c) => (
          <ValueWithPeriod
            point={c.row.original.latest}
            unit={c.row.original.unit}
            decimals={c.row.original.decimals}
          />
        ),
      }),
      col.accessor((r) => r.target ?? Number.NEGATIVE_INFINITY, {
        id: 'target',
        header: 'Target',
        cell: (c) =>
          c.row.original.target === null ? (
            <span className="muted">No target</span>
          ) : (
            formatValue(c.row.original.target, c.row.original.unit, c.row.original.decimals)
          ),
      }),
      col.accessor((r) => ragRank[r.rag], {
        id: 'rag',
        header: 'RAG',
        cell: (c) => <RagChip rag={c.row.original.rag} />,
      }),
      col.accessor((r) => r.previous?.value ?? Number.NEGATIVE_INFINITY, {
        id: 'previous',
        header: 'Previous',
        cell: (c) => (
          <ValueWithPeriod
            point={c.row.original.previous}
            unit={c.row.original.unit}
            decimals={c.row.original.decimals}
          />
        ),
      }),
      col.accessor((r) => directionRank[r.direction], {
        id: 'direction',
        header: 'Direction',
        cell: (c) => <DirectionText {...c.row.original} />,
      }),
      col.accessor((r) => r.england?.value ?? Number.NEGATIVE_INFINITY, {
        id: 'england',
        header: 'England',
        cell: (c) => (
          <ValueWithPeriod
            point={c.row.original.england}
            unit={c.row.original.unit}
            decimals={c.row.original.decimals}
            samePeriodAs={c.row.original.latest?.period}
          />
        ),
      }),
      col.accessor((r) => r.neighbours?.value ?? Number.NEGATIVE_INFINITY, {
        id: 'neighbours',
        header: 'Neighbours',
        cell: (c) => (
          <ValueWithPeriod
            point={c.row.original.neighbours}
            unit={c.row.original.unit}
            decimals={c.row.original.decimals}
            samePeriodAs={c.row.original.latest?.period}
          />
        ),
      }),
      col.display({
        id: 'trend',
        header: 'Trend',
        cell: (c) => (
          <Sparkline
            series={c.row.original.series}
            unit={c.row.original.unit}
            title={`${c.row.original.code} ${c.row.original.title}`}
          />
        ),
      }),
    ],
    [open],
  );
  const table = useSortableTable(data, columns);
  const rows = table.getRowModel().rows;
  const width = table.getVisibleLeafColumns().length;
  return (
    <table className="data-table scorecard-table" data-testid="scorecard-table">
      <caption className="visually-hidden">Scorecard measures grouped by priority; sortable columns</caption>
      <SortableThead table={table} />
      {groups.map((g) => {
        const key = String(g.priorityId ?? 0);
        const mine = rows.filter((r) => r.original.groupKey === key);
        return (
          <tbody key={key} data-testid={`group-${key}`}>
            <tr className="group-row">
              <th scope="rowgroup" colSpan={width}>
                {g.priorityCode ? `${g.priorityCode} — ` : ''}
                {g.priorityTitle}
              </th>
            </tr>
            {mine.map((r) => (
              <RowAndCommentary
                key={r.id}
                open={open === r.original.measureId}
                width={width}
                row={r.original}
              >
                {r.getVisibleCells().map((c) =>
                  c.column.id === 'code' ? (
                    <th key={c.id} scope="row">
                      {flexRender(c.column.columnDef.cell, c.getContext())}
                    </th>
                  ) : (
                    <td key={c.id} className={`col-${c.column.id}`}>
                      {flexRender(c.column.columnDef.cell, c.getContext())}
                    </td>
                  ),
                )}
              </RowAndCommentary>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}

function RowAndCommentary({
  row,
  open,
  width,
  children,
}: {
  row: ScorecardRow;
  open: boolean;
  width: number;
  children: ReactNode;
}) {
  return (
    <>
      <tr data-testid={`measure-row-${row.code}`} className={`rag-row-${row.rag}`}>
        {children}
      </tr>
      {open ? (
        <tr id={`commentary-${row.measureId}`} className="commentary-row">
          <td colSpan={width}>
            <CommentaryEditor measureId={row.measureId} code={row.code} commentary={row.commentary} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** The three commentary boxes of the council scorecards, edited in place. */
export function CommentaryEditor({
  measureId,
  code,
  commentary,
}: {
  measureId: number;
  code: string;
  commentary: { working: string; worried: string; next: string };
}) {
  const [c, setC] = useState(commentary);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation('measure.setCommentary');
  const dirty =
    c.working !== commentary.working || c.worried !== commentary.worried || c.next !== commentary.next;
  return (
    <form
      className="commentary-form"
      aria-label={`Commentary for ${code}`}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate({ id: measureId, ...c }, { onSuccess: () => setSaved(true) });
      }}
    >
      <div className="commentary-grid">
        <TextAreaInput
          label="What is working well"
          value={c.working}
          onChange={(v) => setC({ ...c, working: v })}
        />
        <TextAreaInput
          label="What we are worried about"
          value={c.worried}
          onChange={(v) => setC({ ...c, worried: v })}
        />
        <TextAreaInput label="Next steps" value={c.next} onChange={(v) => setC({ ...c, next: v })} />
      </div>
      <Button type="submit" isDisabled={save.isPending || !dirty}>
        Save commentary
      </Button>
      {saved && !dirty ? (
        <span role="status" className="saved-note">
          Commentary saved.
        </span>
      ) : null}
      <ErrorNote error={save.error} />
    </form>
  );
}

function SnapshotList() {
  const q = useApi('snapshot.list', {});
  const frozen = (q.data ?? []).filter((m) => m.snapshot);
  if (frozen.length === 0) return null;
  return (
    <section aria-labelledby="snapshots-heading" className="snapshot-list">
      <h2 id="snapshots-heading">Frozen for meetings</h2>
      <ul className="plain">
        {frozen.map((m) => (
          <li key={m.id}>
            <Link to={`/scorecard/snapshot/${m.id}`}>Meeting on {formatDate(m.date)}</Link>{' '}
            <span className="muted">
              — frozen {formatTimestamp(m.snapshot!.takenAt)}
              {m.status === 'minutes_approved' ? ' (minutes approved)' : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
