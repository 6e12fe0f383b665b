import type { Unit } from './format';

/**
 * The figures each unit of measure can hold: a percentage is 0–100, a count or a number of days
 * is never negative, a rate per 10,000 is at most 10,000. A figure outside is a typing or import
 * mistake (a percentage of 1e308), refused with the field named rather than stored.
 */
export const valueDomain: Record<Unit, { min: number; max: number; words: string }> = {
  percent: { min: 0, max: 100, words: 'a percentage is between 0 and 100' },
  number: { min: 0, max: 1e9, words: 'a count is between 0 and 1,000,000,000' },
  days: { min: 0, max: 36_500, words: 'a number of days is between 0 and 36,500' },
  rate10k: { min: 0, max: 10_000, words: 'a rate per 10,000 is between 0 and 10,000' },
  score: { min: -1e6, max: 1e6, words: 'a score is between -1,000,000 and 1,000,000' },
};

/** Why `value` cannot be a figure in `unit`, or null when it can. */
export function valueDomainError(unit: Unit, value: number): string | null {
  const d = valueDomain[unit];
  if (Number.isFinite(value) && value >= d.min && value <= d.max) return null;
  return `${value} is out of range: ${d.words}`;
}

/** The largest tolerance that means anything for `unit` (the whole range). */
export function toleranceError(unit: Unit, tolerance: number): string | null {
  const d = valueDomain[unit];
  if (tolerance >= 0 && tolerance <= d.max - d.min) return null;
  return `${tolerance} is out of range: for this unit it is between 0 and ${(d.max - d.min).toLocaleString('en-GB')}`;
}

/** Bounds on any figure before its unit is known (the schema's own check): ±1,000,000,000. */
export const anyFigure = { min: -1e9, max: 1e9 } as const;
