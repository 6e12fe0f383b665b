import Database from 'better-sqlite3';
import { writeDemoBoard } from '../../electron/core/demo/index';
import { migrate } from '../../electron/core/store/board-file';
import { migrations } from '../../electron/core/store/migrations';
import { nativeBinding } from '../../electron/core/store/native';

/**
 * A board file as an older version of CPB left it: the schema after migration `version`, holding
 * what that version could hold (the demo board where it fits, else just the board's name).
 */
export function makeOldBoard(file: string, version: number, today = '2026-11-23'): void {
  const db = new Database(file, { nativeBinding: nativeBinding() });
  try {
    db.pragma('foreign_keys = ON');
    migrate(db, file, new Date('2026-01-01T00:00:00Z'), migrations.slice(0, version));
    try {
      writeDemoBoard(db, { today });
    } catch {
      db.prepare(
        "INSERT INTO board (id, authority, name, created_at) VALUES (1, 'Oldshire', 'Old Board', '2025-01-01T00:00:00Z')",
      ).run();
    }
    db.pragma('journal_mode = WAL'); // as every version of CPB has kept its boards
  } finally {
    db.close();
  }
}

/** Every row of every table of the record (not the search index, not SQLite's own), by table. */
export function boardContents(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' ORDER BY name",
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
  );
}
