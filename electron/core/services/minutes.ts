import { ApiError } from '../../../shared/api';
import {
  meetingStatusLabels,
  minutesDocJson,
  minutesDocText,
  resolutionText,
  type MinutesNode,
} from '../../../shared/api/meetings';
import { formatDate } from '../../../shared/domain/dates';
import type { HandlerGroup } from '../handler-types';
import type { Ctx } from '../context';
import { itemMeeting, itemRow, lockedMessage, meetingRow, onMeeting, touch } from './meetings';
import { approver, mustBeQuorateToDecide } from './record-rules';
import { baseOf, staleSave } from './revisions';
import { actionById, deleteAction, insertAction } from '../store/actions';
import { memberRow } from '../store/board';
import { measureById } from '../store/measures';
import { setActionMeasure, setDecisionMeasure } from '../store/walk';
import {
  approveMeetingMinutes,
  decisionById,
  deleteDecision,
  firstPriorityOfItem,
  insertAmendment,
  insertDecision,
  minutesItemOf,
  saveItemMinutes,
  updateDecision,
  decisionNow,
} from '../store/meetings';
import { meetingLabel, toBin } from './to-bin';
import { minuteNumbering } from '../queries/minute-numbers';

/** The minutes as they now stand, for a conflict: what the other person saved. */
function currentMinutes(ctx: Ctx, itemId: number) {
  const now = itemRow(ctx, itemId);
  return {
    revision: now.minutes_revision,
    doc: now.minutes_doc === '' ? null : (JSON.parse(now.minutes_doc) as unknown),
    text: now.minutes_text,
  };
}

function decisionRow(ctx: Ctx, id: number) {
  const d = decisionById(ctx.db, id);
  if (!d) throw new ApiError('not_found', `There is no decision with id ${id}`);
  return d;
}

function resolution(text: string): string {
  const t = resolutionText(text);
  if (t === '')
    throw new ApiError('invalid_input', 'text: write what was resolved after “RESOLVED that”', [
      { path: 'text', message: 'must say what was resolved' },
    ]);
  return t;
}

function addDecision(ctx: Ctx, itemId: number, text: string): number {
  return insertDecision(ctx.db, itemId, text);
}

/** A decision or action tied to a measure: the measure must exist and the item be the scorecard item. */
function measureFor(ctx: Ctx, it: { kind: string; title: string }, measureId: number | null | undefined) {
  if (measureId === null || measureId === undefined) return null;
  if (it.kind !== 'scorecard')
    throw new ApiError(
      'conflict',
      `measureId: only the performance scorecard item minutes decisions and actions against a measure, not “${it.title}”`,
    );
  const m = measureById(ctx.db, measureId);
  if (!m) throw new ApiError('not_found', `measureId: there is no measure with id ${measureId}`);
  return m;
}

/**
 * The resolution the approving meeting records: "…be approved as a correct record." or, with
 * amendments, "…be approved as a correct record, subject to the following amendments: …".
 */
export function approvalResolution(date: string, amendments: string): string {
  const base = `the minutes of the meeting held on ${formatDate(date)} be approved as a correct record`;
  if (amendments === '') return `${base}.`;
  const text = /[.!?]$/.test(amendments) ? amendments : `${amendments}.`;
  return `${base}, subject to the following amendments: ${text}`;
}

type MinutesHandlers =
  | 'item.saveMinutes'
  | 'decision.add'
  | 'decision.update'
  | 'decision.delete'
  | 'meeting.addAction'
  | 'meeting.deleteAction'
  | 'meeting.approveMinutes'
  | 'minutes.amend';

export const minutesHandlers: HandlerGroup<MinutesHandlers> = {
  'item.saveMinutes': (ctx, input) => {
    const it = { id: input.itemId, meeting_id: itemMeeting(ctx, input.itemId) };
    const savedAt = ctx.now().toISOString();
    const revision = onMeeting(ctx, it.meeting_id, () => {
      const saved = saveItemMinutes(
        ctx.db,
        it.id,
        minutesDocJson(input.doc),
        minutesDocText(input.doc as unknown as MinutesNode),
        baseOf(input),
      );
      if (saved === null) throw staleSave('these minutes', currentMinutes(ctx, it.id));
      touch(ctx, it.meeting_id);
      return saved;
    });
    return { savedAt, revision };
  },

  'decision.add': (ctx, input) => {
    const it = itemRow(ctx, input.itemId);
    const text = resolution(input.text);
    mustBeQuorateToDecide(ctx, meetingRow(ctx, it.meeting_id), it.id);
    const measure = measureFor(ctx, it, input.measureId);
    const id = onMeeting(ctx, it.meeting_id, () => {
      const newId = addDecision(ctx, it.id, text);
      if (measure) setDecisionMeasure(ctx.db, newId, measure.id);
      touch(ctx, it.meeting_id);
      return newId;
    });
    return { id };
  },

  'decision.update': (ctx, input) => {
    const d = decisionRow(ctx, input.id);
    const text = resolution(input.text);
    const revision = onMeeting(ctx, d.meeting_id, () => {
      const saved = updateDecision(ctx.db, d.id, text, baseOf(input));
      if (saved === null) throw staleSave('this decision', decisionNow(ctx.db, d.id));
      touch(ctx, d.meeting_id);
      return saved;
    });
    return { ok: true as const, revision };
  },

  'decision.delete': (ctx, input) => {
    const d = decisionRow(ctx, input.id);
    onMeeting(ctx, d.meeting_id, () => {
      toBin(ctx, 'decision', d.id, d.text, meetingLabel(ctx, d.meeting_id));
      deleteDecision(ctx.db, d.id);
      touch(ctx, d.meeting_id);
    });
    return { ok: true as const };
  },

  'meeting.addAction': (ctx, input) => {
    const it = itemRow(ctx, input.itemId);
    let ownerName = input.ownerName.trim();
    if (input.ownerMemberId !== null) {
      if (!memberRow(ctx.db, input.ownerMemberId))
        throw new ApiError('not_found', `ownerMemberId: there is no member with id ${input.ownerMemberId}`);
      ownerName = '';
    }
    const measure = measureFor(ctx, it, input.measureId);
    // An action about a measure serves that measure's priority when the item has none of its own.
    const priorityId = firstPriorityOfItem(ctx.db, it.id) ?? measure?.priority_id ?? null;
    const id = onMeeting(ctx, it.meeting_id, () => {
      const newId = insertAction(ctx.db, {
        meetingId: it.meeting_id,
        itemId: it.id,
        description: input.description,
        ownerMemberId: input.ownerMemberId,
        ownerName,
        dueDate: input.dueDate,
        urgency: input.urgency,
        priorityId,
        createdAt: ctx.now().toISOString(),
      });
      if (measure) setActionMeasure(ctx.db, newId, measure.id);
      touch(ctx, it.meeting_id);
      return newId;
    });
    return { id };
  },

  'meeting.deleteAction': (ctx, input) => {
    const a = actionById(ctx.db, input.id);
    if (!a) throw new ApiError('not_found', `There is no action with id ${input.id}`);
    if (a.meeting_id === null)
      throw new ApiError(
        'conflict',
        'This action was not recorded at a meeting; close it in the action log instead',
      );
    const m = meetingRow(ctx, a.meeting_id);
    if (m.status === 'minutes_approved')
      throw new ApiError('locked', `${lockedMessage(m)}; close the action in the action log instead`);
    onMeeting(ctx, m.id, () => {
      toBin(ctx, 'action', a.id, a.description, meetingLabel(ctx, m.id));
      deleteAction(ctx.db, a.id);
      touch(ctx, m.id);
    });
    return { ok: true as const };
  },

  'meeting.approveMinutes': (ctx, input) => {
    const earlier = meetingRow(ctx, input.meetingId);
    const at = meetingRow(ctx, input.atMeetingId);
    if (earlier.id === at.id)
      throw new ApiError(
        'conflict',
        'A meeting’s minutes are approved at a later meeting, not at the same one',
      );
    if (earlier.status === 'minutes_approved') {
      throw new ApiError(
        'conflict',
        `The minutes of the meeting on ${formatDate(earlier.date)} are already approved`,
      );
    }
    if (earlier.status !== 'minutes_draft') {
      throw new ApiError(
        'conflict',
        `The meeting on ${formatDate(earlier.date)} is at “${meetingStatusLabels[earlier.status]}”: end it so its minutes are in draft before approving them`,
      );
    }
    if (at.date < earlier.date || (at.date === earlier.date && at.id < earlier.id)) {
      throw new ApiError(
        'conflict',
        `The meeting on ${formatDate(at.date)} comes before the meeting on ${formatDate(earlier.date)}; approve minutes at a later meeting`,
      );
    }
    if (at.status === 'minutes_approved') throw new ApiError('locked', lockedMessage(at));
    // The person who chaired the approving meeting approves, never the computer's login.
    const approvedBy = approver(ctx, at);
    const approvedAt = ctx.now().toISOString();
    const minutesItem = minutesItemOf(ctx.db, at.id);
    const amendments = (input.amendments ?? '').trim();
    onMeeting(ctx, at.id, () => {
      if (minutesItem !== undefined)
        addDecision(ctx, minutesItem, approvalResolution(earlier.date, amendments));
      touch(ctx, at.id);
      // The minute numbers are fixed now, so the approved minutes never renumber.
      const numbers = minuteNumbering(ctx.db, earlier.id);
      approveMeetingMinutes(ctx.db, earlier.id, {
        approvedAt,
        approvedBy,
        atMeetingId: at.id,
        minuteSeries: numbers.series,
        minuteStart: numbers.start,
        amendments,
      });
    });
    return { approvedAt, approvedBy };
  },

  'minutes.amend': (ctx, input) => {
    const m = meetingRow(ctx, input.meetingId);
    if (m.status !== 'minutes_approved') {
      throw new ApiError(
        'conflict',
        `The minutes of the meeting on ${formatDate(m.date)} are not approved yet: correct them directly`,
      );
    }
    if (input.itemId !== null && itemRow(ctx, input.itemId).meeting_id !== m.id) {
      throw new ApiError('conflict', `itemId: agenda item ${input.itemId} belongs to another meeting`);
    }
    const newId = insertAmendment(ctx.db, {
      meetingId: m.id,
      itemId: input.itemId,
      text: input.text,
      author: ctx.actor,
      createdAt: ctx.now().toISOString(),
    });
    const id = newId;
    return { id };
  },
};
