/**
 * RAG rating and direction of travel for measures, as the board reads them. Both are always
 * computed from target, tolerance, polarity and the series — never typed in by hand — so the
 * scorecard, the Word report and `cpb dump` cannot disagree.
 *
 * As read: RAG and direction work on the figure as it is displayed (rounded to the measure's
 * decimal places), so 94.96 % shown as "95 %" against a 95 % target is Green. Direction has a
 * "similar" band (a change too small to matter is not Improving), compares like with like (a
 * quarter with the quarter before, never with a financial year) and is not stated across a gap
 * of more than a year: it says why instead.
 */
import type { Unit } from './format';
import {
  comparePeriods,
  familyWords,
  monthsBetweenEnds,
  parsePeriod,
  periodFamily,
  periodLabel,
  periodMonths,
  previousPeriod,
  samePeriodLastYear,
} from './periods';

export type Polarity = 'higher' | 'lower' | 'neither';
export type Rag = 'red' | 'amber' | 'green' | 'no_target' | 'no_data' | 'not_rated';

/** Figures arrive as computed floats (0.094 * 100 = 9.399999999999999); treat those as equal. */
const EPSILON = 1e-9;

const isNumber = (n: number | null): n is number => n !== null && Number.isFinite(n);

/** Decimal places a unit is shown with when the measure does not say: as formatValue shows them. */
export const defaultDecimals: Record<Unit, number> = {
  percent: 1,
  number: 2,
  days: 1,
  rate10k: 1,
  score: 1,
};

/** A figure as displayed: rounded half away from zero to the measure's decimal places. */
export function asDisplayed(value: number, unit: Unit, decimals?: number | null): number {
  const d = decimals ?? defaultDecimals[unit];
  const f = 10 ** d;
  // Nudge by EPSILON so 94.95 stored as 94.94999999 still rounds as written.
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f + EPSILON)) / f;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * The amber band a new measure gets when none is given: 2 percentage points for a percentage,
 * otherwise 5 % of the target (A1: 426 days → 21.3 days), shown to the unit's decimals.
 * No target, no band.
 */
export function defaultTolerance(unit: Unit, target: number | null, decimals?: number | null): number {
  if (!isNumber(target)) return 0;
  if (unit === 'percent') return 2;
  return asDisplayed(Math.abs(target) * 0.05, unit, decimals);
}

/**
 * How big a change must be to count as a change of direction, when the measure does not say:
 * half a percentage point, 0.5 per 10,000, 2 days, 0.1 on a score; any change shown for a plain
 * number. Smaller moves are "similar" (95.00% → 95.01% is not Improving).
 */
export const defaultSimilarBand: Record<Unit, number> = {
  percent: 0.5,
  number: 0,
  days: 2,
  rate10k: 0.5,
  score: 0.1,
};

export function ragStatus(args: {
  value: number | null;
  target: number | null;
  tolerance: number;
  polarity: Polarity;
  /** With a unit, value and target are compared as displayed (rounded to `decimals`). */
  unit?: Unit;
  decimals?: number | null;
}): Rag {
  const { target, polarity } = args;
  // A measure where neither direction is better (e.g. number of children in care) is context only.
  if (polarity === 'neither') return 'not_rated';
  if (!isNumber(args.value)) return 'no_data';
  // Without a target there is nothing to be green against; do not flatter the figure.
  if (!isNumber(target)) return 'no_target';
  const shown = (n: number) => (args.unit ? asDisplayed(n, args.unit, args.decimals) : n);
  const value = shown(args.value);
  const goal = shown(target);
  const tolerance = Number.isFinite(args.tolerance) ? Math.abs(args.tolerance) : 0;
  // `shortfall` > 0 means worse than target, whichever way is better.
  const shortfall = polarity === 'higher' ? goal - value : value - goal;
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

export type Direction =
  'improving' | 'worsening' | 'similar' | 'no_change' | 'up' | 'down' | 'not_comparable';

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
  /** Why no direction is given ('' when one is). */
  reason: string;
  /** The same period a year before the latest, when it was recorded (2024-25 Q2 for 2025-26 Q2). */
  lastYear: SeriesPoint | null;
  /** The latest figure against the same period last year. */
  lastYearDirection: Direction;
}

export interface DirectionOptions {
  /** Compare values as displayed, and use the unit's default similar band. */
  unit?: Unit;
  decimals?: number | null;
  /** A change no bigger than this is "similar"; defaults to defaultSimilarBand for the unit. */
  similarBand?: number | null;
  /**
   * The family of period the measure reports in ('quarter', 'year', 'academic'…): the latest
   * figure of that family is the headline one. Without it, or with no figure of it, the latest
   * figure of any kind is.
   */
  family?: string;
}

function compare(latest: number, previous: number, polarity: Polarity, opts: DirectionOptions): Direction {
  const shown = (n: number) => (opts.unit ? asDisplayed(n, opts.unit, opts.decimals) : n);
  const change = shown(latest) - shown(previous);
  if (Math.abs(latest - previous) <= EPSILON) return 'no_change';
  const band = Math.abs(opts.similarBand ?? (opts.unit ? defaultSimilarBand[opts.unit] : 0));
  if (Math.abs(change) <= band + EPSILON) return 'similar';
  if (polarity === 'neither') return change > 0 ? 'up' : 'down';
  if (polarity === 'higher') return change > 0 ? 'improving' : 'worsening';
  return change < 0 ? 'improving' : 'worsening';
}

/** The period immediately before, for the gap flag: overlapping rolling windows are not a gap. */
function follows(previous: string, latest: string): boolean {
  const p = parsePeriod(latest);
  if (!p) return false;
  if (p.kind === 'rolling') {
    const months = monthsBetweenEnds(previous, latest);
    return months !== null && months <= periodMonths(p);
  }
  return previousPeriod(latest) === previous;
}

/**
 * Compares the latest figure with the one before it of the same family (a quarter with a
 * quarter, a three-year figure with a three-year figure). Points with an unreadable period or a
 * non-finite value are ignored. No direction is given when the figure before is more than a year
 * older than the latest, or is of another kind of period; `reason` says which.
 */
export function directionOfTravel(
  series: readonly SeriesPoint[],
  polarity: Polarity,
  opts: DirectionOptions = {},
): DirectionOfTravel {
  // One pass, each label read once (from the cache) and a plain object per point: a scorecard
  // at twenty years runs this over thousands of figures.
  const points: { period: string; value: number; end: string; family: string }[] = [];
  for (const p of series) {
    if (!Number.isFinite(p.value)) continue;
    const read = parsePeriod(p.period);
    if (read === null) continue;
    points.push({ period: p.period, value: p.value, end: read.end, family: periodFamily(p.period) });
  }
  // By end date; of two ending together, the longer first (so the shorter, fresher one is latest).
  points.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : comparePeriods(a.period, b.period)));
  const headline =
    opts.family && points.some((p) => p.family === opts.family)
      ? points.filter((p) => p.family === opts.family)
      : points;
  const last = headline.at(-1);
  const none = (reason: string, latest: SeriesPoint | null): DirectionOfTravel => ({
    direction: 'not_comparable',
    latest,
    previous: null,
    gap: false,
    reason,
    lastYear: null,
    lastYearDirection: 'not_comparable',
  });
  if (!last) return none('no figures yet', null);
  const latest: SeriesPoint = { period: last.period, value: last.value };
  const sameFamily = points.filter((p) => p.family === last.family && p.end < last.end);
  const before = sameFamily.at(-1);

  const lastYearPeriod = samePeriodLastYear(last.period);
  const ly = points.find((p) => p.period === lastYearPeriod);
  const lastYear = ly ? { period: ly.period, value: ly.value } : null;
  const lastYearDirection = ly ? compare(last.value, ly.value, polarity, opts) : 'not_comparable';

  if (!before) {
    const other = points.filter((p) => p.end <= last.end && p !== last).at(-1);
    const r = none(
      other
        ? `no earlier figure for ${familyWords(last.period)} to compare with (the one before, ${periodLabel(other.period)}, is for ${familyWords(other.period)})`
        : 'no earlier figure to compare with',
      latest,
    );
    return { ...r, lastYear, lastYearDirection };
  }
  const previous: SeriesPoint = { period: before.period, value: before.value };
  const months = monthsBetweenEnds(before.period, last.period) ?? 0;
  if (months > 12)
    return {
      direction: 'not_comparable',
      latest,
      previous,
      gap: true,
      reason: `the figure before, for ${periodLabel(before.period)}, is more than a year older than the latest (${periodLabel(last.period)})`,
      lastYear,
      lastYearDirection,
    };
  return {
    direction: compare(last.value, before.value, polarity, opts),
    latest,
    previous,
    gap: !follows(before.period, last.period),
    reason: '',
    lastYear,
    lastYearDirection,
  };
}

export const directionLabel: Record<Direction, string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  similar: 'Similar',
  no_change: 'No change',
  up: 'Up',
  down: 'Down',
  not_comparable: 'Not comparable',
};

/**
 * The arrow shows which way the figure moved, not whether that is good: an improving
 * lower-is-better measure gets ↓. Pair it with directionLabel for the meaning. A "similar"
 * change is shown level.
 */
export function directionArrow(d: Direction, latest: number | null, previous: number | null): string {
  if (d === 'not_comparable' || !isNumber(latest) || !isNumber(previous)) return '–';
  if (d === 'similar') return '→';
  const change = latest - previous;
  if (Math.abs(change) <= EPSILON) return '→';
  return change > 0 ? '↑' : '↓';
}
