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

/** Appends to the audit log (append-only, enforced by triggers). */
export function audit(
  ctx: Ctx,
  action: string,
  entity: string,
  entityId: number | null,
  detail: object = {},
): void {
  ctx.db
    .prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)')
    .run(ctx.now().toISOString(), ctx.actor, action, entity, entityId, JSON.stringify(detail));
}
