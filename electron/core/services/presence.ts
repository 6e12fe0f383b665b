/**
 * Who was in the room for each item: remote attendance, late arrivals and early departures. The
 * quorum for an item, and who may vote on it, follow from these (shared/domain/item-quorum.ts).
 */
import { ApiError } from '../../../shared/api';
import { meetingStatusLabels } from '../../../shared/api/meetings';
import { formatDate } from '../../../shared/domain/dates';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import { itemById, type MeetingRowDb } from '../store/meetings';
import { setPresence } from '../store/record';
import { meetingRow, onMeeting, touch } from './meetings';
import { mustBeInAttendance } from './record-rules';

/** 'HH:MM' on the board's clock, in local time (as the minutes record times). */
export function clockTime(ctx: Ctx): string {
  const d = ctx.now();
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The item's position on this meeting's agenda, or a refusal naming the field. */
function positionOn(ctx: Ctx, m: MeetingRowDb, itemId: number, field: string): number {
  const it = itemById(ctx.db, itemId);
  if (!it) throw new ApiError('not_found', `${field}: there is no agenda item with id ${itemId}`);
  if (it.meeting_id !== m.id)
    throw new ApiError('conflict', `${field}: agenda item ${itemId} belongs to another meeting`);
  return it.position;
}

export const presenceHandlers: HandlerGroup<'attendance.setPresence'> = {
  'attendance.setPresence': (ctx, input) => {
    const m = meetingRow(ctx, input.meetingId);
    if (m.status === 'draft')
      throw new ApiError(
        'conflict',
        `The meeting on ${formatDate(m.date)} is at “${meetingStatusLabels[m.status]}”: publish its agenda before recording attendance`,
      );
    if ((input.arrived || input.left) && m.status !== 'in_progress' && m.status !== 'minutes_draft')
      throw new ApiError(
        'conflict',
        `Late arrivals and early departures are recorded once the meeting has started; the meeting on ${formatDate(m.date)} is at “${meetingStatusLabels[m.status]}”`,
      );
    mustBeInAttendance(ctx, m, input.memberId, 'attend remotely, arrive late or leave early');
    const arrivedAt = input.arrived ? positionOn(ctx, m, input.arrived.itemId, 'arrived.itemId') : null;
    const leftAt = input.left ? positionOn(ctx, m, input.left.itemId, 'left.itemId') : null;
    if (arrivedAt !== null && leftAt !== null && leftAt < arrivedAt)
      throw new ApiError(
        'invalid_input',
        `left.itemId: a member cannot leave (during item ${leftAt}) before arriving (during item ${arrivedAt})`,
        [{ path: 'left.itemId', message: `must be item ${arrivedAt} or later, when they had arrived` }],
      );
    const now = clockTime(ctx);
    const arrivedTime = input.arrived ? (input.arrived.time ?? now) : null;
    const leftTime = input.left ? (input.left.time ?? now) : null;
    if (arrivedTime !== null && leftTime !== null && leftTime < arrivedTime)
      throw new ApiError('invalid_input', `left.time: ${leftTime} is before they arrived at ${arrivedTime}`, [
        { path: 'left.time', message: `must be ${arrivedTime} or later, when they arrived` },
      ]);
    onMeeting(ctx, m.id, () => {
      setPresence(ctx.db, m.id, input.memberId, {
        remote: input.remote,
        arrivedAt: arrivedTime,
        arrivedItemId: input.arrived?.itemId ?? null,
        leftAt: leftTime,
        leftItemId: input.left?.itemId ?? null,
      });
      touch(ctx, m.id);
    });
    return { ok: true as const };
  },
};
