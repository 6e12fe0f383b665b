/**
 * The one way the app talks SQL: typed `get`/`all`/`run` over better-sqlite3 statements, each
 * statement prepared once per connection and reused. Only electron/core/store calls these; the
 * row types sit beside the SQL that produces them, in the store module of each area.
 */
import type Database from 'better-sqlite3';
import type { DB } from './board-file';

/** Positional values, or one object of named values (`@name`). */
type Params = readonly unknown[];

/** Statements prepared once per connection and SQL text, in `cache`. */
function prepared(
  cache: WeakMap<DB, Map<string, Database.Statement>>,
  db: DB,
  sql: string,
  prepare: () => Database.Statement,
): Database.Statement {
  let mine = cache.get(db);
  if (!mine) {
    mine = new Map();
    cache.set(db, mine);
  }
  let s = mine.get(sql);
  if (!s) {
    s = prepare();
    mine.set(sql, s);
  }
  return s;
}

const cache = new WeakMap<DB, Map<string, Database.Statement>>();

/** The prepared statement for `sql` on this connection (prepared on first use). */
export const statement = (db: DB, sql: string): Database.Statement =>
  prepared(cache, db, sql, () => db.prepare(sql));

const rawCache = new WeakMap<DB, Map<string, Database.Statement>>();

/**
 * Every row as an array of its columns in SELECT order: for reads of thousands of rows (a
 * scorecard's every figure), where building one object per row costs more than the read. Its
 * statement is its own (raw mode is a statement's setting, so it never leaks to `all`).
 */
export const tuples = <T extends readonly unknown[]>(db: DB, sql: string, ...params: Params): T[] =>
  prepared(rawCache, db, sql, () => db.prepare(sql).raw(true)).all(...params) as T[];

/** The first row, or undefined. `T` is the row type the SQL is written to produce. */
export function get<T>(db: DB, sql: string, ...params: Params): T | undefined {
  return statement(db, sql).get(...params) as T | undefined;
}

/** Every row. */
export function all<T>(db: DB, sql: string, ...params: Params): T[] {
  return statement(db, sql).all(...params) as T[];
}

/** A write: the number of rows changed and the id of the last row inserted. */
export function run(db: DB, sql: string, ...params: Params): { changes: number; lastId: number } {
  const r = statement(db, sql).run(...params);
  return { changes: r.changes, lastId: Number(r.lastInsertRowid) };
}

/** A list of ids as one bound value, for `IN (SELECT value FROM json_each(?))`. */
export const idList = (ids: readonly number[]): string => JSON.stringify(ids);

/** SQLite stores booleans as 0/1. */
export const bool = (n: number | null | undefined): boolean => n === 1;

/** Whether a row with this id exists in one of the tables things link to. */
export const rowExists = (
  db: DB,
  table: 'priority' | 'pledge' | 'principle' | 'member' | 'meeting' | 'measure' | 'plan_action',
  id: number,
): boolean => get<{ one: number }>(db, `SELECT 1 AS one FROM ${table} WHERE id = ?`, id) !== undefined;
