/**
 * chart.js configuration for one breakdown of the children in care profile: a stacked bar
 * per period, one segment per category. Used by the cohort screen and the Word export.
 * Pure: no DOM. Fills are plain colours; a caller with a canvas may pass `fill` to use the
 * patterns from palette.paintPattern so segments differ by more than colour.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { cohortBreakdownLabel, type CohortBreakdown } from '../domain/cohort';
import { periodLabel } from '../domain/periods';
import { axisLabel, type ChartOptions } from './measure-chart';
import { barColour } from './palette';

export interface CohortChartInput {
  breakdown: CohortBreakdown;
  /** Canonical periods, in the order to show them (oldest first). */
  periods: readonly string[];
  /** Category names, in the order to stack them (first at the bottom). */
  categories: readonly string[];
  /** counts[c][p] is the number of children in categories[c] in periods[p]; null if not recorded. */
  counts: readonly (readonly (number | null)[])[];
}

const countText = (n: number): string => `${n.toLocaleString('en-GB')} ${n === 1 ? 'child' : 'children'}`;

export function cohortChartConfig(
  input: CohortChartInput,
  opts: ChartOptions & { fill?: (categoryIndex: number) => string | CanvasPattern },
): ChartConfiguration<'bar'> {
  const datasets: ChartDataset<'bar', (number | null)[]>[] = input.categories.map((category, c) => ({
    label: category,
    data: input.periods.map((_p, p) => input.counts[c]?.[p] ?? null),
    backgroundColor: opts.fill ? opts.fill(c) : barColour(c),
    borderColor: '#ffffff',
    borderWidth: 1,
    stack: 'cohort',
  }));
  return {
    type: 'bar',
    data: { labels: input.periods.map(axisLabel), datasets },
    options: {
      animation: opts.animation,
      responsive: opts.responsive,
      // On screen the chart fills its box (the box sets the height); the Word export draws at canvas size.
      maintainAspectRatio: false,
      plugins: {
        title: {
          display: true,
          text: `Children in care by ${cohortBreakdownLabel[input.breakdown].toLowerCase()}`,
          color: '#0b0c0c',
          font: { size: 16, weight: 'bold' },
        },
        legend: { display: true, position: 'bottom', labels: { color: '#0b0c0c' } },
        tooltip: {
          callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${countText(item.parsed.y ?? 0)}` },
        },
      },
      scales: {
        x: { stacked: true, ticks: { color: '#0b0c0c' }, grid: { display: false } },
        y: {
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: 'Number of children', color: '#0b0c0c' },
          ticks: { color: '#0b0c0c', precision: 0 },
          grid: { color: '#e5e6e7' },
        },
      },
    },
  };
}

/** What the chart shows, for aria-label and the Word alt text: the latest period in words. */
export function cohortChartAltText(input: CohortChartInput): string {
  const name = cohortBreakdownLabel[input.breakdown].toLowerCase();
  const p = input.periods.length - 1;
  const lastPeriod = input.periods[p];
  if (lastPeriod === undefined || input.categories.length === 0) {
    return `Stacked bar chart of children in care by ${name}: no figures recorded yet.`;
  }
  const span =
    input.periods.length === 1
      ? `for ${periodLabel(lastPeriod)}`
      : `for ${input.periods.length} periods from ${periodLabel(input.periods[0] as string)} to ${periodLabel(lastPeriod)}`;
  const parts = input.categories.flatMap((category, c) => {
    const n = input.counts[c]?.[p];
    return n === null || n === undefined ? [] : [`${category} ${n.toLocaleString('en-GB')}`];
  });
  const total = input.categories.reduce((sum, _c, c) => sum + (input.counts[c]?.[p] ?? 0), 0);
  return (
    `Stacked bar chart of children in care by ${name} ${span}. ` +
    `In ${periodLabel(lastPeriod)}: ${parts.join(', ')} (total ${countText(total)}).`
  );
}
