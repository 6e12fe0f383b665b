import { appClock } from '../clock';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { nativeBinding } from '../store/native';
import { backupDirFor, inspectBoardFile } from '../store/board-file';
import { ApiError } from '../../../shared/api';
import type { BackupKind } from '../../../shared/api/backups';
import type { Ctx } from '../context';
import { replaceBoard, twoStep, type HandlerGroup } from '../handler-types';

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
  opts: { now?: Date; keep?: number; everyHours?: number } = {},
): Promise<string | null> {
  const now = opts.now ?? appClock().now();
  const dir = backupDirFor(file);
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
  const dest = await backupBoard(file, { now, prefix });
  const all = [...existing, path.basename(dest)].sort();
  for (const old of all.slice(0, Math.max(0, all.length - (opts.keep ?? 10))))
    rmSync(path.join(dir, old), { force: true });
  return dest;
}

/** The backups kept beside a board file (automatic, manual and pre-migration), newest first. */
export function listBackups(file: string): { path: string; modified: Date }[] {
  const dir = backupDirFor(file);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpb'))
    .map((f) => ({ path: path.join(dir, f), modified: statSync(path.join(dir, f)).mtime }))
    .sort((a, b) => b.modified.getTime() - a.modified.getTime());
}

/** The newest backup that is itself a sound board file: what to offer when the board is damaged. */
export function newestSoundBackup(file: string): string | null {
  for (const b of listBackups(file)) {
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

// ---- The Backups screen (API handlers)

/** What kind of backup a file in the backup folder is, from its name. */
export function backupKindOf(name: string): BackupKind {
  if (name.startsWith('auto-')) return 'automatic';
  if (/-before-schema-\d+-/.test(name)) return 'before_upgrade';
  return 'manual';
}

/** The backups kept beside a board file, newest first, as the Backups screen lists them. */
export function backupEntries(file: string) {
  return listBackups(file).map((b) => ({
    name: path.basename(b.path),
    kind: backupKindOf(path.basename(b.path)),
    modifiedAt: b.modified.toISOString(),
    bytes: statSync(b.path).size,
  }));
}

function noBoardFile(ctx: Ctx): ApiError | null {
  return ctx.file === '' || ctx.file === ':memory:'
    ? new ApiError('unavailable', 'This board is not kept in a file, so it has no backups')
    : null;
}

export const backupHandlers: HandlerGroup<'backup.list' | 'backup.create' | 'backup.restore'> = {
  'backup.list': (ctx) => {
    const none = noBoardFile(ctx);
    if (none) throw none;
    return { folder: backupDirFor(ctx.file), backups: backupEntries(ctx.file) };
  },

  'backup.create': twoStep({
    gather: async (ctx) => {
      const none = noBoardFile(ctx);
      if (none) throw none;
      return path.basename(await backupBoard(ctx.file, { now: ctx.now() }));
    },
    write: (_ctx, _input, name: string) => ({ name }),
  }),

  'backup.restore': replaceBoard({
    check: (ctx, input) => {
      const none = noBoardFile(ctx);
      if (none) throw none;
      const found = listBackups(ctx.file).find((b) => path.basename(b.path) === input.name);
      if (!found)
        throw new ApiError(
          'not_found',
          `name: there is no backup called “${input.name}” in ${backupDirFor(ctx.file)}`,
        );
      try {
        inspectBoardFile(found.path); // a damaged backup is refused before the board is touched
      } catch (e) {
        throw new ApiError(
          'bad_file',
          `The backup “${input.name}” cannot be restored: ${(e as Error).message.replace(`${found.path}: `, '')}. The board was not changed.`,
        );
      }
      return found.path;
    },
    replace: (file, input, backup: string, now) => {
      const r = restoreBoard(backup, file, now);
      return { restoredFrom: input.name, keptAside: r.keptAside ? path.basename(r.keptAside) : null };
    },
  }),
};
