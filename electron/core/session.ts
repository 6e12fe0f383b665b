import os from 'node:os';
import path from 'node:path';
import { appClock, type Clock } from './clock';
import type { Ctx } from './context';
import { openBoardFile, type DB } from './store/board-file';

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
  /** A backup folder the door chose for this board (the desktop settings), if any. */
  backupDir: string | undefined = undefined;
  constructor(
    readonly actor = os.userInfo().username || 'CPB user',
    private readonly clock: Clock = appClock(),
  ) {}

  open(file: string, opts: { create?: boolean } = {}): void {
    const db = openBoardFile(file, { create: opts.create, now: this.clock.now() });
    this.close();
    this.db = db;
    this.filePath = path.resolve(file);
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
      ...(this.backupDir ? { backupDir: this.backupDir } : {}),
    };
  }

  close(): void {
    if (this.db) {
      this.db.close();
      this.db = null;
    }
  }
}
