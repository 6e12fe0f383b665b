import { appClock, localIsoDate } from '../clock';
import Database from 'better-sqlite3';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs';
import { periodSortKey } from '../../../shared/domain/period-key';
import path from 'node:path';
import { partialPathFor, sweepPartials } from '../partial-files';
import { nativeBinding } from './native';
import { refreshStaleSearchRows } from './search';
import { latestSchemaVersion, migrations, type Migration } from './migrations';

/** 'CPB1' — marks a SQLite file as a CPB board so a foreign database is never mistaken for one. */
export const APPLICATION_ID = 0x43504231;

/** How long a write waits for another window or program to finish its own (SQLite's one write lock). */
export const BUSY_TIMEOUT_MS = 10_000;

export class BoardFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly reason:
      'missing' | 'not_sqlite' | 'foreign' | 'damaged' | 'too_new' | 'locked' | 'permission' | 'unreadable',
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
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

const SQLITE_HEADER = 'SQLite format 3\0';

export interface Inspection {
  schemaVersion: number;
  integrity: 'ok';
  /** How thoroughly it was checked: 'full' (integrity_check and foreign keys) or 'quick' (quick_check). */
  level: CheckLevel;
  counts: Record<string, number>;
}

/**
 * 'full': PRAGMA integrity_check and foreign_key_check (every index against its table: `cpb check`,
 * and the first open of a day). 'quick': PRAGMA quick_check (the file's structure, without
 * cross-checking indexes: later opens that day).
 */
export type CheckLevel = 'full' | 'quick';

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

const sameFile = (a: Stats, b: Stats) =>
  a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** The file's bytes, or a BoardFileError that says why they cannot be read (never 'damaged'). */
function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BoardFileError(`${file}: no such file`, file, 'missing');
    if (code === 'EACCES' || code === 'EPERM')
      throw new BoardFileError(
        `${file}: permission denied — this computer does not let CPB read it. Ask for access, or copy it to a folder of your own.`,
        file,
        'permission',
      );
    if (code === 'EISDIR')
      throw new BoardFileError(`${file}: is a folder, not a CPB board file`, file, 'not_sqlite');
    throw new BoardFileError(
      `${file}: cannot be read (${(e as Error).message}) — is its drive connected?`,
      file,
      'unreadable',
    );
  }
}

/**
 * A private in-memory copy of a board file's bytes. The copy's header is switched from WAL to the
 * plain journal (bytes 18–19), as SQLite needs to open an image in memory; the file is untouched.
 */
function fromImage(bytes: Buffer): DB {
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  const db = new Database(bytes, { nativeBinding: nativeBinding() });
  registerFunctions(db);
  return db;
}

/**
 * Opens a board file for reading only, strictly: nothing is created beside it (no -wal or -shm),
 * nothing is written, nothing is migrated, whatever state it is in.
 *
 * - No -wal beside it: the board is closed, and the whole of it is in the file. Its bytes are read
 *   into a private in-memory copy (checked unchanged across the read, in case a window opened it
 *   meanwhile).
 * - A -wal beside it: the board is open somewhere (or was not closed cleanly), and its latest saves
 *   are in the -wal. A read-only SQLite connection reads through both, and creates nothing new.
 *
 * Throws BoardFileError (missing, not an SQLite file, permission denied, unreadable); a file that
 * SQLite cannot read is only called damaged by checkBoard, after this.
 */
export function openForReading(file: string): DB {
  if (!existsSync(file)) throw new BoardFileError(`${file}: no such file`, file, 'missing');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!existsSync(`${file}-wal`)) {
      const before = statSync(file);
      if (before.isDirectory())
        throw new BoardFileError(`${file}: is a folder, not a CPB board file`, file, 'not_sqlite');
      const bytes = readBytes(file);
      if (bytes.length < 16 || bytes.subarray(0, 16).toString('latin1') !== SQLITE_HEADER)
        throw new BoardFileError(
          `${file}: not a CPB board file (it is not an SQLite database)`,
          file,
          'not_sqlite',
        );
      if (!existsSync(`${file}-wal`) && sameFile(before, statSync(file))) return fromImage(bytes);
      continue; // opened (and perhaps checkpointed) by a window while it was read: read it live
    }
    try {
      const db = connect(file, true);
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      return db;
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (code === 'SQLITE_CANTOPEN' && !existsSync(`${file}-wal`)) continue; // closed meanwhile
      if (code === 'SQLITE_CANTOPEN' && !existsSync(`${file}-shm`))
        throw new BoardFileError(
          `${file}: cannot be read here — its last session did not close cleanly and its folder is read-only, so SQLite cannot recover it in place. Copy the board with its ${path.basename(file)}-wal file to a folder you can write to.`,
          file,
          'unreadable',
        );
      throw new BoardFileError(`${file}: cannot be opened (${(e as Error).message})`, file, 'unreadable');
    }
  }
  throw new BoardFileError(`${file}: kept changing while it was read; try again`, file, 'unreadable');
}

/**
 * Checks an open board read-only: a CPB board, whole (integrity and references), and not newer
 * than this version. Throws BoardFileError with a message a clerk can act on.
 */
export function checkBoard(
  db: DB,
  file: string,
  opts: { level?: CheckLevel; counts?: boolean } = {},
): Inspection {
  const level = opts.level ?? 'full';
  let appId: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
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
  const problem = checkPages(db, level);
  if (problem) throw new BoardFileError(`${file}: damaged — ${problem}`, file, 'damaged');
  if (level === 'full') {
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0)
      throw new BoardFileError(`${file}: damaged — ${fk.length} broken reference(s)`, file, 'damaged');
  }
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
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
 * Whether the last session on this file ended without closing it: SQLite checkpoints and removes
 * the write-ahead log when the last connection closes cleanly, so a log with frames in it before
 * CPB opens the file means a crash, a power cut, or another process that has it open and is
 * writing now (a full check is right for all three). An empty log is what a read-only look
 * leaves behind: nothing was written, so nothing can have been torn.
 */
export const uncleanShutdown = (file: string): boolean => {
  const wal = `${file}-wal`;
  return existsSync(wal) && statSync(wal).size > 0;
};

/** The first 100 bytes of a file (SQLite's header), or null when it cannot be read. */
function headerOf(file: string): Buffer | null {
  try {
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(100);
      return readSync(fd, buf, 0, 100, 0) === 100 ? buf : null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/**
 * How an open of an existing board should check it: 'full' on the first open of `today` (the day
 * of the last full check is kept in the file), after an unclean shutdown, before a migration, or
 * when anything about the file is unusual; 'quick' otherwise. Decided from the file's header and
 * one small read, so the decision costs next to nothing; anything odd answers 'full', and the full
 * check then says what is wrong.
 */
export function openCheckLevel(file: string, today: string): CheckLevel {
  if (uncleanShutdown(file)) return 'full';
  const header = headerOf(file);
  if (!header || header.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) return 'full';
  if (header.readUInt32BE(68) !== APPLICATION_ID || header.readUInt32BE(60) !== latestSchemaVersion)
    return 'full';
  let db: DB | null = null;
  try {
    db = connect(file, true);
    const row = db.prepare('SELECT full_check_on FROM file_check WHERE id = 1').get() as
      { full_check_on: string } | undefined;
    return row?.full_check_on === today ? 'quick' : 'full';
  } catch {
    return 'full';
  } finally {
    db?.close();
  }
}

/** Records that the file passed a full integrity check today, so later opens today take the quick one. */
function recordFullCheck(db: DB, today: string): void {
  db.prepare(
    `INSERT INTO file_check (id, full_check_on) VALUES (1, ?)
     ON CONFLICT (id) DO UPDATE SET full_check_on = excluded.full_check_on WHERE full_check_on <> excluded.full_check_on`,
  ).run(today);
}

/**
 * Checks a board file strictly read-only (see openForReading): never writes to it, never leaves a
 * file beside it, whatever state it is in. Throws BoardFileError with a message a clerk can act on.
 */
export function inspectBoardFile(
  file: string,
  opts: { level?: CheckLevel; counts?: boolean } = {},
): Inspection {
  const db = openForReading(file);
  try {
    return checkBoard(db, file, opts);
  } finally {
    db.close();
  }
}

/**
 * A board file as it stands, checked, in a private in-memory copy brought up to this version's
 * schema: for reading a board that must not (or cannot) be written — `cpb dump`, a board in a
 * read-only folder. The file itself is never written, migrated or given a file beside it.
 */
export function openSnapshot(file: string): { db: DB; inspection: Inspection } {
  let db = openForReading(file);
  let inspection: Inspection;
  try {
    inspection = checkBoard(db, file);
    if (!db.memory) {
      const image = db.serialize(); // the file and its -wal as this connection reads them
      db.close();
      db = fromImage(image);
    }
    db.pragma('foreign_keys = ON');
    migrate(db, ':memory:', appClock().now());
    // Minutes saved but not yet indexed (a crash): this private copy's search index is made whole.
    db.transaction(() => refreshStaleSearchRows(db)).immediate();
    db.pragma('query_only = ON');
  } catch (e) {
    db.close();
    throw e;
  }
  return { db, inspection };
}

function timestampForFile(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Where automatic and manual backups of a board go: a folder beside the file. */
export function backupDirFor(file: string): string {
  return `${file}.backups`;
}

/**
 * Applies pending migrations in one BEGIN IMMEDIATE transaction, backing the file up first if it
 * holds data. The version is read again once the write lock is held, so two windows opening an old
 * board together migrate it once. The backup is written under a temporary name and renamed.
 */
export function migrate(db: DB, file: string, now: Date, list: Migration[] = migrations): void {
  const latest = list[list.length - 1]!.version;
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const current = version();
  if (current >= latest) return;
  registerFunctions(db); // migrations may call them (0011 computes period keys)
  if (current > 0 && file !== ':memory:' && !db.memory) {
    // Automatic backup before any migration of a file that already holds data.
    const dir = backupDirFor(file);
    mkdirSync(dir, { recursive: true });
    sweepPartials(dir);
    const dest = path.join(
      dir,
      `${path.basename(file, '.cpb')}-before-schema-${latest}-${timestampForFile(now)}.cpb`,
    );
    const tmp = partialPathFor(dest);
    rmSync(tmp, { force: true });
    try {
      db.prepare('VACUUM INTO ?').run(tmp);
      renameSync(tmp, dest);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  }
  db.transaction(() => {
    const from = version();
    if (from >= latest) return; // another window migrated it while this one waited
    for (const m of list.filter((x) => x.version > from)) db.exec(m.sql);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}

export interface OpenOptions {
  /** Create an empty board file if it does not exist. */
  create?: boolean;
  now?: Date;
}

/**
 * Opens (or creates) a board file for reading and writing. An existing file is checked
 * read-only first, so a damaged or foreign file is never written to. Once open, one write
 * transaction is begun and rolled back: a file SQLite can only read fails here (SQLITE_READONLY),
 * not at the first save.
 */
export function openBoardFile(file: string, opts: OpenOptions = {}): DB {
  return openBoardFileChecked(file, opts).db;
}

/**
 * The quick check of a board opened today already (see openBoardFileChecked's `deferQuick`), on
 * a read-only connection of its own: null when the file is sound, else the BoardFileError that
 * says what is wrong (damaged). Never writes.
 */
export function quickCheckBoardFile(file: string): BoardFileError | null {
  try {
    inspectBoardFile(file, { level: 'quick', counts: false });
    return null;
  } catch (e) {
    if (e instanceof BoardFileError) return e;
    return new BoardFileError(`${file}: damaged (${(e as Error).message})`, file, 'damaged');
  }
}

/**
 * openBoardFile, saying how the file was checked first: in full (integrity_check and foreign keys)
 * on the first open of a day, after an unclean shutdown and before a migration; with quick_check
 * on later opens that day. A board damaged since the day's full check is still refused at its open
 * (and a backup offered), as quick_check reads every page; only the cross-checks of every index
 * against its table and of every reference wait for the next day's first open.
 */
export function openBoardFileChecked(
  file: string,
  opts: OpenOptions & {
    /**
     * A board opened today already (no unclean shutdown, nothing to migrate, a CPB board of this
     * version by its header): open it without quick_check, which reads every page (~180 ms at
     * twenty years), and answer `deferred: true`. The caller then runs quickCheckBoardFile before
     * any write reaches the file (the Session does: off the open, and at the latest before the
     * first write).
     */
    deferQuick?: boolean;
  } = {},
): { db: DB; check: CheckLevel; deferred: boolean } {
  const exists = existsSync(file) && statSync(file).size > 0;
  if (!exists && !opts.create) throw new BoardFileError(`${file}: no such file`, file, 'missing');
  const now = opts.now ?? appClock().now();
  const today = localIsoDate(now);
  let check: CheckLevel = 'full';
  let deferred = false;
  if (exists) {
    check = openCheckLevel(file, today);
    if (check === 'quick' && opts.deferQuick) deferred = true;
    else inspectBoardFile(file, { level: check, counts: false });
  } else mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = connect(file, false);
  try {
    applyPragmas(db);
    migrate(db, file, now);
    db.transaction(() => undefined).immediate();
    if (check === 'full') recordFullCheck(db, today);
    return { db, check, deferred };
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
