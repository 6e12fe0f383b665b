import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { tempDir } from '../helpers';

import { runningAsRoot, unprivileged } from './unprivileged';

export { runningAsRoot, unprivileged };

/** A temporary folder the unprivileged child may read (and, if `writable`, write). */
export function reachableDir(writable: boolean): string {
  const dir = tempDir('cpb-fault-');
  chmodSync(dir, writable ? 0o777 : 0o755);
  return dir;
}

/** Gives a file to the unprivileged user (as root), so the child may write it unless its mode says not. */
export function giveToChild(file: string): void {
  const who = unprivileged();
  if (who.uid !== undefined) chownSync(file, who.uid, who.gid!);
}

/** A folder the child cannot write in: 0555 (not ours as root: root-owned 0755 is read-only for 'nobody'). */
export function makeFolderReadOnly(dir: string): void {
  chmodSync(dir, 0o555);
}

export const root = path.resolve(__dirname, '..', '..');
export const cliPath = path.join(root, 'dist', 'cli.cjs');

/** Runs the built cpb, as the unprivileged user when `asChild`, with the clock pinned. */
export function cpb(
  args: string[],
  opts: { asChild?: boolean; env?: Record<string, string>; prefix?: string[] } = {},
): SpawnSyncReturns<string> {
  const [cmd, ...pre] = opts.prefix?.length ? opts.prefix : [process.execPath];
  const full = opts.prefix?.length ? [...pre, process.execPath, cliPath, ...args] : [cliPath, ...args];
  return spawnSync(cmd!, full, {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, CPB_TODAY: '2026-11-23', ...opts.env },
    ...(opts.asChild ? unprivileged() : {}),
  });
}

/**
 * cpb, without blocking this process: a test that talks to a running server must keep its own
 * event loop turning (a blocked client finds its idle keep-alive connection closed under it).
 */
export function cpbAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: { ...process.env, CPB_TODAY: '2026-11-23' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

/**
 * The file's bytes, hashed, and its modification time: equal before and after means untouched.
 * Read by another process (cat): a process that closes its own descriptor of a file loses every
 * SQLite lock it holds on it, so a test that has the board open must not read it with fs.
 */
export function fingerprint(file: string): { hash: string; mtimeMs: number; size: number } {
  const st = statSync(file);
  const hash = createHash('sha256');
  hash.update(execFileSync('cat', [file], { maxBuffer: 1 << 30 }));
  return { hash: hash.digest('hex'), mtimeMs: st.mtimeMs, size: st.size };
}

/** The names in a folder, sorted (to prove nothing was created beside a board). */
export const listing = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** Temporary files of any kind: what must never be left behind. */
export const leftovers = (dir: string): string[] =>
  listing(dir).filter((n) => /\.partial(-journal|-wal|-shm)?$|\.tmp$|-journal$/.test(n));
