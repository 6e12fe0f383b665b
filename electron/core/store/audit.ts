/** The audit log: append-only (its triggers refuse UPDATE and DELETE); written by dispatch alone. */
import type { DB } from './board-file';
import { run } from './sql';

export interface AuditRow {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  /** JSON. */
  detail: string;
}

export const insertAuditRow = (db: DB, r: AuditRow): void => {
  run(
    db,
    'INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
    r.at,
    r.actor,
    r.action,
    r.entity,
    r.entityId,
    r.detail,
  );
};
