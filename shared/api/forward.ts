/**
 * The forward plan (work programme): the year's meetings and the reports due at each, from the
 * board's list of standing reports (the IRO annual report, the Virtual School Head's report…) or
 * one-off; who presents; and agendas drafted from it.
 */
import { z } from 'zod';
import {
  baseRevision,
  id,
  isoDate,
  meetingStatus,
  ok,
  okRevision,
  requiredText,
  revision,
  text,
} from './common';
import { command, query } from './method';
import { purpose } from './meetings';
import { addDaysIso } from '../domain/dates';
import { municipalYear } from '../domain/publishing';
import { readersOf } from './stale';

export const frequencies = ['every_meeting', 'twice_yearly', 'annual'] as const;
export const frequency = z.enum(frequencies);
export type Frequency = (typeof frequencies)[number];
export const frequencyLabels: Record<Frequency, string> = {
  every_meeting: 'Every meeting',
  twice_yearly: 'Twice a year',
  annual: 'Once a year',
};

export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * The plan's year is the municipal year: it starts on the 1st of the board's first month (May by
 * default, from the annual council meeting; the same year its minutes are numbered in) and is
 * named by the calendar year it starts in (2026: 1 May 2026 – 30 April 2027).
 */
export function planYear(
  start: number,
  startMonth: number,
): { start: number; label: string; from: string; to: string } {
  const mm = String(startMonth).padStart(2, '0');
  return {
    start,
    label: `${start}-${String((start + 1) % 100).padStart(2, '0')}`,
    from: `${start}-${mm}-01`,
    to: addDaysIso(`${start + 1}-${mm}-01`, -1),
  };
}

/** The plan year containing a date. */
export const planYearOf = (isoDay: string, startMonth: number): number => municipalYear(isoDay, startMonth);

const minutesAllowed = z
  .number()
  .int('must be whole minutes')
  .min(1, 'must be at least 1 minute')
  .max(600, 'must be at most 600 minutes')
  .nullable();

export const standingReportSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  presenter: z.string(),
  purpose,
  minutesAllowed: z.number().int().nullable(),
  frequency,
  dueMonth: z.number().int().nullable(),
  archived: z.boolean(),
  revision,
});
export type StandingReport = z.infer<typeof standingReportSchema>;

export const plannedReportSchema = z.object({
  id: z.number().int(),
  standingReportId: z.number().int().nullable(),
  title: z.string(),
  presenter: z.string(),
  purpose,
  minutesAllowed: z.number().int().nullable(),
  /** The agenda item drafted from it (null: not on the agenda yet). */
  agendaItemId: z.number().int().nullable(),
  itemPosition: z.number().int().nullable(),
});
export type PlannedReport = z.infer<typeof plannedReportSchema>;

export const forwardPlanSchema = z.object({
  today: isoDate,
  year: z.object({ start: z.number().int(), label: z.string(), from: isoDate, to: isoDate }),
  /** The month the board's year starts in (1–12): the forward plan runs over that municipal year. */
  startMonth: z.number().int(),
  /** Years with meetings, and the current one, for the year chooser (newest last). */
  years: z.array(z.object({ start: z.number().int(), label: z.string() })),
  meetings: z.array(
    z.object({
      id: z.number().int(),
      date: isoDate,
      startTime: z.string(),
      venue: z.string(),
      status: meetingStatus,
      /** The agenda can still be drafted (the meeting has not started). */
      open: z.boolean(),
      reports: z.array(plannedReportSchema),
    }),
  ),
  standingReports: z.array(standingReportSchema),
});
export type ForwardPlan = z.infer<typeof forwardPlanSchema>;

const reportFields = {
  title: requiredText(300),
  presenter: text(200),
  purpose,
  minutesAllowed,
};

const standingFields = {
  ...reportFields,
  frequency,
  dueMonth: z
    .number()
    .int()
    .min(1, 'must be a month, 1 to 12')
    .max(12, 'must be a month, 1 to 12')
    .nullable(),
};

const planStale = { invalidates: readersOf('forwardPlan') };

export const forwardApi = {
  'forward.get': query(
    'The forward plan for a municipal year: its meetings, the reports planned at each and who presents, and the standing reports',
    z.object({ year: z.number().int().min(2000, 'must be 2000 or later').max(2100).optional() }).strict(),
    forwardPlanSchema,
  ),
  'forward.addReport': command(
    'Plan a report for a meeting: a standing report (its title and presenter copied, changeable) or a one-off',
    z
      .object({
        meetingId: id,
        standingReportId: id.nullable(),
        title: requiredText(300).optional(),
        presenter: text(200).optional(),
        purpose: purpose.optional(),
        minutesAllowed: minutesAllowed.optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.standingReportId === null && v.title === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['title'],
            message: 'give the report’s title, or choose a standing report',
          });
      }),
    z.object({ id: z.number().int() }),
    planStale,
  ),
  'forward.updateReport': command(
    'Change a planned report’s title, presenter, purpose or time allowed',
    z.object({ id, ...reportFields }).strict(),
    ok,
    planStale,
  ),
  'forward.removeReport': command(
    'Take a report off a meeting’s plan (an agenda item drafted from it stays on the agenda)',
    z.object({ id }).strict(),
    ok,
    planStale,
  ),
  'forward.planYear': command(
    'Place the standing reports in the year’s meetings that have not started, by how often each is due and in which month; reports already planned are left as they are',
    z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
    z.object({
      added: z.number().int(),
      meetings: z.number().int(),
      /** Standing reports due after the last meeting arranged this year: placed once it is arranged. */
      waiting: z.array(z.string()),
    }),
    planStale,
  ),
  'forward.draftAgenda': command(
    'Draft a meeting’s agenda from its plan: an agenda item for each planned report not yet on it, before any other business',
    z.object({ meetingId: id }).strict(),
    z.object({ added: z.number().int(), itemIds: z.array(z.number().int()) }),
    { invalidates: readersOf('forwardPlan', 'agenda') },
  ),
  'standingReport.create': command(
    'Add a standing report to the board’s list (title, presenter, purpose, how often, due month)',
    z.object(standingFields).strict(),
    z.object({ id: z.number().int() }),
    planStale,
  ),
  'standingReport.update': command(
    'Change a standing report (reports already planned keep their own wording)',
    z.object({ id, ...standingFields, baseRevision }).strict(),
    okRevision,
    planStale,
  ),
  'standingReport.setArchived': command(
    'Retire a standing report from the list (or bring it back); reports already planned stay',
    z.object({ id, archived: z.boolean() }).strict(),
    ok,
    planStale,
  ),
};
