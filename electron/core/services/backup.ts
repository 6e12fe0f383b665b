import { appClock } from '../clock';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { nativeBinding } from '../store/native';
import { backupDirFor, inspectBoardFile } from '../store/board-file';

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

/**
 * Online backup of a board file (SQLite's backup API: safe while the board is open elsewhere).
 * Written under a temporary name and renamed, so a backup file is always whole.
 */
export async function backupBoard(
  file: string,
  opts: { toDir?: string; now?: Date; prefix?: string } = {},
): Promise<string> {
  inspectBoardFile(file); // never back up (or touch) a damaged or foreign file as if it were good
  const dir = opts.toDir ?? backupDirFor(file);
  mkdirSync(dir, { recursive: true });
  const dest = path.join(
    dir,
    `${opts.prefix ?? ''}${path.basename(file, '.cpb')}-${stamp(opts.now ?? appClock().now())}.cpb`,
  );
  const tmp = `${dest}.partial`;
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });
  try {
    await db.backup(tmp);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    db.close();
  }
  renameSync(tmp, dest);
  return dest;
}

/** Rolling automatic backups: at most one a day, the newest `keep` kept. */
export async function autoBackup(
  file: string,
  opts: { now?: Date; keep?: number; everyHours?: number; dir?: string } = {},
): Promise<string | null> {
  const now = opts.now ?? appClock().now();
  // A folder chosen in the desktop settings, or the board's own backups folder beside it.
  const dir = opts.dir ?? backupDirFor(file);
  const prefix = 'auto-';
  const existing = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.startsWith(prefix) && f.endsWith('.cpb'))
        .sort()
    : [];
  const newest = existing[existing.length - 1];
  if (
    newest &&
    now.getTime() - statSync(path.join(dir, newest)).mtimeMs < (opts.everyHours ?? 24) * 3_600_000
  )
    return null;
  const dest = await backupBoard(file, { now, prefix, toDir: dir });
  const all = [...existing, path.basename(dest)].sort();
  for (const old of all.slice(0, Math.max(0, all.length - (opts.keep ?? 10))))
    rmSync(path.join(dir, old), { force: true });
  return dest;
}

/** The backups kept beside a board file (automatic, manual and pre-migration), newest first. */
export function listBackups(file: string, dir = backupDirFor(file)): { path: string; modified: Date }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpb'))
    .map((f) => ({ path: path.join(dir, f), modified: statSync(path.join(dir, f)).mtime }))
    .sort((a, b) => b.modified.getTime() - a.modified.getTime());
}

/** The newest backup that is itself a sound board file: what to offer when the board is damaged. */
export function newestSoundBackup(file: string, otherDir?: string): string | null {
  // A shared backup folder may hold other boards' backups: only this board's name is offered.
  const mine = (p: string) =>
    path
      .basename(p)
      .replace(/^auto-/, '')
      .startsWith(`${path.basename(file, '.cpb')}-`);
  const elsewhere = otherDir ? listBackups(file, otherDir).filter((b) => mine(b.path)) : [];
  const found = [...listBackups(file), ...elsewhere].sort(
    (a, b) => b.modified.getTime() - a.modified.getTime(),
  );
  for (const b of found) {
    try {
      inspectBoardFile(b.path);
      return b.path;
    } catch {
      // a damaged backup is skipped, never offered
    }
  }
  return null;
}

/**
 * Restores a backup over a board file. The backup is checked first; the current file is kept
 * aside (renamed, never deleted) before the backup is copied in under a temporary name and renamed.
 */
export function restoreBoard(
  backup: string,
  file: string,
  now: Date = appClock().now(),
): { restored: string; keptAside: string | null } {
  inspectBoardFile(backup);
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.restore.tmp`);
  copyFileSync(backup, tmp);
  let keptAside: string | null = null;
  if (existsSync(file)) {
    keptAside = `${file}.before-restore-${stamp(now)}.cpb`;
    renameSync(file, keptAside);
    for (const side of ['-wal', '-shm'])
      if (existsSync(file + side)) renameSync(file + side, keptAside + side);
  }
  renameSync(tmp, file);
  return { restored: file, keptAside };
}
