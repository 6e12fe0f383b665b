import { z } from 'zod';
import { actionStatus, id, isoDate, meetingStatus, ok, text } from './common';
import { seriesPoint } from './measures';
import { snapshotRow } from './scorecard';
import { itemKind } from './meetings';
import { command, query } from './method';
import { readersOf } from './stale';
import { planStatus } from './strategy';
import { voiceStatus } from './voice';

// Walking the agenda against the strategy: for an agenda item, what the Board knows about the
// priorities it is linked to (the meeting's frozen figures, open actions, what young people said);
// for the scorecard item, the frozen scorecard minuted measure by measure; for a meeting, which
// priorities and principles its agenda covers and which it leaves out.

/**
 * Where the figures come from. 'frozen': the scorecard frozen for this meeting. 'before_meeting':
 * nothing was frozen, so the latest figures for periods that ended before the meeting (what its
 * agenda pack prints) — labelled as such on screen.
 */
export const figuresBasis = z.enum(['frozen', 'before_meeting']);
export type FiguresBasis = z.infer<typeof figuresBasis>;

export const figuresBasisLabel: Record<FiguresBasis, string> = {
  frozen: 'Frozen scorecard for this meeting',
  before_meeting:
    'No scorecard frozen for this meeting: latest figures for periods that ended before it (as in the agenda pack)',
};

/** One measure's row as the meeting sees it: RAG and direction from shared/domain/rag. */
/** A frozen scorecard row as the walk shows it: the snapshot row less its place, with a sparkline. */
export const walkMeasure = snapshotRow.omit({ position: true, priorityTitle: true }).extend({
  /** Up to eight values, oldest first, ending with the latest (for the sparkline). */
  series: z.array(seriesPoint),
});
export type WalkMeasure = z.infer<typeof walkMeasure>;

const boardAction = z.object({
  id: z.number().int(),
  description: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  status: actionStatus,
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  meetingDate: z.string().nullable(),
});

const planRow = z.object({
  id: z.number().int(),
  ref: z.string(),
  action: z.string(),
  leads: z.string(),
  timescale: z.string(),
  status: planStatus,
  latestUpdate: z.object({ date: z.string(), author: z.string(), text: z.string() }).nullable(),
});

const voiceRow = z.object({
  id: z.number().int(),
  said: z.string(),
  did: z.string(),
  saidDate: z.string(),
  didDate: z.string().nullable(),
  source: z.string(),
  status: voiceStatus,
});

export const priorityContext = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  /** Worst first: red, amber, then the rest, each in scorecard order. */
  measures: z.array(walkMeasure),
  /** Board actions still open or in progress; overdue ones first. */
  actions: z.array(boardAction),
  /** Action-plan rows not yet complete. */
  planActions: z.array(planRow),
  /** The latest "you said, we did" entries (newest first, at most three). */
  voice: z.array(voiceRow),
});
export type PriorityContext = z.infer<typeof priorityContext>;

const linkRef = z.object({ id: z.number().int(), code: z.string(), title: z.string() });

export const measureNoteSchema = z.object({ text: z.string(), updatedAt: z.string() });

export const scorecardWalkRow = walkMeasure.extend({
  note: measureNoteSchema.nullable(),
  decisions: z.array(z.object({ id: z.number().int(), text: z.string() })),
  actions: z.array(
    z.object({
      id: z.number().int(),
      description: z.string(),
      owner: z.string(),
      dueDate: z.string().nullable(),
    }),
  ),
});
export type ScorecardWalkRow = z.infer<typeof scorecardWalkRow>;

export const scorecardWalkGroup = z.object({
  priorityId: z.number().int().nullable(),
  priorityCode: z.string(),
  priorityTitle: z.string(),
  red: z.number().int(),
  amber: z.number().int(),
  rows: z.array(scorecardWalkRow),
});
export type ScorecardWalkGroup = z.infer<typeof scorecardWalkGroup>;

export const itemContext = z.object({
  meeting: z.object({ id: z.number().int(), date: isoDate, status: meetingStatus }),
  item: z.object({
    id: z.number().int(),
    position: z.number().int(),
    kind: itemKind,
    title: z.string(),
    exempt: z.boolean(),
  }),
  figures: z.object({ basis: figuresBasis, takenAt: z.string().nullable() }),
  priorities: z.array(priorityContext),
  pledges: z.array(linkRef),
  principles: z.array(linkRef),
  /** The scorecard item only: every measure, grouped by priority, groups and rows red and amber first. */
  scorecard: z.array(scorecardWalkGroup).nullable(),
  /** Notes can be typed (the meeting has started and its minutes are not approved). */
  notesOpen: z.boolean(),
});
export type ItemContext = z.infer<typeof itemContext>;

const agendaHit = z.object({
  itemId: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  exempt: z.boolean(),
});
const lastOnAgenda = z
  .object({ meetingId: z.number().int(), date: isoDate, itemTitle: z.string(), exempt: z.boolean() })
  .nullable();

const coverageRow = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  /** This agenda's items that cover it (principles: directly or through a priority or pledge). */
  items: z.array(agendaHit),
  /** The latest earlier meeting that had it on its agenda. */
  lastOnAgenda,
  /** How many of the financial year's meetings had it on their agenda. */
  meetingsThisYear: z.number().int(),
});
export type CoverageRow = z.infer<typeof coverageRow>;

export const meetingCoverage = z.object({
  meeting: z.object({ id: z.number().int(), date: isoDate }),
  year: z.object({ label: z.string(), from: isoDate, to: isoDate }),
  /** The financial year's meetings in date order, with what each covered. */
  yearMeetings: z.array(
    z.object({
      id: z.number().int(),
      date: isoDate,
      status: meetingStatus,
      priorityIds: z.array(z.number().int()),
      principleIds: z.array(z.number().int()),
    }),
  ),
  priorities: z.array(coverageRow),
  principles: z.array(coverageRow),
});
export type MeetingCoverage = z.infer<typeof meetingCoverage>;

export const measureNoteMax = 2000;

export const walkApi = {
  'item.context': query(
    'An agenda item walked against the strategy: its priorities’ figures for the meeting, open actions and voice of the child; on the scorecard item, the frozen scorecard with notes per measure',
    z.object({ itemId: id }).strict(),
    itemContext,
  ),
  'meeting.coverage': query(
    'Which priorities and principles a meeting’s agenda covers, which it leaves out, and when each was last on an agenda',
    z.object({ meetingId: id }).strict(),
    meetingCoverage,
  ),
  'measureNote.save': command(
    'Minute the discussion of one measure on the scorecard item (empty text removes the note)',
    z.object({ itemId: id, measureId: id, text: text(measureNoteMax) }).strict(),
    ok.extend({ savedAt: z.string() }),
    { invalidates: readersOf('measureNotes') },
  ),
};
