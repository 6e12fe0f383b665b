/** Member visits to children's homes and other settings, who made them, and their follow-up actions. */
import type { SettingKind } from '../../../shared/api/visits';
import type { DB } from './board-file';
import { all, get, run } from './sql';

export interface VisitRowDb {
  id: number;
  visit_date: string;
  setting: string;
  setting_kind: SettingKind;
  announced: number;
  findings: string;
  agenda_item_id: number | null;
  item_position: number | null;
  item_exempt: number;
  meeting_id: number | null;
  meeting_date: string | null;
  created_at: string;
  revision: number;
}

const VISIT = `SELECT v.id, v.visit_date, v.setting, v.setting_kind, v.announced, v.findings, v.agenda_item_id,
  ai.position AS item_position, ifnull(ai.exempt, 0) AS item_exempt, ai.meeting_id, m.date AS meeting_date,
  v.created_at, v.revision
  FROM member_visit v LEFT JOIN agenda_item ai ON ai.id = v.agenda_item_id LEFT JOIN meeting m ON m.id = ai.meeting_id`;

/** Every visit, newest first. */
export const allVisits = (db: DB): VisitRowDb[] =>
  all<VisitRowDb>(db, `${VISIT} ORDER BY v.visit_date DESC, v.id DESC`);

/** Visits made between two dates, oldest first. */
export const visitsBetween = (db: DB, from: string, to: string): VisitRowDb[] =>
  all<VisitRowDb>(db, `${VISIT} WHERE v.visit_date BETWEEN ? AND ? ORDER BY v.visit_date, v.id`, from, to);

/** The visits reported under an agenda item, oldest first. */
export const visitsOfItem = (db: DB, itemId: number): VisitRowDb[] =>
  all<VisitRowDb>(db, `${VISIT} WHERE v.agenda_item_id = ? ORDER BY v.visit_date, v.id`, itemId);

/** The visits reported under any of a meeting's items. */
export const visitsOfMeeting = (db: DB, meetingId: number): VisitRowDb[] =>
  all<VisitRowDb>(db, `${VISIT} WHERE ai.meeting_id = ? ORDER BY v.visit_date, v.id`, meetingId);

export const visitById = (db: DB, id: number): VisitRowDb | undefined =>
  get<VisitRowDb>(db, `${VISIT} WHERE v.id = ?`, id);

export interface VisitMemberRowDb {
  visit_id: number;
  member_id: number;
  name: string;
}

/** Who made each visit, in the board's member order. */
export const visitMembers = (db: DB): VisitMemberRowDb[] =>
  all<VisitMemberRowDb>(
    db,
    `SELECT vm.visit_id, vm.member_id, mb.name FROM member_visit_member vm JOIN member mb ON mb.id = vm.member_id
     ORDER BY mb.sort, mb.name`,
  );

export interface VisitFields {
  date: string;
  setting: string;
  settingKind: string;
  announced: boolean;
  findings: string;
}

export const insertVisit = (db: DB, v: VisitFields, createdAt: string): number =>
  run(
    db,
    `INSERT INTO member_visit (visit_date, setting, setting_kind, announced, findings, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    v.date,
    v.setting,
    v.settingKind,
    v.announced ? 1 : 0,
    v.findings,
    createdAt,
  ).lastId;

/** Updates a visit if still at `baseRevision` (null: any); the new revision, or null if stale. */
export function updateVisit(db: DB, id: number, v: VisitFields, baseRevision: number | null): number | null {
  const r = run(
    db,
    `UPDATE member_visit SET visit_date = ?, setting = ?, setting_kind = ?, announced = ?, findings = ?
     WHERE id = ? AND (? IS NULL OR revision = ?)`,
    v.date,
    v.setting,
    v.settingKind,
    v.announced ? 1 : 0,
    v.findings,
    id,
    baseRevision,
    baseRevision,
  );
  return r.changes === 0
    ? null
    : get<{ revision: number }>(db, 'SELECT revision FROM member_visit WHERE id = ?', id)!.revision;
}

/** Replaces who made a visit. */
export function setVisitMembers(db: DB, visitId: number, memberIds: readonly number[]): void {
  run(db, 'DELETE FROM member_visit_member WHERE visit_id = ?', visitId);
  for (const m of new Set(memberIds))
    run(db, 'INSERT INTO member_visit_member (visit_id, member_id) VALUES (?, ?)', visitId, m);
}

export const deleteVisit = (db: DB, id: number): void => {
  run(db, 'DELETE FROM member_visit WHERE id = ?', id);
};

export const setVisitItem = (db: DB, id: number, itemId: number): void => {
  run(db, 'UPDATE member_visit SET agenda_item_id = ? WHERE id = ?', itemId, id);
};

/**
 * The item of a meeting that already reports visits, if any: one visits are reported under, else
 * one titled "Member visits…" (e.g. drafted from the forward plan's standing report).
 */
export const visitsItemOfMeeting = (db: DB, meetingId: number): number | undefined =>
  get<{ id: number }>(
    db,
    `SELECT ai.id FROM agenda_item ai WHERE ai.meeting_id = ? AND ai.withdrawn = 0
       AND (EXISTS (SELECT 1 FROM member_visit v WHERE v.agenda_item_id = ai.id) OR lower(ai.title) LIKE 'member visits%')
     ORDER BY EXISTS (SELECT 1 FROM member_visit v WHERE v.agenda_item_id = ai.id) DESC, ai.position LIMIT 1`,
    meetingId,
  )?.id;

/** A follow-up action: in the action log, from no meeting. */
export const insertVisitAction = (
  db: DB,
  a: {
    description: string;
    ownerMemberId: number | null;
    ownerName: string;
    dueDate: string | null;
    urgency: string;
    visitId: number;
    createdAt: string;
  },
): number =>
  run(
    db,
    `INSERT INTO action (description, owner_member_id, owner_name, due_date, urgency, status, created_at, member_visit_id)
     VALUES (?, ?, ?, ?, ?, 'open', ?, ?)`,
    a.description,
    a.ownerMemberId,
    a.ownerName,
    a.dueDate,
    a.urgency,
    a.createdAt,
    a.visitId,
  ).lastId;

/** Actions following up visits (ids, in the order recorded). */
export const visitActionIds = (db: DB): { id: number; visit_id: number }[] =>
  all<{ id: number; visit_id: number }>(
    db,
    'SELECT id, member_visit_id AS visit_id FROM action WHERE member_visit_id IS NOT NULL ORDER BY id',
  );
