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
