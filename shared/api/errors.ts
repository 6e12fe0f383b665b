import { z } from 'zod';

export const apiErrorCodes = [
  'invalid_input', // the input failed its schema: nothing was done
  'not_found',
  'conflict', // a rule in the board file refused the change (duplicate code, missing link…)
  'locked', // approved minutes or a frozen snapshot
  'bad_file', // a board, spreadsheet or backup file that cannot be used
  'unknown_method',
  'unavailable', // e.g. no board open
  // Faults of the board file and its disk: each names what happened, and nothing was saved.
  'busy', // another window or program held the board's write lock for too long
  'read_only', // the board is open read-only (a read-only file, folder or drive)
  'disk_full', // the disk holding the board (or a backup) is full
  'file_unavailable', // the board file vanished (moved, deleted, drive removed) or cannot be read
  'permission_denied', // the operating system refused access to the file or folder
  'damaged', // the board file itself is damaged (integrity check failed)
  'in_use', // the board is open elsewhere, so a restore (or an open during one) is refused
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const apiErrorSchema = z.object({
  code: z.enum(apiErrorCodes),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** A 'conflict' with a newer save: the record as it now stands, so the UI can offer it. */
  current: z.unknown().optional(),
});
export type ApiErrorShape = z.infer<typeof apiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** Thrown by services and by the client, carrying a message fit to show the user. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  toShape(): ApiErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.current !== undefined ? { current: this.current } : {}),
    };
  }
}
