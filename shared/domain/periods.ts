/**
 * Reporting periods on the UK public-sector financial year (April to March).
 *
 * Canonical forms (what the database, `cpb dump` and the UI store):
 *   financial year     `2025-26`     (1 April 2025 – 31 March 2026)
 *   financial quarter  `2025-26 Q1`  (Q1 = Apr–Jun 2025 … Q4 = Jan–Mar 2026)
 *   month              `2025-06`
 *
 * Imports are messier ("Q1 2025/26", "Jun-15", "June 2015", "31/03/2016"), so
 * `parsePeriod` accepts those too and always hands back the canonical form.
 *
 * Known ambiguity: `YYYY-NN` is both a month and a financial year when NN is the
 * next year's last two digits and also 01–12 (2000-01 … 2011-12). Such strings are
 * read as FINANCIAL YEARS, because that is what "2011-12" means in UK performance
 * data. December 2011 therefore cannot be written as `2011-12`; it only affects
 * the twelve months Jan 2000, Feb 2001, …, Dec 2011.
 *
 * Pure functions only: no Node or DOM APIs.
 */

export type PeriodKind = 'year' | 'quarter' | 'month';

export interface Period {
  kind: PeriodKind;
  canonical: string;
  /** ISO date 'YYYY-MM-DD', first day of the period. */
  start: string;
  /** ISO date 'YYYY-MM-DD', last day of the period (inclusive). */
  end: string;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const HINT = 'use 2025-26, 2025-26 Q1 or 2025-06';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Last day of month `m` (1-based). Date.UTC(y, m, 0) is day 0 of the next month. */
const lastDayOfMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

const isoDate = (y: number, m: number, d: number): string => `${y}-${pad2(m)}-${pad2(d)}`;

const monthName = (m: number): string => MONTH_NAMES[m - 1] ?? '';
const monthAbbr = (m: number): string => monthName(m).slice(0, 3);

/** '2025-26' for the financial year starting April 2025. */
const fyCanonical = (startYear: number): string => `${startYear}-${pad2((startYear + 1) % 100)}`;

function makeYear(startYear: number): Period {
  return {
    kind: 'year',
    canonical: fyCanonical(startYear),
    start: isoDate(startYear, 4, 1),
    end: isoDate(startYear + 1, 3, 31),
  };
}

function makeQuarter(startYear: number, q: number): Period {
  // Q1 starts in April of the start year; Q4 starts in January of the next year.
  const firstMonthIndex = startYear * 12 + 3 + (q - 1) * 3; // 0-based month count
  const y1 = Math.floor(firstMonthIndex / 12);
  const m1 = (firstMonthIndex % 12) + 1;
  const m3 = m1 + 2; // a quarter never crosses a calendar year (Jan–Mar, Apr–Jun, …)
  return {
    kind: 'quarter',
    canonical: `${fyCanonical(startYear)} Q${q}`,
    start: isoDate(y1, m1, 1),
    end: isoDate(y1, m3, lastDayOfMonth(y1, m3)),
  };
}

function makeMonth(y: number, m: number): Period {
  return {
    kind: 'month',
    canonical: `${y}-${pad2(m)}`,
    start: isoDate(y, m, 1),
    end: isoDate(y, m, lastDayOfMonth(y, m)),
  };
}

type Reading = { ok: true; period: Period } | { ok: false; error: string };

const fail = (error: string): Reading => ({ ok: false, error });
const ok = (period: Period): Reading => ({ ok: true, period });

const outOfRange = (shown: string): Reading =>
  fail(`"${shown}" is out of range: years must be between ${MIN_YEAR} and ${MAX_YEAR}`);

const notConsecutive = (shown: string, y: number): Reading =>
  fail(`"${shown}" is not a financial year: the years must be consecutive, e.g. ${fyCanonical(y)}`);

const badMonth = (shown: string): Reading => fail(`"${shown}" is not a month: months run from 01 to 12`);

const inRange = (y: number): boolean => y >= MIN_YEAR && y <= MAX_YEAR;

/** Two-digit years (as in Excel's "Jun-15"): 00–69 → 2000s, 70–99 → 1900s. */
const expandYear = (digits: string): number => {
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
};

/** Month name or abbreviation ("JUN", "JUNE", "SEPT") → 1–12, else 0. */
function monthFromName(word: string): number {
  if (word.length < 3) return 0;
  if (word === 'SEPT') return 9;
  const i = MONTH_NAMES.findIndex((name) => name.toUpperCase().startsWith(word));
  return i + 1;
}

/** A financial year on its own: "2025-26", "2025/26", "2025-2026" (FY prefix already removed). */
function readYear(s: string, shown: string): Reading | null {
  const m = /^(\d{4})([-/])(\d{2}|\d{4})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const sep = m[2];
  const tail = m[3] ?? '';
  if (!inRange(y)) return outOfRange(shown);
  if (tail.length === 4) return Number(tail) === y + 1 ? ok(makeYear(y)) : notConsecutive(shown, y);
  const nn = Number(tail);
  if (nn === (y + 1) % 100) return ok(makeYear(y));
  // Not a financial year: with a hyphen it may be a month (2016-03).
  if (sep === '-' && nn >= 1 && nn <= 12) return ok(makeMonth(y, nn));
  if (sep === '-' && nn === 0) return badMonth(shown);
  return notConsecutive(shown, y);
}

function read(text: string): Reading {
  const shown = text.trim();
  if (shown === '') return fail(`No period given: ${HINT}`);
  const s = shown
    .toUpperCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-') // en/em dashes and minus signs from Word or Excel
    .replace(/\s+/g, ' ')
    .replace(/\s*([-/])\s*/g, '$1')
    .replace(/\bFY\s?(?=\d{4})/g, '');

  // Quarter: "2025-26 Q1", "Q1 2025-26", "2025/26 Q1", "Q1 FY2025-26".
  const q = /^Q(\d+) ?(\S+)$/.exec(s) ?? /^(\S+?) ?Q(\d+)$/.exec(s);
  if (q) {
    const [qDigits, yearText] = s.startsWith('Q') ? [q[1], q[2]] : [q[2], q[1]];
    const year = readYear(yearText ?? '', shown);
    if (!year) return fail(`"${shown}" is not a financial quarter: write it as 2025-26 Q1`);
    if (!year.ok) return year;
    if (year.period.kind !== 'year')
      return fail(`"${shown}" is not a financial quarter: write it as 2025-26 Q1`);
    const n = Number(qDigits);
    if (!(n >= 1 && n <= 4)) {
      return fail(
        `"${shown}" is not a financial quarter: quarters run from Q1 (April–June) to Q4 (January–March)`,
      );
    }
    return ok(makeQuarter(Number(year.period.start.slice(0, 4)), n));
  }

  // Financial year, or month written YYYY-MM.
  const year = readYear(s, shown);
  if (year) return year;

  // ISO date → the month it falls in.
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return dateToMonth(Number(m[1]), Number(m[2]), Number(m[3]), shown);

  // UK date dd/mm/yyyy (how dates are typed by hand in en-GB spreadsheets) → its month.
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return dateToMonth(Number(m[3]), Number(m[2]), Number(m[1]), shown);

  // mm/yyyy.
  m = /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[2]);
    const mo = Number(m[1]);
    if (!inRange(y)) return outOfRange(shown);
    return mo >= 1 && mo <= 12 ? ok(makeMonth(y, mo)) : badMonth(shown);
  }

  // Month name and year: "Jun-15", "Jun 15", "June 2015", "Sept. 2015".
  m = /^([A-Z]+)\.?[ ,/-]*(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const mo = monthFromName(m[1] ?? '');
    if (mo === 0) return fail(`"${shown}" is not a period: "${m[1]}" is not a month name; ${HINT}`);
    const y = expandYear(m[2] ?? '');
    if (!inRange(y)) return outOfRange(shown);
    return ok(makeMonth(y, mo));
  }

  if (/^\d{4}$/.test(s)) {
    return fail(
      `"${shown}" is not a period: a year on its own is ambiguous; use a financial year such as 2025-26`,
    );
  }
  // Excel stores dates as serial day numbers; a bare number is not accepted as a period.
  if (/^\d+(\.\d+)?$/.test(s)) {
    return fail(
      `"${shown}" looks like a spreadsheet date number, not a period: format the cell as text or a date, or ${HINT}`,
    );
  }
  return fail(`"${shown}" is not a period: ${HINT}`);
}

function dateToMonth(y: number, mo: number, d: number, shown: string): Reading {
  if (!inRange(y)) return outOfRange(shown);
  if (mo < 1 || mo > 12 || d < 1 || d > lastDayOfMonth(y, mo)) return fail(`"${shown}" is not a real date`);
  return ok(makeMonth(y, mo));
}

/** Reads a period in any accepted form; null when it cannot be read (see periodError for why). */
export function parsePeriod(text: string): Period | null {
  const r = read(text);
  return r.ok ? r.period : null;
}

/** Why `text` could not be read as a period, in plain en-GB; '' when it can be read. */
export function periodError(text: string): string {
  const r = read(text);
  return r.ok ? '' : r.error;
}

function mustParse(text: string): Period {
  const r = read(text);
  if (!r.ok) throw new Error(r.error);
  return r.period;
}

/**
 * Orders periods by start date, then the shorter period first (so 2025-04, 2025-26 Q1
 * and 2025-26 all start 1 April 2025 and sort in that order). Unreadable strings sort last.
 */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) {
    if (pa) return -1;
    if (pb) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (pa.start !== pb.start) return pa.start < pb.start ? -1 : 1;
  if (pa.end !== pb.end) return pa.end < pb.end ? -1 : 1;
  return 0;
}

/** A sorted copy (the input is left alone). */
export function sortPeriods(list: readonly string[]): string[] {
  return [...list].sort(comparePeriods);
}

/** Start year of the financial year containing calendar month (y, m). */
const fyStartYear = (y: number, m: number): number => (m >= 4 ? y : y - 1);

function shift(p: Period, delta: number): Period {
  const y = Number(p.start.slice(0, 4));
  const m = Number(p.start.slice(5, 7));
  if (p.kind === 'year') return makeYear(y + delta);
  if (p.kind === 'month') {
    const i = y * 12 + (m - 1) + delta;
    return makeMonth(Math.floor(i / 12), (i % 12) + 1);
  }
  const qIndex = fyStartYear(y, m) * 4 + Math.floor(((m + 8) % 12) / 3) + delta; // Apr→0 … Jan→3
  return makeQuarter(Math.floor(qIndex / 4), (qIndex % 4) + 1);
}

/** The period before, of the same kind. Throws on an unreadable period. */
export function previousPeriod(canonical: string): string {
  return shift(mustParse(canonical), -1).canonical;
}

/** The period after, of the same kind. Throws on an unreadable period. */
export function nextPeriod(canonical: string): string {
  return shift(mustParse(canonical), 1).canonical;
}

/**
 * Human label: '2025-26 Q1' → 'Q1 2025-26 (Apr–Jun 2025)', '2025-06' → 'June 2025',
 * '2025-26' → '2025-26'. Unreadable text is returned unchanged so nothing is hidden.
 */
export function periodLabel(canonical: string): string {
  const p = parsePeriod(canonical);
  if (!p) return canonical;
  const y = Number(p.start.slice(0, 4));
  const m = Number(p.start.slice(5, 7));
  if (p.kind === 'month') return `${monthName(m)} ${y}`;
  if (p.kind === 'year') return p.canonical;
  const [fy, q] = p.canonical.split(' ');
  return `${q} ${fy} (${monthAbbr(m)}–${monthAbbr(m + 2)} ${y})`;
}

/** The period of the given kind containing an ISO date. Throws on an invalid date. */
export function periodForDate(isoDateText: string, kind: PeriodKind): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDateText.trim());
  const r = m ? dateToMonth(Number(m[1]), Number(m[2]), Number(m[3]), isoDateText) : null;
  if (!m || !r || !r.ok) throw new Error(`"${isoDateText}" is not a date in the form YYYY-MM-DD`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (kind === 'month') return makeMonth(y, mo).canonical;
  if (kind === 'year') return fyCanonical(fyStartYear(y, mo));
  return makeQuarter(fyStartYear(y, mo), Math.floor(((mo + 8) % 12) / 3) + 1).canonical;
}
