import { setFlagsFromString } from 'node:v8';
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
