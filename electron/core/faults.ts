import path from 'node:path';
import type { ApiErrorCode } from '../../shared/api/errors';

/**
 * What the disk or SQLite can do to a board file, by name. Every fault becomes one of these codes
 * with a message a clerk can act on, and says that nothing was saved: a fault never reaches the
 * window as a bare 'internal' error or a stack trace.
 */
export interface Fault {
  code: Extract<
    ApiErrorCode,
    'busy' | 'read_only' | 'disk_full' | 'file_unavailable' | 'permission_denied' | 'damaged'
  >;
  message: string;
}

const named = (file: string | undefined) => (file ? path.basename(file) : 'the board file');

/**
 * The fault behind an error thrown by SQLite (better-sqlite3 gives the extended result code, e.g.
 * SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE) or by Node's fs (ENOSPC, EACCES…), or null when the
 * error is not a fault of the file or disk. `file` names the board (or backup) in the message.
 */
export function faultOf(e: unknown, file?: string): Fault | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const name = named(file);
  const base = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;
  switch (base) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
    case 'EBUSY':
      return {
        code: 'busy',
        message: `The board is busy in another window: another CPB window or program held ${name} for too long. Nothing was saved; try again in a moment.`,
      };
    case 'SQLITE_READONLY':
    case 'EROFS':
      return {
        code: 'read_only',
        message: `${name} is read-only here (a read-only file, folder or drive), so nothing was saved. Copy it to a folder you can write to, or ask for write access.`,
      };
    case 'SQLITE_FULL':
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return {
        code: 'disk_full',
        message: `The disk holding ${name} is full, so nothing was saved. Free some space (or choose another drive), then try again.`,
      };
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
    case 'EACCES':
    case 'EPERM':
      return {
        code: 'permission_denied',
        message: `CPB is not allowed to use ${name} (permission denied by the computer). Nothing was saved. Ask for access, or copy the board to a folder of your own.`,
      };
    case 'SQLITE_CANTOPEN':
    case 'ENOENT':
    case 'ENOTDIR':
      return {
        code: 'file_unavailable',
        message: `${name} can no longer be found: was it moved or deleted, or its drive removed? Nothing was saved. Put it back (or reconnect the drive) and open it again.`,
      };
    case 'SQLITE_IOERR':
    case 'EIO':
    case 'ENXIO':
    case 'ENODEV':
    case 'ESTALE':
      return {
        code: 'file_unavailable',
        message: `${name} could not be read or written: its drive may have been removed, disconnected or be failing. Nothing was saved. Reconnect the drive and open the board again.`,
      };
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return {
        code: 'damaged',
        message: `${name} is damaged (${(e as Error).message}). Restore the newest sound backup (cpb restore); the damaged file is kept aside.`,
      };
    default:
      return null;
  }
}

/** A thrown fault, for code that must stop (the CLI prints its message; dispatch returns it). */
export class FaultError extends Error {
  constructor(readonly fault: Fault) {
    super(fault.message);
    this.name = 'FaultError';
  }
  get code(): Fault['code'] {
    return this.fault.code;
  }
}

/** Runs `fn`; a fault of `file` or its disk is rethrown as a FaultError naming it. */
export function naming<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const f = faultOf(e, file);
    throw f ? new FaultError(f) : e;
  }
}

/**
 * Whether an error opening a board says the file itself is unusable (damaged, or not a board any
 * more): only then is restoring a backup the advice. Never for a sound board that cannot be
 * written, read for want of permission, or is busy or in use elsewhere.
 */
export const backupIsTheAdvice = (code: string): boolean => code === 'damaged' || code === 'bad_file';
