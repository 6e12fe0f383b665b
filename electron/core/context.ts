import type { DB } from './store/board-file';

/** What every handler gets: the open board file, a clock and who is acting. */
export interface Ctx {
  db: DB;
  file: string;
  now(): Date;
  /** Today's date, ISO, in local time, from the same clock as now() (see clock.ts). */
  today(): string;
  actor: string;
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
