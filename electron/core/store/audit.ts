/** The audit log: append-only (its triggers refuse UPDATE and DELETE); written by dispatch alone. */
import type { DB } from './board-file';
import { all, run } from './sql';

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

export interface AuditRowDb {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  detail: string;
}

const ROW = 'SELECT id, at, actor, action, entity, entity_id, detail FROM audit_log';

export interface AuditFilter {
  /** Part of the person's name (case-insensitive). */
  person: string | null;
  entity: string | null;
  /** Dates, inclusive, compared with the date part of the row's timestamp. */
  from: string | null;
  to: string | null;
}

/** Rows matching the filters, newest first. */
export const auditRows = (db: DB, f: AuditFilter): AuditRowDb[] =>
  all<AuditRowDb>(
    db,
    `${ROW} WHERE (@person IS NULL OR instr(lower(actor), lower(@person)) > 0)
       AND (@entity IS NULL OR entity = @entity)
       AND (@from IS NULL OR substr(at, 1, 10) >= @from)
       AND (@to IS NULL OR substr(at, 1, 10) <= @to)
     ORDER BY id DESC`,
    { person: f.person, entity: f.entity, from: f.from, to: f.to },
  );

/** One record's rows, newest first. */
export const auditOfRecord = (db: DB, entity: string, id: number): AuditRowDb[] =>
  all<AuditRowDb>(db, `${ROW} WHERE entity = ? AND entity_id = ? ORDER BY id DESC`, entity, id);

export const auditPeople = (db: DB): string[] =>
  all<{ actor: string }>(db, "SELECT DISTINCT actor FROM audit_log WHERE actor <> '' ORDER BY actor").map(
    (r) => r.actor,
  );

export const auditEntities = (db: DB): string[] =>
  all<{ entity: string }>(db, 'SELECT DISTINCT entity FROM audit_log ORDER BY entity').map((r) => r.entity);

/**
 * What tells whether an audit row is about Part B content: items' exemption, decisions' and
 * actions' own exemption (they keep it when their item goes), and which item each sits on.
 */
export interface PartBLookup {
  items: Map<number, boolean>;
  decisionItem: Map<number, number | null>;
  actionItem: Map<number, number | null>;
  exemptDecisions: Set<number>;
  exemptActions: Set<number>;
}

type Placed = { id: number; item: number | null; exempt: number };

export function partBLookup(db: DB): PartBLookup {
  const items = all<{ id: number; exempt: number }>(db, 'SELECT id, exempt FROM agenda_item');
  const decisions = all<Placed>(db, 'SELECT id, agenda_item_id AS item, exempt FROM decision');
  const actions = all<Placed>(db, 'SELECT id, agenda_item_id AS item, exempt FROM action');
  return {
    items: new Map(items.map((r) => [r.id, r.exempt === 1])),
    decisionItem: new Map(decisions.map((r) => [r.id, r.item])),
    actionItem: new Map(actions.map((r) => [r.id, r.item])),
    exemptDecisions: new Set(decisions.filter((r) => r.exempt === 1).map((r) => r.id)),
    exemptActions: new Set(actions.filter((r) => r.exempt === 1).map((r) => r.id)),
  };
}
