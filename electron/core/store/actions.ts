/** Actions arising from meetings and their dated updates. */
import type { ActionSort } from '../../../shared/api/actions';
import type { ActionStatus } from '../../../shared/domain/overdue';
import type { DB } from './board-file';
import { all, get, idList, run, tuples } from './sql';

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
  /** How many updates it has, and the latest (newest date, then newest recorded), by a join. */
  update_count: number;
  lu_id: number | null;
  lu_date: string | null;
  lu_author: string | null;
  lu_text: string | null;
  lu_meeting_id: number | null;
  lu_meeting_date: string | null;
  lu_created_at: string | null;
  /** The member visit the action follows up (migration 0012), if any. */
  visit_id: number | null;
  visit_setting: string | null;
  visit_date: string | null;
}

/** A row of the action log's list: the row without the wording as agreed (documents read that). */
export type ActionListRowDb = Omit<
  ActionRowDb,
  | 'agreed_description'
  | 'agreed_owner'
  | 'agreed_owner_member_id'
  | 'agreed_due_date'
  | 'agreed_urgency'
  | 'agreed_priority_id'
  | 'agreed_priority_code'
  | 'agreed_priority_title'
>;

/** The newest update of action `a`: one step down the (action_id, date, created_at, id) index. */
const LATEST_UPDATE = `(SELECT u.id FROM action_update u WHERE u.action_id = a.id
   ORDER BY u.date DESC, u.created_at DESC, u.id DESC LIMIT 1)`;

/**
 * An action's own columns, where it came from, and its latest update (a list row needs no more):
 * each field of ActionListRowDb with the SQL that reads it, in SELECT order. The list page reads
 * them as tuples and names them here (building 100 rows of 31 named columns in the driver cost
 * more than the query itself).
 */
const LIST_FIELDS = [
  ['id', 'a.id'],
  ['description', 'a.description'],
  ['owner', 'coalesce(mb.name, a.owner_name)'],
  ['owner_member_id', 'a.owner_member_id'],
  ['due_date', 'a.due_date'],
  ['urgency', 'a.urgency'],
  ['status', 'a.status'],
  ['priority_id', 'a.priority_id'],
  ['priority_code', 'p.code'],
  ['priority_title', 'p.title'],
  ['meeting_id', 'a.meeting_id'],
  ['meeting_date', 'm.date'],
  ['meeting_status', 'm.status'],
  ['agenda_item_id', 'a.agenda_item_id'],
  ['item_position', 'ai.position'],
  ['item_title', 'ai.title'],
  ['item_exempt', 'max(a.exempt, ifnull(ai.exempt, 0))'],
  ['created_at', 'a.created_at'],
  ['completed_at', 'a.completed_at'],
  ['revision', 'a.revision'],
  ['update_count', '(SELECT count(*) FROM action_update c WHERE c.action_id = a.id)'],
  ['lu_id', 'lu.id'],
  ['lu_date', 'lu.date'],
  ['lu_author', 'lu.author'],
  ['lu_text', 'lu.text'],
  ['lu_meeting_id', 'lu.meeting_id'],
  ['lu_meeting_date', 'lm.date'],
  ['lu_created_at', 'lu.created_at'],
  ['visit_id', 'a.member_visit_id'],
  ['visit_setting', 'mv.setting'],
  ['visit_date', 'mv.visit_date'],
] as const satisfies readonly (readonly [keyof ActionListRowDb, string])[];

// Every field of a list row is read (a compile-time check).
type Listed = (typeof LIST_FIELDS)[number][0];
const everyFieldListed: [Exclude<keyof ActionListRowDb, Listed>] extends [never] ? true : never = true;
void everyFieldListed;

const ROW_COLUMNS = LIST_FIELDS.map(([name, sql]) => `${sql} AS ${name}`).join(', ');

/** Where each field stands in a list row's tuple. */
const at = Object.fromEntries(LIST_FIELDS.map(([name], i) => [name, i])) as Record<Listed, number>;

/** A list row from its tuple (one object literal: the same shape for every row). */
const listRow = (t: readonly unknown[]): ActionListRowDb => ({
  id: t[at.id] as ActionListRowDb['id'],
  description: t[at.description] as ActionListRowDb['description'],
  owner: t[at.owner] as ActionListRowDb['owner'],
  owner_member_id: t[at.owner_member_id] as ActionListRowDb['owner_member_id'],
  due_date: t[at.due_date] as ActionListRowDb['due_date'],
  urgency: t[at.urgency] as ActionListRowDb['urgency'],
  status: t[at.status] as ActionListRowDb['status'],
  priority_id: t[at.priority_id] as ActionListRowDb['priority_id'],
  priority_code: t[at.priority_code] as ActionListRowDb['priority_code'],
  priority_title: t[at.priority_title] as ActionListRowDb['priority_title'],
  meeting_id: t[at.meeting_id] as ActionListRowDb['meeting_id'],
  meeting_date: t[at.meeting_date] as ActionListRowDb['meeting_date'],
  meeting_status: t[at.meeting_status] as ActionListRowDb['meeting_status'],
  agenda_item_id: t[at.agenda_item_id] as ActionListRowDb['agenda_item_id'],
  item_position: t[at.item_position] as ActionListRowDb['item_position'],
  item_title: t[at.item_title] as ActionListRowDb['item_title'],
  item_exempt: t[at.item_exempt] as ActionListRowDb['item_exempt'],
  created_at: t[at.created_at] as ActionListRowDb['created_at'],
  completed_at: t[at.completed_at] as ActionListRowDb['completed_at'],
  revision: t[at.revision] as ActionListRowDb['revision'],
  update_count: t[at.update_count] as ActionListRowDb['update_count'],
  lu_id: t[at.lu_id] as ActionListRowDb['lu_id'],
  lu_date: t[at.lu_date] as ActionListRowDb['lu_date'],
  lu_author: t[at.lu_author] as ActionListRowDb['lu_author'],
  lu_text: t[at.lu_text] as ActionListRowDb['lu_text'],
  lu_meeting_id: t[at.lu_meeting_id] as ActionListRowDb['lu_meeting_id'],
  lu_meeting_date: t[at.lu_meeting_date] as ActionListRowDb['lu_meeting_date'],
  lu_created_at: t[at.lu_created_at] as ActionListRowDb['lu_created_at'],
  visit_id: t[at.visit_id] as ActionListRowDb['visit_id'],
  visit_setting: t[at.visit_setting] as ActionListRowDb['visit_setting'],
  visit_date: t[at.visit_date] as ActionListRowDb['visit_date'],
});

const ROW_JOINS = `
  LEFT JOIN member mb ON mb.id = a.owner_member_id
  LEFT JOIN priority p ON p.id = a.priority_id
  LEFT JOIN meeting m ON m.id = a.meeting_id
  LEFT JOIN agenda_item ai ON ai.id = a.agenda_item_id
  LEFT JOIN action_update lu ON lu.id = ${LATEST_UPDATE}
  LEFT JOIN meeting lm ON lm.id = lu.meeting_id
  LEFT JOIN member_visit mv ON mv.id = a.member_visit_id`;

/** The action as agreed at its meeting: what minutes and documents print. */
const AGREED_COLUMNS = `coalesce(a.agreed_description, a.description) AS agreed_description,
         coalesce(a.agreed_owner_name, mb.name, a.owner_name) AS agreed_owner,
         CASE WHEN a.agreed_description IS NULL THEN a.owner_member_id ELSE a.agreed_owner_member_id END AS agreed_owner_member_id,
         CASE WHEN a.agreed_description IS NULL THEN a.due_date ELSE a.agreed_due_date END AS agreed_due_date,
         coalesce(a.agreed_urgency, a.urgency) AS agreed_urgency,
         CASE WHEN a.agreed_description IS NULL THEN a.priority_id ELSE a.agreed_priority_id END AS agreed_priority_id,
         ap.code AS agreed_priority_code, ap.title AS agreed_priority_title`;

const SELECT = `
  SELECT ${ROW_COLUMNS}, ${AGREED_COLUMNS}
  FROM action a ${ROW_JOINS}
  LEFT JOIN priority ap ON ap.id = CASE WHEN a.agreed_description IS NULL THEN a.priority_id ELSE a.agreed_priority_id END`;

/** Oldest meetings first, then agenda order, then the order actions were recorded. */
const ORDER = 'ORDER BY m.date IS NULL, m.date, ai.position, a.id';

export const actionById = (db: DB, id: number): ActionRowDb | undefined =>
  get<ActionRowDb>(db, `${SELECT} WHERE a.id = ?`, id);

/** Where the wording as agreed starts in SELECT's tuple: after the list row's columns (AGREED_COLUMNS' order). */
const AGREED_AT = LIST_FIELDS.length;

/** A whole row from its tuple: the list row, extended by the wording as agreed (AGREED_COLUMNS' order). */
const actionRow = (t: readonly unknown[]): ActionRowDb =>
  Object.assign(listRow(t), {
    agreed_description: t[AGREED_AT] as ActionRowDb['agreed_description'],
    agreed_owner: t[AGREED_AT + 1] as ActionRowDb['agreed_owner'],
    agreed_owner_member_id: t[AGREED_AT + 2] as ActionRowDb['agreed_owner_member_id'],
    agreed_due_date: t[AGREED_AT + 3] as ActionRowDb['agreed_due_date'],
    agreed_urgency: t[AGREED_AT + 4] as ActionRowDb['agreed_urgency'],
    agreed_priority_id: t[AGREED_AT + 5] as ActionRowDb['agreed_priority_id'],
    agreed_priority_code: t[AGREED_AT + 6] as ActionRowDb['agreed_priority_code'],
    agreed_priority_title: t[AGREED_AT + 7] as ActionRowDb['agreed_priority_title'],
  });

/**
 * Every action, in the log's own order: read as tuples (5,000 rows of 39 named columns built in
 * the driver took twice as long as the tuples).
 */
export const allActions = (db: DB): ActionRowDb[] =>
  tuples<unknown[]>(db, `${SELECT} ${ORDER}`).map(actionRow);

/** These actions (in no particular order). */
export const actionsByIds = (db: DB, ids: readonly number[]): ActionRowDb[] =>
  ids.length === 0
    ? []
    : all<ActionRowDb>(db, `${SELECT} WHERE a.id IN (SELECT value FROM json_each(?))`, idList(ids));

/** Actions recorded at a meeting or against one of its items, in agenda order. */
export const actionsOfMeeting = (db: DB, meetingId: number): ActionRowDb[] =>
  all<ActionRowDb>(
    db,
    `${SELECT} WHERE a.id IN (SELECT id FROM action WHERE meeting_id = @id
                              UNION SELECT x.id FROM action x JOIN agenda_item i ON i.id = x.agenda_item_id
                              WHERE i.meeting_id = @id)
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

/**
 * The actions an annual report for `from`–`to` may list (the report picks exactly which): those
 * finished in the period (or finished before the date was kept), those raised in it, and those
 * still outstanding that were raised by its end. Not the whole log of every year.
 */
export const actionsForPeriod = (db: DB, from: string, to: string): ActionRowDb[] =>
  all<ActionRowDb>(
    db,
    `${SELECT} WHERE (a.completed_at >= @from AND substr(a.completed_at, 1, 10) <= @to)
        OR (a.status IN ('complete', 'closed') AND a.completed_at IS NULL)
        OR coalesce(m.date, substr(a.created_at, 1, 10)) BETWEEN @from AND @to
        OR (a.status IN ('open', 'in_progress') AND coalesce(m.date, substr(a.created_at, 1, 10)) <= @to) ${ORDER}`,
    { from, to },
  );

// ---- The action log: filters, order and pages in SQL

/** What the action log can be filtered by (all optional). */
export interface ActionFilter {
  owner?: string;
  urgency?: 'high' | 'medium' | 'low';
  status?: ActionStatus | 'outstanding';
  meetingId?: number;
  priorityId?: number;
  overdue?: boolean;
}

export type { ActionSort };

const OUTSTANDING = "a.status IN ('open', 'in_progress')";
const OVERDUE = `(${OUTSTANDING} AND a.due_date IS NOT NULL AND a.due_date < @today)`;

/** Each sort as ORDER BY terms for ascending order (descending flips each); ties by id. */
const sortTerms: Record<ActionSort, string[]> = {
  meeting: ['m.date IS NULL', 'm.date', 'ai.position'],
  due: ['a.due_date IS NULL', 'a.due_date'],
  owner: ['coalesce(mb.name, a.owner_name) COLLATE NOCASE'],
  urgency: ["CASE a.urgency WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END"],
  status: ["CASE a.status WHEN 'open' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'complete' THEN 2 ELSE 3 END"],
  latest: [
    `ifnull((SELECT u.date FROM action_update u WHERE u.action_id = a.id ORDER BY u.date DESC LIMIT 1), '')`,
  ],
  description: ['a.description COLLATE NOCASE'],
};

/** The WHERE clause for a filter: fixed fragments only, values bound by name. */
function whereOf(f: ActionFilter): string {
  const terms: string[] = [];
  if (f.owner !== undefined) terms.push('coalesce(mb.name, a.owner_name) = @owner COLLATE NOCASE');
  if (f.urgency !== undefined) terms.push('a.urgency = @urgency');
  if (f.status === 'outstanding') terms.push(OUTSTANDING);
  else if (f.status !== undefined) terms.push('a.status = @status');
  if (f.meetingId !== undefined) terms.push('a.meeting_id = @meetingId');
  if (f.priorityId !== undefined) terms.push('a.priority_id = @priorityId');
  if (f.overdue === true) terms.push(OVERDUE);
  if (f.overdue === false) terms.push(`NOT ${OVERDUE}`);
  return terms.length ? `WHERE ${terms.join(' AND ')}` : '';
}

const params = (f: ActionFilter, today: string) => ({
  today,
  owner: f.owner ?? null,
  urgency: f.urgency ?? null,
  status: f.status ?? null,
  meetingId: f.meetingId ?? null,
  priorityId: f.priorityId ?? null,
});

/** Joins only the filter and the sort need, for counting and choosing a page of ids. */
const FROM_LEAN = `FROM action a
  LEFT JOIN member mb ON mb.id = a.owner_member_id
  LEFT JOIN meeting m ON m.id = a.meeting_id
  LEFT JOIN agenda_item ai ON ai.id = a.agenda_item_id`;

/** How many actions match, and how many of those are overdue. */
export function countActions(db: DB, f: ActionFilter, today: string): { total: number; overdue: number } {
  const r = get<{ total: number; overdue: number | null }>(
    db,
    `SELECT count(*) AS total, sum(${OVERDUE}) AS overdue ${f.owner !== undefined ? FROM_LEAN : 'FROM action a'} ${whereOf(f)}`,
    params(f, today),
  )!;
  return { total: r.total, overdue: r.overdue ?? 0 };
}

/**
 * One page of the filtered log, in order, in one statement: the page's ids are chosen and ordered
 * with only the joins the filter and the sort need, then each of those rows alone is read with
 * the columns a list row shows (with its latest update; not the wording as agreed).
 */
export function actionPage(
  db: DB,
  f: ActionFilter,
  today: string,
  page: { sort: ActionSort; desc: boolean; offset: number; limit: number },
): ActionListRowDb[] {
  const dir = page.desc ? ' DESC' : '';
  const order = [...sortTerms[page.sort].map((t) => `${t}${dir}`), `a.id${dir}`].join(', ');
  return tuples<unknown[]>(
    db,
    `WITH page AS MATERIALIZED (
       SELECT a.id ${FROM_LEAN} ${whereOf(f)} ORDER BY ${order} LIMIT @limit OFFSET @offset)
     SELECT ${ROW_COLUMNS} FROM page JOIN action a ON a.id = page.id ${ROW_JOINS} ORDER BY ${order}`,
    { ...params(f, today), limit: page.limit, offset: page.offset },
  ).map(listRow);
}

/** The most overdue outstanding actions (earliest due first), and how many are overdue and outstanding. */
export const mostOverdue = (db: DB, today: string, limit: number): ActionRowDb[] =>
  actionsByIds(
    db,
    all<{ id: number }>(
      db,
      `SELECT a.id FROM action a WHERE ${OVERDUE} ORDER BY a.due_date, a.id LIMIT @limit`,
      { today, limit },
    ).map((r) => r.id),
  ).sort((x, y) => (x.due_date ?? '').localeCompare(y.due_date ?? '') || x.id - y.id);

export const outstandingCounts = (db: DB, today: string): { open: number; overdue: number } => {
  const r = get<{ open: number; overdue: number | null }>(
    db,
    `SELECT count(*) AS open, sum(a.due_date IS NOT NULL AND a.due_date < @today) AS overdue
     FROM action a WHERE ${OUTSTANDING}`,
    { today },
  )!;
  return { open: r.open, overdue: r.overdue ?? 0 };
};

/** Everyone who owns an action, as the log names them (a member's name, or the free-text owner). */
export const actionOwners = (db: DB): string[] =>
  all<{ owner: string }>(
    db,
    `SELECT name AS owner FROM member m WHERE EXISTS (SELECT 1 FROM action a WHERE a.owner_member_id = m.id)
     UNION SELECT owner_name AS owner FROM action WHERE owner_member_id IS NULL`,
  ).map((r) => r.owner);

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
/** An update from its tuple (SELECT_UPDATES' columns, in order). */
const updateRow = (t: readonly unknown[]): ActionUpdateRowDb => ({
  id: t[0] as number,
  action_id: t[1] as number,
  date: t[2] as string,
  author: t[3] as string,
  text: t[4] as string,
  meeting_id: t[5] as number | null,
  meeting_date: t[6] as string | null,
  created_at: t[7] as string,
});
/** Newest first: by date, then by when it was recorded. */
const UPDATE_ORDER = 'ORDER BY u.date DESC, u.created_at DESC, u.id DESC';

/** Every update of every action, newest first (one query, for a document that shows the whole log). */
export const allActionUpdates = (db: DB): ActionUpdateRowDb[] =>
  tuples<unknown[]>(db, `${SELECT_UPDATES} ${UPDATE_ORDER}`).map(updateRow);

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
  all(
    db,
    'SELECT id, date FROM meeting WHERE EXISTS (SELECT 1 FROM action WHERE action.meeting_id = meeting.id) ORDER BY date DESC',
  );

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
