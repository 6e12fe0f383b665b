// Electron's utilityProcess.fork, as a Node child process running the same entry through a shim that
// gives it Electron's parentPort: the real core, forked as main forks it, without Electron.
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { UtilityChild, UtilityProcessApi } from '../../electron/main/utility-core';

const shim = path.join(__dirname, '..', 'support', 'utility-process-shim.cjs');

/** utilityProcess.fork, as a Node child process running the same entry. */
export function fakeUtilityProcess() {
  const forks: { modulePath: string; args: string[]; options: unknown; child: ChildProcess }[] = [];
  const api: UtilityProcessApi = {
    fork(modulePath, args = [], options) {
      const env = (options?.env ?? process.env) as NodeJS.ProcessEnv;
      const child = fork(shim, [modulePath, ...args], { serialization: 'advanced', stdio: 'inherit', env });
      forks.push({ modulePath, args, options, child });
      const events = new EventEmitter();
      child.on('message', (m) => events.emit('message', m));
      child.on('exit', (code) => events.emit('exit', code ?? 1));
      const handle: UtilityChild = {
        postMessage: (m) => void child.send(m as object),
        on: ((event: string, listener: (...a: unknown[]) => void) =>
          events.on(event, listener)) as UtilityChild['on'],
        kill: () => child.kill(),
      };
      return handle;
    },
  };
  return { api, forks };
}
