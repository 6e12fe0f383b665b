import { existsSync, readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoBoardFile } from '../../electron/core/demo/file';
import { autoBackup, backupBoard, restoreBoard } from '../../electron/core/services/backup';
import { Session } from '../../electron/core/session';
import { backupDirFor } from '../../electron/core/store/board-file';
import { DEMO_TODAY, tempDir } from '../helpers';
import { setLastFullCheck } from '../support/damage';

function boardName(file: string): string {
  const s = new Session('t');
  s.open(file);
  const n = (s.ctx().db.prepare('SELECT name FROM board').get() as { name: string }).name;
  s.close();
  return n;
}

describe('backup and restore', () => {
  it('backs up an open board online and restores it, keeping the current file aside', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'b.cpb');
    createDemoBoardFile(file, DEMO_TODAY);
    const s = new Session('t');
    s.open(file); // open elsewhere while backing up
    const backup = await backupBoard(file, { toDir: path.join(dir, 'bk') });
    s.ctx().db.prepare("UPDATE board SET name = 'Changed after backup'").run();
    s.close();
    expect(boardName(file)).toBe('Changed after backup');

    const r = restoreBoard(backup, file);
    expect(boardName(file)).toBe('Northshire Corporate Parenting Board');
    expect(r.keptAside && boardName(r.keptAside)).toBe('Changed after backup');
  });

  it('refuses to restore from a file that is not a board, and leaves the board alone', () => {
    const dir = tempDir();
    const file = path.join(dir, 'b.cpb');
    createDemoBoardFile(file, DEMO_TODAY);
    expect(() => restoreBoard(path.join(dir, 'missing.cpb'), file)).toThrow(/no such file/);
    expect(boardName(file)).toBe('Northshire Corporate Parenting Board');
    expect(readdirSync(dir).sort()).toEqual(['b.cpb']);
  });

  it('keeps one automatic backup a day and only the newest ten', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'b.cpb');
    createDemoBoardFile(file, DEMO_TODAY);
    const first = await autoBackup(file, { now: new Date('2026-01-01T09:00:00Z') });
    expect(first).not.toBeNull();
    expect(await autoBackup(file, { now: new Date('2026-01-01T20:00:00Z') })).toBeNull(); // one already made within the day
    for (let i = 0; i < 12; i++) {
      for (const f of readdirSync(backupDirFor(file)))
        utimesSync(path.join(backupDirFor(file), f), new Date(0), new Date(0));
      await autoBackup(file, { now: new Date(Date.UTC(2026, 0, 2 + i)) });
    }
    const kept = readdirSync(backupDirFor(file)).filter((f) => f.startsWith('auto-'));
    expect(kept).toHaveLength(10);
    expect(existsSync(first!)).toBe(false);
  });
});

describe('the newest sound backup', () => {
  it('is offered newest first, skipping a damaged backup', async () => {
    const { listBackups, newestSoundBackup } = await import('../../electron/core/services/backup');
    const { writeFileSync } = await import('node:fs');
    const dir = tempDir();
    const file = path.join(dir, 'b.cpb');
    createDemoBoardFile(file, DEMO_TODAY);
    expect(newestSoundBackup(file)).toBeNull();
    const good = await backupBoard(file, { now: new Date('2026-01-01T00:00:00Z') });
    utimesSync(good, new Date('2026-01-01'), new Date('2026-01-01'));
    const bad = path.join(backupDirFor(file), 'b-newer-but-damaged.cpb');
    writeFileSync(bad, 'not a database');
    expect(listBackups(file).map((b) => b.path)).toEqual([bad, good]);
    expect(newestSoundBackup(file)).toBe(good);
  });
});

describe('browser mode on a damaged board', () => {
  const server = path.resolve(__dirname, '..', '..', 'dist', 'server.cjs');
  beforeAll(() => {
    if (!existsSync(server))
      throw new Error('dist/server.cjs is missing: run npm run build first (npm test does)');
  });

  it('refuses it, leaves it unchanged, and names the backup and the command that restores it', async () => {
    const { spawnSync } = await import('node:child_process');
    const { openSync, writeSync, closeSync, readFileSync } = await import('node:fs');
    const dir = tempDir();
    const file = path.join(dir, 'b.cpb');
    createDemoBoardFile(file, DEMO_TODAY);
    const backup = await backupBoard(file);
    // Not opened yet today, so the open checks it in full before it answers (a board damaged
    // after the day's full check opens, then turns read-only: tests/e2e/damaged.spec.ts).
    setLastFullCheck(file, '2000-01-01');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096 * 3);
    closeSync(fd);
    const before = readFileSync(file);
    const r = spawnSync(process.execPath, [server, '--board', file, '--port', '0'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('damaged');
    expect(r.stderr).toContain(`cpb restore "${backup}" --board "${file}"`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
