/**
 * Backups in the app, through the API: list, back up now, restore one (the current file kept aside,
 * the board opened again on the restored file, the restore in its audit log), and the refusals.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/api';
import type { Session } from '../../../electron/core/session';
import { callError, callOk, demoSession } from '../../helpers';

let session: Session;
let file: string;
let dir: string;
beforeEach(() => {
  ({ session, file, dir } = demoSession());
});
afterEach(() => session.close());

const ok = <T = unknown>(method: string, input: unknown) =>
  callOk(session, method as MethodName, input as never) as Promise<T>;
const fails = (method: string, input: unknown) => callError(session, method as MethodName, input as never);

interface List {
  folder: string;
  backups: { name: string; folder: string; kind: string; modifiedAt: string; bytes: number }[];
}

describe('backups in the app', () => {
  it('lists this board’s backups in a folder chosen in the desktop settings too, and backs up there', async () => {
    const chosen = path.join(dir, 'chosen');
    mkdirSync(chosen);
    writeFileSync(path.join(chosen, 'other-board-2026-01-01T00-00-00-000Z.cpb'), 'another board’s backup');
    session.backupDir = chosen;
    const { name } = await ok<{ name: string }>('backup.create', {});
    expect(existsSync(path.join(chosen, name))).toBe(true);
    const list = await ok<List>('backup.list', {});
    expect(list.folder).toBe(chosen);
    expect(list.backups.map((b) => [b.name, b.folder])).toEqual([[name, chosen]]);
    await ok('board.update', { authority: 'Northshire County Council', name: 'Changed' });
    await ok('backup.restore', { name });
    expect((await ok<{ name: string }>('app.info', {})).name).toBe('Northshire Corporate Parenting Board');
  });

  it('lists the backups, makes one now, and restores it, keeping the current file aside', async () => {
    expect(await ok<List>('backup.list', {})).toEqual({ folder: `${file}.backups`, backups: [] });
    const { name } = await ok<{ name: string }>('backup.create', {});
    expect(name).toMatch(/^demo-\d{4}-\d{2}-\d{2}T.*\.cpb$/);
    const list = await ok<List>('backup.list', {});
    expect(list.backups).toEqual([
      {
        name,
        folder: `${file}.backups`,
        kind: 'manual',
        // Made by the one clock (the pinned day), not the file system's.
        modifiedAt: expect.stringMatching(/^2026-11-23T/) as string,
        bytes: expect.any(Number) as number,
      },
    ]);
    expect(list.backups[0]!.bytes).toBeGreaterThan(100_000);

    await ok('board.update', { authority: 'Northshire County Council', name: 'Renamed after the backup' });
    const r = await ok<{ restoredFrom: string; keptAside: string | null }>('backup.restore', { name });
    expect(r.restoredFrom).toBe(name);
    expect(r.keptAside).toMatch(/^demo\.cpb\.before-restore-.*\.cpb$/);
    expect(existsSync(path.join(dir, r.keptAside!))).toBe(true);

    // The session is open again, on the restored board, and its audit log says what happened.
    const info = await ok<{ name: string; file: string }>('app.info', {});
    expect(info).toMatchObject({ name: 'Northshire Corporate Parenting Board', file });
    const audit = await ok<{ rows: { method: string; actor: string; detail: string | null }[] }>(
      'audit.list',
      {
        entity: 'backup',
      },
    );
    expect(audit.rows[0]).toMatchObject({ method: 'backup.restore', actor: 'test' });
    expect(audit.rows[0]!.detail).toContain(r.keptAside!);

    // What was kept aside is the board as it was before the restore.
    const aside = new (await import('../../../electron/core/session')).Session('t');
    aside.open(path.join(dir, r.keptAside!));
    expect((aside.ctx().db.prepare('SELECT name FROM board').get() as { name: string }).name).toBe(
      'Renamed after the backup',
    );
    aside.close();
  });

  it('refuses a name outside the backup folder, an unknown one and a damaged one, leaving the board as it was', async () => {
    await ok('backup.create', {});
    const escape = await fails('backup.restore', { name: '../demo.cpb' });
    expect(escape.issues).toEqual([
      { path: 'name', message: 'must be the name of a backup in the board’s backup folder' },
    ]);
    const unknown = await fails('backup.restore', { name: 'nothing-here.cpb' });
    expect(unknown.code).toBe('not_found');
    writeFileSync(path.join(`${file}.backups`, 'zz-damaged.cpb'), 'this is not a database');
    const damaged = await fails('backup.restore', { name: 'zz-damaged.cpb' });
    expect(damaged.code).toBe('bad_file');
    expect(damaged.message).toMatch(
      /^The backup “zz-damaged\.cpb” cannot be restored: not a CPB board file .* The board was not changed\.$/,
    );
    // Nothing was kept aside, and the board is still open.
    expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    expect((await ok<{ name: string }>('app.info', {})).name).toBe('Northshire Corporate Parenting Board');
  });
});
