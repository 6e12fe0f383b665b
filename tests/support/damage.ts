import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { nativeBinding } from '../../electron/core/store/native';

/** Garbage over pages in the middle of the file, as a failing disk would leave it. */
export function garbleMiddle(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(statSync(file).size / 2 / 4096) * 4096);
  } finally {
    closeSync(fd);
  }
}

/**
 * The day the board was last checked in full, as its opens see it: today's date makes the next
 * open a later one of the day (quick check, just after); an old date makes it the day's first.
 */
export function setLastFullCheck(file: string, day: string): void {
  const db = new Database(file, { nativeBinding: nativeBinding() });
  try {
    db.prepare('UPDATE file_check SET full_check_on = ?').run(day);
  } finally {
    db.close();
  }
}
