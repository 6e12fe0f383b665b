import type { GridCell } from './grid';

/** Texts that mean "no figure": skipped, not an error. */
const NO_VALUE = new Set(['', 'n/a', 'na', 'n.a.', 'n/k', '-', '–', '—', '..', 'not available']);

export type NumberReading =
  { kind: 'none' } | { kind: 'number'; value: number; percent: boolean } | { kind: 'error'; reason: string };

const tidy = (n: number): number => Math.round(n * 1e9) / 1e9;

/** A figure with no grouping commas and no percent sign. */
const PLAIN = /^[-+]?\d+(?:\.\d+)?$/;

/**
 * A figure from a cell: 9.4 from "9.4%", from 9.4, and from 0.094 in a percentage-formatted cell;
 * 1234 from "1,234"; nothing from blank, "n/a" or "-"; an error for any other text.
 */
export function readNumber(cell: GridCell): NumberReading {
  if (cell.kind === 'empty') return { kind: 'none' };
  if (cell.kind === 'number') {
    const n = cell.num ?? NaN;
    if (!Number.isFinite(n)) return { kind: 'error', reason: `"${cell.text}" is not a number` };
    return cell.percentFormat
      ? { kind: 'number', value: tidy(n * 100), percent: true }
      : { kind: 'number', value: n, percent: false };
  }
  if (cell.kind === 'date') return { kind: 'error', reason: `"${cell.text}" is a date, not a number` };
  const t = cell.text.trim();
  if (NO_VALUE.has(t.toLowerCase())) return { kind: 'none' };
  // A plain figure ("42", "-3.5") as most cells hold one: the same number as the reading below
  // gives, without taking the text apart.
  if (PLAIN.test(t)) return { kind: 'number', value: tidy(Number(t)), percent: false };
  const m = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*(%?)$/.exec(t);
  if (!m || (!m[2] && !m[3])) return { kind: 'error', reason: `"${t}" is not a number` };
  const n = Number(`${m[1]}${(m[2] ?? '0').replace(/,/g, '')}${m[3] ?? ''}`);
  return { kind: 'number', value: tidy(n), percent: m[4] === '%' };
}

/** The text used to read a header as a period: ISO for date cells (Excel month headers). */
export function periodText(cell: GridCell): string {
  return cell.kind === 'date'
    ? (cell.iso ?? cell.text)
    : cell.kind === 'number'
      ? String(cell.num)
      : cell.text;
}

export function readPolarity(text: string): 'higher' | 'lower' | 'neither' | null {
  const t = text.trim().toLowerCase();
  if (/^(higher|high|up|bigger|larger|more)( is (better|good))?$|^higher is better$|^↑$/.test(t))
    return 'higher';
  if (/^(lower|low|down|smaller|less|fewer)( is (better|good))?$|^↓$/.test(t)) return 'lower';
  if (/^(neither|none|n\/a|no polarity|contextual|context)$/.test(t)) return 'neither';
  return null;
}

export type Breakdown =
  'age_band' | 'gender' | 'legal_status' | 'placement_type' | 'ethnicity' | 'time_in_care';
export function readBreakdown(text: string): Breakdown | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[_:]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ by$/, '')
    .replace(/^by /, '')
    .trim();
  if (/^(age|age band|age bands|age group|age groups|age_band)$/.test(t)) return 'age_band';
  if (/^(gender|sex)$/.test(t)) return 'gender';
  if (/^legal status(es)?$/.test(t)) return 'legal_status';
  if (/^(placement|placements|placement type|placement types)$/.test(t)) return 'placement_type';
  if (/^(ethnicity|ethnic group|ethnic origin|ethnicities)$/.test(t)) return 'ethnicity';
  if (/^((length of )?time in care|length of care|duration in care|time in care band)$/.test(t))
    return 'time_in_care';
  return null;
}
