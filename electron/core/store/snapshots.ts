/** Scorecard snapshots: every measure's row frozen for one meeting. */
import type { Unit } from '../../../shared/domain/format';
import type { Direction, Polarity, Rag } from '../../../shared/domain/rag';
import type { DB } from './board-file';
import { all, get, run } from './sql';

export interface SnapshotHeadRow {
  id: number;
  meeting_id: number;
  title: string;
  taken_at: string;
  row_count: number;
}

const HEAD = `SELECT s.id, s.meeting_id, s.title, s.taken_at,
  (SELECT count(*) FROM snapshot_row r WHERE r.snapshot_id = s.id) AS row_count FROM snapshot s`;

/** A meeting's snapshot (the newest, should there be several). */
export const snapshotOfMeeting = (db: DB, meetingId: number): SnapshotHeadRow | undefined =>
  get<SnapshotHeadRow>(db, `${HEAD} WHERE s.meeting_id = ? ORDER BY s.id DESC LIMIT 1`, meetingId);

/** The newest snapshot of every meeting that has one. */
export const latestSnapshots = (db: DB): SnapshotHeadRow[] =>
  all<SnapshotHeadRow>(
    db,
    `${HEAD} WHERE s.id IN (SELECT max(id) FROM snapshot WHERE meeting_id IS NOT NULL GROUP BY meeting_id)`,
  );

export interface SnapshotRowRow {
  position: number;
  measure_id: number | null;
  priority_title: string;
  code: string;
  title: string;
  unit: Unit;
  polarity: Polarity;
  target: number | null;
  period: string | null;
  value: number | null;
  previous_period: string | null;
  previous_value: number | null;
  rag: Rag;
  direction: Direction;
  england: number | null;
  neighbours: number | null;
  region: number | null;
  england_period: string | null;
  neighbours_period: string | null;
  region_period: string | null;
  decimals: number | null;
  direction_reason: string;
  last_year_period: string | null;
  last_year_value: number | null;
  commentary_working: string;
  commentary_worried: string;
  commentary_next: string;
}

export const snapshotRows = (db: DB, snapshotId: number): SnapshotRowRow[] =>
  all<SnapshotRowRow>(
    db,
    `SELECT position, measure_id, priority_title, code, title, unit, polarity, target, period, value,
            previous_period, previous_value, rag, direction, england, neighbours, region,
            england_period, neighbours_period, region_period, decimals, direction_reason,
            last_year_period, last_year_value, commentary_working, commentary_worried, commentary_next
     FROM snapshot_row WHERE snapshot_id = ? ORDER BY position`,
    snapshotId,
  );

export const snapshotIdsOfMeeting = (db: DB, meetingId: number): number[] =>
  all<{ id: number }>(db, 'SELECT id FROM snapshot WHERE meeting_id = ?', meetingId).map((r) => r.id);

/** Rows are frozen against UPDATE: replacing a snapshot is a delete and an insert. */
export const deleteSnapshotsOfMeeting = (db: DB, meetingId: number): void => {
  run(db, 'DELETE FROM snapshot WHERE meeting_id = ?', meetingId);
};

export const insertSnapshot = (db: DB, meetingId: number, title: string, takenAt: string): number =>
  run(db, 'INSERT INTO snapshot (meeting_id, title, taken_at) VALUES (?, ?, ?)', meetingId, title, takenAt)
    .lastId;

export function insertSnapshotRow(db: DB, snapshotId: number, r: SnapshotRowRow): void {
  run(
    db,
    `INSERT INTO snapshot_row (snapshot_id, position, measure_id, priority_title, code, title, unit, polarity, target,
       period, value, previous_period, previous_value, rag, direction, england, neighbours, region,
       england_period, neighbours_period, region_period, decimals, direction_reason, last_year_period, last_year_value,
       commentary_working, commentary_worried, commentary_next)
     VALUES (@snapshot_id, @position, @measure_id, @priority_title, @code, @title, @unit, @polarity, @target,
       @period, @value, @previous_period, @previous_value, @rag, @direction, @england, @neighbours, @region,
       @england_period, @neighbours_period, @region_period, @decimals, @direction_reason, @last_year_period,
       @last_year_value, @commentary_working, @commentary_worried, @commentary_next)`,
    { snapshot_id: snapshotId, ...r },
  );
}
