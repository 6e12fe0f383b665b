/**
 * Reporting periods as councils and the DfE label them.
 *
 * Canonical forms (what the database, `cpb dump` and the UI store):
 *   financial year     `2025-26`               (1 April 2025 – 31 March 2026)
 *   financial quarter  `2025-26 Q1`            (Q1 = Apr–Jun 2025 … Q4 = Jan–Mar 2026)
 *   month              `2025-06`
 *   academic year      `AY 2023-24`            (1 September 2023 – 31 August 2024)
 *   calendar year      `CY 2024`               (1 January – 31 December 2024)
 *   rolling period     `12 months to 2025-06`  (1 July 2024 – 30 June 2025)
 *   multi-year period  `2019-22`               (1 April 2019 – 31 March 2022: DfE's three-year
 *                                               adoption figures such as A1, A2 and A10)
 *
 * Imports are messier ("Q1 24/25", "FY24/25", "Apr-Jun 2024", "12 months to June 2025",
 * "31/03/2016", "2024 [note 3]"), so `parsePeriod` accepts those too and always hands back the
 * canonical form. `readPeriod` also says which reading it took when a label could mean more
 * than one thing, so an import preview can show it.
 *
 * Ambiguities, and how they are settled:
 * - A bare year (`2024`) names no period on its own. DfE and LAIT label a year by the 31 March it
 *   ends on (2024 = 2023-24), others by the calendar year. It is read only with a `bareYear`
 *   reading (`ending`, `calendar` or `starting`); without one it is refused as ambiguous. The
 *   same reading settles a quarter given with a bare year (`Q1 2024`).
 * - `2023/24`, `2023-24` name a year without saying which kind: a financial year, unless the
 *   measure counts academic years (`yearBasis: 'academic'`).
 * - `YYYY-NN` is both a month and a financial year when NN is the next year's last two digits
 *   and also 01–12 (2000-01 … 2011-12). Such strings are read as FINANCIAL YEARS. `YYYY-NN`
 *   where NN is 3–5 years on is a multi-year period (`2019-22`), except when NN is also a
 *   month (2008-11): that is read as the month, and the multi-year period is written
 *   `2008-2011`.
 *
 * Pure functions only: no Node or DOM APIs.
 */

export type PeriodKind = 'year' | 'quarter' | 'month' | 'academic' | 'calendar' | 'rolling' | 'multiyear';

export const periodKinds: readonly PeriodKind[] = [
  'year',
  'quarter',
  'month',
  'academic',
  'calendar',
  'rolling',
  'multiyear',
];

/** What a kind of period is called in a sentence ("a financial year"). */
export const periodKindWords: Record<PeriodKind, string> = {
  year: 'a financial year',
  quarter: 'a quarter',
  month: 'a month',
  academic: 'an academic year',
  calendar: 'a calendar year',
  rolling: 'a rolling period',
  multiyear: 'a multi-year period',
};

export interface Period {
  kind: PeriodKind;
  canonical: string;
  /** ISO date 'YYYY-MM-DD', first day of the period. */
  start: string;
  /** ISO date 'YYYY-MM-DD', last day of the period (inclusive). */
  end: string;
}

/** How a bare year ("2024") is read: the year ending in it (DfE, LAIT), the calendar year, or the year starting in it. */
export type BareYearReading = 'ending' | 'calendar' | 'starting';
export const bareYearReadings: readonly BareYearReading[] = ['ending', 'calendar', 'starting'];

/** Which kind of year a measure counts in: labels such as "2023/24" are read in it. */
export type YearBasis = 'financial' | 'academic' | 'calendar';
export const yearBases: readonly YearBasis[] = ['financial', 'academic', 'calendar'];

export interface ReadOptions {
  bareYear?: BareYearReading;
  yearBasis?: YearBasis;
}

export interface PeriodReading {
  period: Period;
  /** How a label that could mean more than one thing was read; '' when it says what it means. */
  note: string;
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
/** Month number from a 0-based month count (y * 12 + m - 1). */
const fromIndex = (i: number): [number, number] => [Math.floor(i / 12), (i % 12) + 1];

/** '2025-26' for the year starting in 2025. */
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
  const [y1, m1] = fromIndex(startYear * 12 + 3 + (q - 1) * 3);
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

function makeAcademic(startYear: number): Period {
  return {
    kind: 'academic',
    canonical: `AY ${fyCanonical(startYear)}`,
    start: isoDate(startYear, 9, 1),
    end: isoDate(startYear + 1, 8, 31),
  };
}

function makeCalendar(y: number): Period {
  return { kind: 'calendar', canonical: `CY ${y}`, start: isoDate(y, 1, 1), end: isoDate(y, 12, 31) };
}

function makeRolling(months: number, endY: number, endM: number): Period {
  const [sy, sm] = fromIndex(endY * 12 + endM - 1 - (months - 1));
  return {
    kind: 'rolling',
    canonical: `${months} months to ${endY}-${pad2(endM)}`,
    start: isoDate(sy, sm, 1),
    end: isoDate(endY, endM, lastDayOfMonth(endY, endM)),
  };
}

/** Years ending 31 March: `2019-22` is April 2019 to March 2022. */
function makeMultiYear(startYear: number, endYear: number): Period {
  const nn = endYear % 100;
  // `2008-11` reads as November 2008, so such a span is written in full.
  const short = nn >= 1 && nn <= 12 ? `${startYear}-${endYear}` : `${startYear}-${pad2(nn)}`;
  return {
    kind: 'multiyear',
    canonical: short,
    start: isoDate(startYear, 4, 1),
    end: isoDate(endYear, 3, 31),
  };
}

type Reading = { ok: true; period: Period; note: string } | { ok: false; error: string; ambiguous?: boolean };

const fail = (error: string): Reading => ({ ok: false, error });
const ok = (period: Period, note = ''): Reading => ({ ok: true, period, note });

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

const MONTH_WORD =
  '(JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\\.?';

/** A year written as a pair ("2025-26", "2025/2026", "25/26", "202526"): its start year, or a reading. */
type YearPair = { start: number } | { reading: Reading } | null;

function readYearPair(s: string, shown: string, allowMonth: boolean, inContext = true): YearPair {
  let m = /^(\d{4})([-/])(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const sep = m[2];
    const tail = m[3] ?? '';
    if (!inRange(y)) return { reading: outOfRange(shown) };
    if (tail.length === 4) {
      const e = Number(tail);
      if (e === y + 1) return { start: y };
      if (e - y >= 3 && e - y <= 5 && inRange(e)) return { reading: ok(makeMultiYear(y, e)) };
      return { reading: notConsecutive(shown, y) };
    }
    const nn = Number(tail);
    if (nn === (y + 1) % 100) return { start: y };
    // Not a financial year: with a hyphen it may be a month (2016-03).
    if (allowMonth && sep === '-' && nn >= 1 && nn <= 12) return { reading: ok(makeMonth(y, nn)) };
    if (allowMonth && sep === '-' && nn === 0) return { reading: badMonth(shown) };
    const span = (nn - (y % 100) + 100) % 100;
    if (span >= 3 && span <= 5) return { reading: ok(makeMultiYear(y, y + span)) };
    return { reading: notConsecutive(shown, y) };
  }
  // Two-digit pairs, as council returns write them: "24/25", "24-25".
  m = /^(\d{2})[-/](\d{2})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b !== (a + 1) % 100) return null;
    // On its own, "03/04" may be a month and year; only a quarter or FY prefix makes it a year.
    if (!inContext && a <= 12)
      return {
        reading: fail(
          `"${shown}" is ambiguous: a month (${monthName(a)} ${expandYear(m[2]!)}) or the financial year ${fyCanonical(expandYear(m[1]!))}? Write the year in full`,
        ),
      };
    return { start: expandYear(m[1]!) };
  }
  // DfE's open data writes a year as six digits: 202324.
  m = /^(\d{4})(\d{2})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    if (Number(m[2]) !== (y + 1) % 100 || !inRange(y)) return null;
    return { start: y };
  }
  return null;
}

const basisNote = (shown: string, p: Period): string =>
  `"${shown}" read as ${periodLabel(p.canonical)}, as this measure counts academic years`;

/** A bare year read one of the three ways, in the measure's kind of year. */
function bareYear(y: number, reading: BareYearReading, basis: YearBasis): { period: Period; note: string } {
  if (reading === 'calendar' || basis === 'calendar') {
    const p = makeCalendar(y);
    return { period: p, note: `"${y}" read as the calendar year ${y}` };
  }
  if (reading === 'ending') {
    const p = basis === 'academic' ? makeAcademic(y - 1) : makeYear(y - 1);
    const why =
      basis === 'academic'
        ? `the academic year ending in August ${y}`
        : `the year ending 31 March ${y}, as DfE and LAIT label years`;
    return { period: p, note: `"${y}" read as ${p.canonical.replace(/^AY /, '')}: ${why}` };
  }
  const p = basis === 'academic' ? makeAcademic(y) : makeYear(y);
  return {
    period: p,
    note: `"${y}" read as ${p.canonical.replace(/^AY /, '')}: the year starting in ${y}`,
  };
}

/** Classifies a span of whole months (start and end month inclusive). */
function fromRange(sy: number, sm: number, ey: number, em: number, shown: string): Reading {
  if (!inRange(sy) || !inRange(ey)) return outOfRange(shown);
  const n = ey * 12 + em - (sy * 12 + sm) + 1;
  if (n < 1) return fail(`"${shown}" is not a period: it ends before it starts`);
  if (n > 120) return fail(`"${shown}" is not a period: it is longer than ten years`);
  if (n === 1) return ok(makeMonth(sy, sm));
  if (n === 3 && (sm - 1) % 3 === 0) {
    const fy = sm >= 4 ? sy : sy - 1;
    return ok(makeQuarter(fy, sm >= 4 ? (sm - 1) / 3 : 4));
  }
  if (n === 12 && sm === 4) return ok(makeYear(sy));
  if (n === 12 && sm === 9) return ok(makeAcademic(sy));
  if (n === 12 && sm === 1) return ok(makeCalendar(sy));
  if (n % 12 === 0 && sm === 4 && n / 12 >= 3 && n / 12 <= 5) return ok(makeMultiYear(sy, ey));
  return ok(makeRolling(n, ey, em));
}

/** A month given as "June 2025", "Jun-25", "30 June 2025", "2025-06", "06/2025" or "30/06/2025". */
function readMonthSpec(s: string): [number, number] | null {
  let m = new RegExp(`^(?:\\d{1,2}(?:ST|ND|RD|TH)? )?${MONTH_WORD}[ ,/-]*(\\d{2}|\\d{4})$`).exec(s);
  if (m) {
    const mo = monthFromName(m[1]!.replace('.', ''));
    return mo ? [expandYear(m[2]!), mo] : null;
  }
  m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(s) ?? null;
  if (m) return [Number(m[1]), Number(m[2])];
  m = /^(?:\d{1,2}\/)?(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return [Number(m[2]), Number(m[1])];
  return null;
}

function normalise(text: string): string {
  return text
    .toUpperCase()
    .replace(/\[[^\]]*\]/g, ' ') // DfE's accessible tables: "2024 [note 3]"
    .replace(/\((?:P|R|E|PROVISIONAL|REVISED|FINAL|ESTIMATE|PROV\.?)\)/g, ' ') // "2024 (p)"
    .replace(/[\u2010-\u2015\u2212]/g, '-') // en/em dashes and minus signs from Word or Excel
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*([-/])\s*/g, '$1')
    .replace(/\bFY\s?(?=\d{2})/g, 'FY');
}

function read(text: string, opts: ReadOptions = {}): Reading {
  const shown = text.trim();
  if (shown === '') return fail(`No period given: ${HINT}`);
  const basis = opts.yearBasis ?? 'financial';
  let s = normalise(shown);

  // Explicit kinds of year: "AY 2023/24", "Academic year 2023/24", "2023/24 academic year".
  const named =
    /^(?:(AY|ACADEMIC YEAR|FINANCIAL YEAR|CALENDAR YEAR|CY) ?(.+)|(.+?) ?(ACADEMIC YEAR|FINANCIAL YEAR|CALENDAR YEAR|\(CALENDAR\)|\(ACADEMIC\)))$/.exec(
      s,
    );
  if (named) {
    const word = (named[1] ?? named[4] ?? '').replace(/[()]/g, '');
    const rest = (named[2] ?? named[3] ?? '').trim();
    if (word === 'CY' || word.startsWith('CALENDAR')) {
      if (!/^\d{4}$/.test(rest)) return fail(`"${shown}" is not a calendar year: write it as CY 2024`);
      const y = Number(rest);
      return inRange(y) ? ok(makeCalendar(y)) : outOfRange(shown);
    }
    const pair = readYearPair(rest.replace(/^FY/, ''), shown, false);
    const academic = word === 'AY' || word.startsWith('ACADEMIC');
    if (pair && 'start' in pair) return ok(academic ? makeAcademic(pair.start) : makeYear(pair.start));
    if (pair && !pair.reading.ok) return pair.reading;
    return fail(
      academic
        ? `"${shown}" is not an academic year: write it as AY 2023-24`
        : `"${shown}" is not a financial year: write it as 2025-26`,
    );
  }

  // Rolling periods: "12 months to June 2025", "rolling 12 months ending 30/06/2025", "year to June 2025".
  const rolling =
    /^(?:ROLLING )?(\d{1,3}|YEAR|TWELVE) ?(?:MONTHS?|M)? ?(?:TO|ENDING|ENDED|UP TO|UNTIL) (.+)$/.exec(s);
  if (rolling) {
    const spec = readMonthSpec(rolling[2]!);
    if (!spec)
      return fail(
        `"${shown}" is not a period: the month it runs to cannot be read (write it as 12 months to June 2025)`,
      );
    const [ey, em] = spec;
    if (!inRange(ey)) return outOfRange(shown);
    if (em < 1 || em > 12) return badMonth(shown);
    const word = rolling[1]!;
    if (word === 'YEAR') {
      // "Year ending March 2025" is how a financial year is often written.
      if (em === 3) return ok(makeYear(ey - 1));
      if (em === 12) return ok(makeCalendar(ey));
      return ok(makeRolling(12, ey, em));
    }
    const n = word === 'TWELVE' ? 12 : Number(word);
    if (n < 2 || n > 60) return fail(`"${shown}" is not a period: a rolling period runs for 2 to 60 months`);
    return ok(makeRolling(n, ey, em));
  }

  // Month ranges: "Apr-Jun 2024", "April to June 2024", "Apr 2024 - Mar 2025", "Sep 23 to Aug 24".
  let r = new RegExp(`^${MONTH_WORD} ?(\\d{2}|\\d{4})? ?(?:-|TO) ?${MONTH_WORD} ?(\\d{2}|\\d{4})$`).exec(s);
  if (r) {
    const sm = monthFromName(r[1]!.replace('.', ''));
    const em = monthFromName(r[3]!.replace('.', ''));
    const ey = expandYear(r[4]!);
    const sy = r[2] ? expandYear(r[2]) : sm <= em ? ey : ey - 1;
    return fromRange(sy, sm, ey, em, shown);
  }

  // Quarter: "2025-26 Q1", "Q1 2025-26", "Q1 24/25", "Qtr 1 FY24/25", "Quarter 1 2024/25", "Q1 2024".
  const q = /^(?:Q|QTR|QUARTER) ?(\d+) ?(\S+)$/.exec(s) ?? /^(\S+?) ?(?:Q|QTR|QUARTER) ?(\d+)$/.exec(s);
  if (q) {
    const [qDigits, yearText] = /^Q/.test(s) ? [q[1], q[2]] : [q[2], q[1]];
    const n = Number(qDigits);
    const yt = (yearText ?? '').replace(/^FY/, '');
    const quarterOf = (fy: number): Reading =>
      n >= 1 && n <= 4
        ? ok(makeQuarter(fy, n))
        : fail(
            `"${shown}" is not a financial quarter: quarters run from Q1 (April–June) to Q4 (January–March)`,
          );
    if (/^\d{4}$/.test(yt)) {
      // "Q1 2024": of which year? Settled only by the column's reading of a bare year.
      const y = Number(yt);
      if (!inRange(y)) return outOfRange(shown);
      if (!(n >= 1 && n <= 4)) return quarterOf(y);
      if (!opts.bareYear)
        return {
          ok: false,
          ambiguous: true,
          error: `"${shown}" is ambiguous: Q${n} of the financial year ${fyCanonical(y - 1)} or ${fyCanonical(y)}, or of the calendar year ${y}? Write it as Q${n} ${fyCanonical(y)}, or say how this column's years are written`,
        };
      if (opts.bareYear === 'calendar') {
        const p = fromRange(y, (n - 1) * 3 + 1, y, (n - 1) * 3 + 3, shown);
        if (p.ok)
          p.note = `"${shown}" read as ${periodLabel(p.period.canonical)}: calendar quarter ${n} of ${y}`;
        return p;
      }
      const fy = opts.bareYear === 'ending' ? y - 1 : y;
      const p = quarterOf(fy);
      if (p.ok)
        p.note = `"${shown}" read as ${periodLabel(p.period.canonical)}: Q${n} of the financial year ${opts.bareYear === 'ending' ? 'ending' : 'starting'} in ${y}`;
      return p;
    }
    const pair = readYearPair(yt, shown, true);
    if (!pair) return fail(`"${shown}" is not a financial quarter: write it as 2025-26 Q1`);
    if ('reading' in pair) {
      if (!pair.reading.ok) return pair.reading;
      return fail(`"${shown}" is not a financial quarter: write it as 2025-26 Q1`);
    }
    return quarterOf(pair.start);
  }

  // A year pair: financial year (or the measure's kind of year), multi-year period, or month YYYY-MM.
  s = s.replace(
    / ?\((?:\d )?(?:3|THREE|4|FOUR|5|FIVE)?[ -]?YEARS?(?: AVERAGE| AVG| TOTAL)?\)$| AVG$| AVERAGE$/,
    '',
  );
  const fyText = s.startsWith('FY');
  if (/^FY(\d{2}|\d{4})$/.test(s))
    return fail(
      `"${shown}" is ambiguous: a financial year needs both its years, e.g. FY${s.length === 4 ? '23/24' : '2023/24'}`,
    );
  const pair = readYearPair(fyText ? s.slice(2) : s, shown, !fyText, fyText);
  if (pair) {
    if ('reading' in pair) return pair.reading;
    if (fyText || basis !== 'academic') return ok(makeYear(pair.start));
    const p = makeAcademic(pair.start);
    return ok(p, basisNote(shown, p));
  }
  // "2019 to 2022": a multi-year period.
  r = /^(\d{4}) TO (\d{4})$/.exec(s);
  if (r) {
    const a = Number(r[1]);
    const b = Number(r[2]);
    if (!inRange(a) || !inRange(b)) return outOfRange(shown);
    if (b === a + 1) return ok(makeYear(a));
    if (b - a >= 3 && b - a <= 5) return ok(makeMultiYear(a, b));
    return fail(`"${shown}" is not a period: a multi-year period runs for three to five years, e.g. 2019-22`);
  }

  // Rolling periods in canonical form also come through the rolling branch above ("12 MONTHS TO 2025-06").

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
    const y = Number(s);
    if (!inRange(y)) return outOfRange(shown);
    if (opts.bareYear) {
      const b = bareYear(y, opts.bareYear, basis);
      return ok(b.period, b.note);
    }
    return {
      ok: false,
      ambiguous: true,
      error: `"${shown}" is not a period: a year on its own is ambiguous; use a financial year such as ${fyCanonical(y - 1)} (the year ending 31 March ${y}, as DfE and LAIT label it) or say how the years are written`,
    };
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

/**
 * Periods already read, by options and label: a scorecard sorts and compares the same labels again
 * and again, and an import reads the same column headings row after row.
 */
const readings = new Map<string, Period | null>();
const MAX_READINGS = 20_000;

/** Reads a period in any accepted form; null when it cannot be read (see periodError for why). */
export function parsePeriod(text: string, opts?: ReadOptions): Period | null {
  const key = opts ? `${opts.bareYear ?? ''}|${opts.yearBasis ?? ''}|${text}` : text;
  const hit = readings.get(key);
  if (hit !== undefined) return hit;
  const r = read(text, opts);
  const period = r.ok ? Object.freeze(r.period) : null;
  if (readings.size >= MAX_READINGS) readings.clear();
  readings.set(key, period);
  return period;
}

/** Why `text` could not be read as a period, in plain en-GB; '' when it can be read. */
export function periodError(text: string, opts?: ReadOptions): string {
  const r = read(text, opts);
  return r.ok ? '' : r.error;
}

/**
 * Reads a period and says how: `note` explains a reading that was a choice (a bare year, a year
 * label read as an academic year). `ambiguous` marks a label that could be read given a
 * `bareYear` reading; `error` says why it was not read.
 */
export function readPeriod(
  text: string,
  opts?: ReadOptions,
): { period: Period; note: string } | { period: null; error: string; ambiguous: boolean } {
  const r = read(text, opts);
  return r.ok
    ? { period: r.period, note: r.note }
    : { period: null, error: r.error, ambiguous: r.ambiguous === true };
}

/** Whether a label needs a reading for bare years before it can be read ("2024", "Q1 2024"). */
export function needsBareYearReading(text: string): boolean {
  const r = read(text);
  return !r.ok && r.ambiguous === true;
}

function mustParse(text: string): Period {
  const p = parsePeriod(text); // the cached reading: previous/next/last year are asked per figure
  if (p === null) throw new Error(periodError(text));
  return p;
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
  // Same dates, different kinds (2024-25 and 12 months to 2025-03): in the order of periodKinds.
  if (pa.kind !== pb.kind) return periodKinds.indexOf(pa.kind) - periodKinds.indexOf(pb.kind);
  return 0;
}

/** A sorted copy (the input is left alone). */
export function sortPeriods(list: readonly string[]): string[] {
  return [...list].sort(comparePeriods);
}

/** Start year of the financial year containing calendar month (y, m). */
const fyStartYear = (y: number, m: number): number => (m >= 4 ? y : y - 1);

const startOf = (p: Period): [number, number] => [Number(p.start.slice(0, 4)), Number(p.start.slice(5, 7))];
const endOf = (p: Period): [number, number] => [Number(p.end.slice(0, 4)), Number(p.end.slice(5, 7))];

/** Length of a period in whole months. */
export function periodMonths(p: Period): number {
  const [sy, sm] = startOf(p);
  const [ey, em] = endOf(p);
  return ey * 12 + em - (sy * 12 + sm) + 1;
}

/**
 * Which periods compare like with like: the kind, and for rolling and multi-year periods their
 * length ("rolling 12", "multiyear 36"). RAG and direction only compare figures of one family.
 */
export function periodFamily(canonical: string): string {
  const p = parsePeriod(canonical);
  if (!p) return '';
  return p.kind === 'rolling' || p.kind === 'multiyear' ? `${p.kind} ${periodMonths(p)}` : p.kind;
}

/** "quarters", "financial years", "rolling 12-month periods": a family in a sentence. */
export function familyWords(canonical: string): string {
  const p = parsePeriod(canonical);
  if (!p) return 'unreadable periods';
  const n = periodMonths(p);
  const words: Record<PeriodKind, string> = {
    year: 'financial years',
    quarter: 'quarters',
    month: 'months',
    academic: 'academic years',
    calendar: 'calendar years',
    rolling: `rolling ${n}-month periods`,
    multiyear: `${n / 12}-year periods`,
  };
  return words[p.kind];
}

function shift(p: Period, delta: number): Period {
  const [y, m] = startOf(p);
  switch (p.kind) {
    case 'year':
      return makeYear(y + delta);
    case 'academic':
      return makeAcademic(y + delta);
    case 'calendar':
      return makeCalendar(y + delta);
    case 'month': {
      const [ny, nm] = fromIndex(y * 12 + (m - 1) + delta);
      return makeMonth(ny, nm);
    }
    case 'rolling': {
      // Rolling figures are refreshed monthly or quarterly; the one before is a month earlier.
      const [ey, em] = endOf(p);
      const [ny, nm] = fromIndex(ey * 12 + (em - 1) + delta);
      return makeRolling(periodMonths(p), ny, nm);
    }
    case 'multiyear': {
      // DfE publishes three-year figures every year: 2018-21, 2019-22, 2020-23.
      const years = periodMonths(p) / 12;
      return makeMultiYear(y + delta, y + delta + years);
    }
    case 'quarter': {
      const qIndex = fyStartYear(y, m) * 4 + Math.floor(((m + 8) % 12) / 3) + delta; // Apr→0 … Jan→3
      return makeQuarter(Math.floor(qIndex / 4), (qIndex % 4) + 1);
    }
  }
}

/** The period before, of the same kind. Throws on an unreadable period. */
export function previousPeriod(canonical: string): string {
  return shift(mustParse(canonical), -1).canonical;
}

/** The period after, of the same kind. Throws on an unreadable period. */
export function nextPeriod(canonical: string): string {
  return shift(mustParse(canonical), 1).canonical;
}

/** The same period a year earlier (2025-26 Q2 → 2024-25 Q2; June 2025 → June 2024). Throws on an unreadable period. */
export function samePeriodLastYear(canonical: string): string {
  const p = mustParse(canonical);
  switch (p.kind) {
    case 'month':
    case 'rolling':
      return shift(p, -12).canonical;
    case 'quarter':
      return shift(p, -4).canonical;
    default:
      return shift(p, -1).canonical;
  }
}

/** Whole months from the end of `earlier` to the end of `later` (12 for consecutive years). */
export function monthsBetweenEnds(earlier: string, later: string): number | null {
  const a = parsePeriod(earlier);
  const b = parsePeriod(later);
  if (!a || !b) return null;
  const [ay, am] = endOf(a);
  const [by, bm] = endOf(b);
  return by * 12 + bm - (ay * 12 + am);
}

/**
 * Human label: '2025-26 Q1' → 'Q1 2025-26 (Apr–Jun 2025)', '2025-06' → 'June 2025',
 * '2025-26' → '2025-26', 'AY 2023-24' → '2023/24 academic year', 'CY 2024' → '2024 (calendar year)',
 * '12 months to 2025-06' → '12 months to June 2025', '2019-22' → '2019-22 (3 years to March 2022)'.
 * Unreadable text is returned unchanged so nothing is hidden.
 */
export function periodLabel(canonical: string): string {
  const p = parsePeriod(canonical);
  if (!p) return canonical;
  const [y, m] = startOf(p);
  const [ey, em] = endOf(p);
  switch (p.kind) {
    case 'month':
      return `${monthName(m)} ${y}`;
    case 'year':
      return p.canonical;
    case 'academic':
      return `${y}/${pad2((y + 1) % 100)} academic year`;
    case 'calendar':
      return `${y} (calendar year)`;
    case 'rolling':
      return `${periodMonths(p)} months to ${monthName(em)} ${ey}`;
    case 'multiyear':
      return `${p.canonical} (${periodMonths(p) / 12} years to March ${ey})`;
    case 'quarter': {
      const [fy, q] = p.canonical.split(' ');
      return `${q} ${fy} (${monthAbbr(m)}–${monthAbbr(m + 2)} ${y})`;
    }
  }
}

/** The period of the given kind containing an ISO date. Throws on an invalid date. */
export function periodForDate(
  isoDateText: string,
  kind: 'year' | 'quarter' | 'month' | 'academic' | 'calendar',
): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDateText.trim());
  const r = m ? dateToMonth(Number(m[1]), Number(m[2]), Number(m[3]), isoDateText) : null;
  if (!m || !r || !r.ok) throw new Error(`"${isoDateText}" is not a date in the form YYYY-MM-DD`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (kind === 'month') return makeMonth(y, mo).canonical;
  if (kind === 'year') return fyCanonical(fyStartYear(y, mo));
  if (kind === 'academic') return makeAcademic(mo >= 9 ? y : y - 1).canonical;
  if (kind === 'calendar') return makeCalendar(y).canonical;
  return makeQuarter(fyStartYear(y, mo), Math.floor(((mo + 8) % 12) / 3) + 1).canonical;
}

/** How often a measure is reported. */
export type Frequency = 'monthly' | 'quarterly' | 'annual';

/** The family of period a measure's headline figures are in ('quarter'; 'academic' for an annual academic-year measure). */
export function headlineFamily(frequency: Frequency, basis: YearBasis = 'financial'): string {
  if (frequency === 'monthly') return 'month';
  if (frequency === 'quarterly') return 'quarter';
  return basis === 'academic' ? 'academic' : basis === 'calendar' ? 'calendar' : 'year';
}

const frequencyMonths: Record<Frequency, number> = { monthly: 1, quarterly: 3, annual: 12 };
const frequencyWords: Record<Frequency, string> = {
  monthly: 'monthly',
  quarterly: 'quarterly',
  annual: 'annually',
};

/**
 * Whether a measure reported at `frequency` can hold a figure for `period`: any period at least
 * as long as its reporting period (a quarterly measure also holds DfE's annual figure; an annual
 * one holds three-year figures), never a shorter one. '' when it can; otherwise why not.
 */
export function periodFitsFrequency(period: string, frequency: Frequency): string {
  const p = parsePeriod(period);
  if (!p) return `"${period}" is not a period`;
  if (periodMonths(p) >= frequencyMonths[frequency]) return '';
  return `${period} is ${periodKindWords[p.kind]}, but the measure is reported ${frequencyWords[frequency]}`;
}
