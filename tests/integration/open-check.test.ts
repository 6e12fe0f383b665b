import { closeSync, copyFileSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appClock } from '../../electron/core/clock';
import { CoreHost } from '../../electron/core/host/core-host';
import { createDemoBoardFile } from '../../electron/core/demo/file';
import {
  BoardFileError,
  inspectBoardFile,
  openBoardFile,
  openCheckLevel,
  uncleanShutdown,
} from '../../electron/core/store/board-file';
import { nativeBinding } from '../../electron/core/store/native';
import { DEMO_TODAY, tempDir } from '../helpers';

// Opening a board once a day checks it in full (integrity_check and foreign keys); later opens
// that day take quick_check; an unclean shutdown, a migration and `cpb check` always check in full.

const at = (day: string) => new Date(`${day}T10:00:00Z`);
const NEXT_DAY = '2026-11-24';

function demo(): string {
  const file = path.join(tempDir(), 'board.cpb');
  createDemoBoardFile(file, DEMO_TODAY);
  return file;
}

const lastFullCheck = (file: string) => {
  const db = new Database(file, { readonly: true, nativeBinding: nativeBinding() });
  try {
    return (db.prepare('SELECT full_check_on FROM file_check').get() as { full_check_on: string } | undefined)
      ?.full_check_on;
  } finally {
    db.close();
  }
};

/** Garbage over pages in the middle of the file, as a failing disk would leave it. */
function damage(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
}

/** Garbage over some leaf pages of the board's largest table, so the schema still reads and the open goes ahead. */
function damageLargestTable(file: string): void {
  const db = new Database(file, { readonly: true, nativeBinding: nativeBinding() });
  const size = db.pragma('page_size', { simple: true }) as number;
  const table = (
    db
      .prepare(
        "SELECT name FROM dbstat WHERE name NOT LIKE 'sqlite_%' AND pagetype = 'leaf' GROUP BY name ORDER BY count(*) DESC LIMIT 1",
      )
      .get() as { name: string }
  ).name;
  const pages = (
    db
      .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
      .all(table) as {
      pageno: number;
    }[]
  ).slice(0, 3);
  db.close();
  expect(pages.length).toBeGreaterThan(0);
  const fd = openSync(file, 'r+');
  for (const { pageno } of pages) writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, (pageno - 1) * size);
  closeSync(fd);
}

describe('how thoroughly a board is checked when it is opened', () => {
  it('checks in full on the first open of a day, and quickly on later opens that day', () => {
    const file = demo();
    // The day of the last full check is kept in the file (written when the board was made).
    expect(lastFullCheck(file)).toBe(appClock().today());
    expect(openCheckLevel(file, NEXT_DAY)).toBe('full');
    openBoardFile(file, { now: at(NEXT_DAY) }).close();
    expect(lastFullCheck(file)).toBe(NEXT_DAY);
    expect(openCheckLevel(file, NEXT_DAY)).toBe('quick');
    // The next day starts with a full check again.
    expect(openCheckLevel(file, '2026-11-25')).toBe('full');
  });

  it('checks in full after an unclean shutdown (the last session never closed the file)', () => {
    const file = demo();
    openBoardFile(file, { now: at(NEXT_DAY) }).close();
    expect(uncleanShutdown(file)).toBe(false);
    // A session that wrote and never closed: its -wal and -shm files are still there, as after a crash.
    const db = openBoardFile(file, { now: at(NEXT_DAY) });
    db.prepare("UPDATE board SET name = 'Crashed board' WHERE id = 1").run();
    const crashed = path.join(tempDir(), 'crashed.cpb');
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${file}${suffix}`, `${crashed}${suffix}`);
    db.close();
    expect(existsSync(`${crashed}-wal`)).toBe(true);
    expect(uncleanShutdown(crashed)).toBe(true);
    expect(openCheckLevel(crashed, NEXT_DAY)).toBe('full');
    // It opens (the write-ahead log is recovered) and the change made before the crash is there.
    const reopened = openBoardFile(crashed, { now: at(NEXT_DAY) });
    expect((reopened.prepare('SELECT name FROM board').get() as { name: string }).name).toBe('Crashed board');
    reopened.close();
    expect(uncleanShutdown(crashed)).toBe(false);
  });

  it('cpb check always checks in full, and counts the tables', () => {
    const file = demo();
    openBoardFile(file, { now: at(NEXT_DAY) }).close();
    const r = inspectBoardFile(file);
    expect(r.level).toBe('full');
    expect(r.counts.meeting).toBeGreaterThan(0);
  });

  it('refuses a damaged board on a quick open as on a full one, without writing to it', () => {
    const file = demo();
    openBoardFile(file, { now: at(NEXT_DAY) }).close();
    expect(openCheckLevel(file, NEXT_DAY)).toBe('quick');
    damage(file);
    const before = statSync(file).mtimeMs;
    expect(() => openBoardFile(file, { now: at(NEXT_DAY) })).toThrow(BoardFileError);
    expect(() => inspectBoardFile(file, { level: 'quick' })).toThrow(/damaged|malformed/);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('the core answers the open at once and runs the quick check straight after; damage found closes the board', async () => {
    process.env.CPB_TODAY = NEXT_DAY;
    const file = demo();
    openBoardFile(file, { now: at(NEXT_DAY) }).close(); // checked in full today
    const host = new CoreHost({ lane: 'core' });
    let id = 0;
    const board = (name: 'open' | 'close', input: unknown) =>
      host.handle({ id: ++id, kind: 'board', name, input });
    const api = (name: string) => host.handle({ id: ++id, kind: 'api', name, input: {} });
    try {
      expect((await board('open', { file })).ok).toBe(true);
      expect((await api('dashboard.get')).ok).toBe(true);
      await board('close', {});
      // Damaged after today's full check: the open is answered, the quick check just after finds it.
      damageLargestTable(file);
      const reopened = await board('open', { file });
      expect(reopened).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 50));
      const r = await api('dashboard.get');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('bad_file');
        expect(r.error.message).toMatch(/damaged.*closed the board so that nothing more is written/);
      }
      // Opened again, it is checked first this time, and refused.
      const again = await board('open', { file });
      expect(again.ok).toBe(false);
      if (!again.ok) expect(again.error.message).toMatch(/damaged/);
    } finally {
      await board('close', {});
    }
  });
});
