/**
 * chart.js configuration for one measure's line chart: the series, a dashed target line and
 * the England / statistical neighbours / region comparators, on en-GB period labels.
 * Used by the measure detail screen (canvas) and the Word export (@napi-rs/canvas), so both
 * draw the same chart. Pure: builds plain objects, touches no DOM.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { formatValue, polarityLabel, unitLabel, type Unit } from '../domain/format';
import { comparePeriods, nextPeriod, parsePeriod, periodLabel } from '../domain/periods';
import type { Polarity } from '../domain/rag';
import { lineColours, lineDashes, pointStyles } from './palette';

export interface ChartPoint {
  period: string;
  value: number;
}

export type ComparatorKind = 'england' | 'neighbours' | 'region';

export const comparatorLabel: Record<ComparatorKind, string> = {
  england: 'England',
  neighbours: 'Statistical neighbours',
  region: 'Region',
};

export interface MeasureChartInput {
  title: string;
  /** The series' name in the legend (the Word export: the council's name, so the legend fits on one line); default the title. */
  seriesLabel?: string;
  unit: Unit;
  polarity: Polarity;
  target: number | null;
  series: readonly ChartPoint[];
  comparators?: Partial<Record<ComparatorKind, readonly ChartPoint[]>>;
}

export interface ChartOptions {
  /** false for the Word export (one frame) and for tests. */
  animation: false | { duration: number };
  responsive: boolean;
  /**
   * Period labels on one line (the Word export): the full label when few periods fit across,
   * otherwise the short form ('Q1 2025-26'). Default: two-line labels (the screen).
   */
  oneLineLabels?: boolean;
}

/** The short form of a period label, without the months in brackets: 'Q1 2025-26', 'June 2025'. */
export function shortPeriodLabel(canonical: string): string {
  const label = periodLabel(canonical);
  const i = label.indexOf(' (');
  return i > 0 ? label.slice(0, i) : label;
}

/** Quarters up to this many fit across the export chart with their months on one line. */
const FULL_LABELS_UP_TO = 4;

/**
 * The y-axis range that fits the data (series, target, comparators) with about 10% padding,
 * so the lines do not sit in a flat band. Zero stays the floor only when the values come near
 * it (or the padding would cross it), and percentages never run past 100%.
 */
export function yAxisRange(input: MeasureChartInput): {
  suggestedMin?: number;
  suggestedMax?: number;
  min?: number;
  max?: number;
} {
  const values = [
    ...readable(input.series).map((p) => p.value),
    ...COMPARATORS.flatMap((k) => readable(input.comparators?.[k]).map((p) => p.value)),
    ...(input.target !== null && Number.isFinite(input.target) ? [input.target] : []),
  ];
  if (values.length === 0) return {};
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const spread = hi - lo > 0 ? hi - lo : Math.max(Math.abs(hi) * 0.1, 1);
  const pad = spread * 0.1;
  const range: { suggestedMin?: number; suggestedMax?: number; min?: number; max?: number } = {};
  // Near zero: the values start within a quarter of their spread from 0.
  if (lo >= 0 && (lo - pad <= 0 || lo <= spread * 0.25)) range.min = 0;
  else range.suggestedMin = lo - pad;
  if (input.unit === 'percent' && hi <= 100 && hi + 2 * pad >= 100) range.max = 100;
  else range.suggestedMax = hi + pad;
  return range;
}

/** Axis label on up to two lines: 'Q1 2025-26' over '(Apr–Jun 2025)'; months and years on one. */
export function axisLabel(canonical: string): string | string[] {
  const label = periodLabel(canonical);
  const i = label.indexOf(' (');
  return i > 0 ? [label.slice(0, i), label.slice(i + 1)] : label;
}

const COMPARATORS: readonly ComparatorKind[] = ['england', 'neighbours', 'region'];

const readable = (points: readonly ChartPoint[] | undefined): ChartPoint[] =>
  (points ?? []).filter((p) => Number.isFinite(p.value) && parsePeriod(p.period) !== null);

/** Every period on the chart (series and comparators), canonical and in time order. */
export function chartPeriods(input: MeasureChartInput): string[] {
  const all = new Set<string>();
  for (const p of readable(input.series)) all.add(p.period);
  for (const kind of COMPARATORS) for (const p of readable(input.comparators?.[kind])) all.add(p.period);
  const sorted = [...all].sort(comparePeriods);
  // Periods of one kind: show every period between the first and last, so a missing one is a visible gap.
  const kinds = new Set(sorted.map((p) => parsePeriod(p)?.kind));
  const first = sorted[0];
  const last = sorted.at(-1);
  if (kinds.size !== 1 || first === undefined || last === undefined) return sorted;
  const filled = [first];
  while (filled.length < 400 && comparePeriods(filled.at(-1) as string, last) < 0)
    filled.push(nextPeriod(filled.at(-1) as string));
  return filled;
}

const valuesOn = (periods: readonly string[], points: readonly ChartPoint[]): (number | null)[] => {
  const byPeriod = new Map(readable(points).map((p) => [p.period, p.value]));
  return periods.map((period) => byPeriod.get(period) ?? null);
};

export function measureChartConfig(input: MeasureChartInput, opts: ChartOptions): ChartConfiguration<'line'> {
  const periods = chartPeriods(input);
  const label = opts.oneLineLabels
    ? periods.length <= FULL_LABELS_UP_TO
      ? periodLabel
      : shortPeriodLabel
    : axisLabel;
  const datasets: ChartDataset<'line', (number | null)[]>[] = [
    {
      label: input.seriesLabel ?? input.title,
      data: valuesOn(periods, input.series),
      borderColor: lineColours.series,
      backgroundColor: lineColours.series,
      borderWidth: 3,
      borderDash: lineDashes.series,
      pointStyle: pointStyles.series,
      pointRadius: 4,
      // A missing period stays a visible gap rather than a line drawn across it.
      spanGaps: false,
      tension: 0,
    },
  ];
  if (input.target !== null && Number.isFinite(input.target) && periods.length > 0) {
    datasets.push({
      label: `Target (${formatValue(input.target, input.unit)})`,
      data: periods.map(() => input.target),
      borderColor: lineColours.target,
      backgroundColor: lineColours.target,
      borderWidth: 2,
      borderDash: [...lineDashes.target],
      pointStyle: pointStyles.target,
      pointRadius: 0,
      tension: 0,
    });
  }
  for (const kind of COMPARATORS) {
    const points = readable(input.comparators?.[kind]);
    if (points.length === 0) continue;
    datasets.push({
      label: comparatorLabel[kind],
      data: valuesOn(periods, points),
      borderColor: lineColours[kind],
      backgroundColor: lineColours[kind],
      borderWidth: 2,
      borderDash: [...lineDashes[kind]],
      pointStyle: pointStyles[kind],
      pointRadius: 4,
      // Comparators are often annual only: join their points.
      spanGaps: true,
      tension: 0,
    });
  }
  const unit = input.unit;
  return {
    type: 'line',
    data: { labels: periods.map((p) => label(p)), datasets },
    options: {
      animation: opts.animation,
      responsive: opts.responsive,
      // On screen the chart fills its box (the box sets the height); the Word export draws at canvas size.
      maintainAspectRatio: false,
      plugins: {
        title: { display: true, text: input.title, color: '#0b0c0c', font: { size: 16, weight: 'bold' } },
        subtitle: {
          display: true,
          text: `${unitLabel[unit]} · ${polarityLabel[input.polarity]}`,
          color: '#505a5f',
          padding: { bottom: 12 },
        },
        // Legend keys are short lines in each line's own dash, not marker shapes.
        legend: {
          display: true,
          position: 'bottom',
          labels: {
            color: '#0b0c0c',
            usePointStyle: true,
            pointStyle: 'line',
            pointStyleWidth: 28,
            padding: 12,
          },
        },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label ?? ''}: ${formatValue(item.parsed.y ?? null, unit)}`,
          },
        },
      },
      scales: {
        x: {
          ticks: { color: '#0b0c0c', ...(opts.oneLineLabels ? { maxRotation: 0, autoSkip: true } : {}) },
          grid: { color: '#e5e6e7' },
        },
        y: {
          title: { display: true, text: unitLabel[unit], color: '#0b0c0c' },
          ticks: { color: '#0b0c0c', callback: (v) => formatValue(Number(v), unit) },
          grid: { color: '#e5e6e7' },
          beginAtZero: false,
          ...yAxisRange(input),
        },
      },
    },
  };
}

const relation = (value: number, target: number, unit: Unit, polarity: Polarity): string => {
  const diff = value - target;
  const targetText = `the target of ${formatValue(target, unit)}`;
  if (Math.abs(diff) < 1e-9) return `meets ${targetText}`;
  const size = unit === 'percent' ? formatValue(Math.abs(diff), 'score') : formatValue(Math.abs(diff), unit);
  const amount =
    size === '0'
      ? 'just'
      : unit === 'percent'
        ? `${size} percentage ${size === '1' ? 'point' : 'points'}`
        : size;
  const side = diff > 0 ? 'above' : 'below';
  const verdict =
    polarity === 'neither'
      ? ''
      : diff > 0 === (polarity === 'higher')
        ? ', better than target'
        : ', worse than target';
  return `is ${amount} ${side} ${targetText}${verdict}`;
};

/** One or two sentences saying what the chart shows, for aria-label and the Word alt text. */
export function measureChartAltText(input: MeasureChartInput): string {
  const points = readable(input.series).sort((a, b) => comparePeriods(a.period, b.period));
  const unit = input.unit;
  const sentences: string[] = [];
  if (points.length === 0) {
    sentences.push(`Line chart of ${input.title}: no values recorded yet.`);
  } else {
    const first = points[0] as ChartPoint;
    const last = points.at(-1) as ChartPoint;
    const span =
      points.length === 1
        ? `1 value, for ${periodLabel(first.period)}`
        : `${points.length} values from ${periodLabel(first.period)} to ${periodLabel(last.period)}`;
    sentences.push(`Line chart of ${input.title} (${polarityLabel[input.polarity].toLowerCase()}): ${span}.`);
    const latest = `The latest value, ${formatValue(last.value, unit)} for ${periodLabel(last.period)}`;
    if (input.target !== null && Number.isFinite(input.target)) {
      sentences.push(`${latest}, ${relation(last.value, input.target, unit, input.polarity)}.`);
    } else {
      sentences.push(`${latest}, has no target to compare with.`);
    }
  }
  const comps = COMPARATORS.flatMap((kind) => {
    const cp = readable(input.comparators?.[kind]).sort((a, b) => comparePeriods(a.period, b.period));
    const latest = cp.at(-1);
    return latest
      ? [`${comparatorLabel[kind]} ${formatValue(latest.value, unit)} (${shortPeriodLabel(latest.period)})`]
      : [];
  });
  if (comps.length > 0) sentences.push(`Comparators: ${comps.join('; ')}.`);
  return sentences.join(' ');
}
