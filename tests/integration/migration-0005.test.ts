import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeDemoBoard } from '../../electron/core/demo/index';
import { migrate, openBoardFile } from '../../electron/core/store/board-file';
import { latestSchemaVersion, migrations } from '../../electron/core/store/migrations';
import { nativeBinding } from '../../electron/core/store/native';
import { DEMO_TODAY, tempDir } from '../helpers';

describe('migration 0005: notes per measure on the scorecard item', () => {
  it('upgrades a board from the schema before it, keeping every decision and action, locks and all', () => {
    const step = migrations.findIndex((m) => m.name === '0005-measure-notes');
    expect(step).toBeGreaterThan(0);
    const file = path.join(tempDir(), 'before.cpb');
    const old = new Database(file, { nativeBinding: nativeBinding() });
    old.pragma('foreign_keys = ON');
    migrate(old, file, new Date('2026-01-01T00:00:00Z'), migrations.slice(0, step));
    writeDemoBoard(old, { today: DEMO_TODAY });
    const decisions = old.prepare('SELECT id, agenda_item_id, text FROM decision ORDER BY id').all();
    const actions = old.prepare('SELECT id, description, status FROM action ORDER BY id').all();
    old.close();

    const db = openBoardFile(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(db.prepare('SELECT id, agenda_item_id, text FROM decision ORDER BY id').all()).toEqual(
        decisions,
      );
      expect(db.prepare('SELECT id, description, status FROM action ORDER BY id').all()).toEqual(actions);
      // Nothing was about a measure before; nothing is now.
      expect(db.prepare('SELECT count(*) AS n FROM decision WHERE measure_id IS NOT NULL').get()).toEqual({
        n: 0,
      });
      expect(db.prepare('SELECT count(*) AS n FROM action WHERE measure_id IS NOT NULL').get()).toEqual({
        n: 0,
      });
      expect(db.prepare('SELECT count(*) AS n FROM measure_note').get()).toEqual({ n: 0 });

      // A note on the scorecard item of the meeting in draft is fine; one on approved minutes is refused.
      const item = (status: string) =>
        (
          db
            .prepare(
              "SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.status = ? AND a.kind = 'scorecard' LIMIT 1",
            )
            .get(status) as { id: number }
        ).id;
      const note = db.prepare(
        "INSERT INTO measure_note (agenda_item_id, measure_id, text, updated_at) VALUES (?, 1, ?, '2026-11-23T09:00:00.000Z')",
      );
      note.run(item('minutes_draft'), 'Members noted the rise.');
      expect(() => note.run(item('minutes_draft'), 'Twice for one measure.')).toThrow(/UNIQUE/);
      expect(() => note.run(item('minutes_approved'), 'Too late.')).toThrow(/approved and locked/);
      expect(() => note.run(item('minutes_draft'), '  ')).toThrow(/CHECK/);
      // An approved action's measure is part of what was minuted.
      const approvedAction = (
        db
          .prepare(
            "SELECT a.id FROM action a JOIN meeting m ON m.id = a.meeting_id WHERE m.status = 'minutes_approved' LIMIT 1",
          )
          .get() as { id: number }
      ).id;
      expect(() => db.prepare('UPDATE action SET measure_id = 1 WHERE id = ?').run(approvedAction)).toThrow(
        /approved and locked/,
      );
      // Progress on it still rolls on.
      db.prepare("UPDATE action SET status = 'closed' WHERE id = ?").run(approvedAction);
    } finally {
      db.close();
    }
  });
});
