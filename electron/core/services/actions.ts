import { ApiError } from '../../../shared/api';
import type { ActionRow, ActionUpdate, ActionWithUpdates } from '../../../shared/api/actions';
import { formatDate } from '../../../shared/domain/dates';
import { daysOverdue, isOverdue, type ActionStatus } from '../../../shared/domain/overdue';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';

// The action log: every action from every meeting, its dated updates, and the "matters arising"
// view a meeting takes of the open actions of earlier meetings. Overdue is computed, never stored.

interface Row {
  id: number;
  description: string;
  owner: string;
  owner_member_id: number | null;
  due_date: string | null;
  urgency: 'high' | 'medium' | 'low';
  status: ActionStatus;
  priority_id: number | null;
  priority_title: string | null;
  meeting_id: number | null;
  meeting_date: string | null;
  meeting_status: string | null;
  agenda_item_id: number | null;
  item_position: number | null;
  item_title: string | null;
  created_at: string;
  completed_at: string | null;
}

interface UpdateRow {
  id: number;
  action_id: number;
  date: string;
  author: string;
  text: string;
  meeting_id: number | null;
  meeting_date: string | null;
  created_at: string;
}

const SELECT = `
  SELECT a.id, a.description, coalesce(mb.name, a.owner_name) AS owner, a.owner_member_id, a.due_date, a.urgency,
         a.status, a.priority_id, p.title AS priority_title, a.meeting_id, m.date AS meeting_date, m.status AS meeting_status,
         a.agenda_item_id, ai.position AS item_position, ai.title AS item_title, a.created_at, a.completed_at
  FROM action a
  LEFT JOIN member mb ON mb.id = a.owner_member_id
  LEFT JOIN priority p ON p.id = a.priority_id
  LEFT JOIN meeting m ON m.id = a.meeting_id
  LEFT JOIN agenda_item ai ON ai.id = a.agenda_item_id`;

const SELECT_UPDATES = `
  SELECT u.id, u.action_id, u.date, u.author, u.text, u.meeting_id, m.date AS meeting_date, u.created_at
  FROM action_update u LEFT JOIN meeting m ON m.id = u.meeting_id`;

function toUpdate(u: UpdateRow): ActionUpdate {
  return {
    id: u.id,
    actionId: u.action_id,
    date: u.date,
    author: u.author,
    text: u.text,
    meetingId: u.meeting_id,
    meetingDate: u.meeting_date,
    createdAt: u.created_at,
  };
}

/** Every update per action, newest first (by date, then by when it was recorded). */
function updatesByAction(ctx: Ctx, actionIds: number[] | null): Map<number, ActionUpdate[]> {
  const rows = (
    actionIds === null
      ? ctx.db.prepare(`${SELECT_UPDATES} ORDER BY u.date DESC, u.created_at DESC, u.id DESC`).all()
      : actionIds.length === 0
        ? []
        : ctx.db
            .prepare(
              `${SELECT_UPDATES} WHERE u.action_id IN (SELECT value FROM json_each(?)) ORDER BY u.date DESC, u.created_at DESC, u.id DESC`,
            )
            .all(JSON.stringify(actionIds))
  ) as UpdateRow[];
  const map = new Map<number, ActionUpdate[]>();
  for (const r of rows) {
    const list = map.get(r.action_id) ?? [];
    list.push(toUpdate(r));
    map.set(r.action_id, list);
  }
  return map;
}

function toRow(r: Row, updates: ActionUpdate[], today: string): ActionRow {
  const o = { status: r.status, dueDate: r.due_date };
  return {
    id: r.id,
    description: r.description,
    owner: r.owner,
    ownerMemberId: r.owner_member_id,
    dueDate: r.due_date,
    urgency: r.urgency,
    status: r.status,
    priorityId: r.priority_id,
    priorityTitle: r.priority_title,
    meetingId: r.meeting_id,
    meetingDate: r.meeting_date,
    agendaItemId: r.agenda_item_id,
    itemPosition: r.item_position,
    itemTitle: r.item_title,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    overdue: isOverdue(o, today),
    daysOverdue: daysOverdue(o, today),
    wordingLocked: r.meeting_status === 'minutes_approved',
    latestUpdate: updates[0] ?? null,
    updateCount: updates.length,
  };
}

/** One action with all its updates, or not_found. */
export function getAction(ctx: Ctx, actionId: number): ActionWithUpdates {
  const r = ctx.db.prepare(`${SELECT} WHERE a.id = ?`).get(actionId) as Row | undefined;
  if (!r) throw new ApiError('not_found', `There is no action with id ${actionId}`);
  const updates = updatesByAction(ctx, [actionId]).get(actionId) ?? [];
  return { ...toRow(r, updates, ctx.today()), updates };
}

/** Oldest meetings first, then agenda order, then the order actions were recorded. */
const ORDER = 'ORDER BY m.date IS NULL, m.date, ai.position, a.id';

function withUpdates(ctx: Ctx, rows: Row[]): ActionWithUpdates[] {
  const byAction = updatesByAction(
    ctx,
    rows.map((r) => r.id),
  );
  const today = ctx.today();
  return rows.map((r) => {
    const updates = byAction.get(r.id) ?? [];
    return { ...toRow(r, updates, today), updates };
  });
}

function meetingExists(ctx: Ctx, meetingId: number): { id: number; date: string; status: string } {
  const m = ctx.db.prepare('SELECT id, date, status FROM meeting WHERE id = ?').get(meetingId) as
    { id: number; date: string; status: string } | undefined;
  if (!m) throw new ApiError('not_found', `There is no meeting with id ${meetingId}`);
  return m;
}

function checkPriority(ctx: Ctx, priorityId: number | null | undefined): void {
  if (priorityId === null || priorityId === undefined) return;
  if (!ctx.db.prepare('SELECT 1 FROM priority WHERE id = ?').get(priorityId)) {
    throw new ApiError('not_found', `Priority: there is no strategy priority with id ${priorityId}`);
  }
}

const isDone = (s: ActionStatus) => s === 'complete' || s === 'closed';

/** Sets status, keeping completed_at in step: stamped when it becomes complete or closed, cleared when reopened. */
function setStatus(ctx: Ctx, actionId: number, from: ActionStatus, to: ActionStatus): void {
  if (from === to) return;
  const completedAt = isDone(to) ? (isDone(from) ? undefined : ctx.now().toISOString()) : null;
  if (completedAt === undefined)
    ctx.db.prepare('UPDATE action SET status = ? WHERE id = ?').run(to, actionId);
  else
    ctx.db
      .prepare('UPDATE action SET status = ?, completed_at = ? WHERE id = ?')
      .run(to, completedAt, actionId);
}

export const actionsHandlers: HandlerGroup<
  'actions.list' | 'action.get' | 'action.update' | 'action.addUpdate' | 'actions.mattersArising'
> = {
  'actions.list': (ctx, input) => {
    const today = ctx.today();
    const all = ctx.db.prepare(`${SELECT} ${ORDER}`).all() as Row[];
    const byAction = updatesByAction(ctx, null);
    const rows = all.map((r) => toRow(r, byAction.get(r.id) ?? [], today));
    const owner = input.owner?.toLocaleLowerCase('en-GB');
    const actions = rows.filter(
      (a) =>
        (owner === undefined || a.owner.toLocaleLowerCase('en-GB') === owner) &&
        (input.urgency === undefined || a.urgency === input.urgency) &&
        (input.status === undefined ||
          (input.status === 'outstanding' ? !isDone(a.status) : a.status === input.status)) &&
        (input.meetingId === undefined || a.meetingId === input.meetingId) &&
        (input.priorityId === undefined || a.priorityId === input.priorityId) &&
        (input.overdue === undefined || a.overdue === input.overdue),
    );
    const owners = [...new Set(rows.map((a) => a.owner))].sort((x, y) => x.localeCompare(y, 'en-GB'));
    const meetings = ctx.db
      .prepare('SELECT id, date FROM meeting WHERE id IN (SELECT meeting_id FROM action) ORDER BY date DESC')
      .all() as { id: number; date: string }[];
    const priorities = ctx.db
      .prepare('SELECT id, code, title FROM priority WHERE archived = 0 ORDER BY sort, id')
      .all() as {
      id: number;
      code: string;
      title: string;
    }[];
    const members = ctx.db.prepare('SELECT id, name FROM member ORDER BY sort, name').all() as {
      id: number;
      name: string;
    }[];
    const nextMeeting =
      (ctx.db
        .prepare(
          "SELECT id, date FROM meeting WHERE date >= ? AND status <> 'minutes_approved' ORDER BY date, start_time, id LIMIT 1",
        )
        .get(today) as { id: number; date: string } | undefined) ?? null;
    return { today, actions, owners, meetings, priorities, members, nextMeeting };
  },

  'action.get': (ctx, { id }) => getAction(ctx, id),

  'action.update': (ctx, input) => {
    const before = getAction(ctx, input.id);
    checkPriority(ctx, input.priorityId);
    if (input.owner && 'memberId' in input.owner) {
      if (!ctx.db.prepare('SELECT 1 FROM member WHERE id = ?').get(input.owner.memberId)) {
        throw new ApiError('not_found', `Owner: there is no member with id ${input.owner.memberId}`);
      }
    }
    if (input.description !== undefined && input.description !== before.description && before.wordingLocked) {
      throw new ApiError(
        'locked',
        `Description: this action was minuted at the meeting on ${formatDate(before.meetingDate)}, whose minutes are approved, so its wording cannot be changed. Record an update instead.`,
      );
    }
    const set = (col: string, value: unknown, old: unknown) => {
      if (value !== old) ctx.db.prepare(`UPDATE action SET ${col} = ? WHERE id = ?`).run(value, input.id);
    };
    if (input.description !== undefined) set('description', input.description, before.description);
    if (input.dueDate !== undefined) set('due_date', input.dueDate, before.dueDate);
    if (input.urgency !== undefined) set('urgency', input.urgency, before.urgency);
    if (input.priorityId !== undefined) set('priority_id', input.priorityId, before.priorityId);
    if (input.owner !== undefined) {
      const [memberId, name] =
        'memberId' in input.owner ? [input.owner.memberId, ''] : [null, input.owner.name];
      if (memberId !== before.ownerMemberId || (memberId === null && name !== before.owner)) {
        ctx.db
          .prepare('UPDATE action SET owner_member_id = ?, owner_name = ? WHERE id = ?')
          .run(memberId, name, input.id);
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
    ctx.db
      .prepare(
        'INSERT INTO action_update (action_id, date, author, text, meeting_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(input.actionId, date, author, input.text, meetingId, ctx.now().toISOString());
    if (input.status !== undefined && input.status !== before.status)
      setStatus(ctx, input.actionId, before.status, input.status);
    return getAction(ctx, input.actionId);
  },

  'actions.mattersArising': (ctx, { meetingId }) => {
    const m = meetingExists(ctx, meetingId);
    const open = ctx.db
      .prepare(`${SELECT} WHERE m.date < ? AND a.status IN ('open', 'in_progress') ${ORDER}`)
      .all(m.date) as Row[];
    const completedHere = ctx.db
      .prepare(
        `${SELECT} WHERE m.date < ? AND a.status IN ('complete', 'closed')
           AND EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id AND u.meeting_id = ?) ${ORDER}`,
      )
      .all(m.date, meetingId) as Row[];
    return {
      meeting: { id: m.id, date: m.date, status: m.status, locked: m.status === 'minutes_approved' },
      today: ctx.today(),
      open: withUpdates(ctx, open),
      completedHere: withUpdates(ctx, completedHere),
    };
  },
};
