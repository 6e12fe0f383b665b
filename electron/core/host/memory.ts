import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * A full garbage collection, so that the memory a finished document or import took is handed back
 * rather than kept by the long-lived slow-work worker until the next one. (V8's own collector keeps
 * a heap that has grown; a full collection after each job lets it shrink.)
 */
export function releaseMemory(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

/** A heap this large after a job is handed back at once; a smaller one when the worker is idle. */
const LARGE_HEAP = 96 * 1024 * 1024;
/** How long the worker waits, idle, before collecting after a small job. */
const IDLE_MS = 1500;
let idle: ReturnType<typeof setTimeout> | null = null;

/** A job starts: a collection waiting for the worker to be idle waits on. */
export function jobStarts(): void {
  if (idle) clearTimeout(idle);
  idle = null;
}

/**
 * A job has finished (its answer is on its way). After a large one — a year's report, the whole
 * action log — the memory is handed back straight away; after a small one (a meeting's minutes)
 * the full collection, tens of milliseconds at twenty years, waits until no job has come for
 * IDLE_MS, so it never holds up the next document asked for.
 */
export function jobFinished(): void {
  jobStarts();
  if (getHeapStatistics().used_heap_size > LARGE_HEAP) setImmediate(releaseMemory);
  else {
    idle = setTimeout(() => {
      idle = null;
      releaseMemory();
    }, IDLE_MS);
    idle.unref?.();
  }
}
