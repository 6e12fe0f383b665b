import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { appClock } from '../clock';
import { setAsideLeftoverSidecars } from '../leftover-sidecars';
import { openBoardFile } from '../store/board-file';
import { writeDemoBoard } from './index';

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
}

/**
 * Writes a new board file with `fill`, atomically: it is built under a temporary name and renamed
 * into place only when complete, so a failure never leaves a half-made board behind.
 */
export function createBoardFile(file: string, fill: (db: ReturnType<typeof openBoardFile>) => void): void {
  if (existsSync(file)) throw new Error(`${file} already exists; CPB will not overwrite a board file`);
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  removeQuietly(tmp);
  try {
    const db = openBoardFile(tmp, { create: true });
    try {
      fill(db);
    } finally {
      db.close(); // checkpoints the WAL into the main file
    }
    setAsideLeftoverSidecars(file);
    renameSync(tmp, file);
  } finally {
    removeQuietly(tmp);
  }
}

export function createDemoBoardFile(file: string, today: string = appClock().today()): void {
  createBoardFile(file, (db) => writeDemoBoard(db, { today }));
}

/** First start with no board file: the demo board in the user data folder. Returns its path. */
export function ensureDefaultBoard(dir: string, today?: string): string {
  const file = path.join(dir, 'Northshire demo board.cpb');
  if (!existsSync(file)) createDemoBoardFile(file, today);
  return file;
}
