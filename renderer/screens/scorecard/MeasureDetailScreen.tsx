import { History } from '../audit/History';
import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { MeasureDetail, MeasureValue } from '../../../shared/api/measures';
import {
  comparatorLabel,
  measureChartAltText,
  measureChartConfig,
  type ComparatorKind,
} from '../../../shared/charts/measure-chart';
import { formatValue, polarityLabel, unitLabel } from '../../../shared/domain/format';
import { frequencyLabel, yearBasisLabel } from '../../../shared/api/measures';
import { periodError, periodLabel } from '../../../shared/domain/periods';
import { useApi, useApiMutation } from '../../api/hooks';
import { DataTable } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { SortableThead, TableCells, useSortableTable } from '../../components/SortableThead';
import { RagChip } from '../../components/RagChip';
import { Button, ErrorNote, SelectInput, TextInput } from '../../components/forms';
import { ChartCanvas, DirectionText, readNumber } from './parts';
import { directionLabel } from '../../../shared/domain/rag';
import { CommentaryEditor } from './ScorecardScreen';
import { MeasureForm } from './MeasureForm';
import { ConfirmDelete } from '../../components/bin';
import { MeasureDiscussions } from './MeasureDiscussions';

export function MeasureDetailScreen() {
  const id = Number(useParams().id);
  const q = useApi('measure.get', { id }, { enabled: Number.isInteger(id) && id > 0 });
  if (!Number.isInteger(id) || id <= 0) return <p role="alert">That measure does not exist.</p>;
  return <QueryState query={q}>{(m) => <MeasureDetailView m={m} />}</QueryState>;
}

function MeasureDetailView({ m }: { m: MeasureDetail }) {
  const [editing, setEditing] = useState(false);
  // After saving or cancelling the edit form, focus returns to "Edit measure" (WCAG 2.4.3).
  const [refocusEdit, setRefocusEdit] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!editing && refocusEdit) {
      editButton.current?.focus();
      setRefocusEdit(false);
    }
  }, [editing, refocusEdit]);
  const closeEditor = () => {
    setEditing(false);
    setRefocusEdit(true);
  };
  const update = useApiMutation('measure.update');
  const archive = useApiMutation('measure.archive');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const navigate = useNavigate();
  const chartInput = useMemo(
    () => ({
      title: `${m.code} ${m.title}`,
      unit: m.unit,
      polarity: m.polarity,
      target: m.target,
      series: m.values,
      comparators: m.comparators,
    }),
    [m],
  );
  const config = useMemo(
    () => measureChartConfig(chartInput, { animation: false, responsive: true }),
    [chartInput],
  );
  const alt = measureChartAltText(chartInput);

  return (
    <div className="measure-detail">
      <p>
        <Link to="/scorecard">← Scorecard</Link>
      </p>
      <h1>
        {m.code} — {m.title}
        {m.archived ? <span className="tag"> (archived)</span> : null}
      </h1>
      <History entity="measure" id={m.id} what={`measure ${m.code}`} />
      <div className="measure-status cards">
        <div className="card">
          <h2 className="small-heading">RAG</h2>
          <p data-testid="measure-rag">
            <RagChip rag={m.status.rag} />
          </p>
        </div>
        <div className="card">
          <h2 className="small-heading">Latest</h2>
          <p className="big" data-testid="measure-latest">
            {m.status.latest ? formatValue(m.status.latest.value, m.unit, m.decimals) : 'No data'}
          </p>
          {m.status.latest ? <p className="muted">{periodLabel(m.status.latest.period)}</p> : null}
        </div>
        <div className="card">
          <h2 className="small-heading">Target</h2>
          <p className="big" data-testid="measure-target">
            {m.target === null ? 'No target' : formatValue(m.target, m.unit, m.decimals)}
          </p>
          <p className="muted">
            {polarityLabel[m.polarity]}
            {m.target !== null && m.polarity !== 'neither'
              ? `; amber within ${formatValue(m.tolerance, m.unit, m.decimals)}`
              : ''}
          </p>
        </div>
        <div className="card">
          <h2 className="small-heading">Direction of travel</h2>
          <p>
            <DirectionText
              direction={m.status.direction}
              latest={m.status.latest}
              previous={m.status.previous}
              gap={m.status.gap}
              directionReason={m.status.directionReason}
            />
          </p>
          {m.status.lastYear ? (
            <p className="muted small" data-testid="measure-last-year">
              Same period last year ({periodLabel(m.status.lastYear.period)}):{' '}
              {formatValue(m.status.lastYear.value, m.unit, m.decimals)} —{' '}
              {directionLabel[m.status.lastYearDirection].toLowerCase()}
            </p>
          ) : null}
        </div>
      </div>

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">Trend</h2>
        <ChartCanvas config={config} altText={alt} testId="measure-chart" />
        <p className="muted small">The table of values below gives the same figures.</p>
      </section>

      <ValuesTable m={m} />

      <MeasureDiscussions m={m} />

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">About this measure</h2>
        {editing ? (
          <MeasureForm
            initial={{
              code: m.code,
              title: m.title,
              definition: m.definition,
              unit: m.unit,
              polarity: m.polarity,
              target: m.target === null ? '' : String(m.target),
              tolerance: String(m.tolerance),
              frequency: m.frequency,
              owner: m.owner,
              source: m.source,
              numeratorDefinition: m.numeratorDefinition,
              denominatorDefinition: m.denominatorDefinition,
              dfeRef: m.dfeRef,
              ageBand: m.ageBand,
              yearBasis: m.yearBasis,
              decimals: m.decimals === null ? '' : String(m.decimals),
              similarBand: m.similarBand === null ? '' : String(m.similarBand),
              priorityId: m.priorityId === null ? 'none' : String(m.priorityId),
              links: {
                priorities: m.links.priorities.map((x) => x.id),
                pledges: m.links.pledges.map((x) => x.id),
                principles: m.links.principles.map((x) => x.id),
              },
            }}
            priorities={m.options.priorities}
            linkOptions={m.options}
            submitLabel="Save measure"
            pending={update.isPending}
            error={update.error}
            onCancel={closeEditor}
            onSubmit={(v) => update.mutate({ id: m.id, ...v }, { onSuccess: closeEditor })}
          />
        ) : (
          <>
            <dl className="facts" data-testid="measure-definition">
              <dt>What is counted</dt>
              <dd>{m.definition || '–'}</dd>
              <dt>Numerator</dt>
              <dd>{m.numeratorDefinition || '–'}</dd>
              <dt>Denominator</dt>
              <dd>{m.denominatorDefinition || '–'}</dd>
              <dt>Age band</dt>
              <dd>{m.ageBand || '–'}</dd>
              <dt>DfE or SSDA903 reference</dt>
              <dd>{m.dfeRef || '–'}</dd>
              <dt>Unit</dt>
              <dd>{unitLabel[m.unit]}</dd>
              <dt>Polarity</dt>
              <dd>{polarityLabel[m.polarity]}</dd>
              <dt>Target</dt>
              <dd>{m.target === null ? 'No target' : formatValue(m.target, m.unit, m.decimals)}</dd>
              <dt>Amber band</dt>
              <dd>{formatValue(m.tolerance, m.unit, m.decimals)}</dd>
              <dt>Decimal places</dt>
              <dd>{m.decimals ?? `${m.defaults.decimals} (the unit's usual)`}</dd>
              <dt>Similar band</dt>
              <dd>
                {m.similarBand === null
                  ? `${formatValue(m.defaults.similarBand, m.unit)} (the unit's usual)`
                  : formatValue(m.similarBand, m.unit)}
              </dd>
              <dt>Reporting frequency</dt>
              <dd>
                {frequencyLabel[m.frequency]}; {yearBasisLabel[m.yearBasis].toLowerCase()}
              </dd>
              <dt>Priority</dt>
              <dd>{m.priorityTitle ?? 'Not linked to a priority'}</dd>
              <dt>Owner</dt>
              <dd>{m.owner || '–'}</dd>
              <dt>Source</dt>
              <dd>{m.source || '–'}</dd>
              <dt>Links</dt>
              <dd>
                {[
                  ...m.links.principles.map((p) => `Principle (${p.code}) ${p.title}`),
                  ...m.links.pledges.map((p) => `${p.code} ${p.title}`),
                  ...m.links.priorities.map((p) => `Priority ${p.code} ${p.title}`),
                ].join('; ') || 'None'}
              </dd>
            </dl>
            <div className="toolbar">
              <Button ref={editButton} onPress={() => setEditing(true)}>
                Edit measure
              </Button>
              <Button
                variant="secondary"
                isDisabled={archive.isPending}
                onPress={() => archive.mutate({ id: m.id, archived: !m.archived })}
              >
                {m.archived ? 'Restore to the scorecard' : 'Archive measure'}
              </Button>
              <Button variant="danger" onPress={() => setConfirmDelete(true)}>
                Delete measure
              </Button>
            </div>
            <ErrorNote error={archive.error} />
            <ConfirmDelete
              isOpen={confirmDelete}
              onClose={() => setConfirmDelete(false)}
              method="measure.delete"
              input={{ id: m.id }}
              kind="measure"
              recordId={m.id}
              what={`the measure ${m.code} ${m.title}`}
              detail="Its figures, comparators and links go with it; frozen scorecard snapshots keep their copy. To keep its history, archive it instead."
              action="Delete the measure"
              onDeleted={() => void navigate('/scorecard')}
              backTo={(id) => `/scorecard/measure/${id}`}
            />
          </>
        )}
      </section>

      <ComparatorsSection m={m} />

      <section aria-labelledby="commentary-heading">
        <h2 id="commentary-heading">Commentary</h2>
        <CommentaryEditor key={m.id} measureId={m.id} code={m.code} commentary={m.commentary} />
      </section>
    </div>
  );
}

const example: Record<MeasureDetail['frequency'], string> = {
  monthly: '2025-06',
  quarterly: '2025-26 Q1',
  annual: '2025-26',
};

/** One recorded value, with what its Edit and Remove buttons do. */
interface ValueRow {
  m: MeasureDetail;
  v: MeasureValue;
  onEdit: (period: string) => void;
  onRemove: (period: string) => void;
  removing: boolean;
}
const valueCol = createColumnHelper<ValueRow>();
const valueColumns = [
  valueCol.accessor((r) => r.v.period, {
    id: 'period',
    header: 'Period',
    meta: { rowHeader: true },
    cell: (c) => periodLabel(c.getValue()),
  }),
  valueCol.accessor((r) => r.v.value, {
    id: 'value',
    header: 'Value',
    cell: ({ row: { original: r } }) => formatValue(r.v.value, r.m.unit),
  }),
  valueCol.accessor((r) => r.v.numerator ?? '–', { id: 'numerator', header: 'Numerator' }),
  valueCol.accessor((r) => r.v.denominator ?? '–', { id: 'denominator', header: 'Denominator' }),
  valueCol.accessor((r) => r.v.note, { id: 'note', header: 'Note' }),
  valueCol.display({
    id: 'change',
    header: () => <span className="visually-hidden">Change</span>,
    meta: { cellClassName: 'row-actions' },
    cell: ({ row: { original: r } }) => (
      <>
        <Button
          variant="secondary"
          onPress={() => r.onEdit(r.v.period)}
          aria-label={`Edit the value for ${periodLabel(r.v.period)}`}
        >
          Edit
        </Button>
        <Button
          variant="secondary"
          isDisabled={r.removing}
          onPress={() => r.onRemove(r.v.period)}
          aria-label={`Remove the value for ${periodLabel(r.v.period)}`}
        >
          Remove
        </Button>
      </>
    ),
  }),
];

/** Values newest first, each edited in place; the first row adds one (not sortable: the rows are a form). */
function ValuesTable({ m }: { m: MeasureDetail }) {
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useApiMutation('measure.deleteValue');
  const removeValue = remove.mutate;
  const onRemove = useCallback(
    (period: string) => {
      if (window.confirm(`Remove the ${periodLabel(period)} value of ${m.code}?`))
        removeValue({ measureId: m.id, period });
    },
    [m.code, m.id, removeValue],
  );
  const rows = useMemo(
    () =>
      [...m.values]
        .reverse()
        .map((v) => ({ m, v, onEdit: setEditing, onRemove, removing: remove.isPending })),
    [m, onRemove, remove.isPending],
  );
  const table = useSortableTable(rows, valueColumns, { sortable: false });
  return (
    <section aria-labelledby="values-heading">
      <h2 id="values-heading">Values</h2>
      <table className="data-table values-table" data-testid="values-table">
        <caption className="visually-hidden">
          Values of {m.code} by period, newest first
          {m.unit === 'percent' ? ', with numerator and denominator' : ''}
        </caption>
        <SortableThead table={table} />
        <tbody>
          <ValueEditor m={m} key="new" />
          {table.getRowModel().rows.map((row) => {
            const v = row.original.v;
            return editing === v.period ? (
              <ValueEditor m={m} value={v} key={v.period} onDone={() => setEditing(null)} />
            ) : (
              <tr key={v.period} data-testid={`value-${v.period}`}>
                <TableCells row={row} />
              </tr>
            );
          })}
        </tbody>
      </table>
      <ErrorNote error={remove.error} />
      {m.noFigures.length ? (
        <>
          <h3>Published without a figure</h3>
          <ul data-testid="no-figures">
            {m.noFigures.map((n) => (
              <li key={`${n.kind}-${n.period}`}>
                {periodLabel(n.period)}, {n.kind === 'value' ? m.code : comparatorLabel[n.kind]}: no figure.{' '}
                {n.note}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** One row of the values table in edit mode; without `value` it is the "add a value" row. */
function ValueEditor({ m, value, onDone }: { m: MeasureDetail; value?: MeasureValue; onDone?: () => void }) {
  const [period, setPeriod] = useState(value?.period ?? '');
  const [val, setVal] = useState(value ? String(value.value) : '');
  const [num, setNum] = useState(
    value?.numerator === null || value?.numerator === undefined ? '' : String(value.numerator),
  );
  const [den, setDen] = useState(
    value?.denominator === null || value?.denominator === undefined ? '' : String(value.denominator),
  );
  const [note, setNote] = useState(value?.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useApiMutation('measure.setValue');
  const periodInput = useRef<HTMLInputElement>(null);
  const where = value ? periodLabel(value.period) : 'the new period';

  const submit = () => {
    const problems: string[] = [];
    const pe = value ? '' : periodError(period);
    if (pe) problems.push(`Period: ${pe}`);
    const v = readNumber(val, 'Value');
    if (v.error) problems.push(v.error);
    else if (v.value === null) problems.push('Value must not be empty');
    const n = readNumber(num, 'Numerator');
    if (n.error) problems.push(n.error);
    const d = readNumber(den, 'Denominator');
    if (d.error) problems.push(d.error);
    setProblem(problems.length > 0 ? problems.join('. ') : null);
    if (problems.length > 0 || v.value === null) return;
    save.mutate(
      {
        measureId: m.id,
        period: value?.period ?? period,
        value: v.value,
        numerator: n.value,
        denominator: d.value,
        note,
      },
      {
        onSuccess: () => {
          if (onDone) onDone();
          else {
            setPeriod('');
            setVal('');
            setNum('');
            setDen('');
            setNote('');
            // Ready for the next value: focus stays in the add row (WCAG 2.4.3).
            periodInput.current?.focus();
          }
        },
      },
    );
  };

  const input = (label: string, v: string, set: (s: string) => void, size = 8) => (
    <input
      aria-label={`${label} for ${where}`}
      value={v}
      size={size}
      onChange={(e) => set(e.target.value)}
      onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), submit())}
    />
  );
  return (
    <>
      <tr className="editing-row" data-testid={value ? `editing-${value.period}` : 'new-value-row'}>
        <th scope="row">
          {value ? (
            periodLabel(value.period)
          ) : (
            <input
              ref={periodInput}
              aria-label="Period of the new value"
              placeholder={`e.g. ${example[m.frequency]}`}
              value={period}
              size={12}
              onChange={(e) => setPeriod(e.target.value)}
            />
          )}
        </th>
        <td>{input('Value', val, setVal)}</td>
        <td>{input('Numerator', num, setNum)}</td>
        <td>{input('Denominator', den, setDen)}</td>
        <td>{input('Note', note, setNote, 20)}</td>
        <td className="row-actions">
          <Button onPress={submit} isDisabled={save.isPending}>
            {value ? 'Save' : 'Add value'}
          </Button>
          {onDone ? (
            <Button variant="secondary" onPress={onDone}>
              Cancel
            </Button>
          ) : null}
        </td>
      </tr>
      {problem || save.error ? (
        <tr>
          <td colSpan={6}>
            {problem ? (
              <div role="alert" className="error-panel">
                {problem}
              </div>
            ) : null}
            <ErrorNote error={save.error} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

const KINDS: ComparatorKind[] = ['england', 'neighbours', 'region'];

interface ComparatorFigure {
  kind: ComparatorKind;
  period: string;
  value: number;
}
interface ComparatorRow extends ComparatorFigure {
  unit: MeasureDetail['unit'];
  onRemove: (r: ComparatorFigure) => void;
}
const comparatorCol = createColumnHelper<ComparatorRow>();
const comparatorColumns = [
  comparatorCol.accessor((r) => comparatorLabel[r.kind], {
    id: 'kind',
    header: 'Comparator',
    meta: { rowHeader: true },
  }),
  comparatorCol.accessor((r) => periodLabel(r.period), { id: 'period', header: 'Period' }),
  comparatorCol.accessor((r) => formatValue(r.value, r.unit), { id: 'value', header: 'Value' }),
  comparatorCol.display({
    id: 'change',
    header: () => <span className="visually-hidden">Change</span>,
    cell: ({ row: { original: r } }) => (
      <Button
        variant="secondary"
        aria-label={`Remove the ${comparatorLabel[r.kind]} figure for ${periodLabel(r.period)}`}
        onPress={() => r.onRemove(r)}
      >
        Remove
      </Button>
    ),
  }),
];

/** The comparator figures, by comparator then period (not sortable: few rows, in a fixed order). */
function ComparatorTable({
  m,
  rows,
  onRemove,
}: {
  m: MeasureDetail;
  rows: ComparatorFigure[];
  onRemove: (r: ComparatorFigure) => void;
}) {
  const data = rows.map((r) => ({ ...r, unit: m.unit, onRemove }));
  const table = useSortableTable(data, comparatorColumns, { sortable: false });
  return <DataTable table={table} caption={`Comparator figures for ${m.code}`} className="data-table" />;
}

function ComparatorsSection({ m }: { m: MeasureDetail }) {
  const [kind, setKind] = useState<ComparatorKind>('england');
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const set = useApiMutation('measure.setComparator');
  const rows = KINDS.flatMap((k) => m.comparators[k].map((p) => ({ kind: k, ...p })));
  const removeFigure = (r: ComparatorFigure) =>
    set.mutate({ measureId: m.id, kind: r.kind, period: r.period, value: null });
  return (
    <section aria-labelledby="comparators-heading">
      <h2 id="comparators-heading">Comparators</h2>
      {rows.length === 0 ? (
        <p>No comparator figures recorded.</p>
      ) : (
        <ComparatorTable m={m} rows={rows} onRemove={removeFigure} />
      )}
      <form
        className="toolbar"
        aria-label="Record a comparator figure"
        onSubmit={(e) => {
          e.preventDefault();
          const pe = periodError(period);
          const v = readNumber(value, 'Value');
          const why = pe
            ? `Period: ${pe}`
            : (v.error ?? (v.value === null ? 'Value must not be empty' : null));
          setProblem(why);
          if (why || v.value === null) return;
          set.mutate(
            { measureId: m.id, kind, period, value: v.value },
            { onSuccess: () => (setPeriod(''), setValue('')) },
          );
        }}
      >
        <SelectInput
          label="Comparator"
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ id: k, label: comparatorLabel[k] }))}
        />
        <TextInput
          label="Period"
          value={period}
          onChange={setPeriod}
          description="e.g. 2025-26 or 2025-26 Q1"
        />
        <TextInput label="Value" value={value} onChange={setValue} />
        <Button type="submit" isDisabled={set.isPending}>
          Record comparator
        </Button>
      </form>
      {problem ? (
        <div role="alert" className="error-panel">
          {problem}
        </div>
      ) : null}
      <ErrorNote error={set.error} />
    </section>
  );
}
