import { readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeDemoBoard } from '../../electron/core/demo';
import { backupDirFor, inspectBoardFile, migrate, openBoardFile } from '../../electron/core/store/board-file';
import { latestSchemaVersion, migrations } from '../../electron/core/store/migrations';
import { nativeBinding } from '../../electron/core/store/native';
import { DEMO_TODAY, tempDir } from '../helpers';

const linkColumns =
  'id, priority_id, plan_action_id, measure_id, agenda_item_id, action_id, to_priority_id, to_pledge_id, to_principle_id';

describe('migration 0002: pledges link to the Corporate Parenting Principles', () => {
  it('upgrades a version-1 demo board, keeping every link and backing the old file up first', () => {
    expect(latestSchemaVersion).toBeGreaterThanOrEqual(2);
    const file = path.join(tempDir(), 'old.cpb');

    // A board made by the previous version: only migration 1, holding the demo data.
    const v1 = new Database(file, { nativeBinding: nativeBinding() });
    v1.pragma('journal_mode = WAL');
    v1.pragma('foreign_keys = ON');
    migrate(v1, file, new Date('2026-01-01T00:00:00Z'), migrations.slice(0, 1));
    writeDemoBoard(v1, { today: DEMO_TODAY });
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    const before = v1.prepare(`SELECT ${linkColumns} FROM link ORDER BY id`).all();
    const pledgeCount = (v1.prepare('SELECT count(*) AS n FROM pledge').get() as { n: number }).n;
    v1.close();
    expect(before.length).toBeGreaterThan(20);
    expect(inspectBoardFile(file).schemaVersion).toBe(1);

    const db = openBoardFile(file, { now: new Date('2026-11-23T10:00:00Z') });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.prepare(`SELECT ${linkColumns} FROM link ORDER BY id`).all()).toEqual(before);
      expect(db.prepare('SELECT count(*) AS n FROM link WHERE pledge_id IS NOT NULL').get()).toEqual({
        n: 0,
      });
      expect(db.prepare('SELECT count(*) AS n FROM pledge').get()).toEqual({ n: pledgeCount });
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(
        db
          .prepare(
            "SELECT name FROM sqlite_master WHERE tbl_name = 'link' AND type = 'index' AND name = 'link_unique'",
          )
          .get(),
      ).toEqual({ name: 'link_unique' });
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'link_new'").get()).toEqual({
        n: 0,
      });

      // A pledge can now link to a principle…
      const pledge = (db.prepare('SELECT id FROM pledge ORDER BY id LIMIT 1').get() as { id: number }).id;
      db.prepare('INSERT INTO link (pledge_id, to_principle_id) VALUES (?, 3)').run(pledge);
      expect(db.prepare('SELECT to_principle_id AS p FROM link WHERE pledge_id = ?').all(pledge)).toEqual([
        { p: 3 },
      ]);
      // …but only once,
      expect(() =>
        db.prepare('INSERT INTO link (pledge_id, to_principle_id) VALUES (?, 3)').run(pledge),
      ).toThrow(/UNIQUE/);
      // not to another pledge,
      expect(() =>
        db.prepare('INSERT INTO link (pledge_id, to_pledge_id) VALUES (?, ?)').run(pledge, pledge + 1),
      ).toThrow(/CHECK/);
      // and a link still has exactly one subject.
      expect(() =>
        db.prepare('INSERT INTO link (pledge_id, priority_id, to_principle_id) VALUES (?, 1, 4)').run(pledge),
      ).toThrow(/CHECK/);
      // Deleting the pledge removes its links.
      db.prepare('DELETE FROM link WHERE to_pledge_id = ?').run(pledge);
      db.prepare('DELETE FROM pledge WHERE id = ?').run(pledge);
      expect(db.prepare('SELECT count(*) AS n FROM link WHERE pledge_id = ?').get(pledge)).toEqual({ n: 0 });
    } finally {
      db.close();
    }

    const backups = readdirSync(backupDirFor(file));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toBe(`old-before-schema-${latestSchemaVersion}-2026-11-23T10-00-00-000Z.cpb`);
    const backup = new Database(path.join(backupDirFor(file), backups[0]!), {
      readonly: true,
      nativeBinding: nativeBinding(),
    });
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(backup.prepare(`SELECT ${linkColumns} FROM link ORDER BY id`).all()).toEqual(before);
      expect(
        backup.prepare("SELECT count(*) AS n FROM pragma_table_info('link') WHERE name = 'pledge_id'").get(),
      ).toEqual({ n: 0 });
    } finally {
      backup.close();
    }
  });

  it('a new board is created at the latest version directly, with no backup', () => {
    const file = path.join(tempDir(), 'new.cpb');
    const db = openBoardFile(file, { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(
      db.prepare("SELECT count(*) AS n FROM pragma_table_info('link') WHERE name = 'pledge_id'").get(),
    ).toEqual({ n: 1 });
    db.close();
  });
});
