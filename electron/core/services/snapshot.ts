import { ApiError } from '../../../shared/api';
import { formatDate } from '../../../shared/domain/dates';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import { scorecard } from '../queries/scorecard';
import { meetingSnapshot, snapshotsByMeeting } from '../queries/snapshot';
import { meetingById, meetingSummaries, type MeetingRowDb } from '../store/meetings';
import { deleteSnapshotsOfMeeting, insertSnapshot, insertSnapshotRow } from '../store/snapshots';

function meeting(ctx: Ctx, id: number): MeetingRowDb {
  const m = meetingById(ctx.db, id);
  if (!m) throw new ApiError('not_found', `meetingId: there is no meeting with id ${id}`);
  return m;
}

const meetingRef = (m: Pick<MeetingRowDb, 'id' | 'date' | 'start_time' | 'type' | 'status'>) => ({
  id: m.id,
  date: m.date,
  startTime: m.start_time,
  type: m.type,
  status: m.status,
});

export const snapshotHandlers: HandlerGroup<'snapshot.freeze' | 'snapshot.get' | 'snapshot.list'> = {
  'snapshot.freeze': (ctx, input) => {
    const m = meeting(ctx, input.meetingId);
    if (m.status === 'minutes_approved')
      throw new ApiError(
        'locked',
        `The minutes of the meeting on ${formatDate(m.date)} are approved, so its scorecard snapshot can no longer be frozen or replaced`,
      );
    const card = scorecard(ctx.db);
    const takenAt = ctx.now().toISOString();
    const title = `Scorecard for the meeting on ${formatDate(m.date)}`;
    // Rows are frozen against UPDATE; replacing a whole snapshot before approval is a delete and insert.
    deleteSnapshotsOfMeeting(ctx.db, m.id);
    const id = insertSnapshot(ctx.db, m.id, title, takenAt);
    let position = 0;
    for (const g of card.groups)
      for (const r of g.rows) {
        position += 1;
        insertSnapshotRow(ctx.db, id, {
          position,
          measure_id: r.measureId,
          priority_title: g.priorityTitle,
          code: r.code,
          title: r.title,
          unit: r.unit,
          polarity: r.polarity,
          target: r.target,
          period: r.latest?.period ?? null,
          value: r.latest?.value ?? null,
          previous_period: r.previous?.period ?? null,
          previous_value: r.previous?.value ?? null,
          rag: r.rag,
          direction: r.direction,
          england: r.england?.value ?? null,
          neighbours: r.neighbours?.value ?? null,
          region: r.region?.value ?? null,
          england_period: r.england?.period ?? null,
          neighbours_period: r.neighbours?.period ?? null,
          region_period: r.region?.period ?? null,
          decimals: r.decimals,
          direction_reason: r.directionReason,
          last_year_period: r.lastYear?.period ?? null,
          last_year_value: r.lastYear?.value ?? null,
          commentary_working: r.commentary.working,
          commentary_worried: r.commentary.worried,
          commentary_next: r.commentary.next,
        });
      }
    return { id, title, takenAt, rowCount: position };
  },

  'snapshot.get': (ctx, input) => {
    const m = meeting(ctx, input.meetingId);
    return { meeting: meetingRef(m), snapshot: meetingSnapshot(ctx.db, m.id) };
  },

  'snapshot.list': (ctx) => {
    const snapshots = snapshotsByMeeting(ctx.db);
    // Newest first.
    return meetingSummaries(ctx.db)
      .reverse()
      .map((m) => ({ ...meetingRef(m), snapshot: snapshots.get(m.id) ?? null }));
  },
};
