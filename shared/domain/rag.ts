/**
 * RAG rating and direction of travel for measures. Both are always computed from
 * target, tolerance, polarity and the previous period — never typed in by hand —
 * so the scorecard, the Word report and `cpb dump` cannot disagree.
 */
import { comparePeriodKeys, periodSortKey } from './period-key';
import { previousPeriod } from './periods';

export type Polarity = 'higher' | 'lower' | 'neither';
export type Rag = 'red' | 'amber' | 'green' | 'no_target' | 'no_data' | 'not_rated';

/** Figures arrive as computed floats (0.094 * 100 = 9.399999999999999); treat those as equal. */
const EPSILON = 1e-9;

const isNumber = (n: number | null): n is number => n !== null && Number.isFinite(n);

export function ragStatus(args: {
  value: number | null;
  target: number | null;
  tolerance: number;
  polarity: Polarity;
}): Rag {
  const { value, target, polarity } = args;
  // A measure where neither direction is better (e.g. number of children in care) is context only.
  if (polarity === 'neither') return 'not_rated';
  if (!isNumber(value)) return 'no_data';
  // Without a target there is nothing to be green against; do not flatter the figure.
  if (!isNumber(target)) return 'no_target';
  const tolerance = Number.isFinite(args.tolerance) ? Math.abs(args.tolerance) : 0;
  // `shortfall` > 0 means worse than target, whichever way is better.
  const shortfall = polarity === 'higher' ? target - value : value - target;
  if (shortfall <= EPSILON) return 'green';
  if (shortfall <= tolerance + EPSILON) return 'amber';
  return 'red';
}

export const ragLabel: Record<Rag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  no_target: 'No target',
  no_data: 'No data',
  not_rated: 'Not rated',
};

export type Direction = 'improving' | 'worsening' | 'no_change' | 'up' | 'down' | 'not_comparable';

export interface SeriesPoint {
  period: string;
  value: number;
}

export interface DirectionOfTravel {
  direction: Direction;
  latest: SeriesPoint | null;
  previous: SeriesPoint | null;
  /** True when the previous figure is not from the period immediately before the latest one. */
  gap: boolean;
}

/**
 * Compares the latest value with the one before it (after sorting by period).
 * Points with an unreadable period or a non-finite value are ignored.
 */
export function directionOfTravel(series: readonly SeriesPoint[], polarity: Polarity): DirectionOfTravel {
  const points = series
    .filter((p) => Number.isFinite(p.value) && !periodSortKey(p.period).startsWith('~'))
    .sort((a, b) => comparePeriodKeys(a.period, b.period));
  const latest = points.at(-1) ?? null;
  const previous = points.at(-2) ?? null;
  if (!latest || !previous) return { direction: 'not_comparable', latest, previous, gap: false };

  const gap = previous.period !== previousPeriod(latest.period);
  const change = latest.value - previous.value;
  let direction: Direction;
  if (Math.abs(change) <= EPSILON) direction = 'no_change';
  else if (polarity === 'neither') direction = change > 0 ? 'up' : 'down';
  else if (polarity === 'higher') direction = change > 0 ? 'improving' : 'worsening';
  else direction = change < 0 ? 'improving' : 'worsening';
  return { direction, latest, previous, gap };
}

export const directionLabel: Record<Direction, string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  no_change: 'No change',
  up: 'Up',
  down: 'Down',
  not_comparable: 'Not comparable',
};

/**
 * The arrow shows which way the figure moved, not whether that is good: an improving
 * lower-is-better measure gets ↓. Pair it with directionLabel for the meaning.
 */
export function directionArrow(d: Direction, latest: number | null, previous: number | null): string {
  if (d === 'not_comparable' || !isNumber(latest) || !isNumber(previous)) return '–';
  const change = latest - previous;
  if (Math.abs(change) <= EPSILON) return '→';
  return change > 0 ? '↑' : '↓';
}
