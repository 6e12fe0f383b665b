import { copyFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appClock } from '../../electron/core/clock';
import { createDemoBoardFile } from '../../electron/core/demo/file';
import {
  BoardFileError,
  inspectBoardFile,
  openBoardFile,
  openCheckLevel,
  uncleanShutdown,
} from '../../electron/core/store/board-file';
import { nativeBinding } from '../../electron/core/store/native';
import { QUICK_CHECK_DELAY_MS, Session } from '../../electron/core/session';
import { callError, callOk, DEMO_TODAY, tempDir } from '../helpers';
import { garbleMiddle } from '../support/damage';

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
    garbleMiddle(file);
    const before = statSync(file).mtimeMs;
    expect(() => openBoardFile(file, { now: at(NEXT_DAY) })).toThrow(BoardFileError);
    expect(() => inspectBoardFile(file, { level: 'quick' })).toThrow(/damaged|malformed/);
    expect(statSync(file).mtimeMs).toBe(before);
  });
});

// A board opened today already answers its open without quick_check (which reads every page:
// ~180 ms at twenty years); the check runs once the open has answered, and at the latest before
// the first write, so a board damaged since the day's full check never takes a write.
describe('the quick check of a board opened today already runs off the open', () => {
  const damagedToday = () => {
    const file = demo(); // checked in full today when it was made
    garbleMiddle(file);
    expect(openCheckLevel(file, appClock().today())).toBe('quick');
    return file;
  };
  afterEach(() => void vi.useRealTimers());

  it('opens a sound board without the check, reads at once, and checks before the first write', async () => {
    const file = demo();
    const session = new Session('test');
    session.open(file);
    expect(session.quickCheckPending).toBe(true);
    expect((await callOk(session, 'board.get', {})).name).toBeTruthy();
    expect(session.quickCheckPending).toBe(true); // reads never wait for it
    const renamed = await callOk(session, 'board.update', { authority: 'Anyshire', name: 'Checked board' });
    expect(renamed.name).toBe('Checked board');
    expect(session.quickCheckPending).toBe(false);
    session.close();
  });

  it('refuses every write to a board damaged since the day’s full check, by name, writing nothing', async () => {
    const file = damagedToday();
    const before = statSync(file).mtimeMs;
    const session = new Session('test');
    session.open(file); // answers: the damage is in pages the open does not read
    const err = await callError(session, 'board.update', { authority: 'Anyshire', name: 'Never saved' });
    expect(err.code).toBe('damaged');
    expect(err.message).toMatch(/Restore the newest sound backup/);
    // Refused again (not checked once and forgotten); the file was never written.
    expect((await callError(session, 'board.update', { authority: 'A', name: 'B' })).code).toBe('damaged');
    session.close();
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('runs the check by itself shortly after the open, without waiting for a write', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const file = damagedToday();
    const session = new Session('test');
    session.open(file);
    expect(session.quickCheckPending).toBe(true);
    vi.advanceTimersByTime(QUICK_CHECK_DELAY_MS);
    expect(session.quickCheckPending).toBe(false);
    const err = await callError(session, 'board.update', { authority: 'Anyshire', name: 'Never saved' });
    expect(err.code).toBe('damaged');
    session.close();
  });

  it('still opens a board unopened today with the full check first (a damaged one is refused at its open)', () => {
    const file = demo();
    openBoardFile(file, { now: at(NEXT_DAY) }).close();
    garbleMiddle(file);
    // Not opened yet on the day after NEXT_DAY: the full check runs on the open and refuses it.
    expect(openCheckLevel(file, '2026-11-25')).toBe('full');
    expect(() => openBoardFile(file, { now: at('2026-11-25') })).toThrow(BoardFileError);
  });
});
