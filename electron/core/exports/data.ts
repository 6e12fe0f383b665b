/**
 * What the Word documents read from the board file: plain SQL over the final schema, shaped for
 * printing. RAG, direction and overdue come from the same pure functions the screens use.
 */
import { ApiError } from '../../../shared/api/errors';
import { isOverdue, daysOverdue, type ActionStatus } from '../../../shared/domain/overdue';
import { comparePeriods, parsePeriod } from '../../../shared/domain/periods';
import {
  directionOfTravel,
  ragStatus,
  type Direction,
  type Polarity,
  type Rag,
} from '../../../shared/domain/rag';
import type { Unit } from '../../../shared/domain/format';
import type { MemberRole } from '../../../shared/domain/quorum';
import type { DB } from '../store/board-file';
import type { BoardHeading } from './kit';

export interface MemberRow {
  id: number;
  name: string;
  role: MemberRole;
  jobTitle: string;
  organisation: string;
  voting: boolean;
  activeFrom: string | null;
  activeTo: string | null;
}

export interface BoardData extends BoardHeading {
  members: MemberRow[];
}

export function loadBoard(db: DB): BoardData {
  const b = db.prepare('SELECT authority, name, logo, logo_mime FROM board WHERE id = 1').get() as
    { authority: string; name: string; logo: Buffer | null; logo_mime: string | null } | undefined;
  if (!b) throw new ApiError('bad_file', 'This board file has no board details');
  const members = (
    db
      .prepare(
        'SELECT id, name, role, job_title, organisation, voting, active_from, active_to FROM member ORDER BY sort, name',
      )
      .all() as {
      id: number;
      name: string;
      role: MemberRole;
      job_title: string;
      organisation: string;
      voting: number;
      active_from: string | null;
      active_to: string | null;
    }[]
  ).map((m) => ({
    id: m.id,
    name: m.name,
    role: m.role,
    jobTitle: m.job_title,
    organisation: m.organisation,
    voting: m.voting === 1,
    activeFrom: m.active_from,
    activeTo: m.active_to,
  }));
  return {
    authority: b.authority,
    name: b.name,
    logo: b.logo ? Buffer.from(b.logo) : null,
    logoMime: b.logo_mime,
    members,
  };
}

/** Members whose active dates cover `date` (open-ended dates count as active). */
export const activeOn = (m: MemberRow, date: string) =>
  (!m.activeFrom || m.activeFrom <= date) && (!m.activeTo || m.activeTo >= date);

// ---- Meetings --------------------------------------------------------------------------------

export type Purpose = 'decision' | 'discussion' | 'information' | 'assurance';
export type MeetingStatus =
  'draft' | 'agenda_published' | 'in_progress' | 'minutes_draft' | 'minutes_approved';

export interface ActionRow {
  id: number;
  meetingId: number | null;
  meetingDate: string | null;
  itemId: number | null;
  itemPosition: number | null;
  itemTitle: string | null;
  itemExempt: boolean;
  description: string;
  owner: string;
  dueDate: string | null;
  urgency: 'high' | 'medium' | 'low';
  status: ActionStatus;
  priorityId: number | null;
  priorityTitle: string | null;
  completedAt: string | null;
  overdue: boolean;
  daysOverdue: number;
  latestUpdate: { date: string; author: string; text: string } | null;
}

export interface ItemRow {
  id: number;
  position: number;
  kind: string;
  title: string;
  presenter: string;
  purpose: Purpose;
  minutesAllowed: number | null;
  exempt: boolean;
  exemptParagraph: string;
  minutesDoc: string;
  minutesText: string;
  papers: { label: string; ref: string }[];
  decisions: string[];
  actions: ActionRow[];
  priorities: string[];
  priorityIds: number[];
  /** The scorecard item's minute per measure discussed, in scorecard order. */
  measureNotes: { code: string; title: string; text: string }[];
}

export interface MeetingData {
  id: number;
  date: string;
  startTime: string;
  venue: string;
  type: 'ordinary' | 'extraordinary';
  status: MeetingStatus;
  chair: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  approvedAtMeetingDate: string | null;
  items: ItemRow[];
  /** Actions recorded against the meeting but no particular item. */
  meetingActions: ActionRow[];
  attendance: {
    memberId: number;
    name: string;
    role: MemberRole;
    jobTitle: string;
    organisation: string;
    voting: boolean;
    status: 'present' | 'apologies' | 'absent' | 'substitute';
    substituteFor: string | null;
  }[];
  declarations: {
    member: string;
    itemId: number | null;
    itemPosition: number | null;
    itemTitle: string | null;
    itemExempt: boolean;
    nature: string;
  }[];
  amendments: {
    itemId: number | null;
    itemPosition: number | null;
    itemExempt: boolean;
    text: string;
    author: string;
    createdAt: string;
  }[];
}

const ACTION_SQL = `
  SELECT a.id, a.meeting_id, m.date AS meeting_date, a.agenda_item_id, ai.position AS item_position, ai.title AS item_title,
         ifnull(ai.exempt, 0) AS item_exempt, a.description, coalesce(mb.name, nullif(a.owner_name, ''), '') AS owner,
         a.due_date, a.urgency, a.status, a.priority_id, pr.code || ' ' || pr.title AS priority_title, a.completed_at
  FROM action a
  LEFT JOIN meeting m ON m.id = a.meeting_id
  LEFT JOIN agenda_item ai ON ai.id = a.agenda_item_id
  LEFT JOIN member mb ON mb.id = a.owner_member_id
  LEFT JOIN priority pr ON pr.id = a.priority_id`;

interface RawAction {
  id: number;
  meeting_id: number | null;
  meeting_date: string | null;
  agenda_item_id: number | null;
  item_position: number | null;
  item_title: string | null;
  item_exempt: number;
  description: string;
  owner: string;
  due_date: string | null;
  urgency: 'high' | 'medium' | 'low';
  status: ActionStatus;
  priority_id: number | null;
  priority_title: string | null;
  completed_at: string | null;
}

function toAction(db: DB, r: RawAction, today: string): ActionRow {
  const u = db
    .prepare(
      'SELECT date, author, text FROM action_update WHERE action_id = ? ORDER BY date DESC, id DESC LIMIT 1',
    )
    .get(r.id) as { date: string; author: string; text: string } | undefined;
  const od = { status: r.status, dueDate: r.due_date };
  return {
    id: r.id,
    meetingId: r.meeting_id,
    meetingDate: r.meeting_date,
    itemId: r.agenda_item_id,
    itemPosition: r.item_position,
    itemTitle: r.item_title,
    itemExempt: r.item_exempt === 1,
    description: r.description,
    owner: r.owner,
    dueDate: r.due_date,
    urgency: r.urgency,
    status: r.status,
    priorityId: r.priority_id,
    priorityTitle: r.priority_title,
    completedAt: r.completed_at,
    overdue: isOverdue(od, today),
    daysOverdue: daysOverdue(od, today),
    latestUpdate: u ?? null,
  };
}

export function loadActions(db: DB, today: string): ActionRow[] {
  return (db.prepare(`${ACTION_SQL} ORDER BY a.due_date IS NULL, a.due_date, a.id`).all() as RawAction[]).map(
    (r) => toAction(db, r, today),
  );
}

export function loadMeeting(db: DB, meetingId: number, today: string): MeetingData {
  const m = db
    .prepare(
      `SELECT m.id, m.date, m.start_time, m.venue, m.type, m.status, mb.name AS chair, m.approved_at, m.approved_by, am.date AS approved_at_date
       FROM meeting m LEFT JOIN member mb ON mb.id = m.chair_member_id LEFT JOIN meeting am ON am.id = m.approved_at_meeting_id WHERE m.id = ?`,
    )
    .get(meetingId) as
    | {
        id: number;
        date: string;
        start_time: string;
        venue: string;
        type: 'ordinary';
        status: MeetingStatus;
        chair: string | null;
        approved_at: string | null;
        approved_by: string | null;
        approved_at_date: string | null;
      }
    | undefined;
  if (!m) throw new ApiError('not_found', `There is no meeting with id ${meetingId}`);
  const actions = (
    db
      .prepare(`${ACTION_SQL} WHERE a.meeting_id = ? OR ai.meeting_id = ? ORDER BY ai.position, a.id`)
      .all(meetingId, meetingId) as RawAction[]
  ).map((r) => toAction(db, r, today));
  const items = (
    db
      .prepare(
        `SELECT id, position, kind, title, presenter, purpose, minutes_allowed, exempt, exempt_paragraph, minutes_doc, minutes_text
         FROM agenda_item WHERE meeting_id = ? ORDER BY position, id`,
      )
      .all(meetingId) as {
      id: number;
      position: number;
      kind: string;
      title: string;
      presenter: string;
      purpose: Purpose;
      minutes_allowed: number | null;
      exempt: number;
      exempt_paragraph: string;
      minutes_doc: string;
      minutes_text: string;
    }[]
  ).map((i) => ({
    id: i.id,
    position: i.position,
    kind: i.kind,
    title: i.title,
    presenter: i.presenter,
    purpose: i.purpose,
    minutesAllowed: i.minutes_allowed,
    exempt: i.exempt === 1,
    exemptParagraph: i.exempt_paragraph,
    minutesDoc: i.minutes_doc,
    minutesText: i.minutes_text,
    papers: db
      .prepare('SELECT label, ref FROM agenda_paper WHERE agenda_item_id = ? ORDER BY sort, id')
      .all(i.id) as { label: string; ref: string }[],
    decisions: (
      db.prepare('SELECT text FROM decision WHERE agenda_item_id = ? ORDER BY position, id').all(i.id) as {
        text: string;
      }[]
    ).map((d) => d.text),
    actions: actions.filter((a) => a.itemId === i.id),
    priorities: (
      db
        .prepare(
          'SELECT p.code, p.title FROM link l JOIN priority p ON p.id = l.to_priority_id WHERE l.agenda_item_id = ? ORDER BY p.sort, p.id',
        )
        .all(i.id) as {
        code: string;
        title: string;
      }[]
    ).map((p) => `${p.code} ${p.title}`),
    priorityIds: (
      db
        .prepare(
          'SELECT p.id FROM link l JOIN priority p ON p.id = l.to_priority_id WHERE l.agenda_item_id = ? ORDER BY p.sort, p.id',
        )
        .all(i.id) as { id: number }[]
    ).map((p) => p.id),
    measureNotes: db
      .prepare(
        `SELECT ms.code, ms.title, n.text FROM measure_note n JOIN measure ms ON ms.id = n.measure_id
         WHERE n.agenda_item_id = ? ORDER BY ms.sort, ms.code`,
      )
      .all(i.id) as { code: string; title: string; text: string }[],
  }));
  const attendance = (
    db
      .prepare(
        `SELECT a.member_id, mb.name, mb.role, mb.job_title, mb.organisation, mb.voting, a.status, sf.name AS substitute_for
         FROM attendance a JOIN member mb ON mb.id = a.member_id LEFT JOIN member sf ON sf.id = a.substitute_for_member_id
         WHERE a.meeting_id = ? ORDER BY mb.sort, mb.name`,
      )
      .all(meetingId) as {
      member_id: number;
      name: string;
      role: MemberRole;
      job_title: string;
      organisation: string;
      voting: number;
      status: 'present';
      substitute_for: string | null;
    }[]
  ).map((a) => ({
    memberId: a.member_id,
    name: a.name,
    role: a.role,
    jobTitle: a.job_title,
    organisation: a.organisation,
    voting: a.voting === 1,
    status: a.status,
    substituteFor: a.substitute_for,
  }));
  const declarations = (
    db
      .prepare(
        `SELECT mb.name AS member, d.agenda_item_id, ai.position, ai.title, ifnull(ai.exempt, 0) AS exempt, d.nature
         FROM declaration d JOIN member mb ON mb.id = d.member_id LEFT JOIN agenda_item ai ON ai.id = d.agenda_item_id
         WHERE d.meeting_id = ? ORDER BY ai.position, d.id`,
      )
      .all(meetingId) as {
      member: string;
      agenda_item_id: number | null;
      position: number | null;
      title: string | null;
      exempt: number;
      nature: string;
    }[]
  ).map((d) => ({
    member: d.member,
    itemId: d.agenda_item_id,
    itemPosition: d.position,
    itemTitle: d.title,
    itemExempt: d.exempt === 1,
    nature: d.nature,
  }));
  const amendments = (
    db
      .prepare(
        `SELECT x.agenda_item_id, ai.position, ifnull(ai.exempt, 0) AS exempt, x.text, x.author, x.created_at
         FROM minutes_amendment x LEFT JOIN agenda_item ai ON ai.id = x.agenda_item_id WHERE x.meeting_id = ? ORDER BY x.created_at, x.id`,
      )
      .all(meetingId) as {
      agenda_item_id: number | null;
      position: number | null;
      exempt: number;
      text: string;
      author: string;
      created_at: string;
    }[]
  ).map((x) => ({
    itemId: x.agenda_item_id,
    itemPosition: x.position,
    itemExempt: x.exempt === 1,
    text: x.text,
    author: x.author,
    createdAt: x.created_at,
  }));
  return {
    id: m.id,
    date: m.date,
    startTime: m.start_time,
    venue: m.venue,
    type: m.type,
    status: m.status,
    chair: m.chair,
    approvedAt: m.approved_at,
    approvedBy: m.approved_by,
    approvedAtMeetingDate: m.approved_at_date,
    items,
    meetingActions: actions
      .filter((a) => a.itemId === null || !items.some((it) => it.id === a.itemId))
      .filter((a) => !a.itemExempt),
    attendance,
    declarations,
    amendments,
  };
}

// ---- Scorecard -------------------------------------------------------------------------------

export interface ScoreRow {
  measureId: number | null;
  priorityTitle: string;
  code: string;
  title: string;
  unit: Unit;
  polarity: Polarity;
  target: number | null;
  period: string | null;
  value: number | null;
  previousPeriod: string | null;
  previousValue: number | null;
  rag: Rag;
  direction: Direction;
  england: number | null;
  neighbours: number | null;
  region: number | null;
  working: string;
  worried: string;
  next: string;
}

export interface MeasureSeries {
  id: number;
  code: string;
  title: string;
  unit: Unit;
  polarity: Polarity;
  target: number | null;
  values: { period: string; value: number }[];
  comparators: { kind: 'england' | 'neighbours' | 'region'; period: string; value: number }[];
}

interface RawMeasure {
  id: number;
  code: string;
  title: string;
  unit: Unit;
  polarity: Polarity;
  target: number | null;
  tolerance: number;
  priority_title: string | null;
  commentary_working: string;
  commentary_worried: string;
  commentary_next: string;
}

export function loadMeasureSeries(db: DB): (MeasureSeries & {
  tolerance: number;
  priorityTitle: string;
  working: string;
  worried: string;
  next: string;
})[] {
  const measures = db
    .prepare(
      `SELECT m.id, m.code, m.title, m.unit, m.polarity, m.target, m.tolerance, p.code || ' ' || p.title AS priority_title,
              m.commentary_working, m.commentary_worried, m.commentary_next
       FROM measure m LEFT JOIN priority p ON p.id = m.priority_id WHERE m.archived = 0
       ORDER BY p.id IS NULL, p.sort, p.id, m.sort, m.code`,
    )
    .all() as RawMeasure[];
  const values = db.prepare('SELECT measure_id, period, value FROM measure_value').all() as {
    measure_id: number;
    period: string;
    value: number;
  }[];
  const comps = db.prepare('SELECT measure_id, kind, period, value FROM comparator').all() as {
    measure_id: number;
    kind: 'england' | 'neighbours' | 'region';
    period: string;
    value: number;
  }[];
  return measures.map((m) => ({
    id: m.id,
    code: m.code,
    title: m.title,
    unit: m.unit,
    polarity: m.polarity,
    target: m.target,
    tolerance: m.tolerance,
    priorityTitle: m.priority_title ?? 'Not linked to a priority',
    working: m.commentary_working,
    worried: m.commentary_worried,
    next: m.commentary_next,
    values: values
      .filter((v) => v.measure_id === m.id)
      .map((v) => ({ period: v.period, value: v.value }))
      .sort((a, b) => comparePeriods(a.period, b.period)),
    comparators: comps
      .filter((c) => c.measure_id === m.id)
      .map((c) => ({ kind: c.kind, period: c.period, value: c.value }))
      .sort((a, b) => comparePeriods(a.period, b.period)),
  }));
}

/** Latest comparator of a kind at or before `period` (published figures lag behind). */
function comparatorAt(
  s: MeasureSeries,
  kind: 'england' | 'neighbours' | 'region',
  period: string | null,
): number | null {
  const list = s.comparators.filter(
    (c) => c.kind === kind && (period === null || comparePeriods(c.period, period) <= 0),
  );
  return list.at(-1)?.value ?? null;
}

/** Whether a period ended before an ISO date (unreadable periods never count). */
export function endedBefore(period: string, isoDate: string): boolean {
  const p = parsePeriod(period);
  return p !== null && p.end < isoDate;
}

/**
 * The scorecard as it stands today, computed exactly as the scorecard screen computes it.
 * With `endedBefore`, only figures for periods that ended before that date count (an agenda pack
 * for a meeting shows what was available before the meeting, never later periods).
 */
export function currentScorecard(db: DB, opts: { endedBefore?: string } = {}): ScoreRow[] {
  const cut = opts.endedBefore;
  const all = loadMeasureSeries(db);
  const series =
    cut === undefined
      ? all
      : all.map((s) => ({
          ...s,
          values: s.values.filter((v) => endedBefore(v.period, cut)),
          comparators: s.comparators.filter((c) => endedBefore(c.period, cut)),
        }));
  return series.map((s) => {
    const dot = directionOfTravel(s.values, s.polarity);
    const latest = dot.latest;
    return {
      measureId: s.id,
      priorityTitle: s.priorityTitle,
      code: s.code,
      title: s.title,
      unit: s.unit,
      polarity: s.polarity,
      target: s.target,
      period: latest?.period ?? null,
      value: latest?.value ?? null,
      previousPeriod: dot.previous?.period ?? null,
      previousValue: dot.previous?.value ?? null,
      rag: ragStatus({
        value: latest?.value ?? null,
        target: s.target,
        tolerance: s.tolerance,
        polarity: s.polarity,
      }),
      direction: dot.direction,
      england: comparatorAt(s, 'england', latest?.period ?? null),
      neighbours: comparatorAt(s, 'neighbours', latest?.period ?? null),
      region: comparatorAt(s, 'region', latest?.period ?? null),
      working: s.working,
      worried: s.worried,
      next: s.next,
    };
  });
}

/** The scorecard frozen for a meeting, if one was taken (the latest if several). */
export function meetingSnapshot(
  db: DB,
  meetingId: number,
): { title: string; takenAt: string; rows: ScoreRow[] } | null {
  const snap = db
    .prepare(
      'SELECT id, title, taken_at FROM snapshot WHERE meeting_id = ? ORDER BY taken_at DESC, id DESC LIMIT 1',
    )
    .get(meetingId) as { id: number; title: string; taken_at: string } | undefined;
  if (!snap) return null;
  const rows = (
    db.prepare('SELECT * FROM snapshot_row WHERE snapshot_id = ? ORDER BY position').all(snap.id) as {
      measure_id: number | null;
      priority_title: string;
      code: string;
      title: string;
      unit: Unit;
      polarity: Polarity;
      target: number | null;
      period: string | null;
      value: number | null;
      previous_period: string | null;
      previous_value: number | null;
      rag: Rag;
      direction: string;
      england: number | null;
      neighbours: number | null;
      region: number | null;
      commentary_working: string;
      commentary_worried: string;
      commentary_next: string;
    }[]
  ).map((r) => ({
    measureId: r.measure_id,
    priorityTitle: r.priority_title || 'Not linked to a priority',
    code: r.code,
    title: r.title,
    unit: r.unit,
    polarity: r.polarity,
    target: r.target,
    period: r.period,
    value: r.value,
    previousPeriod: r.previous_period,
    previousValue: r.previous_value,
    rag: r.rag,
    direction: (r.direction in DIRECTIONS ? r.direction : 'not_comparable') as Direction,
    england: r.england,
    neighbours: r.neighbours,
    region: r.region,
    working: r.commentary_working,
    worried: r.commentary_worried,
    next: r.commentary_next,
  }));
  return { title: snap.title, takenAt: snap.taken_at, rows };
}
const DIRECTIONS = { improving: 1, worsening: 1, no_change: 1, up: 1, down: 1, not_comparable: 1 };

export interface CohortData {
  periods: string[];
  /** breakdown → categories (in sort order) → counts per period (aligned with `periods`). */
  breakdowns: { breakdown: string; categories: { category: string; counts: number[] }[] }[];
}

export function loadCohort(db: DB): CohortData {
  const rows = db
    .prepare(
      'SELECT period, breakdown, category, count, sort FROM cohort_value ORDER BY breakdown, sort, category',
    )
    .all() as {
    period: string;
    breakdown: string;
    category: string;
    count: number;
    sort: number;
  }[];
  const periods = [...new Set(rows.map((r) => r.period))].sort(comparePeriods);
  const order = ['age_band', 'gender', 'legal_status', 'placement_type', 'ethnicity', 'time_in_care'];
  const breakdowns = order
    .filter((b) => rows.some((r) => r.breakdown === b))
    .map((b) => {
      const cats: string[] = [];
      for (const r of rows) if (r.breakdown === b && !cats.includes(r.category)) cats.push(r.category);
      return {
        breakdown: b,
        categories: cats.map((c) => ({
          category: c,
          counts: periods.map(
            (p) => rows.find((r) => r.breakdown === b && r.category === c && r.period === p)?.count ?? 0,
          ),
        })),
      };
    });
  return { periods, breakdowns };
}

export const purposeLabel: Record<Purpose, string> = {
  decision: 'For decision',
  discussion: 'For discussion',
  information: 'For information',
  assurance: 'For assurance',
};
