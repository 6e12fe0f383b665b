/** The forward plan: standing reports, and the reports planned for each meeting. */
import type { Purpose } from '../../../shared/api/meetings';
import type { Frequency } from '../../../shared/api/forward';
import type { MeetingStatus } from '../../../shared/api/meetings';
import type { DB } from './board-file';
import { all, get, run } from './sql';

export interface StandingReportRowDb {
  id: number;
  title: string;
  presenter: string;
  purpose: Purpose;
  minutes_allowed: number | null;
  frequency: Frequency;
  due_month: number | null;
  sort: number;
  archived: number;
  revision: number;
}

const STANDING = `SELECT id, title, presenter, purpose, minutes_allowed, frequency, due_month, sort, archived, revision
  FROM standing_report`;

export const standingReports = (db: DB): StandingReportRowDb[] =>
  all<StandingReportRowDb>(db, `${STANDING} ORDER BY archived, sort, id`);

export const standingReportById = (db: DB, id: number): StandingReportRowDb | undefined =>
  get<StandingReportRowDb>(db, `${STANDING} WHERE id = ?`, id);

export interface StandingFields {
  title: string;
  presenter: string;
  purpose: string;
  minutesAllowed: number | null;
  frequency: string;
  dueMonth: number | null;
}

export const insertStandingReport = (db: DB, f: StandingFields): number =>
  run(
    db,
    `INSERT INTO standing_report (title, presenter, purpose, minutes_allowed, frequency, due_month, sort)
     VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM standing_report))`,
    f.title,
    f.presenter,
    f.purpose,
    f.minutesAllowed,
    f.frequency,
    f.dueMonth,
  ).lastId;

/** Updates a standing report if still at `baseRevision` (null: any); the new revision, or null if stale. */
export function updateStandingReport(
  db: DB,
  id: number,
  f: StandingFields,
  baseRevision: number | null,
): number | null {
  const r = run(
    db,
    `UPDATE standing_report SET title = ?, presenter = ?, purpose = ?, minutes_allowed = ?, frequency = ?, due_month = ?
     WHERE id = ? AND (? IS NULL OR revision = ?)`,
    f.title,
    f.presenter,
    f.purpose,
    f.minutesAllowed,
    f.frequency,
    f.dueMonth,
    id,
    baseRevision,
    baseRevision,
  );
  return r.changes === 0 ? null : standingReportById(db, id)!.revision;
}

export const setStandingReportArchived = (db: DB, id: number, archived: boolean): void => {
  run(db, 'UPDATE standing_report SET archived = ? WHERE id = ?', archived ? 1 : 0, id);
};

export interface PlanMeetingRowDb {
  id: number;
  date: string;
  start_time: string;
  venue: string;
  status: MeetingStatus;
}

/** Meetings between two dates, by date. */
export const meetingsBetween = (db: DB, from: string, to: string): PlanMeetingRowDb[] =>
  all<PlanMeetingRowDb>(
    db,
    'SELECT id, date, start_time, venue, status FROM meeting WHERE date BETWEEN ? AND ? ORDER BY date, start_time, id',
    from,
    to,
  );

/** The dates of every meeting (for the year chooser). */
export const meetingDatesAll = (db: DB): string[] =>
  all<{ date: string }>(db, 'SELECT DISTINCT date FROM meeting ORDER BY date').map((r) => r.date);

export interface PlannedReportRowDb {
  id: number;
  meeting_id: number;
  standing_report_id: number | null;
  title: string;
  presenter: string;
  purpose: Purpose;
  minutes_allowed: number | null;
  agenda_item_id: number | null;
  item_position: number | null;
  item_exempt: number;
  sort: number;
}

const PLANNED = `SELECT p.id, p.meeting_id, p.standing_report_id, p.title, p.presenter, p.purpose, p.minutes_allowed,
  p.agenda_item_id, ai.position AS item_position, ifnull(ai.exempt, 0) AS item_exempt, p.sort
  FROM planned_report p LEFT JOIN agenda_item ai ON ai.id = p.agenda_item_id`;

/** The reports planned for meetings between two dates, in each meeting's plan order. */
export const plannedReportsBetween = (db: DB, from: string, to: string): PlannedReportRowDb[] =>
  all<PlannedReportRowDb>(
    db,
    `${PLANNED} JOIN meeting m ON m.id = p.meeting_id WHERE m.date BETWEEN ? AND ? ORDER BY p.meeting_id, p.sort, p.id`,
    from,
    to,
  );

export const plannedReportsOf = (db: DB, meetingId: number): PlannedReportRowDb[] =>
  all<PlannedReportRowDb>(db, `${PLANNED} WHERE p.meeting_id = ? ORDER BY p.sort, p.id`, meetingId);

export const plannedReportById = (db: DB, id: number): PlannedReportRowDb | undefined =>
  get<PlannedReportRowDb>(db, `${PLANNED} WHERE p.id = ?`, id);

export interface PlannedFields {
  standingReportId: number | null;
  title: string;
  presenter: string;
  purpose: string;
  minutesAllowed: number | null;
}

export const insertPlannedReport = (db: DB, meetingId: number, f: PlannedFields): number =>
  run(
    db,
    `INSERT INTO planned_report (meeting_id, standing_report_id, title, presenter, purpose, minutes_allowed, sort)
     VALUES (@meeting, @standing, @title, @presenter, @purpose, @minutes,
       (SELECT coalesce(max(sort), 0) + 1 FROM planned_report WHERE meeting_id = @meeting))`,
    {
      meeting: meetingId,
      standing: f.standingReportId,
      title: f.title,
      presenter: f.presenter,
      purpose: f.purpose,
      minutes: f.minutesAllowed,
    },
  ).lastId;

export const updatePlannedReport = (db: DB, id: number, f: Omit<PlannedFields, 'standingReportId'>): void => {
  run(
    db,
    'UPDATE planned_report SET title = ?, presenter = ?, purpose = ?, minutes_allowed = ? WHERE id = ?',
    f.title,
    f.presenter,
    f.purpose,
    f.minutesAllowed,
    id,
  );
};

export const deletePlannedReport = (db: DB, id: number): void => {
  run(db, 'DELETE FROM planned_report WHERE id = ?', id);
};

export const linkPlannedReport = (db: DB, id: number, itemId: number): void => {
  run(db, 'UPDATE planned_report SET agenda_item_id = ? WHERE id = ?', itemId, id);
};
