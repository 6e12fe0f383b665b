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

/** A copy of `value` with every string in it (at any depth) renamed; Buffers and non-plain objects kept. */
export function renameDeep<T>(value: T, reps: Replacements): T {
  if (reps.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return renameIn(v, reps);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
