/**
 * The action log read model: actions with their latest update (by a join), overdue worked out for
 * today; all their updates only where one action or a meeting's matters arising are shown.
 * The action log screen, a meeting's record and the Word documents all read actions from here.
 */
import type { ActionRow, ActionUpdate, ActionWithUpdates } from '../../../shared/api/actions';
import { daysOverdue, isOverdue } from '../../../shared/domain/overdue';
import type { DB } from '../store/board-file';
import {
  actionById,
  actionPage,
  allActionUpdates,
  allActions,
  countActions,
  updatesOfActions,
  type ActionFilter,
  type ActionListRowDb,
  type ActionRowDb,
  type ActionSort,
  type ActionUpdateRowDb,
} from '../store/actions';
import { bool } from '../store/sql';

/** An action as the API gives it, plus what a document needs to print it safely. */
export interface ActionRecord extends ActionWithUpdates {
  /** Part B (the action's own flag, kept if its item goes): a public document shows only that it is exempt. */
  itemExempt: boolean;
  /** The action as agreed at its meeting: what the minutes print (frozen when they are approved). */
  agreed: {
    description: string;
    owner: string;
    ownerMemberId: number | null;
    dueDate: string | null;
    urgency: 'high' | 'medium' | 'low';
    priorityId: number | null;
    priorityCode: string | null;
    priorityTitle: string | null;
  };
  priorityCode: string | null;
}

const toUpdate = (u: ActionUpdateRowDb): ActionUpdate => ({
  id: u.id,
  actionId: u.action_id,
  date: u.date,
  author: u.author,
  text: u.text,
  meetingId: u.meeting_id,
  meetingDate: u.meeting_date,
  createdAt: u.created_at,
});

function byAction(rows: ActionUpdateRowDb[]): Map<number, ActionUpdate[]> {
  const map = new Map<number, ActionUpdate[]>();
  for (const r of rows) {
    const list = map.get(r.action_id) ?? [];
    list.push(toUpdate(r));
    map.set(r.action_id, list);
  }
  return map;
}

/** The latest update, read by the store's join (no query per action). */
const latestOf = (r: ActionListRowDb): ActionUpdate | null =>
  r.lu_id === null
    ? null
    : {
        id: r.lu_id,
        actionId: r.id,
        date: r.lu_date!,
        author: r.lu_author ?? '',
        text: r.lu_text ?? '',
        meetingId: r.lu_meeting_id,
        meetingDate: r.lu_meeting_date,
        createdAt: r.lu_created_at ?? '',
      };

/** One row of the action log as the API gives it (built field by field: a page is a hundred of them). */
function toRow(r: ActionListRowDb, today: string): ActionRow {
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
    exempt: bool(r.item_exempt),
    visit:
      r.visit_id !== null && r.visit_setting !== null && r.visit_date !== null
        ? { id: r.visit_id, setting: r.visit_setting, date: r.visit_date }
        : null,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    revision: r.revision,
    overdue: isOverdue(o, today),
    daysOverdue: daysOverdue(o, today),
    wordingLocked: r.meeting_status === 'minutes_approved',
    latestUpdate: latestOf(r),
    updateCount: r.update_count,
  };
}

/** One row as documents and the API take it; `updates` only where the caller loaded them. */
function toRecord(r: ActionRowDb, updates: ActionUpdate[], today: string): ActionRecord {
  // The row's own object, extended (the same fields in the same order as a spread copy, without
  // copying 25 fields for each of the log's 5,000 actions).
  return Object.assign(toRow(r, today), {
    priorityCode: r.priority_code,
    itemExempt: bool(r.item_exempt),
    agreed: {
      description: r.agreed_description,
      owner: r.agreed_owner,
      ownerMemberId: r.agreed_owner_member_id,
      dueDate: r.agreed_due_date,
      urgency: r.agreed_urgency,
      priorityId: r.agreed_priority_id,
      priorityCode: r.agreed_priority_code,
      priorityTitle: r.agreed_priority_title,
    },
    updates,
  });
}

/** Rows from the store, each with all its updates (one query for all of them): action.get, matters arising. */
export function withUpdates(db: DB, rows: ActionRowDb[], today: string): ActionRecord[] {
  const updates = byAction(
    updatesOfActions(
      db,
      rows.map((r) => r.id),
    ),
  );
  return rows.map((r) => toRecord(r, updates.get(r.id) ?? [], today));
}

/** Rows with their latest update and update count only (their `updates` left empty). */
export const withLatest = (rows: ActionRowDb[], today: string): ActionRecord[] =>
  rows.map((r) => toRecord(r, [], today));

/**
 * Every action (oldest meetings first, then agenda order, then the order recorded) with all its
 * updates: two queries for the whole log (the documents say how each finished action ended).
 */
export function actionLog(db: DB, today: string): ActionRecord[] {
  const updates = byAction(allActionUpdates(db));
  return allActions(db).map((r) => toRecord(r, updates.get(r.id) ?? [], today));
}

/** One action with all its updates; undefined when there is none with that id. */
export function actionRecord(db: DB, id: number, today: string): ActionRecord | undefined {
  const r = actionById(db, id);
  return r ? withUpdates(db, [r], today)[0] : undefined;
}

/** One page of the filtered, sorted action log, with how many match and how many of those are overdue. */
export function actionLogPage(
  db: DB,
  today: string,
  filter: ActionFilter,
  page: { sort: ActionSort; desc: boolean; offset: number; limit: number | null },
): { rows: ActionRow[]; total: number; overdue: number } {
  const counts = countActions(db, filter, today);
  const rows = actionPage(db, filter, today, { ...page, limit: page.limit ?? -1 });
  return { rows: rows.map((r) => toRow(r, today)), ...counts };
}

/** "P2 Stable homes": how a document names an action's priority. */
export const priorityLabel = (a: Pick<ActionRecord, 'priorityCode' | 'priorityTitle'>): string | null =>
  a.priorityTitle === null ? null : [a.priorityCode, a.priorityTitle].filter(Boolean).join(' ');
