import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoBoardFile } from '../../electron/core/demo/file';
import { generateArchive } from '../../electron/core/demo/archive';
import { backupBoard, restoreBoard } from '../../electron/core/services/backup';
import { Session } from '../../electron/core/session';
import { inspectBoardFile } from '../../electron/core/store/board-file';
import { callOk, DEMO_TODAY, demoSession, tempDir } from '../helpers';

// A board deleted or moved without its `-wal` leaves that file behind; SQLite replays a `-wal` it
// finds beside a file on opening it. A new board made under the old name must not take in the old
// board's pages (damaged, or another board's records in this one): the leftovers are set aside.

const SECRET = 'Part B: a child named in another board';

/** Leaves at `file-wal` the write-ahead log of another database, whose main file is then gone. */
function leaveStaleWal(file: string): Buffer {
  const other = new Database(file);
  other.pragma('journal_mode = WAL');
  other.pragma('wal_autocheckpoint = 0');
  other.exec('CREATE TABLE secret (t TEXT)');
  const insert = other.prepare('INSERT INTO secret (t) VALUES (?)');
  for (let i = 0; i < 200; i++) insert.run(`${SECRET} ${i} ${'x'.repeat(200)}`);
  const wal = readFileSync(`${file}-wal`);
  other.close();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  writeFileSync(`${file}-wal`, wal);
  return wal;
}

function expectSoundAndOwn(file: string, wal: Buffer): void {
  expect(inspectBoardFile(file).integrity).toBe('ok');
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('secret');
    expect(tables).toContain('meeting');
  } finally {
    db.close();
  }
  const dir = path.dirname(file);
  const aside = readdirSync(dir).filter((n) => n.startsWith(`${path.basename(file)}-wal.left-`));
  expect(aside).toHaveLength(1);
  expect(readFileSync(path.join(dir, aside[0]!)).equals(wal)).toBe(true); // set aside, never deleted
}

const sessions: Session[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.close();
});

describe('a new board never takes in another board’s leftover -wal', () => {
  it('the demo board (first start, cpb demo)', () => {
    const file = path.join(tempDir(), 'board.cpb');
    const wal = leaveStaleWal(file);
    createDemoBoardFile(file, DEMO_TODAY);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expectSoundAndOwn(file, wal);
  });

  it('a board from a template (board.createFromTemplate, the app’s New board)', async () => {
    const { session, dir } = demoSession();
    sessions.push(session);
    const file = path.join(dir, 'new board.cpb');
    const wal = leaveStaleWal(file);
    await callOk(session, 'board.createFromTemplate', { template: 'blank', file });
    expectSoundAndOwn(file, wal);
    const opened = new Session('test');
    sessions.push(opened);
    opened.open(file); // and it opens as a board
  });

  it('a generated archive (cpb generate)', async () => {
    const file = path.join(tempDir(), 'archive.cpb');
    const wal = leaveStaleWal(file);
    await generateArchive(file, { years: 1, today: DEMO_TODAY });
    expectSoundAndOwn(file, wal);
  });

  it('a backup restored where the board file is missing (cpb restore)', async () => {
    const { session, file, dir } = demoSession();
    session.close();
    const backup = await backupBoard(file, { toDir: path.join(dir, 'bk') });
    rmSync(file);
    const wal = leaveStaleWal(file);
    const r = restoreBoard(backup, file);
    expect(r.keptAside).toBeNull();
    expectSoundAndOwn(file, wal);
  });

  it('a board’s own -wal is its own: nothing is set aside when the file exists', () => {
    const { session, file, dir } = demoSession();
    sessions.push(session);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.left-'))).toEqual([]);
  });
});
