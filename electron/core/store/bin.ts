/**
 * The bin. Deleting a record really deletes it — so every read, export, count and the search
 * index leave it out without a `deleted_at` filter anyone could forget, and the lock triggers
 * still refuse to delete what approved minutes contain — but first the rows the delete will
 * remove (the record and, through ON DELETE CASCADE, its children) and the links it will set to
 * NULL are read from the foreign keys the schema declares and kept as JSON. Restoring inserts
 * them again through the same triggers (so a lock still applies) and puts the links back.
 */
import type { DB } from './board-file';
import { all, get, run } from './sql';

export const binKinds = [
  'meeting',
  'item',
  'decision',
  'action',
  'member',
  'measure',
  'voice',
  'visit',
] as const;
export type BinKind = (typeof binKinds)[number];

/** The table each kind of record lives in. */
export const binTable: Record<BinKind, string> = {
  meeting: 'meeting',
  item: 'agenda_item',
  decision: 'decision',
  action: 'action',
  member: 'member',
  measure: 'measure',
  voice: 'voice_entry',
  visit: 'member_visit',
};

type Row = Record<string, unknown>;
interface KeptRow {
  table: string;
  row: Row;
}
/** A link the delete set to NULL: `table.column` of the row `rowid` pointed at `parent` `value`. */
interface NulledLink {
  table: string;
  rowid: number;
  column: string;
  parent: string;
  value: unknown;
}
interface ForeignKey {
  child: string;
  column: string;
  parent: string;
  parentColumn: string;
  onDelete: string;
}

// The schema cannot change while a connection is open (migrations run at open), so read it once.
const schemaCache = new WeakMap<
  DB,
  { keys: ForeignKey[]; order: string[]; columns: Map<string, string[]> }
>();

function schema(db: DB) {
  const cached = schemaCache.get(db);
  if (cached) return cached;
  const tables = all<{ name: string }>(
    db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' AND name <> 'bin' ORDER BY name",
  ).map((t) => t.name);
  const keys: ForeignKey[] = [];
  const columns = new Map<string, string[]>();
  for (const child of tables) {
    columns.set(
      child,
      (db.pragma(`table_info("${child}")`) as { name: string }[]).map((c) => c.name),
    );
    for (const fk of db.pragma(`foreign_key_list("${child}")`) as {
      table: string;
      from: string;
      to: string | null;
      on_delete: string;
    }[]) {
      keys.push({
        child,
        column: fk.from,
        parent: fk.table,
        parentColumn: fk.to ?? 'id',
        onDelete: fk.on_delete.toUpperCase(),
      });
    }
  }
  // Parents before children, so rows can be inserted again in this order.
  const order: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (order.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const k of keys) if (k.child === t && k.parent !== t) visit(k.parent, seen);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  const s = { keys, order, columns };
  schemaCache.set(db, s);
  return s;
}

/**
 * Everything deleting `table` row `id` would remove or unlink, read before the delete.
 * `alsoTake` names links ('action.meeting_id') whose rows the caller deletes along with it.
 */
export function captureDelete(
  db: DB,
  table: string,
  id: number,
  alsoTake: readonly string[] = [],
): { rows: KeptRow[]; refs: NulledLink[] } {
  const { keys, order } = schema(db);
  const kept: (KeptRow & { rowid: number })[] = [];
  const seen = new Set<string>();
  const refs: NulledLink[] = [];
  const take = (t: string, rows: Row[]) => {
    for (const r of rows) {
      const { __rowid, ...row } = r as Row & { __rowid: number };
      const key = `${t}:${__rowid}`;
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push({ table: t, row, rowid: __rowid });
    }
  };
  take(table, all<Row>(db, `SELECT rowid AS __rowid, * FROM "${table}" WHERE id = ?`, id));
  for (let i = 0; i < kept.length; i++) {
    const parent = kept[i]!;
    for (const k of keys) {
      if (k.parent !== parent.table) continue;
      const value = parent.row[k.parentColumn];
      if (value === null || value === undefined) continue;
      const children = all<Row>(
        db,
        `SELECT rowid AS __rowid, * FROM "${k.child}" WHERE "${k.column}" = ?`,
        value,
      );
      if (k.onDelete === 'CASCADE' || alsoTake.includes(`${k.child}.${k.column}`)) take(k.child, children);
      else if (k.onDelete === 'SET NULL')
        for (const c of children)
          refs.push({
            table: k.child,
            rowid: c.__rowid as number,
            column: k.column,
            parent: k.parent,
            value,
          });
    }
  }
  const rank = new Map(order.map((t, n) => [t, n]));
  const rows = kept
    .map((k, n) => ({ ...k, n }))
    .sort((a, b) => rank.get(a.table)! - rank.get(b.table)! || a.n - b.n)
    .map(({ table: t, row }) => ({ table: t, row }));
  // A link inside a removed row comes back with the row itself.
  return { rows, refs: refs.filter((r) => !seen.has(`${r.table}:${r.rowid}`)) };
}

export interface BinRow {
  id: number;
  kind: BinKind;
  record_id: number;
  label: string;
  context: string;
  deleted_at: string;
  deleted_by: string;
  rows: string;
  refs: string;
}

/** Keeps what deleting `kind` `id` will remove; call in the same transaction as the delete. */
export function putInBin(
  db: DB,
  e: { kind: BinKind; id: number; label: string; context: string; at: string; by: string },
  alsoTake: readonly string[] = [],
): number {
  const { rows, refs } = captureDelete(db, binTable[e.kind], e.id, alsoTake);
  return run(
    db,
    'INSERT INTO bin (kind, record_id, label, context, deleted_at, deleted_by, rows, refs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    e.kind,
    e.id,
    e.label,
    e.context,
    e.at,
    e.by,
    JSON.stringify(rows),
    JSON.stringify(refs),
  ).lastId;
}

export const binEntries = (db: DB): BinRow[] =>
  all<BinRow>(db, 'SELECT * FROM bin ORDER BY deleted_at DESC, id DESC');

/** The latest bin entry for a record (a record restored and deleted again is binned again). */
export const binEntryFor = (db: DB, kind: BinKind, recordId: number): BinRow | undefined =>
  get<BinRow>(
    db,
    'SELECT * FROM bin WHERE kind = ? AND record_id = ? ORDER BY id DESC LIMIT 1',
    kind,
    recordId,
  );

/** The first kept row: the record itself. */
export const binRecord = (b: BinRow): Record<string, unknown> =>
  (JSON.parse(b.rows) as KeptRow[])[0]?.row ?? {};

/** How many rows an entry holds besides the record itself (its items, minutes, decisions…). */
export const binChildCount = (b: BinRow): number => (JSON.parse(b.rows) as unknown[]).length - 1;

/** A kept row needs a record that is no longer on the board (it is in the bin itself, or gone). */
export class MissingParent extends Error {
  constructor(readonly table: string) {
    super(`Needs a ${table} that is no longer there`);
  }
}

/**
 * Inserts the kept rows again (parents first, with foreign keys checked at commit) and puts back
 * the links the delete cleared. A row whose id has since been reused gets a new id, and the rows
 * that point at it follow. Returns the restored record's id. Call inside a transaction.
 */
export function restoreFromBin(db: DB, b: BinRow): number {
  const { keys, columns } = schema(db);
  const rows = JSON.parse(b.rows) as KeptRow[];
  const refs = JSON.parse(b.refs) as NulledLink[];
  const newIds = new Map<string, Map<unknown, number>>();
  const mapped = (table: string, value: unknown) => newIds.get(table)?.get(value) ?? value;
  db.pragma('defer_foreign_keys = ON');
  for (const { table, row } of rows) {
    const cols = columns.get(table);
    if (!cols) continue; // a table a later schema dropped
    const values: Row = {};
    for (const c of cols) if (c in row) values[c] = row[c];
    for (const k of keys) {
      if (k.child !== table || values[k.column] == null) continue;
      values[k.column] = mapped(k.parent, values[k.column]);
      // Parents come first, so a parent not there now is gone or in the bin itself.
      if (!get(db, `SELECT 1 FROM "${k.parent}" WHERE "${k.parentColumn}" = ?`, values[k.column])) {
        if (k.onDelete === 'SET NULL') values[k.column] = null;
        else throw new MissingParent(k.parent);
      }
    }
    const oldId = values.id;
    if (oldId !== undefined && get(db, `SELECT 1 FROM "${table}" WHERE id = ?`, oldId)) delete values.id;
    const names = Object.keys(values);
    const { lastId } = run(
      db,
      `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      ...names.map((n) => values[n]),
    );
    if (oldId !== undefined && values.id === undefined) {
      if (!newIds.has(table)) newIds.set(table, new Map());
      newIds.get(table)!.set(oldId, lastId);
    }
  }
  for (const r of refs) {
    if (!columns.get(r.table)?.includes(r.column)) continue;
    run(
      db,
      `UPDATE "${r.table}" SET "${r.column}" = ? WHERE rowid = ? AND "${r.column}" IS NULL`,
      mapped(r.parent, r.value),
      r.rowid,
    );
  }
  run(db, 'DELETE FROM bin WHERE id = ?', b.id);
  return Number(mapped(binTable[b.kind], b.record_id));
}

/** Empties the bin of entries deleted before `before` (ISO); returns how many. */
export const purgeBin = (db: DB, before: string): number =>
  run(db, 'DELETE FROM bin WHERE deleted_at < ?', before).changes;
