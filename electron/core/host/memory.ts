import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: ((options?: { type: 'major' | 'minor' }) => void) | null | undefined;

function collector(): typeof collect {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as typeof collect;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/**
 * A full garbage collection, so that the memory a finished document or import took is handed back
 * rather than kept by the long-lived slow-work worker until the next one. (V8's own collector keeps
 * a heap that has grown; a full collection after each job lets it shrink.)
 */
export function releaseMemory(): void {
  collector()?.();
}

/**
 * Hands back what native libraries lent the objects just dropped (a chart's pixels: 4 MB each at
 * 1440×680, outside the JavaScript heap, so the collector does not hurry for them). A young-generation
 * collection (a few milliseconds) finds them, and their native memory is freed on the next turn of
 * the event loop — Node runs a native module's finalizers there, never during a collection — so
 * this waits for that turn. Without it a report's sixty charts keep sixty pixel copies (~240 MB)
 * until the document is finished.
 */
export async function releaseNative(): Promise<void> {
  collector()?.({ type: 'minor' });
  await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A heap this large after a job is handed back at once; a smaller one when the worker is idle. */
const LARGE_HEAP = 96 * 1024 * 1024;
/**
 * The whole process's resident memory past which the slow-work worker is started afresh after a
 * job (CPB_SLOW_RESTART_MB; 320 MB: a meeting's minutes at twenty years leave the server near 260).
 */
const RESTART_RSS = (Number(process.env.CPB_SLOW_RESTART_MB) || 320) * 1024 * 1024;
/** How long the worker waits, idle, before collecting after a small job. */
const IDLE_MS = 1500;
let idle: ReturnType<typeof setTimeout> | null = null;
let lastLarge = false;

/**
 * Whether the last job left a large heap, or the whole process past RESTART_RSS (pages a collected
 * heap, the chart canvas and the allocator keep): the core then starts this worker afresh.
 */
export function lastJobWasLarge(): boolean {
  return lastLarge;
}

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
  const used = getHeapStatistics().used_heap_size;
  lastLarge = used > LARGE_HEAP || process.memoryUsage.rss() > RESTART_RSS;
  if (lastLarge) setImmediate(releaseMemory);
  else {
    idle = setTimeout(() => {
      idle = null;
      releaseMemory();
    }, IDLE_MS);
    idle.unref?.();
  }
}
