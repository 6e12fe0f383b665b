import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Session } from '../../electron/core/session';
import { latestSchemaVersion, migrations } from '../../electron/core/store/migrations';
import { nativeBinding } from '../../electron/core/store/native';
import { DEMO_TODAY, tempDir } from '../helpers';
import { boardContents, makeOldBoard } from '../support/old-board';

// Migration 0014: an item's minutes are indexed for search after the save, not in it. A save of
// minutes notes the item's row as behind (search_index_stale); a change of title still rewrites
// the row at once; deleting an item takes out its row and its note. No row of the board changes,
// and the index is left as it was (complete).

const indexRows = (db: Database.Database) =>
  db.prepare('SELECT rowid, title, body FROM search_index ORDER BY rowid').all();
const match = (db: Database.Database, word: string) =>
  (
    db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid').all(word) as {
      rowid: number;
    }[]
  ).map((r) => r.rowid);
const behind = (db: Database.Database) =>
  (db.prepare('SELECT rowid FROM search_index_stale ORDER BY rowid').all() as { rowid: number }[]).map(
    (r) => r.rowid,
  );

describe('migration 0014: the search index off the keystroke', () => {
  it('upgrades a board from the schema before it; saves of minutes are noted, titles indexed at once', () => {
    const step = migrations.findIndex((m) => m.name === '0014-search-index-off-the-keystroke');
    expect(step).toBeGreaterThan(0);
    const file = path.join(tempDir(), 'before.cpb');
    makeOldBoard(file, step, DEMO_TODAY);
    const old = new Database(file, { nativeBinding: nativeBinding() });
    const before = boardContents(old);
    const indexBefore = indexRows(old);
    old.close();

    process.env.CPB_TODAY = DEMO_TODAY;
    const session = new Session('test');
    session.open(file);
    const db = session.ctx().db;
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      const after = boardContents(db);
      for (const [t, rows] of Object.entries(before))
        if (t !== 'file_check') expect(after[t], t).toEqual(rows); // (when the file was last checked)
      expect(indexRows(db)).toEqual(indexBefore);
      expect(behind(db)).toEqual([]);

      const [a, b] = db
        .prepare(
          "SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.status = 'minutes_draft' ORDER BY a.id LIMIT 2",
        )
        .all() as { id: number }[];
      // Minutes saved: the row is noted as behind, and the index still holds the old text.
      db.prepare("UPDATE agenda_item SET minutes_text = 'The gerbil plan.' WHERE id = ?").run(a!.id);
      db.prepare("UPDATE agenda_item SET minutes_text = 'The gerbil plan, again.' WHERE id = ?").run(a!.id);
      expect(behind(db)).toEqual([a!.id * 16 + 1]);
      expect(match(db, 'gerbil')).toEqual([]);
      // Saved unchanged (the same text): nothing to note.
      db.prepare('UPDATE agenda_item SET minutes_text = minutes_text WHERE id = ?').run(b!.id);
      expect(behind(db)).toEqual([a!.id * 16 + 1]);
      // A new title: the row is rewritten now, with the minutes as they are, and no longer behind.
      db.prepare("UPDATE agenda_item SET title = 'Hamster matters' WHERE id = ?").run(a!.id);
      expect(behind(db)).toEqual([]);
      expect(match(db, 'gerbil')).toEqual([a!.id * 16 + 1]);
      expect(match(db, 'hamster')).toEqual([a!.id * 16 + 1]);
      // Deleted (behind or not): its row and its note go.
      db.prepare("UPDATE agenda_item SET minutes_text = 'The vole plan.' WHERE id = ?").run(b!.id);
      expect(behind(db)).toEqual([b!.id * 16 + 1]);
      db.pragma('foreign_keys = OFF');
      db.prepare('DELETE FROM agenda_item WHERE id = ?').run(b!.id);
      db.pragma('foreign_keys = ON');
      expect(behind(db)).toEqual([]);
      expect(
        db.prepare('SELECT count(*) AS n FROM search_index WHERE rowid = ?').get(b!.id * 16 + 1),
      ).toEqual({
        n: 0,
      });
    } finally {
      session.close();
    }
  });
});
