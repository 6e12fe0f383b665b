import { createColumnHelper, type Row } from '@tanstack/react-table';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { SnapshotRow } from '../../../shared/api/scorecard';
import { formatDate, formatTimestamp } from '../../../shared/domain/dates';
import { formatValue } from '../../../shared/domain/format';
import { useApi } from '../../api/hooks';
import { QueryState } from '../../components/QueryState';
import { SortableThead, TableCells, useSortableTable } from '../../components/SortableThead';
import { RagChip } from '../../components/RagChip';
import { Button } from '../../components/forms';
import { FreezeDialog } from './FreezeDialog';
import { DirectionText, ValueWithPeriod } from './parts';

/** A meeting's frozen scorecard: exactly what the Board saw, whatever figures arrived later. */
export function SnapshotScreen() {
  const meetingId = Number(useParams().meetingId);
  const valid = Number.isInteger(meetingId) && meetingId > 0;
  const q = useApi('snapshot.get', { meetingId }, { enabled: valid });
  const [freezing, setFreezing] = useState(false);
  if (!valid) return <p role="alert">That meeting does not exist.</p>;
  return (
    <div className="snapshot-screen">
      <p>
        <Link to="/scorecard">← Scorecard</Link>
      </p>
      <QueryState query={q}>
        {(d) => {
          const approved = d.meeting.status === 'minutes_approved';
          return (
            <>
              <h1>Scorecard for the meeting on {formatDate(d.meeting.date)}</h1>
              {d.snapshot ? (
                <p data-testid="snapshot-taken">
                  Frozen {formatTimestamp(d.snapshot.takenAt)} · {d.snapshot.rowCount} measures
                  {approved ? ' · minutes approved: this snapshot can no longer change' : ''}
                </p>
              ) : (
                <p>No scorecard has been frozen for this meeting.</p>
              )}
              {!approved ? (
                <div className="toolbar">
                  <Button variant={d.snapshot ? 'secondary' : 'primary'} onPress={() => setFreezing(true)}>
                    {d.snapshot ? 'Freeze again…' : 'Freeze for this meeting…'}
                  </Button>
                </div>
              ) : null}
              {d.snapshot ? (
                <div className="table-scroll" role="region" aria-label="Frozen scorecard table" tabIndex={0}>
                  <SnapshotTable rows={d.snapshot.rows} />
                </div>
              ) : null}
              {freezing ? <FreezeDialog meetingId={d.meeting.id} onClose={() => setFreezing(false)} /> : null}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

const col = createColumnHelper<SnapshotRow>();
const columns = [
  col.accessor('code', { header: 'Code', meta: { rowHeader: true } }),
  col.accessor('title', { header: 'Measure' }),
  col.display({
    id: 'latest',
    header: 'Latest',
    meta: { cellClassName: 'col-latest' },
    cell: ({ row: { original: r } }) => (
      <ValueWithPeriod point={r.latest} unit={r.unit} decimals={r.decimals} />
    ),
  }),
  col.display({
    id: 'target',
    header: 'Target',
    meta: { cellClassName: 'col-target' },
    cell: ({ row: { original: r } }) =>
      r.target === null ? (
        <span className="muted">No target</span>
      ) : (
        formatValue(r.target, r.unit, r.decimals)
      ),
  }),
  col.display({
    id: 'rag',
    header: 'RAG',
    meta: { cellClassName: 'col-rag' },
    cell: ({ row: { original: r } }) => <RagChip rag={r.rag} />,
  }),
  col.display({
    id: 'previous',
    header: 'Previous',
    cell: ({ row: { original: r } }) => (
      <ValueWithPeriod point={r.previous} unit={r.unit} decimals={r.decimals} />
    ),
  }),
  col.display({
    id: 'direction',
    header: 'Direction',
    cell: ({ row: { original: r } }) => (
      <DirectionText
        direction={r.direction}
        latest={r.latest}
        previous={r.previous}
        gap={r.gap}
        directionReason={r.directionReason}
      />
    ),
  }),
  col.display({
    id: 'england',
    header: 'England',
    cell: ({ row: { original: r } }) => (
      <ValueWithPeriod
        point={r.england === null ? null : { period: r.englandPeriod ?? '', value: r.england }}
        unit={r.unit}
        decimals={r.decimals}
        samePeriodAs={r.englandPeriod === null ? '' : r.latest?.period}
      />
    ),
  }),
  col.display({
    id: 'neighbours',
    header: 'Neighbours',
    cell: ({ row: { original: r } }) => (
      <ValueWithPeriod
        point={r.neighbours === null ? null : { period: r.neighboursPeriod ?? '', value: r.neighbours }}
        unit={r.unit}
        decimals={r.decimals}
        samePeriodAs={r.neighboursPeriod === null ? '' : r.latest?.period}
      />
    ),
  }),
  col.display({
    id: 'commentary',
    header: 'Commentary',
    meta: { cellClassName: 'commentary-cell' },
    cell: ({ row: { original: r } }) => (
      <>
        {r.commentary.working ? (
          <p>
            <strong>Working well:</strong> {r.commentary.working}
          </p>
        ) : null}
        {r.commentary.worried ? (
          <p>
            <strong>Worried about:</strong> {r.commentary.worried}
          </p>
        ) : null}
        {r.commentary.next ? (
          <p>
            <strong>Next steps:</strong> {r.commentary.next}
          </p>
        ) : null}
      </>
    ),
  }),
];

/** The frozen rows in the order frozen, grouped by priority as the Board saw them (not sortable: it is a record). */
function SnapshotTable({ rows }: { rows: SnapshotRow[] }) {
  const table = useSortableTable(rows, columns, { sortable: false });
  const groups: { title: string; rows: Row<SnapshotRow>[] }[] = [];
  for (const r of table.getRowModel().rows) {
    const g = groups.at(-1);
    if (g && g.title === r.original.priorityTitle) g.rows.push(r);
    else groups.push({ title: r.original.priorityTitle, rows: [r] });
  }
  return (
    <table className="data-table scorecard-table" data-testid="snapshot-table">
      <caption className="visually-hidden">Frozen scorecard, grouped by priority</caption>
      <SortableThead table={table} />
      {groups.map((g) => (
        <tbody key={`${g.title}-${g.rows[0]!.original.position}`}>
          <tr className="group-row">
            <th scope="rowgroup" colSpan={columns.length}>
              {g.title}
            </th>
          </tr>
          {g.rows.map((r) => (
            <tr key={r.original.position} data-testid={`snapshot-row-${r.original.code}`}>
              <TableCells row={r} />
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
