import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeDemoBoard } from '../../electron/core/demo/index';
import { migrate, openBoardFile } from '../../electron/core/store/board-file';
import { latestSchemaVersion, migrations } from '../../electron/core/store/migrations';
import { nativeBinding } from '../../electron/core/store/native';
import { DEMO_TODAY, tempDir } from '../helpers';

describe('migration 0009: what the published minutes and agenda pack need', () => {
  it('keeps each Part B item’s paragraph as a number, fixes approved minutes’ numbers, and adds the settings', () => {
    const step = migrations.findIndex((m) => m.name === '0009-documents-a-council-publishes');
    expect(step).toBeGreaterThan(0);
    const file = path.join(tempDir(), 'before.cpb');
    const old = new Database(file, { nativeBinding: nativeBinding() });
    old.pragma('foreign_keys = ON');
    migrate(old, file, new Date('2026-01-01T00:00:00Z'), migrations.slice(0, step));
    writeDemoBoard(old, { today: DEMO_TODAY });
    // Free-text paragraphs as clerks typed them, on the meeting whose minutes are still open.
    const draft = (
      old.prepare("SELECT id FROM meeting WHERE status = 'minutes_draft'").get() as { id: number }
    ).id;
    const add = old.prepare(
      "INSERT INTO agenda_item (meeting_id, position, kind, title, exempt, exempt_paragraph) VALUES (?, ?, 'other', ?, ?, ?)",
    );
    const typed: [string, number, string, number | null][] = [
      ['Para 3', 1, 'Para 3 (commercial)', 3],
      ['Ten', 1, 'Paragraph 10', null],
      ['Seven', 1, '7 — crime', 7],
      ['Unreadable', 1, 'exempt under the Act', null],
      ['Out of range', 1, 'Paragraph 9', null],
      ['Not Part B', 0, 'Paragraph 2', null],
    ];
    typed.forEach(([title, exempt, text], k) => add.run(draft, 100 + k, title, exempt, text));
    const approved = old
      .prepare("SELECT id FROM meeting WHERE status = 'minutes_approved' ORDER BY date")
      .all() as { id: number }[];
    const itemsOf = (id: number) =>
      (old.prepare('SELECT count(*) AS n FROM agenda_item WHERE meeting_id = ?').get(id) as { n: number }).n;
    const firstCount = itemsOf(approved[0]!.id);
    old.close();

    const db = openBoardFile(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      // The demo's Part B item said "Paragraph 1 — information relating to an individual".
      expect(
        db
          .prepare(
            "SELECT exempt_para FROM agenda_item WHERE title = 'Emergency placement of Young Person K'",
          )
          .get(),
      ).toEqual({
        exempt_para: 1,
      });
      for (const [title, , , want] of typed)
        expect(db.prepare('SELECT exempt_para FROM agenda_item WHERE title = ?').get(title), title).toEqual({
          exempt_para: want,
        });
      // The free-text column is gone (its number moved); the public title starts empty.
      const cols = (db.pragma('table_info(agenda_item)') as { name: string }[]).map((c) => c.name);
      expect(cols).not.toContain('exempt_paragraph');
      expect(cols).toEqual(
        expect.arrayContaining(['exempt_para', 'public_title', 'report_author', 'recommendations']),
      );
      // Approved minutes take the numbers they would have had: CPB/26/27 from 1, then on from there.
      expect(
        db
          .prepare(
            "SELECT minute_series, minute_start FROM meeting WHERE status = 'minutes_approved' ORDER BY date",
          )
          .all(),
      ).toEqual([
        { minute_series: 'CPB/26/27', minute_start: 1 },
        { minute_series: 'CPB/26/27', minute_start: 1 + firstCount },
      ]);
      expect(
        db
          .prepare(
            "SELECT count(*) AS n FROM meeting WHERE status <> 'minutes_approved' AND minute_start IS NOT NULL",
          )
          .get(),
      ).toEqual({ n: 0 });
      // The board's settings: young people by first name, minutes numbered CPB from May.
      expect(
        db
          .prepare(
            'SELECT young_people_first_names, minute_prefix, year_start_month, contact_name FROM board',
          )
          .get(),
      ).toEqual({ young_people_first_names: 1, minute_prefix: 'CPB', year_start_month: 5, contact_name: '' });
      // Approved minutes are still locked, item and meeting alike.
      const lockedItem = (
        db
          .prepare(
            "SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.status = 'minutes_approved' LIMIT 1",
          )
          .get() as { id: number }
      ).id;
      expect(() =>
        db.prepare("UPDATE agenda_item SET public_title = 'x' WHERE id = ?").run(lockedItem),
      ).toThrow(/approved and locked/);
      expect(() =>
        db.prepare("UPDATE meeting SET closing_time = '12:00' WHERE id = ?").run(approved[0]!.id),
      ).toThrow(/approved and locked/);
      // The new columns check what they hold.
      expect(() => db.prepare("UPDATE meeting SET closing_time = '25:00' WHERE id = ?").run(draft)).toThrow(
        /CHECK/,
      );
      expect(() => db.prepare('UPDATE board SET year_start_month = 13').run()).toThrow(/CHECK/);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
