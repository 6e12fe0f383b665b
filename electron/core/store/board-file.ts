import { appClock, localIsoDate } from '../clock';
import Database from 'better-sqlite3';
import { periodSortKey } from '../../../shared/domain/period-key';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { nativeBinding } from './native';
import { latestSchemaVersion, migrations, type Migration } from './migrations';

/** 'CPB1' — marks a SQLite file as a CPB board so a foreign database is never mistaken for one. */
export const APPLICATION_ID = 0x43504231;

export class BoardFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly reason: 'missing' | 'not_sqlite' | 'foreign' | 'damaged' | 'too_new' | 'locked',
  ) {
    super(message);
    this.name = 'BoardFileError';
  }
}

export type DB = Database.Database;

/**
 * The app's own SQL functions, on every connection CPB opens: the schema's triggers and migrations
 * call them (cpb_period_key fills in a figure's sortable period key when a writer left it out).
 */
export function registerFunctions(db: DB): void {
  db.function('cpb_period_key', { deterministic: true }, (period: unknown) => periodSortKey(String(period)));
}

function connect(file: string, readonly: boolean): DB {
  const db = new Database(file, { readonly, fileMustExist: readonly, nativeBinding: nativeBinding() });
  registerFunctions(db);
  return db;
}

function applyPragmas(db: DB): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL'); // every autosave survives power loss
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

export interface Inspection {
  schemaVersion: number;
  integrity: 'ok';
  /**
   * How thoroughly it was checked: 'full' (integrity_check and foreign keys), 'quick' (quick_check),
   * or 'owed' (a quick check left for the caller to run once the board is open: see deferQuick).
   */
  level: CheckLevel | 'owed';
  counts: Record<string, number>;
}

/**
 * 'full': PRAGMA integrity_check and foreign_key_check (every index against its table: `cpb check`,
 * and the first open of a day). 'quick': PRAGMA quick_check (the file's structure, without
 * cross-checking indexes: other opens). 'auto': full on the first open of `today`, after an
 * unclean shutdown, or before a migration; quick otherwise.
 */
export type CheckLevel = 'full' | 'quick';

export interface InspectOptions {
  level?: CheckLevel | 'auto';
  /** For 'auto': today's date (ISO), compared with the day of the last full check. */
  today?: string;
  /** Row counts of the main tables (cpb check); default true. */
  counts?: boolean;
  /**
   * With 'auto': when a quick check is enough, leave it to the caller (level 'owed'), who runs it
   * with quickCheck() once the board is open, so opening does not wait for a read of every page.
   */
  deferQuick?: boolean;
}

const countedTables = [
  'member',
  'priority',
  'pledge',
  'principle',
  'plan_action',
  'measure',
  'measure_value',
  'cohort_value',
  'meeting',
  'agenda_item',
  'decision',
  'action',
  'voice_entry',
  'snapshot',
  'audit_log',
] as const;

/**
 * Whether the last session on this file ended without closing it: SQLite checkpoints and removes
 * the write-ahead log when the last connection closes cleanly, so a log with frames in it before
 * CPB opens the file means a crash, a power cut, or another process that has it open and is
 * writing now (a full check is right for all three). An empty log is what a read-only look (cpb
 * check) leaves behind: nothing was written, so nothing can have been torn.
 */
export const uncleanShutdown = (file: string): boolean => {
  const wal = `${file}-wal`;
  return existsSync(wal) && statSync(wal).size > 0;
};

/** The day of the last full integrity check recorded in the file, or null. */
function lastFullCheck(db: DB, schemaVersion: number): string | null {
  if (schemaVersion < 1) return null;
  try {
    const row = db.prepare('SELECT full_check_on FROM file_check WHERE id = 1').get() as
      { full_check_on: string } | undefined;
    return row?.full_check_on ?? null;
  } catch {
    return null; // a file from before migration 0009
  }
}

/**
 * Checks a board file read-only: never writes to it, whatever state it is in.
 * Throws BoardFileError with a message a clerk can act on.
 */
export function inspectBoardFile(file: string, opts: InspectOptions = {}): Inspection {
  if (!existsSync(file)) throw new BoardFileError(`${file}: no such file`, file, 'missing');
  if (statSync(file).size === 0 || !hasSqliteHeader(file)) {
    throw new BoardFileError(
      `${file}: not a CPB board file (it is not an SQLite database)`,
      file,
      'not_sqlite',
    );
  }
  const unclean = uncleanShutdown(file);
  let db: DB;
  try {
    db = connect(file, true);
  } catch (e) {
    throw new BoardFileError(`${file}: cannot be opened (${(e as Error).message})`, file, 'damaged');
  }
  try {
    let appId: number;
    let schemaVersion: number;
    try {
      appId = db.pragma('application_id', { simple: true }) as number;
      schemaVersion = db.pragma('user_version', { simple: true }) as number;
    } catch (e) {
      throw new BoardFileError(`${file}: damaged (${(e as Error).message})`, file, 'damaged');
    }
    if (appId !== APPLICATION_ID) {
      throw new BoardFileError(
        `${file}: not a CPB board file (an SQLite database made by another program)`,
        file,
        'foreign',
      );
    }
    const wanted = opts.level ?? 'full';
    const decided: CheckLevel =
      wanted !== 'auto'
        ? wanted
        : unclean ||
            schemaVersion < latestSchemaVersion ||
            opts.today === undefined ||
            lastFullCheck(db, schemaVersion) !== opts.today
          ? 'full'
          : 'quick';
    const level = decided === 'quick' && wanted === 'auto' && opts.deferQuick ? 'owed' : decided;
    if (level !== 'owed') {
      const problem = checkPages(db, level);
      if (problem) throw new BoardFileError(`${file}: damaged — ${problem}`, file, 'damaged');
    }
    if (level === 'full') {
      const fk = db.pragma('foreign_key_check') as unknown[];
      if (fk.length > 0)
        throw new BoardFileError(`${file}: damaged — ${fk.length} broken reference(s)`, file, 'damaged');
    }
    if (schemaVersion > latestSchemaVersion) {
      throw new BoardFileError(
        `${file}: made by a newer version of CPB (schema ${schemaVersion}; this version reads up to ${latestSchemaVersion})`,
        file,
        'too_new',
      );
    }
    const counts: Record<string, number> = {};
    if (schemaVersion >= 1 && opts.counts !== false) {
      for (const t of countedTables) {
        counts[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
      }
    }
    return { schemaVersion, integrity: 'ok', level, counts };
  } finally {
    db.close();
  }
}

/**
 * PRAGMA integrity_check ('full') or quick_check ('quick') on a connection: null when the file is
 * sound, else what is wrong (the first few problems SQLite reports).
 */
function checkPages(db: DB, level: CheckLevel): string | null {
  let check: Record<string, unknown>[];
  try {
    check = db.pragma(level === 'full' ? 'integrity_check' : 'quick_check') as Record<string, unknown>[];
  } catch (e) {
    return (e as Error).message;
  }
  const problems = check.map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
  return problems.length ? problems.slice(0, 3).join('; ') : null;
}

/**
 * The quick check an open left owed (see InspectOptions.deferQuick), on the open connection (a read:
 * it never blocks a writer): null when sound, else a message a clerk can act on.
 */
export function quickCheck(db: DB, file: string): string | null {
  const problem = checkPages(db, 'quick');
  return problem ? `${file}: damaged — ${problem}` : null;
}

/** Records that the file passed a full integrity check today, so later opens today take the quick one. */
function recordFullCheck(db: DB, today: string): void {
  db.prepare(
    `INSERT INTO file_check (id, full_check_on) VALUES (1, ?)
     ON CONFLICT (id) DO UPDATE SET full_check_on = excluded.full_check_on WHERE full_check_on <> excluded.full_check_on`,
  ).run(today);
}

function timestampForFile(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Where automatic and manual backups of a board go: a folder beside the file. */
export function backupDirFor(file: string): string {
  return `${file}.backups`;
}

/** Applies pending migrations in one transaction, backing the file up first if it holds data. */
export function migrate(db: DB, file: string, now: Date, list: Migration[] = migrations): void {
  const latest = list[list.length - 1]!.version;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current >= latest) return;
  if (current > 0 && file !== ':memory:') {
    // Automatic backup before any migration of a file that already holds data.
    const dir = backupDirFor(file);
    mkdirSync(dir, { recursive: true });
    const dest = path.join(
      dir,
      `${path.basename(file, '.cpb')}-before-schema-${latest}-${timestampForFile(now)}.cpb`,
    );
    db.prepare('VACUUM INTO ?').run(dest);
  }
  const pending = list.filter((m) => m.version > current);
  registerFunctions(db); // migrations may call them (0009 computes period keys)
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${latest}`);
  })();
}

export interface OpenOptions {
  /** Create an empty board file if it does not exist. */
  create?: boolean;
  now?: Date;
  /** Leave a quick check (not a full one) to run after the open: see openBoardFileChecked. */
  deferQuickCheck?: boolean;
}

/**
 * Opens (or creates) a board file for reading and writing. An existing file is checked
 * read-only first, so a damaged or foreign file is never written to: in full (integrity_check and
 * foreign keys) on the first open of the day, after an unclean shutdown and before a migration,
 * and with quick_check otherwise (see inspectBoardFile). `cpb check` always checks in full.
 */
export function openBoardFile(file: string, opts: OpenOptions = {}): DB {
  return openBoardFileChecked(file, opts).db;
}

/**
 * openBoardFile, saying how the file was checked. With `deferQuickCheck`, an open that needs only
 * the quick check returns at once with check 'owed': the caller runs quickCheck(db, file) next (the
 * core does, straight after the open), so a board of many years opens without first reading every
 * page of it. A full check (first open of the day, unclean shutdown, migration) is never deferred.
 */
export function openBoardFileChecked(
  file: string,
  opts: OpenOptions = {},
): { db: DB; check: 'full' | 'quick' | 'owed' } {
  const exists = existsSync(file) && statSync(file).size > 0;
  if (!exists && !opts.create) throw new BoardFileError(`${file}: no such file`, file, 'missing');
  const now = opts.now ?? appClock().now();
  const today = localIsoDate(now);
  const check = exists
    ? inspectBoardFile(file, { level: 'auto', today, counts: false, deferQuick: opts.deferQuickCheck }).level
    : 'full';
  if (!exists) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = connect(file, false);
  try {
    applyPragmas(db);
    migrate(db, file, now);
    if (check === 'full') recordFullCheck(db, today);
    return { db, check };
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * A second connection to a board file the core has already opened (checked and migrated), for the
 * slow-work worker: no second integrity check. WAL lets it read beside the core's connection; a
 * write waits its turn for SQLite's one write lock (busy_timeout), so writes never interleave.
 */
export function attachBoardFile(file: string): DB {
  const db = new Database(file, { fileMustExist: true, nativeBinding: nativeBinding() });
  try {
    registerFunctions(db);
    applyPragmas(db);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== latestSchemaVersion)
      throw new BoardFileError(
        `${file}: not ready (schema ${version}, expected ${latestSchemaVersion})`,
        file,
        'damaged',
      );
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** A fresh in-memory board, for tests. */
export function openMemoryBoard(): DB {
  const db = new Database(':memory:', { nativeBinding: nativeBinding() });
  registerFunctions(db);
  db.pragma('foreign_keys = ON');
  migrate(db, ':memory:', appClock().now());
  return db;
}

/** The schema version of an open board file (the number of the last migration applied). */
export const schemaVersion = (db: DB): number => db.pragma('user_version', { simple: true }) as number;
