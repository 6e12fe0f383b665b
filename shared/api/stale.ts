/**
 * Which API areas show each kind of data on the board. A command names the data it changes
 * (`invalidates: readersOf('minutes')`) and this one table says whose cached reads that makes
 * stale, so "who shows what" is decided once rather than in every command.
 *
 * An area is the part of a query's name before the dot ('meeting' for 'meeting.get'). When in
 * doubt an area is listed: a read refreshed for nothing costs a round trip, a stale screen
 * misleads the clerk.
 */
const shownBy = {
  /** The board's and authority's names (the page header). */
  boardNames: ['app', 'board'],
  logo: ['board'],
  /** Publishing settings: the settings screen (documents read them when made). */
  publishing: ['board'],
  /** The quorum rule: settings and the live meeting's quorum line. */
  quorum: ['board', 'meeting'],
  /** Members' names and roles: chairs, attendance, declarations, action owners, search hits. */
  members: ['board', 'meeting', 'actions', 'action', 'dashboard', 'search', 'visit'],
  /** A meeting's date, time, venue, chair, type and status (approval locks minutes and action wording). */
  meetings: [
    'meeting',
    'item',
    'dashboard',
    'actions',
    'action',
    'snapshot',
    'export',
    'voice',
    'search',
    'priority',
    'principles',
    'forward',
    'visit',
  ],
  /** Agenda items: titles, order, Part B, papers, links to the strategy. */
  agenda: [
    'meeting',
    'item',
    'dashboard',
    'actions',
    'action',
    'search',
    'priority',
    'principles',
    'export',
    'forward',
    'visit',
  ],
  minutes: ['meeting', 'search'],
  /** Attendance, declarations of interest and amendments: shown with the meeting only. */
  meetingRecord: ['meeting'],
  /**
   * Decisions: the meeting, the dashboard's recent decisions, search, the priority they dealt with,
   * and (on the scorecard item) the measure they were about.
   */
  decisions: ['meeting', 'item', 'measure', 'dashboard', 'search', 'priority'],
  /** Actions and their updates: the meeting's items, the action log, matters arising, the dashboard, search. */
  actions: ['meeting', 'item', 'measure', 'actions', 'action', 'dashboard', 'search', 'visit'],
  /** Measures, their values, comparators and commentary (frozen snapshots never change). */
  measures: ['measure', 'scorecard', 'dashboard', 'priority', 'search', 'item', 'annual'],
  /** The scorecard item's note per measure: the item walked in live mode, the measure's history, the minutes. */
  measureNotes: ['item', 'measure', 'export'],
  cohort: ['cohort'],
  snapshots: ['snapshot', 'export', 'item'],
  strategy: ['strategy'],
  /** Priorities and pledges: every list, filter and link that names them. */
  priorities: [
    'strategy',
    'priority',
    'plan',
    'principles',
    'measure',
    'scorecard',
    'dashboard',
    'actions',
    'action',
    'voice',
    'meeting',
    'item',
  ],
  /** What a priority, pledge, plan action, measure, agenda item or action links to. */
  links: [
    'strategy',
    'priority',
    'plan',
    'principles',
    'measure',
    'scorecard',
    'meeting',
    'item',
    'actions',
    'action',
  ],
  plan: ['plan', 'priority', 'item'],
  voice: ['voice', 'search', 'item'],
  /** Deleted records awaiting restore. */
  bin: ['bin'],
  /** The forward plan: standing reports and the reports planned for each meeting. */
  forwardPlan: ['forward', 'export'],
  /** Member visits: their own screen, the action log's sources, the meeting item reporting them. */
  visits: ['visit', 'actions', 'action', 'meeting', 'export'],
  /** The backups kept beside the board file. */
  backups: ['backup'],
  /** The annual report's foreword, sections and chart commentary, per council year. */
  annualText: ['annual'],
} as const satisfies Record<string, readonly string[]>;

export type BoardData = keyof typeof shownBy;

/** The areas whose reads show any of these kinds of data, for a command's `invalidates`. */
export function readersOf(...data: BoardData[]): readonly string[] {
  return [...new Set(data.flatMap((d) => shownBy[d]))];
}

/** Every area named in the table (for the test that each is a real area with reads). */
export const areasShown: readonly string[] = readersOf(...(Object.keys(shownBy) as BoardData[]));

/** 'meeting.get' → 'meeting'. */
export function areaOf(method: string): string {
  const dot = method.indexOf('.');
  return dot < 0 ? method : method.slice(0, dot);
}
