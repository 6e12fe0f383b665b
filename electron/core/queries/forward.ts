/**
 * The forward plan read model: meetings between two dates with the reports planned at each, and
 * the standing reports. The Forward plan screen and its Word document both read it.
 */
import { planYear, planYearOf, type ForwardPlan, type PlannedReport } from '../../../shared/api/forward';
import type { DB } from '../store/board-file';
import {
  meetingDatesAll,
  meetingsBetween,
  plannedReportsBetween,
  standingReports,
  type PlannedReportRowDb,
  type StandingReportRowDb,
} from '../store/forward';
import { bool } from '../store/sql';
import { publishing } from './publishing';

/** A meeting's plan can change, and its agenda be drafted from it, until the meeting starts. */
export const planOpen = (m: { status: string }): boolean =>
  m.status === 'draft' || m.status === 'agenda_published';

export const toPlanned = (r: PlannedReportRowDb): PlannedReport & { itemExempt: boolean } => ({
  id: r.id,
  standingReportId: r.standing_report_id,
  title: r.title,
  presenter: r.presenter,
  purpose: r.purpose,
  minutesAllowed: r.minutes_allowed,
  agendaItemId: r.agenda_item_id,
  itemPosition: r.item_position,
  itemExempt: bool(r.item_exempt),
});

export const toStanding = (r: StandingReportRowDb): ForwardPlan['standingReports'][number] => ({
  id: r.id,
  title: r.title,
  presenter: r.presenter,
  purpose: r.purpose,
  minutesAllowed: r.minutes_allowed,
  frequency: r.frequency,
  dueMonth: r.due_month,
  archived: bool(r.archived),
  revision: r.revision,
});

/** Meetings from `from` to `to` with their planned reports (each marked if its agenda item is Part B). */
export function plannedMeetings(db: DB, from: string, to: string) {
  const planned = plannedReportsBetween(db, from, to);
  return meetingsBetween(db, from, to).map((m) => ({
    id: m.id,
    date: m.date,
    startTime: m.start_time,
    venue: m.venue,
    status: m.status,
    open: planOpen(m),
    reports: planned.filter((p) => p.meeting_id === m.id).map(toPlanned),
  }));
}

/** The standing reports in use (not retired), in the board's order. */
export const activeStandingReports = (db: DB) =>
  standingReports(db)
    .map(toStanding)
    .filter((s) => !s.archived);

/** The month the board's year starts in (its municipal year; May unless the board says otherwise). */
export const yearStartMonth = (db: DB): number => publishing(db).yearStartMonth;

/** The forward plan for the municipal year starting in `start`. */
export function forwardPlan(db: DB, today: string, start: number): ForwardPlan {
  const startMonth = yearStartMonth(db);
  const year = planYear(start, startMonth);
  const starts = new Set([
    planYearOf(today, startMonth),
    start,
    ...meetingDatesAll(db).map((d) => planYearOf(d, startMonth)),
  ]);
  return {
    today,
    year,
    startMonth,
    years: [...starts].sort((a, b) => a - b).map((s) => ({ start: s, label: planYear(s, startMonth).label })),
    meetings: plannedMeetings(db, year.from, year.to).map((m) => ({
      ...m,
      reports: m.reports.map(({ itemExempt: _exempt, ...r }) => r),
    })),
    standingReports: standingReports(db).map(toStanding),
  };
}
