import { existsSync, renameSync } from 'node:fs';
import { appClock } from './clock';

/**
 * SQLite keeps a board's latest changes in `FILE-wal` (and a rollback journal in `FILE-journal`)
 * beside the file, and on opening FILE replays whatever `FILE-wal` it finds there — even one left
 * by an earlier board of the same name that was deleted or moved without it. Replayed into a new
 * board, another board's pages would damage it, or put that board's records (Part B ones too)
 * into this one. So before a new board (or a restored one) takes a name that has no board file,
 * any such leftovers are set aside under a name SQLite never reads: renamed, never deleted.
 */
const SIDES = ['-wal', '-journal', '-shm'] as const;

/**
 * Sets aside the sidecar files left where `file` is about to be made. Does nothing when `file`
 * exists (its sidecars are its own). Returns the new names of what was set aside.
 */
export function setAsideLeftoverSidecars(file: string, now: Date = appClock().now()): string[] {
  if (existsSync(file)) return [];
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const moved: string[] = [];
  for (const side of SIDES) {
    const from = `${file}${side}`;
    if (!existsSync(from)) continue;
    const to = `${from}.left-${stamp}`;
    renameSync(from, to);
    moved.push(to);
  }
  return moved;
}
