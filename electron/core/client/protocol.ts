import type { ApiErrorShape, ApiResult } from '../../../shared/api';

/**
 * The one message protocol between a door (Electron main, the browser-mode server, `cpb`) and the
 * core, and between the core and its slow-work worker. Each request carries an id; the answer
 * carries the same id and an ApiResult, so a call never throws across the boundary.
 *
 * `api` requests are API methods (validated by dispatch against shared/api). `board` requests are
 * the few board-level operations a door needs (open a file, which file is open…): they are not API
 * methods, so the renderer can never name them.
 */
export interface BoardOps {
  /** Opens a board file (integrity checked, migrated); if it fails, the board open before stays open. */
  open: {
    /** `readOnly`: open it read-only, for this reason (the slow-work worker follows the core). */
    input: { file: string; autoBackup?: boolean; backupDir?: string; readOnly?: string };
    /**
     * `readOnly`: why it opened read-only (a read-only file, folder or drive), or null.
     * `alsoOpenIn`: the others using it at the same time (another window, browser mode, cpb).
     */
    output: { file: string; readOnly: string | null; alsoOpenIn: string[] };
  };
  /** Which board file is open, if any, and whether the slow-work worker is running. */
  status: {
    input: Record<string, never>;
    output: {
      file: string | null;
      slowWorker: {
        running: boolean;
        starts: number;
        calls: number;
        /** Slow calls waiting or running (one at a time). */
        queued: number;
        /** The most slow calls ever running at once: 1 (they queue). */
        mostAtOnce: number;
        /** How many times it was started afresh after a large job, to hand its memory back. */
        restarts: number;
      };
      /** (The slow-work worker's own status) its last job left a large heap. */
      largeJob?: boolean;
    };
  };
  /** The demo board in the user data folder, created on first use. */
  ensureDemo: { input: { dir?: string }; output: { file: string } };
  /** The newest backup of a board file that is itself sound: what to offer when the board is damaged. */
  newestSoundBackup: { input: { file: string; backupDir?: string }; output: { backup: string | null } };
  /** Restores a backup over a board file (the current file is kept aside), then opens it. */
  restore: {
    input: { backup: string; file: string; autoBackup?: boolean; backupDir?: string };
    output: { file: string; keptAside: string | null; readOnly: string | null; alsoOpenIn: string[] };
  };
  /** Closes the board file (checkpointing its WAL into the file). */
  close: { input: Record<string, never>; output: Record<string, never> };
}
export type BoardOpName = keyof BoardOps;
export const boardOpNames: readonly BoardOpName[] = [
  'open',
  'status',
  'ensureDemo',
  'newestSoundBackup',
  'restore',
  'close',
];

export type CoreRequest =
  | { id: number; kind: 'api'; name: string; input: unknown; actor?: string }
  | { id: number; kind: 'board'; name: BoardOpName; input: unknown };

export interface CoreResponse {
  id: number;
  result: ApiResult<unknown>;
}

export function isCoreRequest(m: unknown): m is CoreRequest {
  const r = m as Partial<CoreRequest> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.id === 'number' &&
    (r.kind === 'api' || r.kind === 'board') &&
    typeof r.name === 'string'
  );
}

export function isCoreResponse(m: unknown): m is CoreResponse {
  const r = m as Partial<CoreResponse> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.id === 'number' &&
    typeof r.result === 'object' &&
    r.result !== null
  );
}

/**
 * Why a worker stopped, when it was stopped for reaching the memory it is allowed (the slow-work
 * worker's heap limit, worker-endpoint.ts): a document or import too large for it.
 */
export const OUT_OF_MEMORY = 'out of memory';

/** The answer every pending call gets when the core (or its slow-work worker) stops unexpectedly. */
export function coreStopped(detail: string): ApiErrorShape {
  // Only the work in hand is lost (an import's transaction never committed); the worker restarts.
  if (detail === OUT_OF_MEMORY)
    return {
      code: 'unavailable',
      message:
        'This needed more memory than CPB allows one document or import, so CPB stopped it: nothing was made or changed. CPB is ready again: try a shorter period or a smaller file.',
    };
  return {
    code: 'unavailable',
    message: `CPB's background process stopped unexpectedly (${detail}), so this last step may not have been saved. CPB starts it again by itself: please check, and try again if needed.`,
  };
}
