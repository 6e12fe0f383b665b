/**
 * "This board is open": a mark beside a board file while a window, browser mode or `cpb` uses it,
 * that a crash cannot leave behind.
 *
 * Each user of a board makes its own small mark file beside it (.<board>.in-use.<random>), a
 * SQLite file holding who it is (what, process, computer, since when), and holds a SQLite read lock
 * on it for as long as it has the board open. The lock is the operating system's (fcntl on Linux
 * and macOS, LockFileEx on Windows), so it goes when the process goes, however it goes: a mark
 * whose lock is free belongs to a process that has stopped, and the next look removes it.
 *
 * Users share a board (two windows, or a scheduled `cpb import` beside the app: SQLite takes their
 * writes one at a time). A restore must have it alone: it is refused while any live mark is there,
 * and while a restore holds its own mark, opening the board is refused. Each side makes its mark
 * first and looks for the other's second, so two that start together cannot both go ahead.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appClock } from '../clock';
import { partialPathFor, sweepPartials } from '../partial-files';
import { nativeBinding } from './native';

export type UseKind = 'app' | 'browser' | 'cli' | 'restore';

export interface Holder {
  kind: UseKind;
  pid: number;
  host: string;
  /** ISO instant it opened the board. */
  since: string;
}

const kindWords: Record<UseKind, string> = {
  app: 'the CPB app',
  browser: 'CPB browser mode',
  cli: 'a cpb command',
  restore: 'cpb restore',
};

/** "CPB browser mode (process 1234 on LAPTOP-7, since 09:14 on 28 Nov 2026)". */
export function describeHolder(h: Holder): string {
  const at = new Date(h.since);
  const when = Number.isNaN(at.getTime())
    ? ''
    : `, since ${at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })} on ${at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}`;
  return `${kindWords[h.kind] ?? h.kind} (process ${h.pid} on ${h.host}${when})`;
}

/** The board is in use, so what was asked cannot be done now. */
export class InUseError extends Error {
  constructor(
    message: string,
    readonly holders: Holder[],
  ) {
    super(message);
    this.name = 'InUseError';
  }
}

const markPrefix = (file: string) => `.${path.basename(file)}.in-use.`;

function openMark(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true, nativeBinding: nativeBinding() });
  db.pragma('busy_timeout = 0');
  return db;
}

/**
 * Whether a mark file's owner is alive, and who it is. Its owner holds a read lock, so taking the
 * write lock fails (SQLITE_BUSY) exactly while it lives. A mark whose owner has gone is removed.
 */
function look(markFile: string): Holder | null {
  let db: Database.Database;
  try {
    db = openMark(markFile);
  } catch {
    return null; // gone meanwhile (its owner closed), or not a mark at all
  }
  let holder: Holder | null = null;
  let alive = false;
  try {
    try {
      const row = db.prepare('SELECT kind, pid, host, since FROM holder LIMIT 1').get() as Holder | undefined;
      holder = row ?? null;
    } catch {
      holder = null;
    }
    try {
      db.exec('BEGIN EXCLUSIVE');
      db.exec('ROLLBACK');
    } catch (e) {
      alive = (e as { code?: string }).code?.startsWith('SQLITE_BUSY') ?? false;
    }
  } finally {
    db.close();
  }
  if (alive) return holder ?? { kind: 'app', pid: 0, host: 'another computer', since: '' };
  try {
    rmSync(markFile, { force: true });
    rmSync(`${markFile}-journal`, { force: true });
  } catch {
    // a read-only folder: a stale mark there stops nothing, as nothing can be written there
  }
  return null;
}

/** The live users of a board file (stale marks, left by a crash, are removed on the way). */
export function holdersOf(file: string, except: string | null = null): Holder[] {
  const dir = path.dirname(path.resolve(file));
  const prefix = markPrefix(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: Holder[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || name.endsWith('-journal')) continue;
    const full = path.join(dir, name);
    if (full === except) continue;
    const h = look(full);
    if (h) out.push(h);
  }
  return out;
}

/** A mark held on a board file; release() when the board is closed. */
export interface UseMark {
  readonly file: string;
  /** Where the mark is (null: the folder is read-only, so none could be made). */
  readonly markFile: string | null;
  release(): void;
}

function makeMark(file: string, kind: UseKind): { markFile: string; db: Database.Database } | null {
  const dir = path.dirname(path.resolve(file));
  const markFile = path.join(dir, `${markPrefix(file)}${randomBytes(6).toString('hex')}`);
  // Built under a name of its own (swept if this process dies before the rename), then renamed.
  const building = partialPathFor(markFile);
  let db: Database.Database;
  try {
    db = new Database(building, { nativeBinding: nativeBinding() });
  } catch {
    return null; // a read-only folder (or drive): nobody can write the board there either
  }
  try {
    db.pragma('journal_mode = MEMORY');
    db.exec('CREATE TABLE holder (kind TEXT, pid INTEGER, host TEXT, since TEXT)');
    db.prepare('INSERT INTO holder VALUES (?, ?, ?, ?)').run(
      kind,
      process.pid,
      os.hostname(),
      appClock().now().toISOString(),
    );
    // From here the connection keeps its read lock until it is closed (or the process ends).
    db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('SELECT count(*) FROM holder').get();
    // Only now does the mark become visible, already locked: a look never finds it unlocked and live.
    renameSync(building, markFile);
    return { markFile, db };
  } catch {
    db.close();
    rmSync(building, { force: true });
    return null;
  }
}

const sentence = (holders: Holder[]) => holders.map(describeHolder).join('; ');

/**
 * Marks a board file in use. 'restore' needs it alone: refused (InUseError) while anyone else uses
 * it. Any other kind shares it, but is refused while a restore is under way.
 */
export function markInUse(file: string, kind: UseKind): UseMark {
  const resolved = path.resolve(file);
  const name = path.basename(resolved);
  const refuse = (others: Holder[]) =>
    kind === 'restore'
      ? new InUseError(
          `${name} is open in ${sentence(others)}. Close it there first, then restore again. Nothing was changed.`,
          others,
        )
      : new InUseError(
          `${name} is being restored by ${sentence(others)}. Wait for it to finish, then open the board again.`,
          others,
        );
  const blocking = (hs: Holder[]) => (kind === 'restore' ? hs : hs.filter((h) => h.kind === 'restore'));

  sweepPartials(path.dirname(resolved));
  const early = blocking(holdersOf(resolved));
  if (early.length) throw refuse(early);
  const made = makeMark(resolved, kind);
  if (!made && kind === 'restore')
    throw new InUseError(`${name}: cannot restore here, as its folder cannot be written to.`, []);
  const release = () => {
    if (!made) return;
    made.db.close();
    rmSync(made.markFile, { force: true });
    rmSync(`${made.markFile}-journal`, { force: true });
  };
  // Look again now that this mark is visible: whoever started at the same moment sees it too.
  const late = blocking(holdersOf(resolved, made?.markFile ?? null));
  if (late.length) {
    release();
    throw refuse(late);
  }
  let released = false;
  return {
    file: resolved,
    markFile: made?.markFile ?? null,
    release: () => {
      if (released) return;
      released = true;
      release();
    },
  };
}

/** Whether a path is one of the in-use marks (tests and tidy-ups leave them alone). */
export const isUseMark = (name: string): boolean => /\.in-use\.[0-9a-f]{12}$/.test(name);
