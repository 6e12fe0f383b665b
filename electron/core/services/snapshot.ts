import { ApiError } from '../../../shared/api';
import type { SnapshotRow } from '../../../shared/api/scorecard';
import { formatDate } from '../../../shared/domain/dates';
import { previousPeriod, parsePeriod } from '../../../shared/domain/periods';
import type { Direction, Polarity, Rag } from '../../../shared/domain/rag';
import type { Unit } from '../../../shared/domain/format';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import { buildScorecard } from './scorecard';

interface MeetingRow {
  id: number;
  date: string;
  start_time: string;
  type: 'ordinary' | 'extraordinary';
  status: 'draft' | 'agenda_published' | 'in_progress' | 'minutes_draft' | 'minutes_approved';
}

interface SnapshotHead {
  id: number;
  title: string;
  taken_at: string;
  row_count: number;
}

function meeting(ctx: Ctx, id: number): MeetingRow {
  const m = ctx.db.prepare('SELECT id, date, start_time, type, status FROM meeting WHERE id = ?').get(id) as
    MeetingRow | undefined;
  if (!m) throw new ApiError('not_found', `meetingId: there is no meeting with id ${id}`);
  return m;
}

const meetingRef = (m: MeetingRow) => ({
  id: m.id,
  date: m.date,
  startTime: m.start_time,
  type: m.type,
  status: m.status,
});

const headOf = (ctx: Ctx, meetingId: number): SnapshotHead | undefined =>
  ctx.db
    .prepare(
      `SELECT s.id, s.title, s.taken_at, (SELECT count(*) FROM snapshot_row r WHERE r.snapshot_id = s.id) AS row_count
       FROM snapshot s WHERE s.meeting_id = ? ORDER BY s.id DESC LIMIT 1`,
    )
    .get(meetingId) as SnapshotHead | undefined;

const info = (h: SnapshotHead) => ({ id: h.id, title: h.title, takenAt: h.taken_at, rowCount: h.row_count });

/** True when the stored previous period is not the one just before the latest (a gap in the series). */
function gapBetween(period: string | null, previous: string | null): boolean {
  if (!period || !previous || !parsePeriod(period)) return false;
  return previousPeriod(period) !== previous;
}

interface StoredRow {
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
  commentary_working: string;
  commentary_worried: string;
  commentary_next: string;
}

/** A meeting's frozen rows, in scorecard order; null when none was frozen. */
export function snapshotRows(ctx: Ctx, snapshotId: number): SnapshotRow[] {
  const rows = ctx.db
    .prepare('SELECT * FROM snapshot_row WHERE snapshot_id = ? ORDER BY position')
    .all(snapshotId) as StoredRow[];
  return rows.map((r) => ({
    position: r.position,
    measureId: r.measure_id,
    priorityTitle: r.priority_title,
    code: r.code,
    title: r.title,
    unit: r.unit,
    polarity: r.polarity,
    target: r.target,
    latest: r.period !== null && r.value !== null ? { period: r.period, value: r.value } : null,
    previous:
      r.previous_period !== null && r.previous_value !== null
        ? { period: r.previous_period, value: r.previous_value }
        : null,
    rag: r.rag,
    direction: r.direction,
    gap: gapBetween(r.period, r.previous_period),
    england: r.england,
    neighbours: r.neighbours,
    region: r.region,
    commentary: { working: r.commentary_working, worried: r.commentary_worried, next: r.commentary_next },
  }));
}

export const snapshotHandlers: HandlerGroup<'snapshot.freeze' | 'snapshot.get' | 'snapshot.list'> = {
  'snapshot.freeze': (ctx, input) => {
    const m = meeting(ctx, input.meetingId);
    if (m.status === 'minutes_approved')
      throw new ApiError(
        'locked',
        `The minutes of the meeting on ${formatDate(m.date)} are approved, so its scorecard snapshot can no longer be frozen or replaced`,
      );
    const card = buildScorecard(ctx);
    const takenAt = ctx.now().toISOString();
    const title = `Scorecard for the meeting on ${formatDate(m.date)}`;
    // Rows are frozen against UPDATE; replacing a whole snapshot before approval is a delete and insert.
    ctx.db.prepare('DELETE FROM snapshot WHERE meeting_id = ?').run(m.id);
    const id = Number(
      ctx.db
        .prepare('INSERT INTO snapshot (meeting_id, title, taken_at) VALUES (?, ?, ?)')
        .run(m.id, title, takenAt).lastInsertRowid,
    );
    const ins = ctx.db.prepare(
      `INSERT INTO snapshot_row (snapshot_id, position, measure_id, priority_title, code, title, unit, polarity, target,
         period, value, previous_period, previous_value, rag, direction, england, neighbours, region,
         commentary_working, commentary_worried, commentary_next)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let position = 0;
    for (const g of card.groups)
      for (const r of g.rows) {
        position += 1;
        ins.run(
          id,
          position,
          r.measureId,
          g.priorityTitle,
          r.code,
          r.title,
          r.unit,
          r.polarity,
          r.target,
          r.latest?.period ?? null,
          r.latest?.value ?? null,
          r.previous?.period ?? null,
          r.previous?.value ?? null,
          r.rag,
          r.direction,
          r.england?.value ?? null,
          r.neighbours?.value ?? null,
          r.region?.value ?? null,
          r.commentary.working,
          r.commentary.worried,
          r.commentary.next,
        );
      }
    return { id, title, takenAt, rowCount: position };
  },

  'snapshot.get': (ctx, input) => {
    const m = meeting(ctx, input.meetingId);
    const h = headOf(ctx, m.id);
    return { meeting: meetingRef(m), snapshot: h ? { ...info(h), rows: snapshotRows(ctx, h.id) } : null };
  },

  'snapshot.list': (ctx) => {
    const meetings = ctx.db
      .prepare('SELECT id, date, start_time, type, status FROM meeting ORDER BY date DESC, start_time DESC')
      .all() as MeetingRow[];
    return meetings.map((m) => {
      const h = headOf(ctx, m.id);
      return { ...meetingRef(m), snapshot: h ? info(h) : null };
    });
  },
};
