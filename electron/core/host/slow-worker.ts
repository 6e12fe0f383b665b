// dist/slow-worker.cjs: the slow-work worker (exports, imports), started by the core. It keeps one
// connection to the board for as long as the board is open, so nothing is reopened per call.
import { parentPort, workerData } from 'node:worker_threads';
import { CoreHost } from './core-host';
import { serve } from './serve';

const port = parentPort!;
const host = new CoreHost({ lane: 'slow', actor: (workerData as { actor?: string } | null)?.actor });
serve({ post: (m) => port.postMessage(m), onMessage: (listener) => port.on('message', listener) }, host);
