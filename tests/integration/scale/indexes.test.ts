import { describe, expect, it } from 'vitest';
import { openMemoryBoard } from '../../../electron/core/store/board-file';

// Every foreign key is the first column of an index, so a lookup of a record's children, a
// cascade or a SET NULL on delete, and the foreign key check of a full integrity check are each
// an index search, never a scan of the child table (migration 0010).

describe('indexes for scale', () => {
  const db = openMemoryBoard();
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);

  it('index the first column of every foreign key', () => {
    const missing: string[] = [];
    for (const t of tables) {
      const fks = db.prepare(`SELECT "from" FROM pragma_foreign_key_list('${t}')`).all() as {
        from: string;
      }[];
      const firsts = (
        db.prepare(`SELECT name FROM pragma_index_list('${t}')`).all() as { name: string }[]
      ).map(
        (i) =>
          (
            db.prepare(`SELECT name FROM pragma_index_info('${i.name}')`).all() as { name: string | null }[]
          )[0]?.name,
      );
      const pk = (
        db.prepare(`SELECT name FROM pragma_table_info('${t}') WHERE pk = 1`).all() as { name: string }[]
      ).map((c) => c.name);
      for (const fk of fks)
        if (!firsts.includes(fk.from) && pk[0] !== fk.from) missing.push(`${t}.${fk.from}`);
    }
    expect(missing).toEqual([]);
  });

  it.each([
    [
      'the overdue actions',
      "SELECT id FROM action WHERE status IN ('open', 'in_progress') AND due_date < '2026-01-01'",
    ],
    [
      'an action’s latest update',
      'SELECT id FROM action_update WHERE action_id = 1 ORDER BY date DESC, created_at DESC, id DESC LIMIT 1',
    ],
    [
      'a measure’s figures in period order',
      'SELECT value FROM measure_value WHERE measure_id = 1 ORDER BY period_key',
    ],
    [
      'voice entries by status, newest first',
      "SELECT id FROM voice_entry WHERE status = 'open' ORDER BY said_date DESC",
    ],
    ['meetings by date', "SELECT id FROM meeting WHERE date >= '2026-01-01' ORDER BY date LIMIT 1"],
  ])('%s: searched by an index, not scanned', (_what, sql) => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail);
    expect(plan.filter((d) => /^SCAN /.test(d))).toEqual([]);
    expect(plan.join(' ')).toMatch(/^SEARCH \w+ USING (COVERING )?INDEX/);
  });
});
