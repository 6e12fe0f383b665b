import type { DB } from './store/board-file';

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
}
