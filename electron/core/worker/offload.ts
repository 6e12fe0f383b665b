import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { api, methodNames, type ApiResult } from '../../../shared/api';
import { dispatch } from '../dispatch';
import type { Session } from '../session';

/**
 * Methods slow enough (seconds: charts, spreadsheets) that they must not hold up the window or the
 * clerk's autosaves. They run on a worker thread with their own connection to the board file
 * (WAL lets it read and write beside the main connection); everything else runs in place.
 */
export const offloadedMethods: ReadonlySet<string> = new Set(methodNames.filter((name) => api[name].slow));

/** The bundled worker (dist/worker.cjs): beside this bundle, or in dist/ when running from source. */
export function workerScript(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    // Packaged Electron: worker threads cannot start from inside app.asar, so it is unpacked.
    path.join(here, 'worker.cjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`),
    path.join(here, '..', '..', '..', 'dist', 'worker.cjs'),
  ];
  return candidates.find((c) => existsSync(c)) ?? null;
}

/** How many calls went to a worker thread (for tests and diagnostics). */
export const offloadStats = { workerRuns: 0 };

export function dispatchOffloaded(
  session: Session,
  method: string,
  input: unknown,
): Promise<ApiResult<unknown>> {
  const script = offloadedMethods.has(method) && session.isOpen ? workerScript() : null;
  if (!script) return dispatch(session, method, input);
  offloadStats.workerRuns += 1;
  return new Promise((resolve) => {
    const worker = new Worker(script, {
      workerData: { file: session.file, actor: session.actor, method, input },
    });
    let settled = false;
    const settle = (r: ApiResult<unknown>) => {
      if (settled) return;
      settled = true;
      resolve(r);
      void worker.terminate();
    };
    worker.once('message', (r: ApiResult<unknown>) => settle(r));
    worker.once('error', (e) =>
      settle({ ok: false, error: { code: 'internal', message: `${method} failed: ${e.message}` } }),
    );
    worker.once('exit', (code) =>
      settle({
        ok: false,
        error: { code: 'internal', message: `${method} stopped unexpectedly (exit ${code})` },
      }),
    );
  });
}
