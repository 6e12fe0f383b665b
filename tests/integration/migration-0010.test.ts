import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeDemoBoard } from '../../electron/core/demo/index';
import { dispatch } from '../../electron/core/dispatch';
import { Session } from '../../electron/core/session';
import { migrate, openBoardFile } from '../../electron/core/store/board-file';
import { latestSchemaVersion, migrations } from '../../electron/core/store/migrations';
import { nativeBinding } from '../../electron/core/store/native';
import { DEMO_TODAY, tempDir } from '../helpers';

describe('migration 0010: measure definitions, "no figure" symbols, what a snapshot was read against', () => {
  it('upgrades a board from the schema before it, keeping every measure, value and frozen row', async () => {
    const step = migrations.findIndex((m) => m.name === '0010-measure-definitions');
    expect(step).toBeGreaterThan(0);
    const file = path.join(tempDir(), 'before.cpb');
    const old = new Database(file, { nativeBinding: nativeBinding() });
    old.pragma('foreign_keys = ON');
    migrate(old, file, new Date('2026-01-01T00:00:00Z'), migrations.slice(0, step));
    writeDemoBoard(old, { today: DEMO_TODAY });
    // A scorecard frozen before the migration, as that schema kept it.
    old
      .prepare(
        "INSERT INTO snapshot (id, meeting_id, title, taken_at) VALUES (90, 1, 'Scorecard', '2026-06-01T09:00:00Z')",
      )
      .run();
    old
      .prepare(
        `INSERT INTO snapshot_row (snapshot_id, position, measure_id, priority_title, code, title, unit, polarity, target,
           period, value, previous_period, previous_value, rag, direction, england, neighbours, region)
         VALUES (90, 1, 1, 'P1', 'V1', 'Children who took part in their review', 'percent', 'higher', 95,
           '2025-26 Q4', 94.96, '2025-26 Q3', 93.1, 'red', 'improving', 90, 92, NULL)`,
      )
      .run();
    const measures = old
      .prepare('SELECT id, code, title, definition, unit, target FROM measure ORDER BY id')
      .all();
    const values = old.prepare('SELECT * FROM measure_value ORDER BY id').all();
    const frozen = old.prepare('SELECT * FROM snapshot_row ORDER BY snapshot_id, position').all();
    expect(frozen.length).toBeGreaterThan(0);
    old.close();

    const db = openBoardFile(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(
        db.prepare('SELECT id, code, title, definition, unit, target FROM measure ORDER BY id').all(),
      ).toEqual(measures);
      expect(db.prepare('SELECT * FROM measure_value ORDER BY id').all()).toEqual(values);
      // New fields start empty: nothing is invented for a council's own measures.
      expect(
        db
          .prepare(
            `SELECT DISTINCT numerator_definition AS n, denominator_definition AS d, dfe_ref AS r, age_band AS a,
                    year_basis AS b, decimals AS p, similar_band AS s FROM measure`,
          )
          .all(),
      ).toEqual([{ n: '', d: '', r: '', a: '', b: 'financial', p: null, s: null }]);
      // A frozen row keeps its figures; what it was not frozen with is unknown (null), not made up.
      const rows = db.prepare('SELECT * FROM snapshot_row ORDER BY snapshot_id, position').all() as Record<
        string,
        unknown
      >[];
      expect(
        rows.map((r) => ({
          ...r,
          decimals: undefined,
          direction_reason: undefined,
          england_period: undefined,
          neighbours_period: undefined,
          region_period: undefined,
          last_year_period: undefined,
          last_year_value: undefined,
        })),
      ).toEqual(
        frozen.map((r) => ({
          ...(r as object),
          decimals: undefined,
          direction_reason: undefined,
          england_period: undefined,
          neighbours_period: undefined,
          region_period: undefined,
          last_year_period: undefined,
          last_year_value: undefined,
        })),
      );
      expect(new Set(rows.map((r) => r.england_period))).toEqual(new Set([null]));
      expect(new Set(rows.map((r) => r.direction_reason))).toEqual(new Set(['']));

      // The rules the schema keeps.
      expect(() => db.prepare("UPDATE measure SET year_basis = 'lunar' WHERE id = 1").run()).toThrow(/CHECK/);
      expect(() => db.prepare('UPDATE measure SET decimals = 4 WHERE id = 1').run()).toThrow(/CHECK/);
      expect(() => db.prepare('UPDATE measure SET similar_band = -1 WHERE id = 1').run()).toThrow(/CHECK/);
      const nf = db.prepare(
        "INSERT INTO no_figure (measure_id, kind, period, symbol) VALUES (1, ?, '2023-24', ?)",
      );
      nf.run('value', 'c');
      expect(() => nf.run('value', 'x')).toThrow(/UNIQUE/);
      expect(() => nf.run('elsewhere', 'x')).toThrow(/CHECK/);
      expect(() => nf.run('england', ' ')).toThrow(/CHECK/);
      // A measure's "no figure" entries go with it.
      db.prepare('DELETE FROM no_figure').run();
    } finally {
      db.close();
    }

    // An old snapshot reads through the API with no comparator periods rather than wrong ones.
    const session = new Session('test');
    session.open(file);
    try {
      const meeting = session.ctx().db.prepare('SELECT meeting_id AS id FROM snapshot LIMIT 1').get() as {
        id: number;
      };
      const r = await dispatch(session, 'snapshot.get', { meetingId: meeting.id });
      if (!r.ok) throw new Error(r.error.message);
      const snap = (r.value as { snapshot: { rows: Record<string, unknown>[] } }).snapshot;
      expect(snap.rows[0]).toMatchObject({
        englandPeriod: null,
        decimals: null,
        directionReason: '',
        lastYear: null,
      });
    } finally {
      session.close();
    }
  });
});
