import { accessSync, constants, existsSync, statSync, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/api';
import { appClock, type Clock } from './clock';
import type { Access, Ctx, Soundness } from './context';
import { faultOf } from './faults';
import {
  BoardFileError,
  openBoardFileChecked,
  openSnapshot,
  quickCheckBoardFile,
  type DB,
} from './store/board-file';
import { bringSearchIndexUpToDate, searchIndexBehind } from './store/search';

/** The per-user folder CPB keeps its demo board and settings in (same place Electron's userData uses). */
export function userDataDir(): string {
  if (process.env.CPB_USER_DATA) return process.env.CPB_USER_DATA;
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'CPB');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'CPB');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'CPB');
}

export type { Access } from './context';

/**
 * Why a board file cannot be written here, or null if it can: the file itself, or the folder
 * SQLite must create its -wal and -shm files in, is read-only (or on a read-only drive).
 * (Run as root, the operating system lets every write through, except on a read-only drive.)
 */
export function notWritable(file: string): string | null {
  const dir = path.dirname(path.resolve(file));
  const refused = (target: string) => {
    try {
      accessSync(target, constants.W_OK);
      return null;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code ?? 'EACCES';
    }
  };
  const onFile = refused(file);
  if (onFile === 'EROFS') return `its drive is read-only`;
  if (onFile) return `the file is read-only`;
  const onDir = refused(dir);
  if (onDir === 'EROFS') return `its drive is read-only`;
  if (onDir) return `it is in a folder CPB cannot write to (${dir})`;
  return null;
}

/** What the check found, without the file's path ("damaged (…)"): for messages and the banner. */
const describeDamage = (e: BoardFileError): string => e.message.slice(e.message.indexOf(': ') + 2);

/** How long after an open the deferred quick check waits (the first screen's reads go first). */
export const QUICK_CHECK_DELAY_MS = 1500;

/**
 * How long the core waits, idle after a command, before it brings the search index up to date
 * with minutes saved (migration 0014): typing autosaves every pause of a quarter of a second, so
 * the re-indexing waits for a longer pause, off the keystroke's path.
 */
export const SEARCH_REFRESH_IDLE_MS = 1000;

/** One open board file at a time; each door (window, server, CLI, test) holds one session. */
export class Session {
  private db: DB | null = null;
  private filePath = '';
  /** A backup folder the door chose for this board (the desktop settings), if any. */
  backupDir: string | undefined = undefined;
  private mode: Access = { mode: 'read-write' };
  /** The file as it was when opened: a save into a file since moved, deleted or replaced is refused. */
  private identity: Stats | null = null;
  /**
   * The quick check of a board opened today already, still to run (see openBoardFileChecked's
   * `deferQuick`): it runs once the open has answered (after QUICK_CHECK_DELAY_MS, so the first
   * screen is not kept waiting), or at the latest before the first write. Reads never wait for it.
   */
  private quickCheck: { timer: NodeJS.Timeout } | null = null;
  /** Set when the deferred quick check found the file damaged: every write is refused, by name. */
  private damage: BoardFileError | null = null;
  /** The search index's rows noted as behind are brought up to date when this fires (see noteWrite). */
  private searchRefresh: NodeJS.Timeout | null = null;
  constructor(
    readonly actor = os.userInfo().username || 'CPB user',
    private readonly clock: Clock = appClock(),
  ) {}

  /**
   * Opens a board file for reading and writing, or read-only when it cannot be written here (a
   * read-only file, folder or drive) or `readOnly` asks for it: then the board is read from a
   * private in-memory copy, and the file is never written, migrated or given a file beside it.
   */
  open(
    file: string,
    opts: {
      create?: boolean;
      readOnly?: boolean | string;
    } = {},
  ): void {
    let reason =
      typeof opts.readOnly === 'string' ? opts.readOnly : opts.readOnly ? 'it was opened read-only' : null;
    if (reason === null && existsSync(file)) reason = notWritable(file);
    let db: DB | null = null;
    let deferred = false;
    if (reason === null) {
      try {
        const opened = openBoardFileChecked(file, {
          create: opts.create,
          now: this.clock.now(),
          deferQuick: true, // a board opened today already answers first; checked just after
        });
        db = opened.db;
        deferred = opened.deferred;
      } catch (e) {
        const fault = faultOf(e, file);
        if (fault?.code !== 'read_only' || !existsSync(file)) throw e;
        reason = 'the computer lets CPB read it but not change it';
      }
    }
    if (db === null) db = openSnapshot(file).db;
    this.close();
    this.db = db;
    this.filePath = path.resolve(file);
    this.mode = reason === null ? { mode: 'read-write' } : { mode: 'read-only', reason };
    this.identity = reason === null ? statSync(file) : null;
    if (deferred) {
      const timer = setTimeout(() => this.runQuickCheck(), QUICK_CHECK_DELAY_MS);
      timer.unref(); // a command-line run that only reads ends without waiting for it
      this.quickCheck = { timer };
    }
    // Rows of the search index left behind (saved minutes, then a crash before they were indexed):
    // brought up to date now on a board already checked, else once its deferred check has run.
    if (this.mode.mode === 'read-write' && searchIndexBehind(db)) {
      if (deferred) this.refreshSearchWhenIdle(QUICK_CHECK_DELAY_MS + SEARCH_REFRESH_IDLE_MS);
      else this.refreshSearchQuietly();
    }
  }

  /**
   * After a command: once the core has been idle for SEARCH_REFRESH_IDLE_MS, the search index is
   * brought up to date with what it saved (an item's minutes are indexed after the save, not in it).
   */
  noteWrite(): void {
    this.refreshSearchWhenIdle(SEARCH_REFRESH_IDLE_MS);
  }

  private refreshSearchWhenIdle(delay: number): void {
    if (this.searchRefresh) clearTimeout(this.searchRefresh);
    this.searchRefresh = setTimeout(() => {
      this.searchRefresh = null;
      this.refreshSearchQuietly();
    }, delay);
    this.searchRefresh.unref(); // the noted rows are in the file: the next open finishes the work
  }

  /**
   * The core's own upkeep of the index: never waits for another writer (tried again at the next
   * pause, and before any search in any case); a refusal by the disk is said, not thrown.
   */
  private refreshSearchQuietly(): void {
    try {
      this.refreshSearchIndex({ wait: false });
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY'))
        this.refreshSearchWhenIdle(SEARCH_REFRESH_IDLE_MS);
      else console.error(`Search index not brought up to date: ${(e as Error).message}`);
    }
  }

  /**
   * Brings the rows of the search index noted as behind up to date, in one short BEGIN IMMEDIATE
   * transaction of its own (index upkeep, not a change to the record: not audited). Before any
   * search, so a search never misses what was saved. A board that cannot be written here (read
   * only, replaced, damaged) is left as it is: its index is searched as it stands.
   */
  refreshSearchIndex(opts: { wait: boolean } = { wait: true }): void {
    const db = this.db;
    if (!db || this.mode.mode !== 'read-write' || !searchIndexBehind(db)) return;
    try {
      this.assertWritable();
    } catch {
      return;
    }
    bringSearchIndexUpToDate(db, opts);
  }

  /** Runs the deferred quick check now, if it has not run: a damaged file is refused all writes. */
  runQuickCheck(): void {
    if (!this.quickCheck) return;
    clearTimeout(this.quickCheck.timer);
    this.quickCheck = null;
    this.damage = quickCheckBoardFile(this.filePath);
    if (this.damage) console.error(`Board check: ${this.damage.message}`);
  }

  /**
   * Throws the named 'damaged' fault if the file failed its check (running the deferred quick
   * check first if it has not run): before any write, here or in the slow-work worker.
   */
  assertSound(): void {
    this.runQuickCheck();
    if (!this.damage) return;
    const name = path.basename(this.filePath);
    const what = describeDamage(this.damage);
    throw new ApiError(
      'damaged',
      `${name} is ${what}, so nothing was saved. Restore the newest sound backup (cpb restore); the damaged file is kept aside.`,
    );
  }

  /** Whether the file passed its check, for the window's banner (app.info). */
  get soundness(): Soundness {
    if (this.damage) return { state: 'damaged', problem: describeDamage(this.damage) };
    return { state: this.quickCheck ? 'checking' : 'sound' };
  }

  /** Whether the deferred quick check is still to run (tests, status). */
  get quickCheckPending(): boolean {
    return this.quickCheck !== null;
  }

  /** Adopt an already-open connection (tests, in-memory boards, the slow-work worker). */
  adopt(db: DB, file: string, access: Access = { mode: 'read-write' }): void {
    this.close(); // (an adopted connection was checked by whoever opened it)
    this.db = db;
    this.filePath = file;
    this.mode = access;
    this.identity = access.mode === 'read-write' && !db.memory && existsSync(file) ? statSync(file) : null;
  }

  get isOpen(): boolean {
    return this.db !== null;
  }

  get file(): string {
    return this.filePath;
  }

  get access(): Access {
    return this.mode;
  }

  /**
   * Before any change: the board must be writable, and the file on disk must still be the one
   * opened. On Linux and macOS a file moved, deleted or replaced (a restore, a pulled USB stick)
   * goes on accepting writes through the open connection, into a file nobody will see again.
   */
  assertWritable(opts: { integrity?: boolean } = {}): void {
    const name = path.basename(this.filePath);
    if (this.mode.mode === 'read-only')
      throw new ApiError(
        'read_only',
        `${name} is open read-only (${this.mode.reason}), so nothing can be changed. To make changes, copy it to a folder you can write to and open the copy.`,
      );
    if (!this.identity) return;
    let now: Stats;
    try {
      now = statSync(this.filePath);
    } catch (e) {
      const fault = faultOf(e, this.filePath);
      throw new ApiError(
        fault?.code ?? 'file_unavailable',
        fault?.message ??
          `${name} can no longer be found: was it moved or deleted, or its drive removed? Nothing was saved.`,
      );
    }
    if (now.ino !== this.identity.ino || now.dev !== this.identity.dev)
      throw new ApiError(
        'file_unavailable',
        `${name} was replaced by another file since CPB opened it (a restore, or a copy from elsewhere?), so nothing was saved. Open the board again to carry on with the file as it now is.`,
      );
    // No write reaches a file before its check has passed (a restore, which replaces it, may).
    if (opts.integrity !== false) this.assertSound();
  }

  /** A handler's context; `actor` is who is acting in this call (else the door's own actor). */
  ctx(actor: string | null = null): Ctx {
    if (!this.db) throw new Error('No board file is open');
    return {
      db: this.db,
      file: this.filePath,
      now: this.clock.now,
      today: this.clock.today,
      actor: actor ?? this.actor,
      ...(this.backupDir ? { backupDir: this.backupDir } : {}),
      access: this.mode,
      soundness: this.soundness,
    };
  }

  close(): void {
    // A clean close leaves the search index complete (a board whose check is still to run or
    // failed is not written, nor one another writer holds: the next open finishes the work).
    if (this.db && !this.quickCheck && !this.damage) this.refreshSearchQuietly();
    if (this.searchRefresh) clearTimeout(this.searchRefresh);
    this.searchRefresh = null;
    if (this.quickCheck) clearTimeout(this.quickCheck.timer);
    this.quickCheck = null;
    this.damage = null;
    if (this.db) {
      this.db.close();
      this.db = null;
      this.identity = null;
    }
  }
}
