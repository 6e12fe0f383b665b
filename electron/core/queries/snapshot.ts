/** A meeting's frozen scorecard, as the snapshot screen and the Word documents read it. */
import type { SnapshotRow } from '../../../shared/api/scorecard';
import { parsePeriod, previousPeriod } from '../../../shared/domain/periods';
import type { Direction } from '../../../shared/domain/rag';
import type { DB } from '../store/board-file';
import { latestSnapshots, snapshotOfMeeting, snapshotRows, type SnapshotHeadRow } from '../store/snapshots';

export interface SnapshotInfo {
  id: number;
  title: string;
  takenAt: string;
  rowCount: number;
}

export interface MeetingSnapshot extends SnapshotInfo {
  rows: SnapshotRow[];
}

const info = (h: SnapshotHeadRow): SnapshotInfo => ({
  id: h.id,
  title: h.title,
  takenAt: h.taken_at,
  rowCount: h.row_count,
});

/** True when the stored previous period is not the one just before the latest (a gap in the series). */
function gapBetween(period: string | null, previous: string | null): boolean {
  if (!period || !previous || !parsePeriod(period)) return false;
  return previousPeriod(period) !== previous;
}

const DIRECTIONS: readonly Direction[] = [
  'improving',
  'worsening',
  'similar',
  'no_change',
  'up',
  'down',
  'not_comparable',
];

/** The scorecard frozen for a meeting, in scorecard order; null when none was frozen. */
export function meetingSnapshot(db: DB, meetingId: number): MeetingSnapshot | null {
  const h = snapshotOfMeeting(db, meetingId);
  if (!h) return null;
  const rows = snapshotRows(db, h.id).map((r): SnapshotRow => ({
    position: r.position,
    measureId: r.measure_id,
    priorityTitle: r.priority_title,
    code: r.code,
    title: r.title,
    unit: r.unit,
    polarity: r.polarity,
    target: r.target,
    decimals: r.decimals,
    latest: r.period !== null && r.value !== null ? { period: r.period, value: r.value } : null,
    previous:
      r.previous_period !== null && r.previous_value !== null
        ? { period: r.previous_period, value: r.previous_value }
        : null,
    rag: r.rag,
    // A row frozen by an older version may carry a direction this one does not know.
    direction: DIRECTIONS.includes(r.direction) ? r.direction : 'not_comparable',
    gap: gapBetween(r.period, r.previous_period),
    directionReason: r.direction_reason,
    lastYear:
      r.last_year_period !== null && r.last_year_value !== null
        ? { period: r.last_year_period, value: r.last_year_value }
        : null,
    england: r.england,
    neighbours: r.neighbours,
    region: r.region,
    englandPeriod: r.england_period,
    neighboursPeriod: r.neighbours_period,
    regionPeriod: r.region_period,
    commentary: { working: r.commentary_working, worried: r.commentary_worried, next: r.commentary_next },
  }));
  return { ...info(h), rows };
}

/** Each meeting's snapshot heading (without rows), by meeting id. */
export function snapshotsByMeeting(db: DB): Map<number, SnapshotInfo> {
  return new Map(latestSnapshots(db).map((h) => [h.meeting_id, info(h)]));
}
