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

function parts(iso: string): [number, number, number] | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return [y, mo, d];
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

function formatWith(iso: string | null | undefined, pattern: string): string {
  if (iso === null || iso === undefined || iso.trim() === '') return EMPTY;
  const d = localDate(iso.trim());
  return d ? format(d, pattern, { locale: enGB }) : iso;
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
      timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
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
export function todayIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}
