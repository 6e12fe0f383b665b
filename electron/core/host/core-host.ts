import path from 'node:path';
import { api, ApiError, isMethodName, type ApiResult } from '../../../shared/api';
import type { CoreEndpoint } from '../client/core-client';
import { PortCoreClient } from '../client/core-client';
import type { BoardOpName, BoardOps, CoreRequest } from '../client/protocol';
import { ensureDefaultBoard } from '../demo/file';
import { dispatch, toApiError } from '../dispatch';
import { autoBackup, newestSoundBackup, restoreBoard } from '../services/backup';
import { Session, userDataDir } from '../session';
import { attachBoardFile } from '../store/board-file';
import { Gate } from './gate';

export interface CoreHostOptions {
  /**
   * 'core': owns the board connection, and hands slow methods to the slow-work worker.
   * 'slow': the slow-work worker itself, attached to the board the core opened.
   */
  lane: 'core' | 'slow';
  actor?: string;
  /** Starts the slow-work worker (lane 'core'); without it, slow methods run in the core. */
  startSlow?: () => CoreEndpoint;
}

type OpHandlers = { [K in BoardOpName]: (input: BoardOps[K]['input']) => Promise<BoardOps[K]['output']> };

/** A backup folder named by the door: an absolute path, or nothing (backups beside the board). */
function optionalDir(dir: unknown): string | undefined {
  return typeof dir === 'string' && path.isAbsolute(dir) ? dir : undefined;
}

function text(input: unknown, key: string): string {
  const v = (input as Record<string, unknown> | null)?.[key];
  if (typeof v !== 'string' || v.trim() === '')
    throw new ApiError('invalid_input', `${key}: a file path is required`);
  return v;
}

/**
 * The core: one board connection, and the one place requests from a door are answered. Runs on its
 * own thread (browser mode, cpb) or in an Electron utility process, never on the window's thread.
 */
export class CoreHost {
  private readonly session: Session;
  private readonly gate = new Gate();
  private slow: PortCoreClient | null;
  /** Counts the boards opened, so the slow-work worker follows a reopen or restore of the same path. */
  private opened = 0;
  private slowOpened = 0;
  private slowCalls = 0;
  private readonly backups = new Set<Promise<void>>();

  constructor(private readonly options: CoreHostOptions) {
    this.session = new Session(options.actor);
    this.slow = this.newSlowLane();
  }

  private newSlowLane(): PortCoreClient | null {
    const { lane, startSlow } = this.options;
    return lane === 'core' && startSlow ? new PortCoreClient(startSlow) : null;
  }

  async handle(req: CoreRequest): Promise<ApiResult<unknown>> {
    try {
      if (req.kind === 'api') return await this.callApi(req.name, req.input, req.actor);
      const op = this.ops[req.name] as ((input: unknown) => Promise<unknown>) | undefined;
      if (!op)
        return { ok: false, error: { code: 'unknown_method', message: `No board operation "${req.name}"` } };
      return { ok: true, value: await op(req.input ?? {}) };
    } catch (e) {
      return { ok: false, error: toApiError(e) };
    }
  }

  private callApi(name: string, input: unknown, actor?: string): Promise<ApiResult<unknown>> {
    // Slow methods go to the slow-work worker and do not hold up the core (nor an open waiting).
    if (this.slow && isMethodName(name) && api[name].slow && this.session.isOpen)
      return this.callSlow(this.slow, name, input, actor);
    // Restoring a backup replaces the board file: alone, with nothing else holding the file open.
    if (isMethodName(name) && api[name].replacesBoard && this.options.lane === 'core')
      return this.gate.alone(async () => {
        await this.releaseFile();
        const r = await dispatch(this.session, name, input, { actor });
        this.opened += 1; // the slow-work worker opens the board afresh on its next call
        return r;
      });
    return this.gate.run(() => dispatch(this.session, name, input, { actor }));
  }

  /** Lets go of the board file everywhere but the session: backups finished, the slow-work worker closed. */
  private async releaseFile(): Promise<void> {
    await Promise.all([...this.backups]);
    await this.slow?.close();
    this.slow = this.newSlowLane();
    this.slowOpened = 0;
  }

  private async callSlow(
    slow: PortCoreClient,
    name: string,
    input: unknown,
    actor?: string,
  ): Promise<ApiResult<unknown>> {
    const wanted = this.opened;
    if (this.slowOpened !== wanted) {
      const opened = await slow.open(this.session.file);
      if (!opened.ok) return opened;
      this.slowOpened = wanted;
    }
    this.slowCalls += 1;
    return slow.call(name, input, actor);
  }

  private openFile(file: string): void {
    if (this.options.lane === 'slow') {
      // The core has checked and migrated it: attach without a second integrity check.
      this.session.adopt(attachBoardFile(file), path.resolve(file));
    } else {
      this.session.open(file);
    }
    this.opened += 1;
  }

  /** The rolling daily backup: in the background, and finished before the board is closed. */
  private startAutoBackup(file: string, dir?: string): void {
    const job = autoBackup(file, dir ? { dir } : {})
      .then(() => undefined)
      .catch((e: Error) => console.error(`Automatic backup of ${file} failed: ${e.message}`))
      .finally(() => this.backups.delete(job));
    this.backups.add(job);
  }

  private readonly ops: OpHandlers = {
    open: (input) =>
      this.gate.alone(() => {
        this.openFile(text(input, 'file'));
        this.session.backupDir = optionalDir(input.backupDir);
        if (input.autoBackup && this.options.lane === 'core')
          this.startAutoBackup(this.session.file, optionalDir(input.backupDir));
        return { file: this.session.file };
      }),
    status: async () => ({
      file: this.session.isOpen ? this.session.file : null,
      slowWorker: {
        running: this.slow?.running ?? false,
        starts: this.slow?.starts ?? 0,
        calls: this.slowCalls,
      },
    }),
    ensureDemo: async (input) => ({ file: ensureDefaultBoard(input.dir ?? userDataDir()) }),
    newestSoundBackup: async (input) => ({
      backup: newestSoundBackup(text(input, 'file'), optionalDir(input.backupDir)),
    }),
    restore: (input) =>
      this.gate.alone(() => {
        const r = restoreBoard(text(input, 'backup'), text(input, 'file'));
        this.openFile(r.restored);
        this.session.backupDir = optionalDir(input.backupDir);
        if (input.autoBackup && this.options.lane === 'core')
          this.startAutoBackup(this.session.file, optionalDir(input.backupDir));
        return { file: this.session.file, keptAside: r.keptAside };
      }),
    close: () =>
      this.gate.alone(async () => {
        await this.releaseFile();
        this.session.close(); // checkpoints the WAL into the board file
        return {};
      }),
  };
}
