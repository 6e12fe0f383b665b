/**
 * The rules of the record (issue 11), checked by the services before they write. Each refusal
 * says what is wrong and what to do, in words a clerk understands.
 */
import { ApiError } from '../../../shared/api';
import { meetingStatusLabels } from '../../../shared/api/meetings';
import { formatDate } from '../../../shared/domain/dates';
import type { Ctx } from '../context';
import { quorumOf } from '../queries/quorum';
import { memberRow } from '../store/board';
import { itemQuorumOf } from '../queries/item-quorum';
import {
  attendanceOfMeeting,
  itemById,
  meetingById,
  minutesItemOf,
  type MeetingRowDb,
} from '../store/meetings';

/** The quorum that applies to an item (who was in the room when it concluded), or to the whole meeting. */
function quorumFor(ctx: Ctx, m: MeetingRowDb, itemId: number | undefined) {
  if (itemId === undefined) return { ...quorumOf(ctx.db, m.id), notes: [] as string[], where: '' };
  const q = itemQuorumOf(ctx.db, m.id, itemId, ctx.today());
  return { ...q, where: ` for item ${itemById(ctx.db, itemId)?.position ?? itemId}` };
}

/** "(Not quorate: 2 of 3 …; Cllr A withdrew for this item)" */
const quorumWords = (q: { text: string; notes: string[] }) => [q.text, ...q.notes].join('; ');

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
  // Judged on the "minutes of the last meeting" item, where the approval is made.
  const quorum = quorumFor(ctx, at, minutesItemOf(ctx.db, at.id));
  if (!quorum.met)
    throw new ApiError(
      'conflict',
      `The meeting on ${when} is not quorate${quorum.where} (${quorumWords(quorum)}), so it cannot approve minutes. Record attendance first.`,
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

/**
 * Decisions are taken only while the meeting is quorate (once it has started): for the item they
 * are taken on, counting who was in the room when it concluded.
 */
export function mustBeQuorateToDecide(ctx: Ctx, m: MeetingRowDb, itemId?: number): void {
  if (m.status !== 'in_progress' && m.status !== 'minutes_draft') return;
  const quorum = quorumFor(ctx, m, itemId);
  if (!quorum.met)
    throw new ApiError(
      'conflict',
      `The meeting on ${formatDate(m.date)} is not quorate${quorum.where} (${quorumWords(quorum)}), so no decision can be recorded. Record attendance first.`,
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

/** A member must be recorded as present (or as a substitute) before anything about their presence. */
export function mustBeInAttendance(ctx: Ctx, m: MeetingRowDb, memberId: number, what: string): void {
  const a = attendanceOfMeeting(ctx.db, m.id).find((x) => x.member_id === memberId);
  if (!a || (a.status !== 'present' && a.status !== 'substitute'))
    throw new ApiError(
      'conflict',
      `${a?.name ?? memberRow(ctx.db, memberId)?.name ?? `Member ${memberId}`} is not recorded as present at the meeting on ${formatDate(m.date)}${a ? ` (recorded: ${a.status})` : ''}, so cannot ${what}. Record their attendance first.`,
    );
}
