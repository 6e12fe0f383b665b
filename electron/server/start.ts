import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDefaultBoard } from '../core/demo/file';
import { Session, userDataDir } from '../core/session';
import { autoBackup, newestSoundBackup } from '../core/services/backup';
import { startBrowserServer } from './http';

/** When a board cannot be opened: the newest sound backup and the command that restores it. */
function restoreAdvice(board: string): string {
  const newest = newestSoundBackup(board);
  if (!newest) return '';
  return `\nThe newest sound backup is ${newest}.\nTo restore it (the damaged file is kept aside): cpb restore "${newest}" --board "${board}"`;
}

// `npm run web [-- --port N] [-- --board FILE]`: the real renderer over the real core, in any browser.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, board: { type: 'string' }, token: { type: 'string' } },
    allowPositionals: true,
  });
  const port = values.port === undefined ? 4280 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port ${values.port}: not a port number`);
  const board = values.board ?? ensureDefaultBoard(userDataDir());
  if (!existsSync(board))
    throw new Error(`--board ${board}: no such file (create one with: cpb demo --out ${board})`);
  const session = new Session();
  try {
    session.open(board);
  } catch (e) {
    throw new Error(`${(e as Error).message}${restoreAdvice(board)}`);
  }
  // The rolling daily backup, as the Electron app makes (a failure must not stop the meeting).
  await autoBackup(session.file).catch((e: Error) => console.error(`Automatic backup failed: ${e.message}`));
  const rendererDir = path.join(__dirname, 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html')))
    throw new Error('The renderer is not built: run npm run build');
  let server;
  try {
    server = await startBrowserServer({ session, rendererDir, port, token: values.token });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE' && values.port === undefined) {
      server = await startBrowserServer({ session, rendererDir, port: 0, token: values.token });
    } else throw e;
  }
  console.log(`CPB browser mode — board: ${session.file}`);
  console.log(`Open ${server.url}`);
  const stop = () => {
    void server.close().then(() => {
      session.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: Error) => {
  console.error(`cpb web: ${e.message}`);
  process.exit(1);
});
