import { ApiError } from '../../../shared/api';

/**
 * The refusal of a save made from a stale copy: someone else (another tab, window or computer)
 * saved the record since this copy was read. Nothing is written; the error carries the record as
 * it now stands so the screen can offer it.
 */
export function staleSave(what: string, current: unknown): ApiError {
  return new ApiError(
    'conflict',
    `Someone else saved ${what} after you opened them (in another tab, window or computer), so your ` +
      'changes were not saved. Load their version, or keep yours and save it over theirs.',
    undefined,
    current,
  );
}

/** The revision a save started from: null when the caller did not send one (a deliberate overwrite). */
export const baseOf = (input: { baseRevision?: number | undefined }): number | null =>
  input.baseRevision ?? null;
