import type { DB } from './store/board-file';

/** Whether the board open can be changed, and if not, why not (in words for the banner). */
export type Access = { mode: 'read-write' } | { mode: 'read-only'; reason: string };

/**
 * Whether the open board passed its check: 'checking' while the quick check of a board opened
 * today already is still to run (it runs just after the open; every write waits for it),
 * 'damaged' once it failed (every write is refused by name; a restore may replace the file).
 */
export type Soundness = { state: 'checking' | 'sound' } | { state: 'damaged'; problem: string };

/** What every handler gets: the open board file, a clock and who is acting. */
export interface Ctx {
  db: DB;
  file: string;
  now(): Date;
  /** Today's date, ISO, in local time, from the same clock as now() (see clock.ts). */
  today(): string;
  actor: string;
  /** A backup folder chosen in the desktop settings (besides the board's own, beside its file). */
  backupDir?: string;
  /** Read-write, or read-only and why (a read-only file, folder or drive). */
  access: Access;
  /** Whether the file passed its check (absent: checked on the open, as for tests' boards). */
  soundness?: Soundness;
}
