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

/**
 * percent '9.4%', number '1,234', days '426 days' / '1 day', rate10k '52.3 per 10,000',
 * score '14.2'. Up to one decimal place with a trailing '.0' dropped ('9%', not '9.0%');
 * plain numbers keep up to two (averages such as 2.35 placements). Missing → '–'.
 * Percent values are already percentages (9.4 means 9.4%, not 940%).
 */
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'number':
      return twoDecimals.format(value);
    case 'days': {
      const text = oneDecimal.format(value);
      return `${text} ${text === '1' ? 'day' : 'days'}`;
    }
    case 'rate10k':
      return `${oneDecimal.format(value)} per 10,000`;
    case 'score':
      return oneDecimal.format(value);
  }
}
