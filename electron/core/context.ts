import type { DB } from './store/board-file';

/** What every handler gets: the open board file, a clock and who is acting. */
export interface Ctx {
  db: DB;
  file: string;
  now(): Date;
  /** Today's date, ISO, in local time (CPB_TODAY pins it for tests). */
  today(): string;
  actor: string;
}

export function localIsoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function makeClock(): { now(): Date; today(): string } {
  const pinned = process.env.CPB_TODAY;
  return {
    now: () => new Date(),
    today: () => (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : localIsoDate(new Date())),
  };
}
