import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Files written under a temporary name and renamed into place when whole (backups, the copy made
 * before a migration). The temporary name says which process wrote it, so a file left behind by a
 * process that was killed part-way can be told from one still being written, and removed.
 *
 *   .<final name>.<host>.<pid>.partial
 */
const SUFFIX = '.partial';

/** The temporary name for `dest` while this process writes it (`tag` tells apart two at once). */
export function partialPathFor(dest: string, tag = ''): string {
  const own = `${tag ? `${tag}.` : ''}${os.hostname()}.${process.pid}${SUFFIX}`;
  return path.join(path.dirname(dest), `.${path.basename(dest)}.${own}`);
}

/** Whether a process with this id is running on this computer. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // it exists, owned by someone else
  }
}

const partialName = /^\..+\.(\d+)\.partial(-journal|-wal|-shm)?$/;

/**
 * Removes the temporary files in `dir` left by a process of this computer that is no longer running
 * (killed mid-backup, a power cut). Files of running processes, and of other computers sharing the
 * folder, are left alone. Returns the names removed.
 */
export function sweepPartials(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const host = `.${os.hostname()}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed; // a folder that cannot be listed is not ours to tidy
  }
  for (const name of names) {
    const m = partialName.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (!name.includes(`${host}${pid}${SUFFIX}`) || processAlive(pid)) continue;
    try {
      rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // a read-only folder: nothing can be tidied, and nothing is lost by leaving it
    }
  }
  return removed;
}

/**
 * Writes `data` to `target` whole or not at all: to a temporary name in the same folder, flushed to
 * disk, then renamed over the target, and the rename flushed where the platform allows. A failure
 * removes the temporary file and rethrows the system's error, with `stage` saying whether it was
 * writing or replacing. Temporary files of processes that died part-way are removed first.
 */
export function writeWhole(target: string, data: Uint8Array): void {
  const dir = path.dirname(target);
  sweepPartials(dir);
  const temp = partialPathFor(target, randomBytes(6).toString('hex'));
  let stage: 'write' | 'replace' = 'write';
  try {
    const fd = openSync(temp, 'wx');
    try {
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    stage = 'replace';
    renameSync(temp, target);
  } catch (e) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // the caller's message is what matters
    }
    throw Object.assign(e as Error, { stage });
  }
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename has happened either way.
  }
}
