import { Worker } from 'node:worker_threads';
import { childClockEnv } from '../clock';
import { PortCoreClient, type CoreEndpoint } from './core-client';
import { coreEntry } from './entries';
import { OUT_OF_MEMORY } from './protocol';

/** What a core worker is started with. */
export interface CoreWorkerData {
  actor?: string;
  /** Who the core is, for the in-use mark beside an open board: browser mode or a cpb command. */
  door?: 'browser' | 'cli';
  /** dist/slow-worker.cjs: the core starts it for slow work. */
  slowWorker: string;
}

/**
 * The slow-work worker's memory: a long-lived thread that builds one document or import at a time,
 * bounded so that a board of many years cannot take the machine's memory (a job that would need
 * more stops the worker, which says so by name and starts again for the next job). The young
 * generation is kept small (16 MB): at 48 it held ~30 MB more resident during a 20-year annual
 * report for no measurable gain in time (the action log: 3.1–4.2 s at 48, 3.0–3.3 s at 16).
 */
export const slowWorkerLimits = {
  maxOldGenerationSizeMb: Number(process.env.CPB_SLOW_HEAP_MB) || 320,
  maxYoungGenerationSizeMb: 16,
};

/** A core (or the slow-work worker) on a worker thread. */
export function workerEndpoint(
  script: string,
  workerData: unknown,
  resourceLimits?: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number },
): CoreEndpoint {
  const worker = new Worker(script, {
    workerData,
    env: { ...process.env, ...childClockEnv() },
    ...(resourceLimits ? { resourceLimits } : {}),
  });
  let problem: string | null = null;
  return {
    post: (m) => worker.postMessage(m),
    listen(on) {
      worker.on('message', on.message);
      // Out of its memory (resourceLimits): named, so the caller is told why (coreStopped).
      worker.on('error', (e: NodeJS.ErrnoException) => {
        problem = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY : e.message;
      });
      worker.on('exit', (code) => on.exit(problem ?? `it exited with code ${code}`));
    },
    kill: () => void worker.terminate(),
    // An idle core must not keep a short-lived process (cpb, a test) running.
    hold: (on) => (on ? worker.ref() : worker.unref()),
  };
}

/**
 * The core on a worker thread, for browser mode and `cpb`: dist/core-worker.cjs beside the running
 * bundle, which starts dist/slow-worker.cjs for slow work. Throws MissingEntryError if either is absent.
 */
export function startWorkerCore(
  opts: { actor?: string; dir?: string; door?: 'browser' | 'cli' } = {},
): PortCoreClient {
  const script = coreEntry('coreWorker', opts.dir);
  const data: CoreWorkerData = {
    actor: opts.actor,
    door: opts.door,
    slowWorker: coreEntry('slowWorker', opts.dir),
  };
  return new PortCoreClient(() => workerEndpoint(script, data));
}
