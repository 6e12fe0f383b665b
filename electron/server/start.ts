import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CoreClient } from '../core/client/core-client';
import { startWorkerCore } from '../core/client/worker-endpoint';
import { backupIsTheAdvice } from '../core/faults';
import { startBrowserServer } from './http';

/** When a board cannot be opened: the newest sound backup and the command that restores it. */
async function restoreAdvice(core: CoreClient, board: string): Promise<string> {
  const r = await core.board('newestSoundBackup', { file: board });
  const newest = r.ok ? r.value.backup : null;
  if (!newest) return '';
  return `\nThe newest sound backup is ${newest}.\nTo restore it (the damaged file is kept aside): cpb restore "${newest}" --board "${board}"`;
}

// `npm run web [-- --port N] [-- --board FILE] [-- --boards-dir DIR]`: the real renderer over the real core, in any browser.
// The core runs on its own worker thread (dist/core-worker.cjs); this process only serves HTTP.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      board: { type: 'string' },
      token: { type: 'string' },
      'boards-dir': { type: 'string' },
    },
    allowPositionals: true,
  });
  const port = values.port === undefined ? 4280 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port ${values.port}: not a port number`);
  const rendererDir = path.join(__dirname, 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html')))
    throw new Error('The renderer is not built: run npm run build');

  const core = startWorkerCore({ door: 'browser' });
  let board = values.board;
  if (board === undefined) {
    const demo = await core.board('ensureDemo', {});
    if (!demo.ok) throw new Error(demo.error.message);
    board = demo.value.file;
  }
  if (!existsSync(board))
    throw new Error(`--board ${board}: no such file (create one with: cpb demo --out ${board})`);
  // The rolling daily backup, as the Electron app makes (a failure must not stop the meeting).
  const opened = await core.open(board, { autoBackup: true });
  // A backup is advice only for a damaged board: not for one that is read-only, busy or refused.
  if (!opened.ok)
    throw new Error(
      `${opened.error.message}${backupIsTheAdvice(opened.error.code) ? await restoreAdvice(core, board) : ''}`,
    );

  // New board files go only here: the folder named with --boards-dir, else the open board's own.
  const boardsDir = path.resolve(values['boards-dir'] ?? path.dirname(opened.value.file));
  if (!existsSync(boardsDir) || !statSync(boardsDir).isDirectory())
    throw new Error(`--boards-dir ${boardsDir}: no such folder`);

  let server;
  try {
    server = await startBrowserServer({ core, rendererDir, port, token: values.token, boardsDir });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE' && values.port === undefined) {
      server = await startBrowserServer({ core, rendererDir, port: 0, token: values.token, boardsDir });
    } else throw e;
  }
  console.log(`CPB browser mode — board: ${opened.value.file}`);
  if (opened.value.readOnly)
    console.log(`Read-only: ${opened.value.readOnly}. You can read and export; nothing can be changed.`);
  for (const other of opened.value.alsoOpenIn)
    console.log(`Also open in ${other}: saves from both are kept, one at a time.`);
  console.log(`New boards are created in ${boardsDir}`);
  console.log(`Open ${server.url}`);
  const stop = () => {
    void server
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: Error) => {
  console.error(`cpb web: ${e.message}`);
  process.exit(1);
});
