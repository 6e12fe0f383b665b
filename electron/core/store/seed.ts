/** Writing a new board file from the demo or a template: a generic insert and the few fixed updates. */
import type { DB } from './board-file';
import { all, get, run } from './sql';

export type SeedRow = Record<string, string | number | null>;

/** INSERT one row (columns named by its keys); returns its rowid. */
export function insertRow(db: DB, table: string, row: SeedRow): number {
  const cols = Object.keys(row);
  const sql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
  return run(db, sql, ...cols.map((c) => row[c] ?? null)).lastId;
}

/** How many boards the file holds: a demo or template is only written into an empty one. */
export const boardCount = (db: DB): number => get<{ n: number }>(db, 'SELECT count(*) AS n FROM board')!.n;

export const tableHasColumn = (db: DB, table: string, column: string): boolean =>
  all<{ name: string }>(db, `SELECT name FROM pragma_table_info('${table}')`).some((c) => c.name === column);

/** Each meeting whose minutes are in draft takes the board's quorum rule as the one in force on the day. */
export const fixDraftMeetingsQuorum = (db: DB): void => {
  run(
    db,
    `UPDATE meeting SET quorum_count = b.quorum_count, quorum_role = b.quorum_role, quorum_voting_only = b.quorum_voting_only
       FROM (SELECT quorum_count, quorum_role, quorum_voting_only FROM board WHERE id = 1) AS b WHERE meeting.status = 'minutes_draft'`,
  );
};

/** Marks a meeting's minutes approved, at a later meeting, signed by the chair. */
export const approveSeedMinutes = (
  db: DB,
  a: { meetingId: number; at: string; by: string; atMeetingId: number },
): void => {
  run(
    db,
    "UPDATE meeting SET status = 'minutes_approved', approved_at = ?, approved_by = ?, approved_at_meeting_id = ?, updated_at = ? WHERE id = ?",
    a.at,
    a.by,
    a.atMeetingId,
    a.at,
    a.meetingId,
  );
};

/** Seeds a meeting's fixed minute numbers, just before it is approved. */
export const seedMinuteNumbers = (db: DB, meetingId: number, series: string, start: number): void => {
  run(db, 'UPDATE meeting SET minute_series = ?, minute_start = ? WHERE id = ?', series, start, meetingId);
};
