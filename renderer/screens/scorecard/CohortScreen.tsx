import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { CohortProfile } from '../../../shared/api/measures';
import { cohortChartAltText, cohortChartConfig } from '../../../shared/charts/cohort-chart';
import { paintPattern } from '../../../shared/charts/palette';
import { cohortBreakdownLabel, cohortBreakdowns, type CohortBreakdown } from '../../../shared/domain/cohort';
import { periodError, periodLabel } from '../../../shared/domain/periods';
import { useApi, useApiMutation } from '../../api/hooks';
import { DataTable } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { useSortableTable } from '../../components/SortableThead';
import { Button, ErrorNote, SelectInput, TextInput } from '../../components/forms';
import { ChartCanvas, shortPeriod } from './parts';

/** A canvas pattern per category (colour plus stripes, dots or hatching) so segments differ by more than colour. */
function patternFill(index: number): string | CanvasPattern {
  const tile = document.createElement('canvas');
  tile.width = 12;
  tile.height = 12;
  const ctx = tile.getContext('2d');
  if (!ctx) return '#1d4f91';
  paintPattern(ctx, index, 12);
  return ctx.createPattern(tile, 'repeat') ?? '#1d4f91';
}

/** The children in care profile (after Peterborough's): a table and stacked bars per breakdown. */
export function CohortScreen() {
  const q = useApi('cohort.get', {});
  return (
    <div className="cohort-screen">
      <p>
        <Link to="/scorecard">← Scorecard</Link>
      </p>
      <h1>Children in care profile</h1>
      <QueryState query={q}>
        {(d) => (
          <>
            {d.breakdowns.length === 0 ? <p>No profile figures have been recorded yet.</p> : null}
            {d.breakdowns.map((b) => (
              <Breakdown key={b.breakdown} periods={d.periods} b={b} />
            ))}
            <CountForm />
          </>
        )}
      </QueryState>
    </div>
  );
}

function Breakdown({ periods, b }: { periods: string[]; b: CohortProfile['breakdowns'][number] }) {
  const input = useMemo(
    () => ({ breakdown: b.breakdown, periods, categories: b.categories, counts: b.counts }),
    [b, periods],
  );
  const config = useMemo(
    () => cohortChartConfig(input, { animation: false, responsive: true, fill: patternFill }),
    [input],
  );
  const headingId = `cohort-${b.breakdown}`;
  return (
    <section aria-labelledby={headingId} className="cohort-breakdown">
      <h2 id={headingId}>{b.label}</h2>
      <div className="cohort-layout">
        <CohortTable periods={periods} b={b} />
        <ChartCanvas
          config={config}
          altText={cohortChartAltText(input)}
          height={300}
          testId={`cohort-chart-${b.breakdown}`}
        />
      </div>
    </section>
  );
}

type BreakdownData = CohortProfile['breakdowns'][number];
interface CategoryRow {
  category: string;
  counts: (number | null)[];
}
const col = createColumnHelper<CategoryRow>();

/** One breakdown's counts: a row per category, a column per period, totals underneath (in the profile's order). */
function CohortTable({ periods, b }: { periods: string[]; b: BreakdownData }) {
  const columns = useMemo(
    () => [
      col.accessor('category', { header: b.label, meta: { rowHeader: true } }),
      ...periods.map((p, j) =>
        col.accessor((r) => r.counts[j] ?? '–', {
          id: p,
          header: () => <abbr title={periodLabel(p)}>{shortPeriod(p)}</abbr>,
          meta: { headerClassName: 'num', cellClassName: 'num' },
        }),
      ),
    ],
    [b.label, periods],
  );
  const rows = useMemo(
    () => b.categories.map((category, i) => ({ category, counts: b.counts[i] ?? [] })),
    [b],
  );
  const table = useSortableTable(rows, columns, { sortable: false });
  return (
    <DataTable
      table={table}
      caption={`Children in care by ${b.label.toLowerCase()}, per period`}
      className="data-table cohort-table"
      testId={`cohort-table-${b.breakdown}`}
      footer={
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {b.totals.map((t, j) => (
              <td key={periods[j]} className="num">
                <strong>{t}</strong>
              </td>
            ))}
          </tr>
        </tfoot>
      }
    />
  );
}

function CountForm() {
  const [period, setPeriod] = useState('');
  const [breakdown, setBreakdown] = useState<CohortBreakdown>('age_band');
  const [category, setCategory] = useState('');
  const [count, setCount] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useApiMutation('cohort.setValue');
  return (
    <section aria-labelledby="record-count">
      <h2 id="record-count">Record or correct a count</h2>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(null);
          const n = count.trim();
          const why = periodError(period)
            ? `Period: ${periodError(period)}`
            : !category.trim()
              ? 'Category must not be empty, e.g. 16+'
              : !/^\d+$/.test(n)
                ? `Count must be a whole number of children, like 12 — “${n}” is not`
                : null;
          setProblem(why);
          if (why) return;
          save.mutate(
            { period, breakdown, category: category.trim(), count: Number(n) },
            {
              onSuccess: () =>
                setSaved(`${cohortBreakdownLabel[breakdown]} “${category.trim()}”: ${n} recorded.`),
            },
          );
        }}
      >
        <TextInput label="Period" value={period} onChange={setPeriod} description="e.g. 2025-26 Q1" />
        <SelectInput
          label="Breakdown"
          value={breakdown}
          onChange={setBreakdown}
          options={cohortBreakdowns.map((b) => ({ id: b, label: cohortBreakdownLabel[b] }))}
        />
        <TextInput label="Category" value={category} onChange={setCategory} />
        <TextInput label="Number of children" value={count} onChange={setCount} />
        <Button type="submit" isDisabled={save.isPending}>
          Save count
        </Button>
      </form>
      {problem ? (
        <div role="alert" className="error-panel">
          {problem}
        </div>
      ) : null}
      {saved ? <p role="status">{saved}</p> : null}
      <ErrorNote error={save.error} />
    </section>
  );
}
