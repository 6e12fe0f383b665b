import type { ApiErrorShape, ApiResult } from '../../../shared/api';
import { coreStopped, isCoreResponse, type BoardOpName, type BoardOps, type CoreRequest } from './protocol';

/**
 * What every door holds instead of a database: the core, running in its own thread or process.
 * Nothing here throws for an ordinary failure; every answer is an ApiResult.
 */
export interface CoreClient {
  /** One API method, validated and run by the core's dispatch; `actor`: who is acting (the envelope). */
  call(method: string, input: unknown, actor?: string): Promise<ApiResult<unknown>>;
  /** Opens a board file in the core; if it cannot be opened, the board open before stays open. */
  open(
    file: string,
    opts?: { autoBackup?: boolean; backupDir?: string; readOnly?: string },
  ): Promise<ApiResult<BoardOps['open']['output']>>;
  /** A board-level operation (which file is open, the demo board, backups): never an API method. */
  board<K extends BoardOpName>(op: K, input: BoardOps[K]['input']): Promise<ApiResult<BoardOps[K]['output']>>;
  /** Closes the board file (its WAL is checkpointed) and stops the core. */
  close(): Promise<void>;
}

/** One running core: a worker thread, an Electron utility process, or a fake in tests. */
export interface CoreEndpoint {
  post(message: CoreRequest): void;
  /** Called once, straight after it is started. `exit` gets a few words on why it stopped. */
  listen(on: { message(m: unknown): void; exit(detail: string): void }): void;
  /** Stops it at once. (SQLite's WAL keeps the board whole; close() first for a tidy stop.) */
  kill(): void;
  /** Whether it should keep this process alive: only while a call is waiting for it. */
  hold?(on: boolean): void;
}

const CLOSE_WAIT_MS = 10_000;

/**
 * A CoreClient over any CoreEndpoint. The core is started on the first call and restarted on the
 * next call after it stops; the board file that was open is opened again first. Calls waiting when
 * it stopped are answered with an 'unavailable' error a clerk can act on.
 */
export class PortCoreClient implements CoreClient {
  private endpoint: CoreEndpoint | null = null;
  private readonly pending = new Map<number, (r: ApiResult<unknown>) => void>();
  private nextId = 1;
  /** The board to open again in a restarted core. */
  private boardFile: string | null = null;
  /** How it was opened, for opening it again the same way (read-only, in the slow-work worker). */
  private boardReadOnly: string | undefined;
  private boardOpen = false;
  private reopening: Promise<ApiResult<unknown>> | null = null;
  private closed = false;
  /** How many times the core has been started (for diagnostics and tests). */
  starts = 0;

  constructor(private readonly start: () => CoreEndpoint) {}

  get running(): boolean {
    return this.endpoint !== null;
  }

  call(method: string, input: unknown, actor?: string): Promise<ApiResult<unknown>> {
    return this.request('api', method, input, actor);
  }

  async open(file: string, opts: { autoBackup?: boolean; backupDir?: string; readOnly?: string } = {}) {
    const r = (await this.request('board', 'open', { file, ...opts })) as ApiResult<
      BoardOps['open']['output']
    >;
    if (r.ok) {
      this.boardFile = r.value.file;
      this.boardReadOnly = opts.readOnly;
      this.boardOpen = this.endpoint !== null;
    }
    return r;
  }

  board<K extends BoardOpName>(op: K, input: BoardOps[K]['input']) {
    if (op === 'open') {
      const { file, ...opts } = input as BoardOps['open']['input'];
      return this.open(file, opts) as never;
    }
    return this.request('board', op, input) as Promise<ApiResult<BoardOps[K]['output']>>;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const ep = this.endpoint;
    if (!ep) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.send(ep, 'board', 'close', {}),
      new Promise((r) => (timer = setTimeout(r, CLOSE_WAIT_MS))),
    ]);
    clearTimeout(timer);
    this.endpoint = null;
    ep.kill();
    this.answerPending({ code: 'unavailable', message: 'CPB is closing: the board file is closed' });
  }

  private async request(
    kind: CoreRequest['kind'],
    name: string,
    input: unknown,
    actor?: string,
  ): Promise<ApiResult<unknown>> {
    if (this.closed)
      return {
        ok: false,
        error: { code: 'unavailable', message: 'CPB is closing: the board file is closed' },
      };
    let ep: CoreEndpoint;
    try {
      ep = this.ensureStarted();
    } catch (e) {
      return { ok: false, error: { code: 'unavailable', message: (e as Error).message } };
    }
    if (!(kind === 'board' && name === 'open')) {
      const reopened = await this.ensureBoardOpen(ep);
      if (reopened && !reopened.ok) return reopened;
    }
    return this.send(ep, kind, name, input, actor);
  }

  private ensureStarted(): CoreEndpoint {
    if (this.endpoint) return this.endpoint;
    const ep = this.start();
    this.starts += 1;
    this.endpoint = ep;
    this.boardOpen = false;
    ep.listen({
      message: (m) => {
        if (!isCoreResponse(m)) return;
        const resolve = this.pending.get(m.id);
        this.pending.delete(m.id);
        resolve?.(m.result);
        if (this.pending.size === 0) ep.hold?.(false);
      },
      exit: (detail) => {
        if (this.endpoint !== ep) return;
        this.endpoint = null;
        this.boardOpen = false;
        this.answerPending(coreStopped(detail));
      },
    });
    ep.hold?.(false);
    return ep;
  }

  /** After a restart, the board that was open is opened again before anything else. */
  private ensureBoardOpen(ep: CoreEndpoint): Promise<ApiResult<unknown>> | null {
    if (!this.boardFile || this.boardOpen) return null;
    if (!this.reopening) {
      const file = this.boardFile;
      const readOnly = this.boardReadOnly;
      this.reopening = this.send(ep, 'board', 'open', readOnly ? { file, readOnly } : { file }).then((r) => {
        if (this.endpoint === ep) this.boardOpen = r.ok;
        this.reopening = null;
        return r;
      });
    }
    return this.reopening;
  }

  private send(
    ep: CoreEndpoint,
    kind: CoreRequest['kind'],
    name: string,
    input: unknown,
    actor?: string,
  ): Promise<ApiResult<unknown>> {
    // It stopped while this request waited (for the board to be opened again): say so now.
    if (this.endpoint !== ep) return Promise.resolve({ ok: false, error: coreStopped('while starting') });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      ep.hold?.(true);
      try {
        ep.post(
          (actor === undefined ? { id, kind, name, input } : { id, kind, name, input, actor }) as CoreRequest,
        );
      } catch (e) {
        this.pending.delete(id);
        resolve({
          ok: false,
          error: { code: 'invalid_input', message: `This request cannot be sent: ${(e as Error).message}` },
        });
      }
    });
  }

  private answerPending(error: ApiErrorShape): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve({ ok: false, error });
  }
}
