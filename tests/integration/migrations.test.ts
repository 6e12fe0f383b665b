import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion, migrations } from '../../electron/core/store/migrations';
import { APPLICATION_ID, backupDirFor, migrate, openBoardFile } from '../../electron/core/store/board-file';
import { nativeBinding } from '../../electron/core/store/native';
import { tempDir } from '../helpers';

describe('board file and migrations', () => {
  it('creates a board from empty with the pragmas and schema version set', () => {
    const file = path.join(tempDir(), 'new.cpb');
    const db = openBoardFile(file, { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect((db.prepare('SELECT count(*) AS n FROM principle').get() as { n: number }).n).toBe(7);
    expect(existsSync(backupDirFor(file))).toBe(false); // nothing to back up on a new file
    db.close();
  });

  it('keeps the 7 Corporate Parenting Principles read-only', () => {
    const db = openBoardFile(path.join(tempDir(), 'p.cpb'), { create: true });
    expect(() => db.prepare("UPDATE principle SET wording = 'x' WHERE id = 1").run()).toThrow(/set in law/);
    expect(() => db.prepare('DELETE FROM principle').run()).toThrow(/set in law/);
    db.close();
  });

  it('backs the file up before migrating a board that holds data, and keeps the data', () => {
    const file = path.join(tempDir(), 'old.cpb');
    const db1 = openBoardFile(file, { create: true });
    db1
      .prepare(
        "INSERT INTO board (id, authority, name, created_at) VALUES (1, 'Testshire', 'Test Board', '2025-01-01T00:00:00Z')",
      )
      .run();
    db1.close();

    const next = {
      version: latestSchemaVersion + 1,
      name: 'test-add-column',
      sql: "ALTER TABLE board ADD COLUMN motto TEXT NOT NULL DEFAULT 'x';",
    };
    const db = new Database(file, { nativeBinding: nativeBinding() });
    migrate(db, file, new Date('2026-01-02T03:04:05Z'), [...migrations, next]);
    expect(db.pragma('user_version', { simple: true })).toBe(next.version);
    expect(db.prepare('SELECT name, motto FROM board').get()).toEqual({ name: 'Test Board', motto: 'x' });
    db.close();

    const backups = readdirSync(backupDirFor(file));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(backupDirFor(file), backups[0]!), {
      readonly: true,
      nativeBinding: nativeBinding(),
    });
    expect(backup.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(backup.prepare('SELECT name FROM board').get()).toEqual({ name: 'Test Board' });
    backup.close();
  });

  it('rolls a failing migration back whole', () => {
    const file = path.join(tempDir(), 'fail.cpb');
    openBoardFile(file, { create: true }).close();
    const bad = {
      version: latestSchemaVersion + 1,
      name: 'bad',
      sql: 'CREATE TABLE ok_table (x); SELECT * FROM no_such_table;',
    };
    const db = new Database(file, { nativeBinding: nativeBinding() });
    expect(() => migrate(db, file, new Date(), [...migrations, bad])).toThrow(/no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok_table'").get()).toEqual({
      n: 0,
    });
    db.close();
  });
});
