/**
 * The forward plan (work programme). The year runs April to March. Standing reports are placed
 * in the year's meetings by how often they are due (every meeting, twice a year, once a year) and
 * the month they are due in: at the first meeting on or after the 1st of that month. A report due
 * after the last meeting arranged waits (it is named) until the meetings are arranged. A meeting's
 * agenda is drafted from its plan.
 */
import { ApiError } from '../../../shared/api';
import { planYear, planYearOf, type Frequency } from '../../../shared/api/forward';
import { meetingStatusLabels } from '../../../shared/api/meetings';
import { formatDate } from '../../../shared/domain/dates';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import {
  deletePlannedReport,
  insertPlannedReport,
  insertStandingReport,
  linkPlannedReport,
  meetingsBetween,
  plannedReportById,
  plannedReportsBetween,
  plannedReportsOf,
  setStandingReportArchived,
  standingReportById,
  standingReports,
  updatePlannedReport,
  updateStandingReport,
  type PlannedReportRowDb,
  type StandingReportRowDb,
} from '../store/forward';
import { forwardPlan, planOpen, toStanding, yearStartMonth } from '../queries/forward';
import { insertItem, itemsOfMeeting, type MeetingRowDb } from '../store/meetings';
import { bool } from '../store/sql';
import { renumber } from './agenda';
import { meetingRow, onMeeting, touch } from './meetings';
import { baseOf, staleSave } from './revisions';

function mustBeOpen(m: MeetingRowDb, what: string): void {
  if (!planOpen(m))
    throw new ApiError(
      'conflict',
      `The meeting on ${formatDate(m.date)} is at “${meetingStatusLabels[m.status]}”, so ${what}; the plan is for meetings that have not started (add urgent business from the meeting’s agenda instead)`,
    );
}

/** The 1st of `month` within the plan year starting in `startMonth` of `start`. */
const firstOfMonth = (start: number, startMonth: number, month: number) =>
  `${month >= startMonth ? start : start + 1}-${String(month).padStart(2, '0')}-01`;

/** The months a standing report is due in (null: every meeting). */
export function dueMonths(frequency: Frequency, dueMonth: number | null): number[] | null {
  if (frequency === 'every_meeting') return null;
  const first = dueMonth ?? 4;
  return frequency === 'annual' ? [first] : [first, ((first + 5) % 12) + 1];
}

/**
 * The meetings (ids, in date order) a standing report falls due at in a year's meetings, and how
 * many of its due dates fall after the last meeting arranged.
 */
export function dueAt(
  report: { frequency: Frequency; dueMonth: number | null },
  meetings: readonly { id: number; date: string }[],
  start: number,
  startMonth: number,
): { ids: number[]; later: number } {
  const months = dueMonths(report.frequency, report.dueMonth);
  if (months === null) return { ids: meetings.map((m) => m.id), later: 0 };
  const found = months.map(
    (month) => meetings.find((m) => m.date >= firstOfMonth(start, startMonth, month))?.id,
  );
  const ids = found.filter((id): id is number => id !== undefined);
  return { ids: [...new Set(ids)], later: found.length - ids.length };
}

function standingRow(ctx: Ctx, id: number): StandingReportRowDb {
  const r = standingReportById(ctx.db, id);
  if (!r) throw new ApiError('not_found', `There is no standing report with id ${id}`);
  return r;
}

function plannedRow(ctx: Ctx, id: number): PlannedReportRowDb {
  const r = plannedReportById(ctx.db, id);
  if (!r) throw new ApiError('not_found', `There is no planned report with id ${id}`);
  return r;
}

type ForwardHandlers =
  | 'forward.get'
  | 'forward.addReport'
  | 'forward.updateReport'
  | 'forward.removeReport'
  | 'forward.planYear'
  | 'forward.draftAgenda'
  | 'standingReport.create'
  | 'standingReport.update'
  | 'standingReport.setArchived';

export const forwardHandlers: HandlerGroup<ForwardHandlers> = {
  'forward.get': (ctx, input) =>
    forwardPlan(ctx.db, ctx.today(), input.year ?? planYearOf(ctx.today(), yearStartMonth(ctx.db))),

  'forward.addReport': (ctx, input) => {
    const m = meetingRow(ctx, input.meetingId);
    mustBeOpen(m, 'its plan cannot change');
    const standing = input.standingReportId === null ? null : standingRow(ctx, input.standingReportId);
    if (standing && bool(standing.archived))
      throw new ApiError(
        'conflict',
        `standingReportId: “${standing.title}” is retired from the list; bring it back first`,
      );
    if (standing && plannedReportsOf(ctx.db, m.id).some((p) => p.standing_report_id === standing.id))
      throw new ApiError(
        'conflict',
        `“${standing.title}” is already planned for the meeting on ${formatDate(m.date)}`,
      );
    const id = insertPlannedReport(ctx.db, m.id, {
      standingReportId: standing?.id ?? null,
      title: input.title ?? standing!.title,
      presenter: input.presenter ?? standing?.presenter ?? '',
      purpose: input.purpose ?? standing?.purpose ?? 'assurance',
      minutesAllowed:
        input.minutesAllowed !== undefined ? input.minutesAllowed : (standing?.minutes_allowed ?? null),
    });
    return { id };
  },

  'forward.updateReport': (ctx, input) => {
    const r = plannedRow(ctx, input.id);
    mustBeOpen(meetingRow(ctx, r.meeting_id), 'its plan cannot change');
    updatePlannedReport(ctx.db, r.id, input);
    return { ok: true as const };
  },

  'forward.removeReport': (ctx, input) => {
    const r = plannedRow(ctx, input.id);
    mustBeOpen(meetingRow(ctx, r.meeting_id), 'its plan cannot change');
    deletePlannedReport(ctx.db, r.id);
    return { ok: true as const };
  },

  'forward.planYear': (ctx, input) => {
    const startMonth = yearStartMonth(ctx.db);
    const year = planYear(input.year, startMonth);
    const meetings = meetingsBetween(ctx.db, year.from, year.to);
    const open = new Set(meetings.filter(planOpen).map((m) => m.id));
    const planned = plannedReportsBetween(ctx.db, year.from, year.to);
    let added = 0;
    const touched = new Set<number>();
    const waiting: string[] = [];
    for (const s of standingReports(ctx.db).filter((r) => !bool(r.archived))) {
      const already = planned.filter((p) => p.standing_report_id === s.id);
      const due = dueAt({ frequency: s.frequency, dueMonth: s.due_month }, meetings, input.year, startMonth);
      const wanted = due.ids;
      // Planned by hand elsewhere in the year counts: a report due once is planned once.
      let room = s.frequency === 'every_meeting' ? Infinity : wanted.length + due.later - already.length;
      if (due.later > 0 && room > 0) waiting.push(s.title);
      room = Math.min(room, wanted.length);
      for (const meetingId of wanted) {
        if (room <= 0) break;
        if (!open.has(meetingId) || already.some((p) => p.meeting_id === meetingId)) continue;
        insertPlannedReport(ctx.db, meetingId, {
          standingReportId: s.id,
          title: s.title,
          presenter: s.presenter,
          purpose: s.purpose,
          minutesAllowed: s.minutes_allowed,
        });
        added += 1;
        room -= 1;
        touched.add(meetingId);
      }
    }
    return { added, meetings: touched.size, waiting };
  },

  'forward.draftAgenda': (ctx, input) => {
    const m = meetingRow(ctx, input.meetingId);
    mustBeOpen(m, 'its agenda is no longer drafted from the plan');
    const todo = plannedReportsOf(ctx.db, m.id).filter((p) => p.agenda_item_id === null);
    if (todo.length === 0) return { added: 0, itemIds: [] };
    const itemIds = onMeeting(ctx, m.id, () => {
      const items = itemsOfMeeting(ctx.db, m.id);
      // Reports come before any other business and the date of the next meeting.
      const closing = items.findIndex((it) => it.kind === 'aob' || it.kind === 'next_meeting');
      const at = closing < 0 ? items.length : closing;
      const added = todo.map((p) => {
        const id = insertItem(ctx.db, m.id, 20_000 + p.id, {
          kind: 'other',
          title: p.title,
          presenter: p.presenter,
          purpose: p.purpose,
          minutesAllowed: p.minutes_allowed,
          exempt: false,
          exemptParagraph: null,
          publicTitle: null,
          reportAuthor: null,
          reportPurpose: null,
          recommendations: null,
        });
        linkPlannedReport(ctx.db, p.id, id);
        return id;
      });
      const ids = items.map((it) => it.id);
      renumber(ctx, m.id, [...ids.slice(0, at), ...added, ...ids.slice(at)]);
      touch(ctx, m.id);
      return added;
    });
    return { added: itemIds.length, itemIds };
  },

  'standingReport.create': (ctx, input) => ({ id: insertStandingReport(ctx.db, input) }),

  'standingReport.update': (ctx, input) => {
    standingRow(ctx, input.id);
    const revision = updateStandingReport(ctx.db, input.id, input, baseOf(input));
    if (revision === null) throw staleSave('this standing report', toStanding(standingRow(ctx, input.id)));
    return { ok: true as const, revision };
  },

  'standingReport.setArchived': (ctx, input) => {
    standingRow(ctx, input.id);
    setStandingReportArchived(ctx.db, input.id, input.archived);
    return { ok: true as const };
  },
};
