/**
 * The rules of the record (issue 11), checked by the services before they write. Each refusal
 * says what is wrong and what to do, in words a clerk understands.
 */
import { ApiError } from '../../../shared/api';
import { meetingStatusLabels } from '../../../shared/api/meetings';
import { formatDate } from '../../../shared/domain/dates';
import type { Ctx } from '../context';
import { quorumOf } from '../queries/quorum';
import { attendanceOfMeeting, itemById, meetingById, type MeetingRowDb } from '../store/meetings';

/** A meeting has started (its record is being made) once it is in progress or its minutes are drafted. */
export const hasStarted = (m: Pick<MeetingRowDb, 'status'>): boolean =>
  m.status === 'in_progress' || m.status === 'minutes_draft' || m.status === 'minutes_approved';

/**
 * A meeting is started on its day. Starting it earlier needs a reason, which is kept with the
 * meeting and shown in its record. Returns the reason to record ('' when on or after the day).
 */
export function earlyStartReason(ctx: Ctx, m: MeetingRowDb, early: { reason: string } | undefined): string {
  const today = ctx.today();
  if (today >= m.date) return '';
  if (!early || early.reason.trim() === '')
    throw new ApiError(
      'conflict',
      `The meeting on ${formatDate(m.date)} cannot be started before its day (today is ${formatDate(today)}). To start it early, give the reason; it is kept with the minutes.`,
    );
  return early.reason.trim();
}

/**
 * Minutes are approved at a later meeting that is in progress or held, quorate, and chaired by
 * someone recorded as present. Returns who approved them: the chair of that meeting.
 */
export function approver(ctx: Ctx, at: MeetingRowDb): string {
  const when = formatDate(at.date);
  if (at.status !== 'in_progress' && at.status !== 'minutes_draft')
    throw new ApiError(
      'conflict',
      `Minutes can only be approved at a meeting that is in progress or has been held; the meeting on ${when} is at “${meetingStatusLabels[at.status]}”`,
    );
  const quorum = quorumOf(ctx.db, at.id);
  if (!quorum.met)
    throw new ApiError(
      'conflict',
      `The meeting on ${when} is not quorate (${quorum.text}), so it cannot approve minutes. Record attendance first.`,
    );
  if (at.chair_member_id === null || at.chair === null)
    throw new ApiError(
      'conflict',
      `The meeting on ${when} has no chair recorded; the chair approves the minutes. Set the chair first.`,
    );
  const chair = attendanceOfMeeting(ctx.db, at.id).find((a) => a.member_id === at.chair_member_id);
  if (!chair || (chair.status !== 'present' && chair.status !== 'substitute'))
    throw new ApiError(
      'conflict',
      `${at.chair}, the chair of the meeting on ${when}, is not recorded as present; the minutes are approved by the person chairing the meeting. Record the chair's attendance (or change the chair) first.`,
    );
  return `${at.chair} (Chair)`;
}

/** Decisions are taken only while the meeting is quorate (once it has started). */
export function mustBeQuorateToDecide(ctx: Ctx, m: MeetingRowDb): void {
  if (m.status !== 'in_progress' && m.status !== 'minutes_draft') return;
  const quorum = quorumOf(ctx.db, m.id);
  if (!quorum.met)
    throw new ApiError(
      'conflict',
      `The meeting on ${formatDate(m.date)} is not quorate (${quorum.text}), so no decision can be recorded. Record attendance first.`,
    );
}

/** An approved meeting's items keep the links they were approved with (the database enforces it too). */
export function itemLinksOpen(ctx: Ctx, itemId: number): void {
  const it = itemById(ctx.db, itemId);
  const m = it ? meetingById(ctx.db, it.meeting_id) : undefined;
  if (m?.status === 'minutes_approved')
    throw new ApiError(
      'locked',
      `Item ${it!.position} belongs to the meeting on ${formatDate(m.date)}, whose minutes are approved and locked, so its links cannot change; record a correction as an amendment`,
    );
}
