/**
 * Sortable period keys: a period's place in time as one string, so the database can order and
 * filter periods with an index and screens can sort them without parsing labels again.
 *
 * The key is `start/end/k` (both ISO dates, then the kind's place in periodKinds) for a readable
 * period and `~text` for one that cannot be read. Comparing keys as plain strings gives exactly
 * comparePeriods' order: by start date, then the shorter period first, then the kind, unreadable
 * strings last in text order (ISO dates have a fixed width and '~' sorts after every digit). It is
 * computed from parsePeriod alone, so any kind of period parsePeriod reads gets its place.
 *
 * Pure functions only: no Node or DOM APIs.
 */
import { parsePeriod, periodKinds } from './periods';

const MAX_CACHED = 20_000;
const cache = new Map<string, string>();

/** The sortable key of a period written in any form parsePeriod reads (computed once, then cached). */
export function periodSortKey(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const p = parsePeriod(text);
  const key = p ? `${p.start}/${p.end}/${periodKinds.indexOf(p.kind)}` : `~${text}`;
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, key);
  return key;
}

/** The last day (ISO) a key's period covers; null for an unreadable period. */
export const periodKeyEnd = (key: string): string | null => (key.startsWith('~') ? null : key.slice(11, 21));

/** comparePeriods by key: the same order, with each label parsed at most once. */
export function comparePeriodKeys(a: string, b: string): number {
  const ka = periodSortKey(a);
  const kb = periodSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
