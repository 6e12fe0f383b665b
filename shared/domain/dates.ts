/**
 * en-GB dates and times ("21 November 2017", 24-hour clock).
 *
 * Dates are ISO strings 'YYYY-MM-DD' throughout. Arithmetic is done on UTC midnights so a
 * clock change (BST) can never make a day 23 or 25 hours long and shift a date. Formatting
 * builds a local Date from the parts, so the machine's time zone never changes the day shown.
 * Unreadable input is returned unchanged (nothing is hidden from the user); null/empty → '–'.
 */
import { format } from 'date-fns';
import { enGB } from 'date-fns/locale';

const DAY_MS = 86_400_000;
const EMPTY = '–';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function readParts(iso: string): readonly [number, number, number] | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31)) return null;
  return [y, mo, d];
}

/** Dates read, by text: a page of a hundred actions asks the same few dates again and again. */
const read = new Map<string, readonly [number, number, number] | null>();
const MAX_READ = 20_000;

function parts(iso: string): readonly [number, number, number] | null {
  let p = read.get(iso);
  if (p === undefined) {
    p = readParts(iso);
    if (read.size >= MAX_READ) read.clear();
    read.set(iso, p === null ? null : Object.freeze(p));
  }
  return p;
}

/** A real calendar date written 'YYYY-MM-DD' (2017-02-29 is false). */
export function isIsoDate(s: string): boolean {
  return parts(s) !== null;
}

/** 'HH:MM' on the 24-hour clock, with leading zeros (09:05, not 9:5). */
export function isTime(s: string): boolean {
  return TIME.test(s);
}

function localDate(iso: string): Date | null {
  const p = parts(iso);
  if (!p) return null;
  const d = new Date(2000, 0, 1);
  d.setFullYear(p[0], p[1] - 1, p[2]); // setFullYear keeps years < 100 literal
  return d;
}

/** Formatted dates, by pattern and date: a long document formats the same few thousand dates again and again. */
const formatted = new Map<string, string>();
const MAX_FORMATTED = 20_000;

function formatWith(iso: string | null | undefined, pattern: string): string {
  if (iso === null || iso === undefined || iso.trim() === '') return EMPTY;
  const key = `${pattern}|${iso}`;
  const hit = formatted.get(key);
  if (hit !== undefined) return hit;
  const d = localDate(iso.trim());
  const text = d ? format(d, pattern, { locale: enGB }) : iso;
  if (formatted.size >= MAX_FORMATTED) formatted.clear();
  formatted.set(key, text);
  return text;
}

/** '2017-11-21' → '21 November 2017'. */
export const formatDate = (iso: string | null | undefined): string => formatWith(iso, 'd MMMM yyyy');

/** '2017-11-21' → '21 Nov 2017'. */
export const formatShortDate = (iso: string | null | undefined): string => formatWith(iso, 'd MMM yyyy');

/** '2017-11-21' → 'Tuesday 21 November 2017'. */
export const formatDateWithDay = (iso: string | null | undefined): string =>
  formatWith(iso, 'EEEE d MMMM yyyy');

/** '14:05' → '14:05'. Only validated 'HH:MM' is accepted; anything else is returned unchanged. */
export function formatTime(time: string | null | undefined): string {
  if (time === null || time === undefined || time.trim() === '') return EMPTY;
  return isTime(time.trim()) ? time.trim() : time;
}

/**
 * '2017-11-21T14:05:00' → '21 November 2017, 14:05'.
 *
 * Deliberately reads the date and clock time exactly as written and ignores any 'Z' or
 * '+01:00' offset: the app records local wall-clock times (what the clerk's clock said in
 * the meeting), and converting through the machine's time zone would make the same record
 * read differently on different laptops. Callers must therefore store local times, not
 * `Date.toISOString()` output (which is UTC). A space instead of 'T' is accepted too.
 */
export function formatTimestamp(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso.trim() === '') return EMPTY;
  const t = iso.trim();
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!m || !isIsoDate(m[1] ?? '') || !isTime(m[2] ?? '')) return iso;
  if (!m[3]) return `${formatDate(m[1])}, ${m[2]}`;
  // Stored timestamps are UTC instants (toISOString); show them as UK wall-clock time.
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(t))
      .map((p) => [p.type, p.value]),
  );
  return `${formatDate(`${parts.year}-${parts.month}-${parts.day}`)}, ${parts.hour}:${parts.minute}`;
}

const utcDay = (iso: string): number => {
  const p = parts(iso);
  if (!p) throw new Error(`"${iso}" is not a date in the form YYYY-MM-DD`);
  return Date.UTC(p[0], p[1] - 1, p[2]) / DAY_MS;
};

const fromUtcDay = (day: number): string => {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
};

/** '2025-01-31' + 1 → '2025-02-01'. Throws on an invalid date. */
export function addDaysIso(iso: string, n: number): string {
  return fromUtcDay(utcDay(iso) + Math.trunc(n));
}

/** Whole days from `a` to `b` (positive when b is later): ('2025-01-01', '2025-01-13') → 12. */
export function daysBetween(a: string, b: string): number {
  return utcDay(b) - utcDay(a);
}

/** Today's date on this machine's calendar (local, not UTC: just after midnight in BST is still today). */
export function todayIso(now: Date): string {
  return format(now, 'yyyy-MM-dd');
}

// ---- Typed dates (UK order) --------------------------------------------------------------------

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthFromName(name: string): number | null {
  const n = name.toLowerCase().replace(/\.$/, '');
  const full = MONTH_NAMES.indexOf(n);
  if (full >= 0) return full + 1;
  if (n === 'sept') return 9;
  const short = MONTHS.indexOf(n);
  return short >= 0 ? short + 1 : null;
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/** The year, month and day a clerk meant, before checking the date exists; null if the shape is unreadable. */
function typedParts(text: string): [number, number, number] | null {
  const t = text.trim().replace(/\s+/g, ' ');
  // 2026-11-23 (ISO, still accepted)
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  // 23/11/2026, 23-11-2026, 23.11.2026, 23 11 2026, 23/11/26
  m = /^(\d{1,2})\s?[/.\- ]\s?(\d{1,2})\s?[/.\- ]\s?(\d{4}|\d{2})$/.exec(t);
  if (m) return [fullYear(m[3] ?? ''), Number(m[2]), Number(m[1])];
  // 23112026 (typed without separators)
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return [Number(m[3]), Number(m[2]), Number(m[1])];
  // 23 November 2026, 23 Nov 2026, 23rd Nov. 2026, Monday 23 November 2026, 23-Nov-2026
  m = /^(?:[a-z]+,? )?(\d{1,2})(?:st|nd|rd|th)?[ \-/]([a-z]+\.?),?[ \-/](\d{4}|\d{2})$/i.exec(t);
  if (m) {
    const mo = monthFromName(m[2] ?? '');
    return mo === null ? null : [fullYear(m[3] ?? ''), mo, Number(m[1])];
  }
  return null;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/**
 * A date typed the UK way → ISO 'YYYY-MM-DD', or null if it cannot be read or does not exist.
 * Reads '23/11/2026', '23/11/26', '23-11-2026', '23.11.2026', '23112026', '23 November 2026',
 * '23 Nov 2026' and ISO '2026-11-23'. Day comes before month (never US order). Two-digit years
 * are 20xx. '31/02/2026' → null.
 */
export function parseUkDate(text: string): string | null {
  const p = typedParts(text);
  if (!p) return null;
  const [y, mo, d] = p;
  if (y < MIN_YEAR || y > MAX_YEAR) return null;
  const iso = `${String(y)}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Why `text` is not a date parseUkDate reads ('' when it is one), in words for the field. */
export function ukDateError(text: string): string {
  if (parseUkDate(text) !== null) return '';
  const t = text.trim();
  const p = typedParts(t);
  if (p && (p[0] < MIN_YEAR || p[0] > MAX_YEAR))
    return `"${t}": the year must be between ${MIN_YEAR} and ${MAX_YEAR}`;
  if (p) return `"${t}" is not a real date`;
  if (t === '') return 'Enter a date like 23/11/2026';
  return `"${t}" is not a date. Enter a date like 23/11/2026`;
}

/** ISO '2026-11-23' → '23/11/2026', how a date is shown in a field; anything else unchanged. */
export function isoToUkDate(iso: string): string {
  const p = parts(iso.trim());
  return p
    ? `${String(p[2]).padStart(2, '0')}/${String(p[1]).padStart(2, '0')}/${String(p[0]).padStart(4, '0')}`
    : iso;
}
