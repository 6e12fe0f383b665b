import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  url: string;
  /** Everything it has printed so far (stdout and stderr). */
  output(): string;
  origin: string;
  token: string;
  proc: ChildProcess;
  board: string;
  dir: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A fresh demo board in a temp folder, pinned to `today` so figures are exact. */
export function makeDemoBoard(today: string, dir = mkdtempSync(path.join(os.tmpdir(), 'cpb-e2e-'))): string {
  const board = path.join(dir, 'demo.cpb');
  execFileSync(process.execPath, [
    path.join(root, 'dist', 'cli.cjs'),
    'demo',
    '--out',
    board,
    '--today',
    today,
  ]);
  return board;
}

/**
 * Starts the built browser-mode server (dist/server.cjs) on a free port and waits for its URL.
 * `as`: run it as another user (tests of file permissions run as root, where they do not bite).
 */
export function startServer(
  board: string,
  env: Record<string, string> = {},
  as: { uid?: number; gid?: number } = {},
): Promise<RunningServer> {
  const proc = spawn(
    process.execPath,
    [path.join(root, 'dist', 'server.cjs'), '--port', '0', '--board', board],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...as,
    },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    proc.stderr!.on('data', (d) => (out += String(d)));
    proc.stdout!.on('data', (d) => {
      out += String(d);
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=([\w-]+))/.exec(out);
      if (m) {
        clearTimeout(timer);
        const url = m[1]!;
        resolve({
          url,
          output: () => out,
          origin: new URL(url).origin,
          token: m[2]!,
          proc,
          board,
          dir: path.dirname(board),
          stop: (signal = 'SIGTERM') =>
            new Promise<void>((r) => {
              if (proc.exitCode !== null || proc.signalCode !== null) return r();
              proc.once('exit', () => r());
              proc.kill(signal);
            }),
        });
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}
