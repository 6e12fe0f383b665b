import { ApiError } from '../../../shared/api';
import type { ActionChoices, ActionWithUpdates } from '../../../shared/api/actions';
import { formatDate } from '../../../shared/domain/dates';
import type { ActionStatus } from '../../../shared/domain/overdue';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import { actionLogPage, actionRecord, withUpdates, type ActionRecord } from '../queries/actions';
import {
  actionOwners,
  actionsCompletedAt,
  insertActionUpdate,
  meetingsWithActions,
  openActionsBefore,
  setActionField,
  setActionOwner,
  setActionStatus,
} from '../store/actions';
import { allMembers, memberRow } from '../store/board';
import { meetingById, nextMeetingFrom, type MeetingRowDb } from '../store/meetings';
import { livePriorities, priorityExists } from '../store/strategy';
import { staleSave } from './revisions';

// The action log: every action from every meeting, its dated updates, and the "matters arising"
// view a meeting takes of the open actions of earlier meetings. Overdue is computed, never stored.

/** The API's view of an action record (documents also get the Part B flag and the priority code). */
const forApi = ({
  itemExempt: _exempt,
  priorityCode: _code,
  agreed: _agreed,
  ...a
}: ActionRecord): ActionWithUpdates => a;

/** One action with all its updates, or not_found. */
export function getAction(ctx: Ctx, actionId: number): ActionWithUpdates {
  const r = actionRecord(ctx.db, actionId, ctx.today());
  if (!r) throw new ApiError('not_found', `There is no action with id ${actionId}`);
  return forApi(r);
}

function meetingExists(ctx: Ctx, meetingId: number): MeetingRowDb {
  const m = meetingById(ctx.db, meetingId);
  if (!m) throw new ApiError('not_found', `There is no meeting with id ${meetingId}`);
  return m;
}

function checkPriority(ctx: Ctx, priorityId: number | null | undefined): void {
  if (priorityId === null || priorityId === undefined) return;
  if (!priorityExists(ctx.db, priorityId)) {
    throw new ApiError('not_found', `Priority: there is no strategy priority with id ${priorityId}`);
  }
}

const isDone = (s: ActionStatus) => s === 'complete' || s === 'closed';

/** Sets status, keeping completed_at in step: stamped when it becomes complete or closed, cleared when reopened. */
function setStatus(ctx: Ctx, actionId: number, from: ActionStatus, to: ActionStatus): void {
  if (from === to) return;
  const completedAt = isDone(to) ? (isDone(from) ? undefined : ctx.now().toISOString()) : null;
  setActionStatus(ctx.db, actionId, to, completedAt);
}

/** The action log's filter choices and what an action can be given (actions.choices). */
function actionChoicesOf(ctx: Ctx): ActionChoices {
  const owners = actionOwners(ctx.db).sort((x, y) => x.localeCompare(y, 'en-GB'));
  const next = nextMeetingFrom(ctx.db, ctx.today(), ['minutes_approved']);
  return {
    owners,
    meetings: meetingsWithActions(ctx.db),
    priorities: livePriorities(ctx.db),
    members: allMembers(ctx.db).map((m) => ({ id: m.id, name: m.name })),
    nextMeeting: next ? { id: next.id, date: next.date } : null,
  };
}

export const actionsHandlers: HandlerGroup<
  | 'actions.list'
  | 'actions.choices'
  | 'action.get'
  | 'action.update'
  | 'action.addUpdate'
  | 'actions.mattersArising'
> = {
  'actions.list': (ctx, input) => {
    const today = ctx.today();
    const { sort = 'meeting', desc = false, offset = 0, limit, choices, ...filter } = input;
    // Filters, order and the page are worked out by the database; only the page's rows are read.
    const page = actionLogPage(ctx.db, today, filter, { sort, desc, offset, limit: limit ?? null });
    return {
      today,
      actions: page.rows,
      total: page.total,
      overdueCount: page.overdue,
      offset,
      ...(choices === false ? {} : actionChoicesOf(ctx)),
    };
  },

  'actions.choices': (ctx) => actionChoicesOf(ctx),

  'action.get': (ctx, { id }) => getAction(ctx, id),

  'action.update': (ctx, input) => {
    const before = getAction(ctx, input.id);
    // A change made from an older copy (another tab, window or computer saved since) is refused.
    if (input.baseRevision !== undefined && input.baseRevision !== before.revision)
      throw staleSave('this action', before);
    checkPriority(ctx, input.priorityId);
    if (input.owner && 'memberId' in input.owner) {
      if (!memberRow(ctx.db, input.owner.memberId)) {
        throw new ApiError('not_found', `Owner: there is no member with id ${input.owner.memberId}`);
      }
    }
    if (input.description !== undefined && input.description !== before.description && before.wordingLocked) {
      throw new ApiError(
        'locked',
        `Description: this action was minuted at the meeting on ${formatDate(before.meetingDate)}, whose minutes are approved, so its wording cannot be changed. Record an update instead.`,
      );
    }
    const set = (col: Parameters<typeof setActionField>[2], value: unknown, old: unknown) => {
      if (value !== old) setActionField(ctx.db, input.id, col, value);
    };
    if (input.description !== undefined) set('description', input.description, before.description);
    if (input.dueDate !== undefined) set('due_date', input.dueDate, before.dueDate);
    if (input.urgency !== undefined) set('urgency', input.urgency, before.urgency);
    if (input.priorityId !== undefined) set('priority_id', input.priorityId, before.priorityId);
    if (input.owner !== undefined) {
      const [memberId, name] =
        'memberId' in input.owner ? [input.owner.memberId, ''] : [null, input.owner.name];
      if (memberId !== before.ownerMemberId || (memberId === null && name !== before.owner)) {
        setActionOwner(ctx.db, input.id, memberId, name);
      }
    }
    if (input.status !== undefined && input.status !== before.status)
      setStatus(ctx, input.id, before.status, input.status);
    return getAction(ctx, input.id);
  },

  'action.addUpdate': (ctx, input) => {
    const before = getAction(ctx, input.actionId);
    const meetingId = input.meetingId ?? null;
    if (meetingId !== null) {
      const m = meetingExists(ctx, meetingId);
      if (m.status === 'minutes_approved') {
        throw new ApiError(
          'locked',
          `Meeting: the minutes of the meeting on ${formatDate(m.date)} are approved, so no update can be recorded at it. Record the update without a meeting.`,
        );
      }
    }
    const author = input.author && input.author.length > 0 ? input.author : before.owner;
    const date = input.date ?? ctx.today();
    insertActionUpdate(ctx.db, {
      actionId: input.actionId,
      date,
      author,
      text: input.text,
      meetingId,
      createdAt: ctx.now().toISOString(),
    });
    if (input.status !== undefined && input.status !== before.status)
      setStatus(ctx, input.actionId, before.status, input.status);
    return getAction(ctx, input.actionId);
  },

  'actions.mattersArising': (ctx, { meetingId }) => {
    const m = meetingExists(ctx, meetingId);
    const today = ctx.today();
    return {
      meeting: { id: m.id, date: m.date, status: m.status, locked: m.status === 'minutes_approved' },
      today,
      open: withUpdates(ctx.db, openActionsBefore(ctx.db, m.date), today).map(forApi),
      completedHere: withUpdates(ctx.db, actionsCompletedAt(ctx.db, m), today).map(forApi),
    };
  },
};
