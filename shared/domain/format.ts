/**
 * Display of measure values, as on the scorecard and in Word reports. One place so the
 * app, exports and CLI show the same "9.4%" for the same figure.
 */
import type { Polarity } from './rag';

export type Unit = 'percent' | 'number' | 'days' | 'rate10k' | 'score';

export const unitLabel: Record<Unit, string> = {
  percent: '%',
  number: 'Number',
  days: 'Days',
  rate10k: 'Rate per 10,000',
  score: 'Score',
};

export const polarityLabel: Record<Polarity, string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  neither: 'Neither',
};

// signDisplay 'negative' avoids '-0' when a tiny negative rounds to zero.
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, signDisplay: 'negative' });
const twoDecimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, signDisplay: 'negative' });

const byDecimals = new Map<number, Intl.NumberFormat>();
function withDecimals(d: number): Intl.NumberFormat {
  let f = byDecimals.get(d);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { maximumFractionDigits: d, signDisplay: 'negative' });
    byDecimals.set(d, f);
  }
  return f;
}

/**
 * percent '9.4%', number '1,234', days '426 days' / '1 day', rate10k '52.3 per 10,000',
 * score '14.2'. Up to one decimal place with a trailing '.0' dropped ('9%', not '9.0%');
 * plain numbers keep up to two (averages such as 2.35 placements). A measure's own decimal
 * places, when given, replace the unit's (0 shows 426.4 days as '426 days'). Missing → '–'.
 * Percent values are already percentages (9.4 means 9.4%, not 940%).
 */
export function formatValue(value: number | null, unit: Unit, decimals?: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const f = decimals === undefined || decimals === null ? null : withDecimals(decimals);
  const one = f ?? oneDecimal;
  switch (unit) {
    case 'percent':
      return `${one.format(value)}%`;
    case 'number':
      return (f ?? twoDecimals).format(value);
    case 'days': {
      const text = one.format(value);
      return `${text} ${text === '1' ? 'day' : 'days'}`;
    }
    case 'rate10k':
      return `${one.format(value)} per 10,000`;
    case 'score':
      return one.format(value);
  }
}

/** The most decimal places a unit's figures are shown with. */
const MAX_DECIMALS: Record<Unit, number> = { percent: 1, number: 2, days: 1, rate10k: 1, score: 1 };

/** How many decimal places a number is written with (0.1 + 0.2 counts as 1, not 17). */
function decimalsOf(value: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) < 1e-6) return d;
  return 6;
}

/**
 * The decimal places a measure's figures are shown with: as many as its recorded figures use (its
 * values, target and comparators), up to the unit's maximum — so one measure never shows "11%"
 * beside "11.3%".
 */
export function measureDecimals(values: readonly (number | null | undefined)[], unit: Unit): number {
  let d = 0;
  for (const v of values)
    if (v !== null && v !== undefined && Number.isFinite(v)) d = Math.max(d, decimalsOf(v));
  return Math.min(d, MAX_DECIMALS[unit]);
}

/** The en-GB number format for each number of decimal places, made once (making one costs far more than using it). */
const fixedFormats = new Map<number, Intl.NumberFormat>();
function fixedFormat(decimals: number): Intl.NumberFormat {
  let f = fixedFormats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: 'negative',
    });
    fixedFormats.set(decimals, f);
  }
  return f;
}

/** A figure with exactly `decimals` places, in the unit's form ('11.0%', '426.0 days', '52.3 per 10,000'). */
export function formatFixed(value: number | null, unit: Unit, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const text = fixedFormat(decimals).format(value);
  switch (unit) {
    case 'percent':
      return `${text}%`;
    case 'number':
    case 'score':
      return text;
    case 'days':
      return `${text} ${text === '1' ? 'day' : 'days'}`;
    case 'rate10k':
      return `${text} per 10,000`;
  }
}

/**
 * The decimal places one measure's figures are all shown with: as many as its figures use, never
 * more than the measure's own setting (`own`, where it has one) or the unit's maximum.
 */
export function measurePlaces(
  unit: Unit,
  figures: readonly (number | null | undefined)[],
  own?: number | null,
): number {
  const used = measureDecimals(figures, unit);
  return own === null || own === undefined ? used : Math.min(used, own);
}

/** One measure's format function: every figure of the measure with the same decimal places (measurePlaces). */
export function measureFormat(
  unit: Unit,
  figures: readonly (number | null | undefined)[],
  own?: number | null,
): (value: number | null) => string {
  const decimals = measurePlaces(unit, figures, own);
  return (value) => formatFixed(value, unit, decimals);
}
