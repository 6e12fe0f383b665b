/**
 * Member visits read model: each visit with who made it, where it was reported and its follow-up
 * actions. The Member visits screen, the agenda pack and the annual report all read it.
 */
import type { SettingKind } from '../../../shared/api/visits';
import type { DB } from '../store/board-file';
import { bool } from '../store/sql';
import { allVisits, visitMembers, visitsBetween, visitsOfMeeting, type VisitRowDb } from '../store/visits';
import { actionLog, type ActionRecord } from './actions';

export interface VisitRecord {
  id: number;
  date: string;
  setting: string;
  settingKind: SettingKind;
  announced: boolean;
  findings: string;
  members: { id: number; name: string }[];
  revision: number;
  /** The agenda item it is reported under, and whether that item is Part B. */
  reportedAt: {
    itemId: number;
    meetingId: number;
    meetingDate: string;
    position: number;
    exempt: boolean;
  } | null;
  actions: ActionRecord[];
}

function records(db: DB, today: string, rows: VisitRowDb[]): VisitRecord[] {
  if (!rows.length) return [];
  const who = visitMembers(db);
  const actions = actionLog(db, today).filter((a) => a.visit !== null);
  return rows.map((v) => ({
    id: v.id,
    date: v.visit_date,
    setting: v.setting,
    settingKind: v.setting_kind,
    announced: bool(v.announced),
    findings: v.findings,
    members: who.filter((w) => w.visit_id === v.id).map((w) => ({ id: w.member_id, name: w.name })),
    revision: v.revision,
    reportedAt:
      v.agenda_item_id !== null &&
      v.meeting_id !== null &&
      v.meeting_date !== null &&
      v.item_position !== null
        ? {
            itemId: v.agenda_item_id,
            meetingId: v.meeting_id,
            meetingDate: v.meeting_date,
            position: v.item_position,
            exempt: bool(v.item_exempt),
          }
        : null,
    actions: actions.filter((a) => a.visit?.id === v.id),
  }));
}

/** Every visit, newest first. */
export const allVisitRecords = (db: DB, today: string): VisitRecord[] => records(db, today, allVisits(db));

/** The visits made between two dates, oldest first. */
export const visitRecordsBetween = (db: DB, today: string, from: string, to: string): VisitRecord[] =>
  records(db, today, visitsBetween(db, from, to));

/** The visits reported under a meeting's items, oldest first. */
export const visitRecordsOfMeeting = (db: DB, today: string, meetingId: number): VisitRecord[] =>
  records(db, today, visitsOfMeeting(db, meetingId));
