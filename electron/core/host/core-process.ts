// dist/core-process.cjs: the core in an Electron utility process (started by electron/main). Plain
// Node: it talks to main through process.parentPort, which Electron gives a utility process.
import { slowWorkerFlag } from '../client/entries';
import { workerEndpoint } from '../client/worker-endpoint';
import { CoreHost } from './core-host';
import { serve } from './serve';

/** Electron's parentPort, as much of it as the core uses. */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!port) throw new Error('core-process.cjs runs only as an Electron utility process');
const slowWorker = process.argv.find((a) => a.startsWith(slowWorkerFlag))?.slice(slowWorkerFlag.length);
if (!slowWorker) throw new Error(`core-process.cjs needs ${slowWorkerFlag}PATH`);
const host = new CoreHost({ lane: 'core', door: 'app', startSlow: () => workerEndpoint(slowWorker, {}) });
serve(
  { post: (m) => port.postMessage(m), onMessage: (listener) => port.on('message', (e) => listener(e.data)) },
  host,
);
