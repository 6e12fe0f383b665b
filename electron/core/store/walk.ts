/**
 * Walking the agenda against the strategy: what a priority holds (its measures, open actions,
 * action-plan rows, voice of the child), which agenda items link to what, and the scorecard
 * item's notes, decisions and actions per measure (measure_note, decision.measure_id,
 * action.measure_id: migration 0005).
 */
import type { ActionStatus } from '../../../shared/domain/overdue';
import type { ItemKind, MeetingStatus } from '../../../shared/api/meetings';
import type { PlanStatus } from '../../../shared/api/strategy';
import type { VoiceStatus } from '../../../shared/api/voice';
import type { DB } from './board-file';
import { all, get, run } from './sql';

export interface RefRow {
  id: number;
  code: string;
  title: string;
}

export const allPriorities = (db: DB): RefRow[] =>
  all<RefRow>(db, 'SELECT id, code, title FROM priority ORDER BY sort, id');

/** Which priority each measure serves: the one it is filed under, and any it is linked to. */
export const measurePriorityPairs = (db: DB): { measure: number; priority: number }[] =>
  all(
    db,
    `SELECT id AS measure, priority_id AS priority FROM measure WHERE priority_id IS NOT NULL
     UNION SELECT measure_id, to_priority_id FROM link WHERE measure_id IS NOT NULL AND to_priority_id IS NOT NULL`,
  );

export interface ItemHeadRow {
  id: number;
  meeting_id: number;
  position: number;
  kind: ItemKind;
  title: string;
  exempt: number;
}

export const itemHead = (db: DB, id: number): ItemHeadRow | undefined =>
  get<ItemHeadRow>(
    db,
    'SELECT id, meeting_id, position, kind, title, exempt FROM agenda_item WHERE id = ?',
    id,
  );

export const prioritiesOfItem = (db: DB, itemId: number): RefRow[] =>
  all<RefRow>(
    db,
    `SELECT p.id, p.code, p.title FROM link l JOIN priority p ON p.id = l.to_priority_id
     WHERE l.agenda_item_id = ? ORDER BY p.sort, p.id`,
    itemId,
  );

export const pledgesOfItem = (db: DB, itemId: number): RefRow[] =>
  all<RefRow>(
    db,
    `SELECT p.id, p.code, p.title FROM link l JOIN pledge p ON p.id = l.to_pledge_id
     WHERE l.agenda_item_id = ? ORDER BY p.collection, p.sort, p.id`,
    itemId,
  );

export const principlesOfItem = (db: DB, itemId: number): RefRow[] =>
  all<RefRow>(
    db,
    `SELECT p.id, p.code, p.short_title AS title FROM link l JOIN principle p ON p.id = l.to_principle_id
     WHERE l.agenda_item_id = ? ORDER BY p.id`,
    itemId,
  );

export interface PriorityActionRow {
  id: number;
  description: string;
  owner: string;
  due_date: string | null;
  status: ActionStatus;
  meeting_date: string | null;
}

/** Board actions still open or in progress for a priority (its own, or linked to it). */
export const openActionsOfPriority = (db: DB, priorityId: number): PriorityActionRow[] =>
  all<PriorityActionRow>(
    db,
    `SELECT a.id, a.description, coalesce(mb.name, nullif(a.owner_name, ''), '') AS owner, a.due_date, a.status,
            m.date AS meeting_date
     FROM action a LEFT JOIN member mb ON mb.id = a.owner_member_id LEFT JOIN meeting m ON m.id = a.meeting_id
     WHERE a.status IN ('open', 'in_progress')
       AND (a.priority_id = @p OR a.id IN (SELECT action_id FROM link WHERE action_id IS NOT NULL AND to_priority_id = @p))
     ORDER BY a.due_date IS NULL, a.due_date, a.id`,
    { p: priorityId },
  );

export interface OpenPlanRow {
  id: number;
  ref: string;
  action: string;
  leads: string;
  timescale: string;
  status: PlanStatus;
  update_date: string | null;
  update_author: string | null;
  update_text: string | null;
}

/** Action-plan rows of a priority not yet complete, each with its latest update. */
export const openPlanOfPriority = (db: DB, priorityId: number): OpenPlanRow[] =>
  all<OpenPlanRow>(
    db,
    `SELECT a.id, a.ref, a.action, a.leads, a.timescale, a.status,
            u.date AS update_date, u.author AS update_author, u.text AS update_text
     FROM plan_action a
     LEFT JOIN plan_update u ON u.id = (SELECT id FROM plan_update x WHERE x.plan_action_id = a.id ORDER BY x.date DESC, x.id DESC LIMIT 1)
     WHERE a.priority_id = ? AND a.archived = 0 AND a.status <> 'complete' ORDER BY a.sort, a.id`,
    priorityId,
  );

export interface PriorityVoiceRow {
  id: number;
  said: string;
  did: string;
  said_date: string;
  did_date: string | null;
  source: string;
  status: VoiceStatus;
}

export const latestVoiceOfPriority = (db: DB, priorityId: number, limit: number): PriorityVoiceRow[] =>
  all<PriorityVoiceRow>(
    db,
    `SELECT id, said, did, said_date, did_date, source, status FROM voice_entry
     WHERE priority_id = ? ORDER BY said_date DESC, id DESC LIMIT ?`,
    priorityId,
    limit,
  );

// ---- The scorecard item, measure by measure --------------------------------------------------

export interface MeasureNoteRow {
  measure_id: number;
  text: string;
  updated_at: string;
}

export const measureNotesOfItem = (db: DB, itemId: number): MeasureNoteRow[] =>
  all<MeasureNoteRow>(
    db,
    'SELECT measure_id, text, updated_at FROM measure_note WHERE agenda_item_id = ?',
    itemId,
  );

export interface MeetingNoteRow {
  agenda_item_id: number;
  code: string;
  title: string;
  text: string;
}

/** Every note of a meeting's items, in scorecard order (for the minutes). */
export const measureNotesOfMeeting = (db: DB, meetingId: number): MeetingNoteRow[] =>
  all<MeetingNoteRow>(
    db,
    `SELECT n.agenda_item_id, ms.code, ms.title, n.text FROM measure_note n
     JOIN measure ms ON ms.id = n.measure_id JOIN agenda_item i ON i.id = n.agenda_item_id
     WHERE i.meeting_id = ? ORDER BY i.position, ms.sort, ms.code`,
    meetingId,
  );

export const measureDecisionsOfItem = (
  db: DB,
  itemId: number,
): { id: number; text: string; measure_id: number }[] =>
  all(
    db,
    'SELECT id, text, measure_id FROM decision WHERE agenda_item_id = ? AND measure_id IS NOT NULL ORDER BY position, id',
    itemId,
  );

export interface MeasureActionRow {
  id: number;
  description: string;
  owner: string;
  due_date: string | null;
  measure_id: number;
}

export const measureActionsOfItem = (db: DB, itemId: number): MeasureActionRow[] =>
  all<MeasureActionRow>(
    db,
    `SELECT a.id, a.description, coalesce(mb.name, nullif(a.owner_name, ''), '') AS owner, a.due_date, a.measure_id
     FROM action a LEFT JOIN member mb ON mb.id = a.owner_member_id
     WHERE a.agenda_item_id = ? AND a.measure_id IS NOT NULL ORDER BY a.id`,
    itemId,
  );

export const saveMeasureNote = (
  db: DB,
  itemId: number,
  measureId: number,
  text: string,
  at: string,
): void => {
  run(
    db,
    `INSERT INTO measure_note (agenda_item_id, measure_id, text, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (agenda_item_id, measure_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
    itemId,
    measureId,
    text,
    at,
  );
};

export const deleteMeasureNote = (db: DB, itemId: number, measureId: number): void => {
  run(db, 'DELETE FROM measure_note WHERE agenda_item_id = ? AND measure_id = ?', itemId, measureId);
};

export const setDecisionMeasure = (db: DB, decisionId: number, measureId: number): void => {
  run(db, 'UPDATE decision SET measure_id = ? WHERE id = ?', measureId, decisionId);
};

export const setActionMeasure = (db: DB, actionId: number, measureId: number): void => {
  run(db, 'UPDATE action SET measure_id = ? WHERE id = ?', measureId, actionId);
};

// ---- A measure's history at meetings ---------------------------------------------------------

export interface DiscussedItemRow {
  id: number;
  title: string;
  exempt: number;
  meeting_id: number;
  date: string;
  note: string | null;
}

/** Items that minuted a note, decision or action about a measure, newest meeting first. */
export const itemsDiscussingMeasure = (db: DB, measureId: number): DiscussedItemRow[] =>
  all<DiscussedItemRow>(
    db,
    `SELECT i.id, i.title, i.exempt, m.id AS meeting_id, m.date,
            (SELECT text FROM measure_note n WHERE n.agenda_item_id = i.id AND n.measure_id = @id) AS note
     FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
     WHERE i.id IN (SELECT agenda_item_id FROM measure_note WHERE measure_id = @id
                    UNION SELECT agenda_item_id FROM decision WHERE measure_id = @id
                    UNION SELECT agenda_item_id FROM action WHERE measure_id = @id)
     ORDER BY m.date DESC, m.id DESC, i.position`,
    { id: measureId },
  );

export const decisionsAboutMeasure = (db: DB, itemId: number, measureId: number): { text: string }[] =>
  all(
    db,
    'SELECT text FROM decision WHERE agenda_item_id = ? AND measure_id = ? ORDER BY position, id',
    itemId,
    measureId,
  );

export const actionsAboutMeasure = (
  db: DB,
  itemId: number,
  measureId: number,
): { description: string; owner: string; dueDate: string | null }[] =>
  all(
    db,
    `SELECT a.description, coalesce(mb.name, nullif(a.owner_name, ''), '') AS owner, a.due_date AS dueDate
     FROM action a LEFT JOIN member mb ON mb.id = a.owner_member_id
     WHERE a.agenda_item_id = ? AND a.measure_id = ? ORDER BY a.id`,
    itemId,
    measureId,
  );

// ---- Coverage of the strategy by agendas -----------------------------------------------------

export interface AgendaItemHitRow {
  item: number;
  meeting: number;
  date: string;
  position: number;
  title: string;
  exempt: number;
}

export const allAgendaItems = (db: DB): AgendaItemHitRow[] =>
  all<AgendaItemHitRow>(
    db,
    `SELECT i.id AS item, i.meeting_id AS meeting, m.date, i.position, i.title, i.exempt
     FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id ORDER BY m.date, m.id, i.position`,
  );

export const itemPriorityLinks = (db: DB): { item: number; target: number }[] =>
  all(
    db,
    'SELECT agenda_item_id AS item, to_priority_id AS target FROM link WHERE agenda_item_id IS NOT NULL AND to_priority_id IS NOT NULL',
  );

export const meetingsInOrder = (db: DB): { id: number; date: string; status: MeetingStatus }[] =>
  all(db, 'SELECT id, date, status FROM meeting ORDER BY date, id');
