import os from 'node:os';
import path from 'node:path';
import { appClock, type Clock } from './clock';
import type { Ctx } from './context';
import { openBoardFileChecked, quickCheck, type DB } from './store/board-file';

/** The per-user folder CPB keeps its demo board and settings in (same place Electron's userData uses). */
export function userDataDir(): string {
  if (process.env.CPB_USER_DATA) return process.env.CPB_USER_DATA;
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'CPB');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'CPB');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'CPB');
}

/** One open board file at a time; each door (window, server, CLI, test) holds one session. */
export class Session {
  private db: DB | null = null;
  private filePath = '';
  /** The open left its quick check to run after it (see runOwedCheck). */
  private checkOwed = false;
  constructor(
    readonly actor = os.userInfo().username || 'CPB user',
    private readonly clock: Clock = appClock(),
  ) {}

  /**
   * Opens a board file. With `deferQuickCheck`, a quick check (not a full one) is left owed: call
   * runOwedCheck() once the open has been answered (the core does).
   */
  open(file: string, opts: { create?: boolean; deferQuickCheck?: boolean } = {}): void {
    const { db, check } = openBoardFileChecked(file, {
      create: opts.create,
      now: this.clock.now(),
      deferQuickCheck: opts.deferQuickCheck,
    });
    this.close();
    this.db = db;
    this.filePath = path.resolve(file);
    this.checkOwed = check === 'owed';
  }

  /** Runs the quick check the open left owed, if any: null when the file is sound, else what is wrong. */
  runOwedCheck(): string | null {
    if (!this.db || !this.checkOwed) return null;
    this.checkOwed = false;
    return quickCheck(this.db, this.filePath);
  }

  /** Adopt an already-open connection (tests, in-memory boards). */
  adopt(db: DB, file: string): void {
    this.close();
    this.db = db;
    this.filePath = file;
  }

  get isOpen(): boolean {
    return this.db !== null;
  }

  get file(): string {
    return this.filePath;
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
    };
  }

  close(): void {
    this.checkOwed = false;
    if (this.db) {
      this.db.close();
      this.db = null;
    }
  }
}
