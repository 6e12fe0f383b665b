import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeDemoBoard } from '../../electron/core/demo/index';
import { migrate, openBoardFile } from '../../electron/core/store/board-file';
import { latestSchemaVersion, migrations } from '../../electron/core/store/migrations';
import { nativeBinding } from '../../electron/core/store/native';
import { DEMO_TODAY, tempDir } from '../helpers';

describe('migration 0012: the clerk’s meeting (declaration types, presence, votes, forward plan, visits)', () => {
  it('upgrades a board from the schema before it, keeping its record, locks and bin', () => {
    const step = migrations.findIndex((m) => m.name === '0012-clerks-meeting');
    expect(step).toBeGreaterThan(0);
    const file = path.join(tempDir(), 'before.cpb');
    const old = new Database(file, { nativeBinding: nativeBinding() });
    old.pragma('foreign_keys = ON');
    // The demo as an earlier version wrote it (its writer reads today's columns, so it is written
    // at schema 8, before the columns it would look for), then brought to the schema before 0012.
    migrate(old, file, new Date('2026-01-01T00:00:00Z'), migrations.slice(0, 8));
    writeDemoBoard(old, { today: DEMO_TODAY });
    migrate(old, ':memory:', new Date('2026-01-01T00:00:00Z'), migrations.slice(0, step));
    expect(old.pragma('user_version', { simple: true })).toBe(step);
    // Something in the bin, to be kept across the bin's rebuild.
    old
      .prepare(
        "INSERT INTO bin (kind, record_id, label, deleted_at, rows) VALUES ('voice', 99, 'An entry', '2026-11-01T10:00:00Z', '[]')",
      )
      .run();
    const declarations = old
      .prepare('SELECT id, member_id, agenda_item_id, nature FROM declaration ORDER BY id')
      .all();
    const attendance = old
      .prepare('SELECT meeting_id, member_id, status FROM attendance ORDER BY 1, 2')
      .all();
    const approved = old
      .prepare("SELECT id FROM meeting WHERE status = 'minutes_approved' ORDER BY date")
      .all() as {
      id: number;
    }[];
    old.close();

    const db = openBoardFile(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(
        db.prepare('SELECT id, member_id, agenda_item_id, nature FROM declaration ORDER BY id').all(),
      ).toEqual(declarations);
      // Declarations made before types were recorded have none; nobody withdrew.
      expect(db.prepare('SELECT DISTINCT kind, withdrew, dispensation FROM declaration').all()).toEqual([
        { kind: null, withdrew: 0, dispensation: 0 },
      ]);
      expect(db.prepare('SELECT meeting_id, member_id, status FROM attendance ORDER BY 1, 2').all()).toEqual(
        attendance,
      );
      expect(
        db
          .prepare(
            'SELECT DISTINCT remote, arrived_at, arrived_item_id, left_at, left_item_id FROM attendance',
          )
          .all(),
      ).toEqual([{ remote: 0, arrived_at: null, arrived_item_id: null, left_at: null, left_item_id: null }]);
      // Remote attendance does not count unless the board says so.
      expect(db.prepare('SELECT quorum_counts_remote AS r FROM board').get()).toEqual({ r: 0 });
      expect(
        db.prepare("SELECT approval_amendments AS a FROM meeting WHERE status = 'minutes_approved'").all(),
      ).toEqual(approved.map(() => ({ a: '' })));
      // The bin kept its entry and now takes visits.
      expect(db.prepare('SELECT kind, record_id, label FROM bin').all()).toEqual([
        { kind: 'voice', record_id: 99, label: 'An entry' },
      ]);
      db.prepare(
        "INSERT INTO bin (kind, record_id, label, deleted_at, rows) VALUES ('visit', 1, 'Visit to Oak House', '2026-11-02T10:00:00Z', '[]')",
      ).run();
      // The default standing reports are there.
      expect((db.prepare('SELECT count(*) AS n FROM standing_report').get() as { n: number }).n).toBe(11);

      // A vote on a decision of approved minutes is refused by the database itself.
      const lockedDecision = (
        db
          .prepare(
            'SELECT d.id FROM decision d JOIN agenda_item a ON a.id = d.agenda_item_id WHERE a.meeting_id = ? LIMIT 1',
          )
          .get(approved[0]!.id) as { id: number }
      ).id;
      const vote = db.prepare(
        'INSERT INTO decision_vote (decision_id, votes_for, votes_against, abstentions) VALUES (?, 3, 0, 0)',
      );
      expect(() => vote.run(lockedDecision)).toThrow(/approved and locked/);
      expect(() =>
        db
          .prepare("INSERT INTO decision_voter (decision_id, member_id, vote) VALUES (?, 1, 'for')")
          .run(lockedDecision),
      ).toThrow(/approved and locked/);
      // A casting vote only on a tie; counts not negative.
      const draftDecision = (
        db
          .prepare(
            "SELECT d.id FROM decision d JOIN agenda_item a ON a.id = d.agenda_item_id JOIN meeting m ON m.id = a.meeting_id WHERE m.status = 'minutes_draft' LIMIT 1",
          )
          .get() as { id: number }
      ).id;
      expect(() =>
        db
          .prepare(
            "INSERT INTO decision_vote (decision_id, votes_for, votes_against, abstentions, casting_vote) VALUES (?, 3, 1, 0, 'for')",
          )
          .run(draftDecision),
      ).toThrow(/CHECK/);
      vote.run(draftDecision);
      // Attendance of approved minutes stays locked, new columns and all.
      expect(() =>
        db.prepare('UPDATE attendance SET remote = 1 WHERE meeting_id = ?').run(approved[0]!.id),
      ).toThrow(/approved and locked/);
      // An approved meeting's amendments cannot be rewritten afterwards.
      expect(() =>
        db.prepare("UPDATE meeting SET approval_amendments = 'later' WHERE id = ?").run(approved[0]!.id),
      ).toThrow(/approved and locked/);
    } finally {
      db.close();
    }
  });
});
