import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeDemoBoard } from '../../electron/core/demo/index';
import { dispatch } from '../../electron/core/dispatch';
import { Session } from '../../electron/core/session';
import { migrate } from '../../electron/core/store/board-file';
import { latestSchemaVersion, migrations } from '../../electron/core/store/migrations';
import { nativeBinding } from '../../electron/core/store/native';
import { periodSortKey } from '../../shared/domain/period-key';
import { DEMO_TODAY, tempDir } from '../helpers';
import { boardContents } from '../support/old-board';

// Migration 0010 (scale): indexes, sortable period keys filled in for every figure already held,
// and the search index rebuilt (keyed by rowid, with stemming, members and papers) from the
// records already there. No row of the board changes.

describe('migration 0013: twenty years at day-one speed', () => {
  it('upgrades a board from the schema before it, filling in period keys and the new search index', async () => {
    const step = migrations.findIndex((m) => m.name === '0013-scale');
    expect(step).toBeGreaterThan(0);
    const file = path.join(tempDir(), 'before.cpb');
    const old = new Database(file, { nativeBinding: nativeBinding() });
    old.pragma('foreign_keys = ON');
    migrate(old, file, new Date('2026-01-01T00:00:00Z'), migrations.slice(0, step));
    writeDemoBoard(old, { today: DEMO_TODAY });
    // A free-text period that cannot be read (stored before periods were checked) keeps its place: last.
    const measure = (old.prepare('SELECT id FROM measure ORDER BY id LIMIT 1').get() as { id: number }).id;
    old
      .prepare("INSERT INTO measure_value (measure_id, period, value) VALUES (?, 'Spring term', 1)")
      .run(measure);
    const paper = old.prepare('SELECT id, label FROM agenda_paper ORDER BY id LIMIT 1').get() as
      { id: number; label: string } | undefined;
    const before = boardContents(old);
    old.close();

    process.env.CPB_TODAY = DEMO_TODAY;
    const session = new Session('test');
    session.open(file);
    const db = session.ctx().db;
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      // Every row reads as it did (later migrations may add columns; the old ones are unchanged).
      const after = boardContents(db);
      for (const [t, rows] of Object.entries(before)) {
        const columns = Object.keys((rows as Record<string, unknown>[])[0] ?? {});
        const now = (after[t] ?? []).map((r) =>
          Object.fromEntries(columns.map((c) => [c, (r as Record<string, unknown>)[c]])),
        );
        expect(now, t).toEqual(rows);
      }
      // Period keys for every figure, comparator and cohort count, computed from the period.
      for (const t of ['measure_value', 'comparator', 'cohort_value']) {
        const rows = db.prepare(`SELECT period, period_key FROM ${t}`).all() as {
          period: string;
          period_key: string;
        }[];
        expect(rows.length, t).toBeGreaterThan(0);
        for (const r of rows) expect(r.period_key, `${t} ${r.period}`).toBe(periodSortKey(r.period));
      }
      expect(
        (
          db.prepare("SELECT period_key FROM measure_value WHERE period = 'Spring term'").get() as {
            period_key: string;
          }
        ).period_key,
      ).toBe('~Spring term');
      // The search index holds every record again, and finds the old minutes with stemming.
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      const indexed = count('SELECT count(*) AS n FROM search_index');
      const records =
        count('SELECT count(*) AS n FROM agenda_item') +
        count('SELECT count(*) AS n FROM decision') +
        count('SELECT count(*) AS n FROM action') +
        count('SELECT count(*) AS n FROM action_update') +
        count('SELECT count(*) AS n FROM measure') +
        count('SELECT count(*) AS n FROM voice_entry') +
        count('SELECT count(*) AS n FROM member') +
        count('SELECT count(*) AS n FROM agenda_paper');
      expect(indexed).toBe(records);
      const r = await dispatch(session, 'search.query', { q: 'placements' });
      expect(r.ok).toBe(true);
      if (r.ok) expect((r.value as { total: number }).total).toBeGreaterThan(0);
      const member = db.prepare('SELECT id, name FROM member ORDER BY id LIMIT 1').get() as {
        id: number;
        name: string;
      };
      const byName = await dispatch(session, 'search.query', { q: member.name });
      expect(byName.ok && (byName.value as { hits: { kind: string; refId: number }[] }).hits).toContainEqual(
        expect.objectContaining({ kind: 'member', refId: member.id }),
      );
      if (paper) {
        const byPaper = await dispatch(session, 'search.query', { q: `"${paper.label}"` });
        expect(
          byPaper.ok && (byPaper.value as { hits: { kind: string; refId: number }[] }).hits,
        ).toContainEqual(expect.objectContaining({ kind: 'paper', refId: paper.id }));
      }
      // The indexes the migration adds.
      const indexes = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]
      ).map((i) => i.name);
      expect(indexes).toEqual(
        expect.arrayContaining([
          'action_status_due',
          'action_update_latest',
          'action_owner',
          'measure_value_key',
          'comparator_key',
          'voice_entry_said',
          'meeting_date',
          'declaration_member',
          'attendance_member',
        ]),
      );
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      session.close();
    }
  });

  it('fills in a period key when a writer leaves it out (a row from the bin, an older script)', () => {
    const session = new Session('test');
    const file = path.join(tempDir(), 'keys.cpb');
    session.open(file, { create: true });
    const db = session.ctx().db;
    try {
      db.prepare(
        "INSERT INTO measure (code, title, unit, polarity) VALUES ('M1', 'A measure', 'number', 'higher')",
      ).run();
      db.prepare("INSERT INTO measure_value (measure_id, period, value) VALUES (1, '2024-25 Q3', 5)").run();
      db.prepare(
        "INSERT INTO comparator (measure_id, kind, period, value) VALUES (1, 'england', '2024-25', 5)",
      ).run();
      db.prepare(
        "INSERT INTO cohort_value (period, breakdown, category, count) VALUES ('2024-25 Q3', 'gender', 'Female', 5)",
      ).run();
      expect(db.prepare('SELECT period_key FROM measure_value').get()).toEqual({
        period_key: '2024-10-01/2024-12-31/1',
      });
      expect(db.prepare('SELECT period_key FROM comparator').get()).toEqual({
        period_key: '2024-04-01/2025-03-31/0',
      });
      expect(db.prepare('SELECT period_key FROM cohort_value').get()).toEqual({
        period_key: '2024-10-01/2024-12-31/1',
      });
    } finally {
      session.close();
    }
  });
});
