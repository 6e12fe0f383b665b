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
import { describeHolder, holdersOf, markInUse, type UseMark } from '../store/in-use';
import { Gate } from './gate';
import { jobFinished, jobStarts, lastJobWasLarge } from './memory';
import { OneAtATime } from './one-at-a-time';

/** Slow calls that may wait their turn; one more is refused as 'unavailable' (a runaway script). */
const SLOW_QUEUE_ROOM = 50;

export interface CoreHostOptions {
  /**
   * 'core': owns the board connection, and hands slow methods to the slow-work worker.
   * 'slow': the slow-work worker itself, attached to the board the core opened.
   */
  lane: 'core' | 'slow';
  actor?: string;
  /**
   * Who this core is, for the in-use mark it keeps beside an open board (lane 'core'): the app's
   * window, browser mode, or a cpb command. Without it no mark is kept (tests of the core alone).
   */
  door?: 'app' | 'browser' | 'cli';
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
  private slowRestarts = 0;
  private slowRestart: Promise<void> = Promise.resolve();
  /** Slow work, one job at a time (see OneAtATime); the board's own calls never wait behind it. */
  private readonly slowQueue = new OneAtATime(SLOW_QUEUE_ROOM);
  private readonly backups = new Set<Promise<void>>();
  /** The in-use mark beside the open board (lane 'core', with a door). */
  private mark: UseMark | null = null;

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
      if (req.kind === 'api') {
        const slowLane = this.options.lane === 'slow';
        if (slowLane) jobStarts();
        const result = await this.callApi(req.name, req.input, req.actor);
        // The slow-work worker hands back what a finished document or import took (see jobFinished).
        if (slowLane) jobFinished();
        return result;
      }
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
    // Restoring a backup replaces the board file: alone, with nothing else of this core holding the
    // file (backups, the slow-work worker, its in-use mark), and opened again afterwards.
    if (isMethodName(name) && api[name].replacesBoard && this.options.lane === 'core')
      return this.gate.alone(async () => {
        await this.releaseFile();
        return dispatch(
          this.session,
          name,
          input,
          { actor },
          {
            close: () => this.closeFile(),
            open: (file) => void this.openFile(file),
          },
        );
      });
    return this.gate.run(() => dispatch(this.session, name, input, { actor }));
  }

  /** Lets go of the board file everywhere but the session: backups finished, the slow-work worker closed. */
  private async releaseFile(): Promise<void> {
    await this.slowRestart;
    await Promise.all([...this.backups]);
    await this.slow?.close();
    this.slow = this.newSlowLane();
    this.slowOpened = 0;
  }

  private callSlow(
    slow: PortCoreClient,
    name: string,
    input: unknown,
    actor?: string,
  ): Promise<ApiResult<unknown>> {
    if (this.slowQueue.full)
      return Promise.resolve({
        ok: false,
        error: {
          code: 'unavailable',
          message: `CPB is already making ${this.slowQueue.size} documents or imports, one at a time; try again when they are done`,
        },
      });
    return this.slowQueue.run(async () => {
      // A restart after the job before this one is finished first (see restartSlowAfterLargeJob).
      await this.slowRestart;
      return this.callSlowNow(this.slow ?? slow, name, input, actor);
    });
  }

  private async callSlowNow(
    slow: PortCoreClient,
    name: string,
    input: unknown,
    actor?: string,
  ): Promise<ApiResult<unknown>> {
    // An import writes from the slow-work worker's own connection: not before the core's check passed.
    if (isMethodName(name) && api[name].kind === 'command') {
      try {
        this.session.assertSound();
      } catch (e) {
        return { ok: false, error: toApiError(e, this.session.file) };
      }
    }
    const opened = await this.openInSlow(slow);
    if (!opened.ok) return opened;
    this.slowCalls += 1;
    const result = await slow.call(name, input, actor);
    // Behind the answer, and before the next job: a worker a large job left large is started afresh.
    this.slowRestart = this.restartSlowAfterLargeJob(slow).catch(() => undefined);
    return result;
  }

  /** The board the core has open, attached in the slow-work worker (again after a reopen or restart). */
  private async openInSlow(slow: PortCoreClient): Promise<ApiResult<unknown>> {
    const wanted = this.opened;
    if (this.slowOpened === wanted) return { ok: true, value: null };
    const access = this.session.access;
    const opened = await slow.open(
      this.session.file,
      access.mode === 'read-only' ? { readOnly: access.reason } : {},
    );
    if (opened.ok) this.slowOpened = wanted;
    return opened;
  }

  /**
   * After a job that left the process large (a year's report, the whole action log at twenty
   * years; see memory.ts), the slow-work worker is closed and a new one started and attached to the
   * board at once: the old isolate's pages go back to the system, where a collected heap keeps
   * them, and the next document does not wait for a worker to start.
   */
  private async restartSlowAfterLargeJob(slow: PortCoreClient): Promise<void> {
    if (this.slow !== slow || !this.session.isOpen) return;
    const status = await slow.board('status', {});
    if (!status.ok || !status.value.largeJob || this.slow !== slow) return;
    this.slow = this.newSlowLane();
    this.slowOpened = 0;
    this.slowRestarts += 1;
    await slow.close();
    if (this.slow && this.session.isOpen) await this.openInSlow(this.slow);
  }

  private openFile(file: string, readOnly?: string): BoardOps['open']['output'] {
    if (this.options.lane === 'slow') {
      // The core has checked and migrated it: attach without a second integrity check. Read-only,
      // it reads its own private copy, as the core does.
      if (readOnly) this.session.open(file, { readOnly });
      else this.session.adopt(attachBoardFile(file), path.resolve(file));
    } else {
      // Marked in use first (refused while a restore is under way), released if it cannot be opened.
      const mark = this.options.door ? markInUse(file, this.options.door) : null;
      try {
        // The day's first open checks in full before it answers; later opens answer first and
        // quick-check just after (every write waits for it). A board found damaged then refuses
        // every write by name, and the window turns read-only and offers its backups (app.info).
        this.session.open(file, { readOnly });
      } catch (e) {
        mark?.release();
        throw e;
      }
      this.mark?.release();
      this.mark = mark;
    }
    this.opened += 1;
    const access = this.session.access;
    return {
      file: this.session.file,
      readOnly: access.mode === 'read-only' ? access.reason : null,
      alsoOpenIn: this.mark ? holdersOf(this.session.file, this.mark.markFile).map(describeHolder) : [],
    };
  }

  /** Closes the board and takes its in-use mark away. */
  private closeFile(): void {
    this.session.close(); // checkpoints the WAL into the board file
    this.mark?.release();
    this.mark = null;
  }

  /** The rolling daily backup: in the background, and finished before the board is closed. */
  private startAutoBackup(file: string, dir?: string): void {
    if (this.session.access.mode === 'read-only') return; // nothing can be written beside it
    const job = autoBackup(file, dir ? { dir } : {})
      .then(() => undefined)
      .catch((e: Error) => console.error(`Automatic backup of ${file} failed: ${e.message}`))
      .finally(() => this.backups.delete(job));
    this.backups.add(job);
  }

  private readonly ops: OpHandlers = {
    open: (input) =>
      this.gate.alone(() => {
        const opened = this.openFile(text(input, 'file'), input.readOnly);
        this.session.backupDir = optionalDir(input.backupDir);
        if (input.autoBackup && this.options.lane === 'core')
          this.startAutoBackup(this.session.file, optionalDir(input.backupDir));
        return opened;
      }),
    status: async () => ({
      file: this.session.isOpen ? this.session.file : null,
      slowWorker: {
        running: this.slow?.running ?? false,
        starts: this.slow?.starts ?? 0,
        calls: this.slowCalls,
        queued: this.slowQueue.size,
        mostAtOnce: this.slowQueue.maxRunning,
        restarts: this.slowRestarts,
      },
      ...(this.options.lane === 'slow' ? { largeJob: lastJobWasLarge() } : {}),
    }),
    ensureDemo: async (input) => ({ file: ensureDefaultBoard(input.dir ?? userDataDir()) }),
    newestSoundBackup: async (input) => ({
      backup: newestSoundBackup(text(input, 'file'), optionalDir(input.backupDir)),
    }),
    restore: (input) =>
      this.gate.alone(async () => {
        const file = text(input, 'file');
        // This core's own use of the board must not stop its restore: close it first.
        const wasOpen = this.session.isOpen && this.session.file === path.resolve(file);
        if (wasOpen) {
          await Promise.all([...this.backups]);
          this.closeFile();
        }
        let r: ReturnType<typeof restoreBoard>;
        try {
          r = restoreBoard(text(input, 'backup'), file);
        } catch (e) {
          if (wasOpen) this.openFile(file); // refused (in use elsewhere): carry on with the board as it was
          throw e;
        }
        const opened = this.openFile(r.restored);
        this.session.backupDir = optionalDir(input.backupDir);
        if (input.autoBackup && this.options.lane === 'core')
          this.startAutoBackup(this.session.file, optionalDir(input.backupDir));
        return { ...opened, keptAside: r.keptAside };
      }),
    close: () =>
      this.gate.alone(async () => {
        await this.releaseFile();
        this.closeFile();
        return {};
      }),
  };
}
