// The core in an Electron utility process (dist/core-process.cjs). Main never opens the board: it
// starts the core here and relays to it. Electron is injected, so tests can fork the real core
// through a stand-in for utilityProcess.
import { PortCoreClient, type CoreEndpoint } from '../core/client/core-client';
import { coreEntry, slowWorkerFlag } from '../core/client/entries';
import { childClockEnv } from '../core/clock';

/** As much of Electron's UtilityProcess (a started child) as main uses. */
export interface UtilityChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** As much of Electron's `utilityProcess` as main uses. */
export interface UtilityProcessApi {
  fork(
    modulePath: string,
    args?: string[],
    options?: { serviceName?: string; stdio?: string; env?: Record<string, string | undefined> },
  ): UtilityChild;
}

export function utilityEndpoint(
  utility: UtilityProcessApi,
  script: string,
  slowWorker: string,
): CoreEndpoint {
  const child = utility.fork(script, [`${slowWorkerFlag}${slowWorker}`], {
    serviceName: 'CPB core',
    stdio: 'inherit',
    env: { ...process.env, ...childClockEnv() },
  });
  return {
    post: (m) => child.postMessage(m),
    listen(on) {
      child.on('message', on.message);
      child.on('exit', (code) => on.exit(`it exited with code ${code}`));
    },
    kill: () => void child.kill(),
  };
}

/**
 * The core for the window: dist/core-process.cjs and dist/slow-worker.cjs beside dist/main.cjs.
 * Throws MissingEntryError at once if either is missing; nothing runs on main's thread instead.
 */
export function startUtilityCore(utility: UtilityProcessApi, dir?: string): PortCoreClient {
  const script = coreEntry('coreProcess', dir);
  const slowWorker = coreEntry('slowWorker', dir);
  return new PortCoreClient(() => utilityEndpoint(utility, script, slowWorker));
}
