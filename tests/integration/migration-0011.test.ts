import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeDemoBoard } from '../../electron/core/demo/index';
import { migrate, openBoardFile } from '../../electron/core/store/board-file';
import { latestSchemaVersion, migrations } from '../../electron/core/store/migrations';
import { nativeBinding } from '../../electron/core/store/native';
import { DEMO_TODAY, tempDir } from '../helpers';

describe('migration 0011: the annual report keeps its own words per council year', () => {
  it('upgrades a board from the schema before it with nothing written, and keeps the words’ rules in the schema', () => {
    const step = migrations.findIndex((m) => m.name === '0011-annual-report-text');
    expect(step).toBeGreaterThan(0);
    const file = path.join(tempDir(), 'before.cpb');
    const old = new Database(file, { nativeBinding: nativeBinding() });
    old.pragma('foreign_keys = ON');
    migrate(old, file, new Date('2026-01-01T00:00:00Z'), migrations.slice(0, step));
    // The demo skips its annual words on a file that cannot hold them yet.
    writeDemoBoard(old, { today: DEMO_TODAY });
    const measures = old.prepare('SELECT id, code FROM measure ORDER BY id').all();
    old.close();

    const db = openBoardFile(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(db.prepare('SELECT id, code FROM measure ORDER BY id').all()).toEqual(measures);
      expect(db.prepare('SELECT count(*) AS n FROM annual_text').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM annual_measure_text').get()).toEqual({ n: 0 });

      const put = db.prepare(
        "INSERT INTO annual_text (year, section, body, updated_at) VALUES (?, ?, ?, '2026-11-23T09:00:00.000Z')",
      );
      put.run('2026-27', 'foreword', 'A foreword.');
      expect(() => put.run('2026-27', 'foreword', 'Twice.')).toThrow(/UNIQUE|PRIMARY KEY/);
      expect(() => put.run('2026-28', 'foreword', 'Not a council year.')).toThrow(/CHECK/);
      expect(() => put.run('2026-27', 'appendix', 'Not a section.')).toThrow(/CHECK/);
      expect(() => put.run('2026-27', 'voice', 'x'.repeat(20001))).toThrow(/CHECK/);
      put.run('1999-00', 'voice', 'The turn of the century is a council year too.');
      // Each change of the words bumps the revision, so a stale save can be refused.
      db.prepare(
        "UPDATE annual_text SET body = 'Revised.' WHERE year = '2026-27' AND section = 'foreword'",
      ).run();
      expect(
        db
          .prepare("SELECT body, revision FROM annual_text WHERE year = '2026-27' AND section = 'foreword'")
          .get(),
      ).toEqual({ body: 'Revised.', revision: 1 });

      // A measure's commentary goes with the measure.
      const measureId = (measures[0] as { id: number }).id;
      db.prepare(
        "INSERT INTO annual_measure_text (year, measure_id, body, updated_at) VALUES ('2026-27', ?, 'Up all year.', 'now')",
      ).run(measureId);
      expect(() =>
        db
          .prepare(
            "INSERT INTO annual_measure_text (year, measure_id, body, updated_at) VALUES ('2026-27', 9999, 'x', 'now')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
      db.prepare('DELETE FROM measure WHERE id = ?').run(measureId);
      expect(db.prepare('SELECT count(*) AS n FROM annual_measure_text').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('a new demo board has the words for the current council year', () => {
    const file = path.join(tempDir(), 'demo.cpb');
    const db = openBoardFile(file, { create: true });
    try {
      writeDemoBoard(db, { today: DEMO_TODAY });
      const sections = db
        .prepare("SELECT section FROM annual_text WHERE year = '2026-27' ORDER BY section")
        .all()
        .map((r) => (r as { section: string }).section);
      expect(sections).toEqual(['ahead', 'challenges', 'foreword', 'highlights', 'voice']);
      expect(
        (
          db.prepare("SELECT count(*) AS n FROM annual_measure_text WHERE year = '2026-27'").get() as {
            n: number;
          }
        ).n,
      ).toBe(2);
    } finally {
      db.close();
    }
  });
});
