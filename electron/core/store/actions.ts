/** Actions arising from meetings and their dated updates. */
import type { ActionStatus } from '../../../shared/domain/overdue';
import type { DB } from './board-file';
import { all, get, idList, run } from './sql';

export interface ActionRowDb {
  id: number;
  description: string;
  owner: string;
  owner_member_id: number | null;
  due_date: string | null;
  urgency: 'high' | 'medium' | 'low';
  status: ActionStatus;
  priority_id: number | null;
  priority_code: string | null;
  priority_title: string | null;
  meeting_id: number | null;
  meeting_date: string | null;
  meeting_status: string | null;
  agenda_item_id: number | null;
  item_position: number | null;
  item_title: string | null;
  /** Part B: the action's own flag (kept when its item is removed), or its item's. */
  item_exempt: number;
  created_at: string;
  completed_at: string | null;
  /** Bumped by the database on every change a person makes (migration 0008): a save's base. */
  revision: number;
  /** The action as agreed at the meeting (frozen when its minutes are approved). */
  agreed_description: string;
  agreed_owner: string;
  agreed_owner_member_id: number | null;
  agreed_due_date: string | null;
  agreed_urgency: 'high' | 'medium' | 'low';
  agreed_priority_id: number | null;
  agreed_priority_code: string | null;
  agreed_priority_title: string | null;
  /** The member visit the action follows up (migration 0012), if any. */
  visit_id: number | null;
  visit_setting: string | null;
  visit_date: string | null;
}

const SELECT = `
  SELECT a.id, a.description, coalesce(mb.name, a.owner_name) AS owner, a.owner_member_id, a.due_date, a.urgency,
         a.status, a.priority_id, p.code AS priority_code, p.title AS priority_title, a.meeting_id,
         m.date AS meeting_date, m.status AS meeting_status, a.agenda_item_id, ai.position AS item_position,
         ai.title AS item_title, max(a.exempt, ifnull(ai.exempt, 0)) AS item_exempt, a.created_at, a.completed_at,
         a.revision,
         coalesce(a.agreed_description, a.description) AS agreed_description,
         coalesce(a.agreed_owner_name, mb.name, a.owner_name) AS agreed_owner,
         CASE WHEN a.agreed_description IS NULL THEN a.owner_member_id ELSE a.agreed_owner_member_id END AS agreed_owner_member_id,
         CASE WHEN a.agreed_description IS NULL THEN a.due_date ELSE a.agreed_due_date END AS agreed_due_date,
         coalesce(a.agreed_urgency, a.urgency) AS agreed_urgency,
         CASE WHEN a.agreed_description IS NULL THEN a.priority_id ELSE a.agreed_priority_id END AS agreed_priority_id,
         ap.code AS agreed_priority_code, ap.title AS agreed_priority_title,
         a.member_visit_id AS visit_id, mv.setting AS visit_setting, mv.visit_date
  FROM action a
  LEFT JOIN member mb ON mb.id = a.owner_member_id
  LEFT JOIN priority p ON p.id = a.priority_id
  LEFT JOIN priority ap ON ap.id = CASE WHEN a.agreed_description IS NULL THEN a.priority_id ELSE a.agreed_priority_id END
  LEFT JOIN meeting m ON m.id = a.meeting_id
  LEFT JOIN agenda_item ai ON ai.id = a.agenda_item_id
  LEFT JOIN member_visit mv ON mv.id = a.member_visit_id`;

/** Oldest meetings first, then agenda order, then the order actions were recorded. */
const ORDER = 'ORDER BY m.date IS NULL, m.date, ai.position, a.id';

export const actionById = (db: DB, id: number): ActionRowDb | undefined =>
  get<ActionRowDb>(db, `${SELECT} WHERE a.id = ?`, id);

export const allActions = (db: DB): ActionRowDb[] => all<ActionRowDb>(db, `${SELECT} ${ORDER}`);

/** Actions recorded at a meeting or against one of its items, in agenda order. */
export const actionsOfMeeting = (db: DB, meetingId: number): ActionRowDb[] =>
  all<ActionRowDb>(
    db,
    `${SELECT} WHERE a.meeting_id = @id OR ai.meeting_id = @id
     ORDER BY ai.position, a.id`,
    { id: meetingId },
  );

/** Open actions of meetings before `date` (the matters arising at a meeting on that date). */
export const openActionsBefore = (db: DB, date: string): ActionRowDb[] =>
  all<ActionRowDb>(db, `${SELECT} WHERE m.date < ? AND a.status IN ('open', 'in_progress') ${ORDER}`, date);

/** Actions of earlier meetings completed or closed with an update recorded at this meeting. */
export const actionsCompletedAt = (db: DB, meeting: { id: number; date: string }): ActionRowDb[] =>
  all<ActionRowDb>(
    db,
    `${SELECT} WHERE m.date < ? AND a.status IN ('complete', 'closed')
       AND EXISTS (SELECT 1 FROM action_update u WHERE u.action_id = a.id AND u.meeting_id = ?) ${ORDER}`,
    meeting.date,
    meeting.id,
  );

export interface ActionUpdateRowDb {
  id: number;
  action_id: number;
  date: string;
  author: string;
  text: string;
  meeting_id: number | null;
  meeting_date: string | null;
  created_at: string;
}

const SELECT_UPDATES = `
  SELECT u.id, u.action_id, u.date, u.author, u.text, u.meeting_id, m.date AS meeting_date, u.created_at
  FROM action_update u LEFT JOIN meeting m ON m.id = u.meeting_id`;
/** Newest first: by date, then by when it was recorded. */
const UPDATE_ORDER = 'ORDER BY u.date DESC, u.created_at DESC, u.id DESC';

export const allActionUpdates = (db: DB): ActionUpdateRowDb[] =>
  all<ActionUpdateRowDb>(db, `${SELECT_UPDATES} ${UPDATE_ORDER}`);

export const updatesOfActions = (db: DB, actionIds: readonly number[]): ActionUpdateRowDb[] =>
  actionIds.length === 0
    ? []
    : all<ActionUpdateRowDb>(
        db,
        `${SELECT_UPDATES} WHERE u.action_id IN (SELECT value FROM json_each(?)) ${UPDATE_ORDER}`,
        idList(actionIds),
      );

/** Meetings that have actions, newest first. */
export const meetingsWithActions = (db: DB): { id: number; date: string }[] =>
  all(db, 'SELECT id, date FROM meeting WHERE id IN (SELECT meeting_id FROM action) ORDER BY date DESC');

// ---- Writes

export const setActionField = (
  db: DB,
  id: number,
  column: 'description' | 'due_date' | 'urgency' | 'priority_id',
  value: unknown,
): void => {
  // The column comes from the fixed list above, never from input.
  run(db, `UPDATE action SET ${column} = ? WHERE id = ?`, value, id);
};

export const setActionOwner = (db: DB, id: number, memberId: number | null, name: string): void => {
  run(db, 'UPDATE action SET owner_member_id = ?, owner_name = ? WHERE id = ?', memberId, name, id);
};

/** Sets the status; `completedAt` undefined leaves the completion stamp as it is. */
export const setActionStatus = (
  db: DB,
  id: number,
  status: ActionStatus,
  completedAt: string | null | undefined,
): void => {
  if (completedAt === undefined) run(db, 'UPDATE action SET status = ? WHERE id = ?', status, id);
  else run(db, 'UPDATE action SET status = ?, completed_at = ? WHERE id = ?', status, completedAt, id);
};

export const insertActionUpdate = (
  db: DB,
  u: {
    actionId: number;
    date: string;
    author: string;
    text: string;
    meetingId: number | null;
    createdAt: string;
  },
): number =>
  run(
    db,
    'INSERT INTO action_update (action_id, date, author, text, meeting_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    u.actionId,
    u.date,
    u.author,
    u.text,
    u.meetingId,
    u.createdAt,
  ).lastId;

/** A new open action raised on an agenda item. */
export const insertAction = (
  db: DB,
  a: {
    meetingId: number;
    itemId: number;
    description: string;
    ownerMemberId: number | null;
    ownerName: string;
    dueDate: string | null;
    urgency: string;
    priorityId: number | null;
    createdAt: string;
  },
): number =>
  run(
    db,
    `INSERT INTO action (meeting_id, agenda_item_id, description, owner_member_id, owner_name, due_date, urgency, status, priority_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
    a.meetingId,
    a.itemId,
    a.description,
    a.ownerMemberId,
    a.ownerName,
    a.dueDate,
    a.urgency,
    a.priorityId,
    a.createdAt,
  ).lastId;

export const deleteAction = (db: DB, id: number): void => {
  run(db, 'DELETE FROM action WHERE id = ?', id);
};
