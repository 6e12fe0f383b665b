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
