// dist/core-worker.cjs: the core on a worker thread, for browser mode and `cpb`.
import { parentPort, workerData } from 'node:worker_threads';
import type { CoreWorkerData } from '../client/worker-endpoint';
import { workerEndpoint } from '../client/worker-endpoint';
import { CoreHost } from './core-host';
import { serve } from './serve';

const data = workerData as CoreWorkerData;
const port = parentPort!;
const host = new CoreHost({
  lane: 'core',
  actor: data.actor,
  door: data.door,
  startSlow: () => workerEndpoint(data.slowWorker, { actor: data.actor }),
});
serve({ post: (m) => port.postMessage(m), onMessage: (listener) => port.on('message', listener) }, host);
