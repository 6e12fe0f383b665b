import { createColumnHelper } from '@tanstack/react-table';
import type { ApiOutput } from '../../../shared/api';
import { planStatuses, planStatusLabel } from '../../../shared/api/strategy';
import { formatDate } from '../../../shared/domain/dates';
import { formatValue } from '../../../shared/domain/format';
import { DataTable } from '../../components/DataTable';
import { RagChip, ragRank } from '../../components/RagChip';
import { useSortableTable } from '../../components/SortableThead';

type Detail = ApiOutput<'priority.detail'>;
type PlanRow = Detail['actions'][number];
type MeasureRow = Detail['measures'][number];

const plan = createColumnHelper<PlanRow>();
const planColumns = [
  plan.accessor('ref', { header: 'Ref' }),
  plan.accessor('action', { header: 'Action' }),
  plan.accessor('leads', { header: 'Agency leads' }),
  plan.accessor('timescale', { header: 'Timescale' }),
  plan.accessor((a) => planStatuses.indexOf(a.status), {
    id: 'status',
    header: 'Status',
    cell: ({ row: { original: a } }) => (
      <span className={`plan-status plan-${a.status}`}>{planStatusLabel[a.status]}</span>
    ),
  }),
  plan.accessor((a) => a.updates[0]?.date ?? '', {
    id: 'progress',
    header: 'Latest progress',
    cell: ({ row: { original: a } }) =>
      a.updates[0] ? (
        <>
          <span className="muted small">
            {formatDate(a.updates[0].date)}, {a.updates[0].author}
          </span>
          <div>{a.updates[0].text}</div>
        </>
      ) : (
        <span className="muted">None yet</span>
      ),
  }),
];

/** The priority's part of the action plan, sortable by column. */
export function PriorityPlanTable({ actions }: { actions: PlanRow[] }) {
  const table = useSortableTable(actions, planColumns);
  return <DataTable table={table} caption="Actions for this priority" className="data-table" />;
}

const measure = createColumnHelper<MeasureRow>();
const measureColumns = [
  measure.accessor('code', { header: 'Code' }),
  measure.accessor('title', { header: 'Measure' }),
  // Figures in different units do not sort against each other.
  measure.display({
    id: 'latest',
    header: 'Latest',
    cell: ({ row: { original: m } }) =>
      m.latest ? `${formatValue(m.latest.value, m.unit)} (${m.latest.period})` : 'No data',
  }),
  measure.display({
    id: 'target',
    header: 'Target',
    cell: ({ row: { original: m } }) => (m.target === null ? 'No target' : formatValue(m.target, m.unit)),
  }),
  measure.accessor((m) => ragRank[m.rag], {
    id: 'rag',
    header: 'RAG',
    cell: ({ row: { original: m } }) => <RagChip rag={m.rag} />,
  }),
];

/** The measures reporting on the priority, sortable by code, title or RAG. */
export function PriorityMeasureTable({ measures }: { measures: MeasureRow[] }) {
  const table = useSortableTable(measures, measureColumns);
  return (
    <DataTable
      table={table}
      caption="Measures for this priority, latest values"
      className="data-table"
      rowAttrs={(m) => ({ 'data-testid': `pd-measure-${m.code}` })}
    />
  );
}
