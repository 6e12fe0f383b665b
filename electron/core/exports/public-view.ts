/**
 * Names in public documents: when the board's setting says so (the default), young people are
 * named by first name only in the public agenda and minutes. The record is changed before any
 * paragraph is built, every string in it, so no later code path can print a full name: the
 * attendance list, presenters, minutes text, decisions, actions and declarations alike.
 */
import { firstNameReplacements, renameIn } from '../../../shared/domain/publishing';
import type { DB } from '../store/board-file';
import { members } from '../queries/board';
import { publishing } from '../queries/publishing';

export type Replacements = [string, string][];

/** What to replace in this version of a document: nothing in a confidential one. */
export function nameReplacements(db: DB, isPublic: boolean): Replacements {
  if (!isPublic) return [];
  return firstNameReplacements(members(db), publishing(db).youngPeopleFirstNames);
}

/**
 * `value` with every string in it (at any depth) renamed; Buffers and non-plain objects kept. Only
 * what holds a renamed string is copied: a part with nothing to rename is the same object (a
 * public minutes at twenty years is tens of thousands of values, few of them names). Treat it as
 * read-only, like the record it came from.
 */
export function renameDeep<T>(value: T, reps: Replacements): T {
  if (reps.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return renameIn(v, reps);
    if (typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const x = walk(v[i]);
        if (x !== v[i] && !out) out = v.slice();
        if (out) out[i] = x;
      }
      return out ?? v;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) return v;
    const o = v as Record<string, unknown>;
    let out: Record<string, unknown> | null = null;
    for (const k of Object.keys(o)) {
      const x = walk(o[k]);
      if (x === o[k]) continue;
      out ??= { ...o };
      Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
    }
    return out ?? v;
  };
  return walk(value) as T;
}
