/**
 * Safe writes for exported documents: the bytes go to a temporary file in the destination folder,
 * are flushed to disk, and only then renamed over the target. A failure at any step removes the
 * temporary file and throws a SafeWriteError naming the file and the reason in words, so the old
 * file (if any) survives and no partial file is ever left behind.
 */
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
 * Writes `data` to `file` atomically (temp file, fsync, rename: see writeWhole). Throws
 * SafeWriteError. A temporary file left in the folder by a save that was killed part-way is removed.
 */
export function writeFileSafe(file: string, data: Uint8Array): void {
  const target = path.resolve(file);
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
