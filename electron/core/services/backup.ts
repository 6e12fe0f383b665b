import { appClock } from '../clock';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { FaultError, faultOf } from '../faults';
import { setAsideLeftoverSidecars } from '../leftover-sidecars';
import { partialPathFor, sweepPartials, writeWhole } from '../partial-files';
import { backupDirFor, checkBoard, inspectBoardFile, openForReading } from '../store/board-file';
import { markInUse } from '../store/in-use';
import { releaseMemory } from '../host/memory';
import { ApiError } from '../../../shared/api';
import type { BackupKind } from '../../../shared/api/backups';
import type { Ctx } from '../context';
import { replaceBoard, twoStep, type HandlerGroup } from '../handler-types';

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

/**
 * When a backup was made: the stamp CPB wrote into its name from the one clock, so the list, the
 * daily rule and the screen agree with the board's own time; the file's modified time for a file
 * named otherwise (copied in by hand).
 */
export function madeAt(file: string): Date {
  const m = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.cpb$/.exec(file);
  if (m) {
    const d = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return statSync(file).mtime;
}

const backupFault: Record<string, (dir: string) => string> = {
  disk_full: (dir) =>
    `the disk holding ${dir} is full (or takes no file this large). Free some space, or back up to another drive (--to).`,
  read_only: (dir) => `${dir} is read-only. Back up to a folder you can write to (--to).`,
  permission_denied: (dir) =>
    `this computer does not let CPB write in ${dir} (permission denied). Back up to a folder of your own (--to).`,
  file_unavailable: (dir) => `${dir} cannot be reached (is its drive connected?).`,
};

/** Runs a step that writes the backup `target`: a fault of its disk (full, read-only…) is named. */
async function writing<T>(target: string, step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    const fault = faultOf(e, target);
    if (!fault) throw e;
    const why = backupFault[fault.code];
    throw new FaultError(
      why
        ? {
            code: fault.code,
            message: `Could not write the backup ${path.basename(target)}: ${why(path.dirname(target))} Nothing was left half-written, and the board itself is unchanged.`,
          }
        : fault,
    );
  }
}

/**
 * Online backup of a board file, safe while the board is open elsewhere: the board is read strictly
 * read-only (nothing is created beside it), as one consistent image (SQLite's serialize, in one read
 * transaction, so saves made meanwhile elsewhere cannot make it restart or tear), checked, and
 * written under a temporary name, flushed and renamed: a backup file is always whole, and a
 * temporary file left by a backup killed part-way is removed by the next one.
 */
export async function backupBoard(
  file: string,
  opts: { toDir?: string; now?: Date; prefix?: string } = {},
): Promise<string> {
  const source = openForReading(file);
  const held: { image: Buffer | null } = { image: null };
  try {
    checkBoard(source, file); // never back up a damaged or foreign file as if it were good
    held.image = source.serialize();
  } finally {
    source.close();
  }
  const dir = path.resolve(opts.toDir ?? backupDirFor(file));
  const dest = path.join(
    dir,
    `${opts.prefix ?? ''}${path.basename(file, '.cpb')}-${stamp(opts.now ?? appClock().now())}.cpb`,
  );
  try {
    await writing(dest, () => {
      mkdirSync(dir, { recursive: true });
      writeWhole(dest, held.image!);
    });
  } finally {
    // The image (the whole board, held outside the JS heap) goes back to the system only once it
    // is collected: collect now, or an idle app keeps the board's size in memory (38 MB at
    // twenty years) until the collector next runs.
    held.image = null;
    releaseMemory();
  }
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
  sweepPartials(dir); // a backup killed part-way, last time: even when no backup is due today
  const prefix = 'auto-';
  const existing = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.startsWith(prefix) && f.endsWith('.cpb'))
        .sort()
    : [];
  const newest = existing[existing.length - 1];
  if (
    newest &&
    now.getTime() - madeAt(path.join(dir, newest)).getTime() < (opts.everyHours ?? 24) * 3_600_000
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
    .map((f) => ({ path: path.join(dir, f), modified: madeAt(path.join(dir, f)) }))
    .sort((a, b) => b.modified.getTime() - a.modified.getTime());
}

/** The newest backup that is itself a sound board file: what to offer when the board is damaged. */
export function newestSoundBackup(file: string, otherDir?: string): string | null {
  // A shared backup folder may hold other boards' backups: only this board's are offered.
  const found = boardBackups(file, otherDir);
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
  // Refused (InUseError) while the board is open in the app, browser mode or cpb: their later saves
  // would go into the file kept aside. While this runs, nothing can open the board.
  const mark = markInUse(file, 'restore');
  const tmp = partialPathFor(path.resolve(file));
  try {
    copyFileSync(backup, tmp);
    let keptAside: string | null = null;
    if (existsSync(file)) {
      keptAside = `${file}.before-restore-${stamp(now)}.cpb`;
      renameSync(file, keptAside);
      for (const side of ['-wal', '-shm'])
        if (existsSync(file + side)) renameSync(file + side, keptAside + side);
    } else setAsideLeftoverSidecars(file, now);
    renameSync(tmp, file);
    return { restored: file, keptAside };
  } catch (e) {
    rmSync(tmp, { force: true });
    const fault = faultOf(e, file);
    throw fault ? new FaultError(fault) : e;
  } finally {
    mark.release();
  }
}

// ---- The Backups screen (API handlers)

/** What kind of backup a file in the backup folder is, from its name. */
export function backupKindOf(name: string): BackupKind {
  if (name.startsWith('auto-')) return 'automatic';
  if (/-before-schema-\d+-/.test(name)) return 'before_upgrade';
  return 'manual';
}

/** Whether a file in a shared backup folder is a backup of this board (by the board file's name). */
const ofBoard = (file: string, backup: string) =>
  path
    .basename(backup)
    .replace(/^auto-/, '')
    .startsWith(`${path.basename(file, '.cpb')}-`);

/**
 * The board's backups, newest first: those beside it, and those in a folder chosen in the desktop
 * settings (which may hold other boards' backups too: only this board's are listed).
 */
export function boardBackups(file: string, chosenDir?: string): { path: string; modified: Date }[] {
  const own = backupDirFor(file);
  const elsewhere =
    chosenDir && path.resolve(chosenDir) !== path.resolve(own)
      ? listBackups(file, chosenDir).filter((b) => ofBoard(file, b.path))
      : [];
  return [...listBackups(file), ...elsewhere].sort((a, b) => b.modified.getTime() - a.modified.getTime());
}

/** The backups as the Backups screen lists them. */
export function backupEntries(file: string, chosenDir?: string) {
  return boardBackups(file, chosenDir).map((b) => ({
    name: path.basename(b.path),
    folder: path.dirname(b.path),
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
    return {
      // Backups made now go to the folder chosen in the desktop settings, else beside the board.
      folder: ctx.backupDir ?? backupDirFor(ctx.file),
      backups: backupEntries(ctx.file, ctx.backupDir),
    };
  },

  'backup.create': twoStep({
    gather: async (ctx) => {
      const none = noBoardFile(ctx);
      if (none) throw none;
      return path.basename(
        await backupBoard(ctx.file, { now: ctx.now(), ...(ctx.backupDir ? { toDir: ctx.backupDir } : {}) }),
      );
    },
    write: (_ctx, _input, name: string) => ({ name }),
  }),

  'backup.restore': replaceBoard({
    check: (ctx, input) => {
      const none = noBoardFile(ctx);
      if (none) throw none;
      const found = boardBackups(ctx.file, ctx.backupDir).find((b) => path.basename(b.path) === input.name);
      if (!found)
        throw new ApiError(
          'not_found',
          `name: there is no backup of this board called “${input.name}” in ${[backupDirFor(ctx.file), ...(ctx.backupDir ? [ctx.backupDir] : [])].join(' or ')}`,
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
