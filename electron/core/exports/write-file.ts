/**
 * Safe writes for exported documents: the bytes go to a temporary file in the destination folder,
 * are flushed to disk, and only then renamed over the target. A failure at any step removes the
 * temporary file and throws a SafeWriteError naming the file and the reason in words, so the old
 * file (if any) survives and no partial file is ever left behind.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { writeWhole } from '../partial-files';

export class SafeWriteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly file: string,
  ) {
    super(message);
    this.name = 'SafeWriteError';
  }
}

type Stage = 'write' | 'replace';

/** A message a clerk can act on, for a failed save of `file` at `stage`. */
export function saveErrorMessage(code: string | undefined, stage: Stage, file: string, detail = ''): string {
  const name = path.basename(file);
  const folder = path.dirname(file);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Could not save ${name}: the disk is full. Free some space or choose another folder.`;
    case 'EROFS':
      return `Could not save ${name}: the folder ${folder} is read-only. Choose another folder.`;
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      return stage === 'replace'
        ? `Could not save ${name}: the file is open in another program (Word?) or is read-only. Close it there and save again, or choose another name.`
        : `Could not save ${name}: you do not have permission to save in ${folder} (or it is read-only). Choose another folder.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `Could not save ${name}: the folder ${folder} does not exist (is the network drive connected?).`;
    case 'ENAMETOOLONG':
      return `Could not save ${name}: the file name or folder path is too long. Choose a shorter name.`;
    case 'EISDIR':
      return `Could not save ${name}: there is a folder with that name.`;
    default:
      return `Could not save ${name}${detail ? `: ${detail}` : ''}.`;
  }
}

/**
 * Refuses to replace a file that is marked read-only (its owner may not write it: Windows'
 * read-only attribute, or `chmod a-w`). A rename would replace it anyway, since only the folder's
 * permissions count for that, so the mark would be silently ignored. Throws SafeWriteError
 * with the code EROFILE.
 */
export function assertWritableTarget(file: string): void {
  const target = path.resolve(file);
  let mode: number;
  try {
    const st = statSync(target);
    if (!st.isFile()) return; // a folder in the way is reported by the write itself
    mode = st.mode;
  } catch {
    return; // nothing there yet
  }
  if ((mode & 0o200) === 0)
    throw new SafeWriteError(
      `Could not save ${path.basename(target)}: the file is read-only, so it was not replaced. Choose another name, or clear its read-only setting first.`,
      READ_ONLY_FILE,
      target,
    );
}

/** The code of the error for a read-only file in the way (not an errno: nothing was tried). */
export const READ_ONLY_FILE = 'EROFILE';

/**
 * Writes `data` to `file` atomically (temp file, fsync, rename: see writeWhole). Throws
 * SafeWriteError. A temporary file left in the folder by a save that was killed part-way is removed.
 * A read-only file in the way is refused first (assertWritableTarget).
 */
export function writeFileSafe(file: string, data: Uint8Array): void {
  const target = path.resolve(file);
  assertWritableTarget(target);
  try {
    writeWhole(target, data);
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stage?: Stage };
    throw new SafeWriteError(
      saveErrorMessage(err.code, err.stage ?? 'write', target, err.message),
      err.code,
      target,
    );
  }
}
