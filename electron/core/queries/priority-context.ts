/**
 * The read model for walking an agenda against the strategy: an item's priorities with the
 * meeting's figures, open actions and voice of the child; the scorecard item measure by measure;
 * and a meeting's coverage of priorities and principles. RAG and direction are never worked out
 * here: frozen rows carry what shared/domain/rag gave when frozen, and unfrozen rows come from
 * `currentScorecard`, which calls it — so the screen and the documents agree.
 */
import { ApiError } from '../../../shared/api/errors';
import type { MeasureDetail } from '../../../shared/api/measures';
import type { ItemKind, MeetingStatus } from '../../../shared/api/meetings';
import type {
  CoverageRow,
  FiguresBasis,
  ItemContext,
  MeetingCoverage,
  PriorityContext,
  ScorecardWalkGroup,
  WalkMeasure,
} from '../../../shared/api/walk';
import { daysOverdue, isOverdue, type ActionStatus } from '../../../shared/domain/overdue';
import { comparePeriods, parsePeriod, periodForDate, previousPeriod } from '../../../shared/domain/periods';
import type { Rag } from '../../../shared/domain/rag';
import type { Ctx } from '../context';
import { currentScorecard } from '../exports/data';
import { principleItemLinks } from '../services/coverage';
import { snapshotRows } from '../services/snapshot';

const NO_PRIORITY = 'Not linked to a priority';
const SPARK_POINTS = 8;

interface MeetingHead {
  id: number;
  date: string;
  status: MeetingStatus;
}

function meetingHead(ctx: Ctx, id: number): MeetingHead {
  const m = ctx.db.prepare('SELECT id, date, status FROM meeting WHERE id = ?').get(id) as
    MeetingHead | undefined;
  if (!m) throw new ApiError('not_found', `meetingId: there is no meeting with id ${id}`);
  return m;
}

interface PriorityRef {
  id: number;
  code: string;
  title: string;
}

const priorities = (ctx: Ctx): PriorityRef[] =>
  ctx.db.prepare('SELECT id, code, title FROM priority ORDER BY sort, id').all() as PriorityRef[];

/** A measure row for the meeting, with the priority it is filed under. */
export interface MeetingMeasure extends WalkMeasure {
  priorityId: number | null;
  priorityTitle: string;
}

function seriesUpTo(ctx: Ctx, measureId: number | null, latest: { period: string; value: number } | null) {
  if (measureId === null || latest === null) return latest ? [latest] : [];
  const points = (
    ctx.db.prepare('SELECT period, value FROM measure_value WHERE measure_id = ?').all(measureId) as {
      period: string;
      value: number;
    }[]
  )
    .filter((p) => comparePeriods(p.period, latest.period) < 0)
    .sort((a, b) => comparePeriods(a.period, b.period));
  // The latest point is the figure the meeting saw, even if it was corrected later.
  return [...points.slice(-(SPARK_POINTS - 1)), latest];
}

const gapBetween = (period: string | null, previous: string | null) =>
  !!period && !!previous && parsePeriod(period) !== null && previousPeriod(period) !== previous;

/**
 * Every measure as this meeting sees it: its frozen scorecard, or — when none was frozen — the
 * latest figures for periods that ended before the meeting (what its agenda pack prints).
 */
export function meetingFigures(
  ctx: Ctx,
  meeting: { id: number; date: string },
): { basis: FiguresBasis; takenAt: string | null; rows: MeetingMeasure[] } {
  const prios = priorities(ctx);
  const byTitle = new Map(prios.map((p) => [p.title, p]));
  const measurePriority = new Map(
    (
      ctx.db.prepare('SELECT id, priority_id FROM measure').all() as {
        id: number;
        priority_id: number | null;
      }[]
    ).map((m) => [m.id, m.priority_id]),
  );
  const byId = new Map(prios.map((p) => [p.id, p]));
  const snap = ctx.db
    .prepare('SELECT id, taken_at FROM snapshot WHERE meeting_id = ? ORDER BY id DESC LIMIT 1')
    .get(meeting.id) as { id: number; taken_at: string } | undefined;
  if (snap) {
    const rows = snapshotRows(ctx, snap.id).map((r): MeetingMeasure => {
      // Filed under the priority it was frozen under; a renamed priority falls back to today's link.
      const frozen = byTitle.get(r.priorityTitle);
      const pid = frozen?.id ?? (r.measureId !== null ? (measurePriority.get(r.measureId) ?? null) : null);
      return {
        measureId: r.measureId,
        code: r.code,
        title: r.title,
        unit: r.unit,
        polarity: r.polarity,
        target: r.target,
        latest: r.latest,
        previous: r.previous,
        rag: r.rag,
        direction: r.direction,
        gap: r.gap,
        england: r.england,
        neighbours: r.neighbours,
        region: r.region,
        series: seriesUpTo(ctx, r.measureId, r.latest),
        commentary: r.commentary,
        priorityId: pid,
        priorityTitle:
          r.priorityTitle || (pid !== null ? (byId.get(pid)?.title ?? NO_PRIORITY) : NO_PRIORITY),
      };
    });
    return { basis: 'frozen', takenAt: snap.taken_at, rows };
  }
  const rows = currentScorecard(ctx.db, { endedBefore: meeting.date }).map((r): MeetingMeasure => {
    const pid = r.measureId !== null ? (measurePriority.get(r.measureId) ?? null) : null;
    const latest = r.period !== null && r.value !== null ? { period: r.period, value: r.value } : null;
    return {
      measureId: r.measureId,
      code: r.code,
      title: r.title,
      unit: r.unit,
      polarity: r.polarity,
      target: r.target,
      latest,
      previous:
        r.previousPeriod !== null && r.previousValue !== null
          ? { period: r.previousPeriod, value: r.previousValue }
          : null,
      rag: r.rag,
      direction: r.direction,
      gap: gapBetween(r.period, r.previousPeriod),
      england: r.england,
      neighbours: r.neighbours,
      region: r.region,
      series: seriesUpTo(ctx, r.measureId, latest),
      commentary: { working: r.working, worried: r.worried, next: r.next },
      priorityId: pid,
      priorityTitle: pid !== null ? (byId.get(pid)?.title ?? NO_PRIORITY) : NO_PRIORITY,
    };
  });
  return { basis: 'before_meeting', takenAt: null, rows };
}

const ragOrder: Record<Rag, number> = { red: 0, amber: 1, green: 2, no_target: 3, no_data: 4, not_rated: 5 };

/** Red first, then amber, then the rest; a stable sort keeps scorecard order within each. */
export const worstFirst = <T extends { rag: Rag }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => ragOrder[a.rag] - ragOrder[b.rag]);

const stripPriority = ({ priorityId: _p, priorityTitle: _t, ...m }: MeetingMeasure): WalkMeasure => m;

/** Measures that belong to a priority: filed under it, or linked to it. */
function measuresOf(ctx: Ctx, priorityId: number, rows: MeetingMeasure[]): WalkMeasure[] {
  const linked = new Set(
    (
      ctx.db
        .prepare('SELECT measure_id AS id FROM link WHERE measure_id IS NOT NULL AND to_priority_id = ?')
        .all(priorityId) as { id: number }[]
    ).map((r) => r.id),
  );
  return worstFirst(
    rows.filter((r) => r.priorityId === priorityId || (r.measureId !== null && linked.has(r.measureId))),
  ).map(stripPriority);
}

function priorityContextOf(ctx: Ctx, p: PriorityRef, rows: MeetingMeasure[]): PriorityContext {
  const today = ctx.today();
  const actions = (
    ctx.db
      .prepare(
        `SELECT a.id, a.description, coalesce(mb.name, nullif(a.owner_name, ''), '') AS owner, a.due_date, a.status, m.date AS meeting_date
         FROM action a LEFT JOIN member mb ON mb.id = a.owner_member_id LEFT JOIN meeting m ON m.id = a.meeting_id
         WHERE a.status IN ('open', 'in_progress')
           AND (a.priority_id = @p OR a.id IN (SELECT action_id FROM link WHERE action_id IS NOT NULL AND to_priority_id = @p))
         ORDER BY a.due_date IS NULL, a.due_date, a.id`,
      )
      .all({ p: p.id }) as {
      id: number;
      description: string;
      owner: string;
      due_date: string | null;
      status: ActionStatus;
      meeting_date: string | null;
    }[]
  ).map((a) => {
    const od = { status: a.status, dueDate: a.due_date };
    return {
      id: a.id,
      description: a.description,
      owner: a.owner,
      dueDate: a.due_date,
      status: a.status,
      overdue: isOverdue(od, today),
      daysOverdue: daysOverdue(od, today),
      meetingDate: a.meeting_date,
    };
  });
  const planActions = (
    ctx.db
      .prepare(
        `SELECT id, ref, action, leads, timescale, status FROM plan_action
         WHERE priority_id = ? AND archived = 0 AND status <> 'complete' ORDER BY sort, id`,
      )
      .all(p.id) as {
      id: number;
      ref: string;
      action: string;
      leads: string;
      timescale: string;
      status: PriorityContext['planActions'][number]['status'];
    }[]
  ).map((r) => ({
    ...r,
    latestUpdate:
      (ctx.db
        .prepare(
          'SELECT date, author, text FROM plan_update WHERE plan_action_id = ? ORDER BY date DESC, id DESC LIMIT 1',
        )
        .get(r.id) as { date: string; author: string; text: string } | undefined) ?? null,
  }));
  const voice = (
    ctx.db
      .prepare(
        `SELECT id, said, did, said_date, did_date, source, status FROM voice_entry
         WHERE priority_id = ? ORDER BY said_date DESC, id DESC LIMIT 3`,
      )
      .all(p.id) as {
      id: number;
      said: string;
      did: string;
      said_date: string;
      did_date: string | null;
      source: string;
      status: PriorityContext['voice'][number]['status'];
    }[]
  ).map((v) => ({
    id: v.id,
    said: v.said,
    did: v.did,
    saidDate: v.said_date,
    didDate: v.did_date,
    source: v.source,
    status: v.status,
  }));
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    measures: measuresOf(ctx, p.id, rows),
    // Overdue first (most overdue at the top), then by due date.
    actions: [...actions].sort((a, b) => b.daysOverdue - a.daysOverdue),
    planActions,
    voice,
  };
}

/** The scorecard item: every measure grouped by priority, the groups with most reds first. */
function scorecardWalk(ctx: Ctx, itemId: number, rows: MeetingMeasure[]): ScorecardWalkGroup[] {
  const codes = new Map(priorities(ctx).map((p) => [p.id, p.code]));
  const notes = new Map(
    (
      ctx.db
        .prepare('SELECT measure_id, text, updated_at FROM measure_note WHERE agenda_item_id = ?')
        .all(itemId) as { measure_id: number; text: string; updated_at: string }[]
    ).map((n) => [n.measure_id, { text: n.text, updatedAt: n.updated_at }]),
  );
  const decisions = ctx.db
    .prepare(
      'SELECT id, text, measure_id FROM decision WHERE agenda_item_id = ? AND measure_id IS NOT NULL ORDER BY position, id',
    )
    .all(itemId) as { id: number; text: string; measure_id: number }[];
  const actions = ctx.db
    .prepare(
      `SELECT a.id, a.description, coalesce(mb.name, nullif(a.owner_name, ''), '') AS owner, a.due_date, a.measure_id
       FROM action a LEFT JOIN member mb ON mb.id = a.owner_member_id
       WHERE a.agenda_item_id = ? AND a.measure_id IS NOT NULL ORDER BY a.id`,
    )
    .all(itemId) as {
    id: number;
    description: string;
    owner: string;
    due_date: string | null;
    measure_id: number;
  }[];

  const groups: ScorecardWalkGroup[] = [];
  for (const r of rows) {
    let g = groups.find((x) => x.priorityTitle === r.priorityTitle && x.priorityId === r.priorityId);
    if (!g) {
      g = {
        priorityId: r.priorityId,
        priorityCode: r.priorityId !== null ? (codes.get(r.priorityId) ?? '') : '',
        priorityTitle: r.priorityTitle,
        red: 0,
        amber: 0,
        rows: [],
      };
      groups.push(g);
    }
    if (r.rag === 'red') g.red += 1;
    if (r.rag === 'amber') g.amber += 1;
    const mid = r.measureId;
    g.rows.push({
      ...stripPriority(r),
      note: mid !== null ? (notes.get(mid) ?? null) : null,
      decisions: decisions.filter((d) => d.measure_id === mid).map((d) => ({ id: d.id, text: d.text })),
      actions: actions
        .filter((a) => a.measure_id === mid)
        .map((a) => ({ id: a.id, description: a.description, owner: a.owner, dueDate: a.due_date })),
    });
  }
  for (const g of groups) g.rows = worstFirst(g.rows);
  // Groups with reds first, then ambers; otherwise strategy order (stable sort).
  return [...groups].sort((a, b) => b.red - a.red || b.amber - a.amber);
}

export function itemContext(ctx: Ctx, itemId: number): ItemContext {
  const it = ctx.db
    .prepare('SELECT id, meeting_id, position, kind, title, exempt FROM agenda_item WHERE id = ?')
    .get(itemId) as
    | { id: number; meeting_id: number; position: number; kind: ItemKind; title: string; exempt: number }
    | undefined;
  if (!it) throw new ApiError('not_found', `itemId: there is no agenda item with id ${itemId}`);
  const m = meetingHead(ctx, it.meeting_id);
  const figures = meetingFigures(ctx, m);
  const linked = (sql: string) => ctx.db.prepare(sql).all(it.id) as PriorityRef[];
  const prios = linked(
    `SELECT p.id, p.code, p.title FROM link l JOIN priority p ON p.id = l.to_priority_id
     WHERE l.agenda_item_id = ? ORDER BY p.sort, p.id`,
  );
  return {
    meeting: { id: m.id, date: m.date, status: m.status },
    item: { id: it.id, position: it.position, kind: it.kind, title: it.title, exempt: it.exempt === 1 },
    figures: { basis: figures.basis, takenAt: figures.takenAt },
    priorities: prios.map((p) => priorityContextOf(ctx, p, figures.rows)),
    pledges: linked(
      `SELECT p.id, p.code, p.title FROM link l JOIN pledge p ON p.id = l.to_pledge_id
       WHERE l.agenda_item_id = ? ORDER BY p.collection, p.sort, p.id`,
    ),
    principles: linked(
      `SELECT p.id, p.code, p.short_title AS title FROM link l JOIN principle p ON p.id = l.to_principle_id
       WHERE l.agenda_item_id = ? ORDER BY p.id`,
    ),
    scorecard: it.kind === 'scorecard' ? scorecardWalk(ctx, it.id, figures.rows) : null,
    notesOpen: m.status === 'in_progress' || m.status === 'minutes_draft',
  };
}

/** The financial year (April–March) containing an ISO date. */
function financialYearOf(date: string): { label: string; from: string; to: string } {
  const label = periodForDate(date, 'year');
  const p = parsePeriod(label)!;
  return { label, from: p.start, to: p.end };
}

interface ItemHit {
  item: number;
  meeting: number;
  date: string;
  position: number;
  title: string;
  exempt: number;
}

export function meetingCoverage(ctx: Ctx, meetingId: number): MeetingCoverage {
  const m = meetingHead(ctx, meetingId);
  const year = financialYearOf(m.date);
  const items = ctx.db
    .prepare(
      `SELECT i.id AS item, i.meeting_id AS meeting, m.date, i.position, i.title, i.exempt
       FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id ORDER BY m.date, m.id, i.position`,
    )
    .all() as ItemHit[];
  const itemById = new Map(items.map((i) => [i.item, i]));
  const priorityLinks = ctx.db
    .prepare(
      'SELECT agenda_item_id AS item, to_priority_id AS target FROM link WHERE agenda_item_id IS NOT NULL AND to_priority_id IS NOT NULL',
    )
    .all() as { item: number; target: number }[];
  const principleLinks = principleItemLinks(ctx.db).map((l) => ({ item: l.item, target: l.principle }));
  const meetingOrder = new Map(
    (
      ctx.db.prepare('SELECT id, date, status FROM meeting ORDER BY date, id').all() as {
        id: number;
        date: string;
        status: MeetingStatus;
      }[]
    ).map((x, i) => [x.id, { ...x, order: i }]),
  );
  const here = meetingOrder.get(m.id)!.order;
  const inYear = (date: string) => date >= year.from && date <= year.to;

  const rowsFor = (targets: PriorityRef[], links: { item: number; target: number }[]): CoverageRow[] =>
    targets.map((t) => {
      const hits = [...new Set(links.filter((l) => l.target === t.id).map((l) => l.item))]
        .map((i) => itemById.get(i)!)
        .filter(Boolean);
      const thisAgenda = hits.filter((h) => h.meeting === m.id).sort((a, b) => a.position - b.position);
      const earlier = hits
        .filter((h) => meetingOrder.get(h.meeting)!.order < here)
        .sort(
          (a, b) =>
            meetingOrder.get(b.meeting)!.order - meetingOrder.get(a.meeting)!.order ||
            a.position - b.position,
        );
      const last = earlier[0];
      return {
        id: t.id,
        code: t.code,
        title: t.title,
        items: thisAgenda.map((h) => ({
          itemId: h.item,
          position: h.position,
          title: h.title,
          exempt: h.exempt === 1,
        })),
        lastOnAgenda: last
          ? { meetingId: last.meeting, date: last.date, itemTitle: last.title, exempt: last.exempt === 1 }
          : null,
        meetingsThisYear: new Set(hits.filter((h) => inYear(h.date)).map((h) => h.meeting)).size,
      };
    });

  const activePriorities = ctx.db
    .prepare('SELECT id, code, title FROM priority WHERE archived = 0 ORDER BY sort, id')
    .all() as PriorityRef[];
  const principles = ctx.db
    .prepare('SELECT id, code, short_title AS title FROM principle ORDER BY id')
    .all() as PriorityRef[];
  const coveredBy = (meeting: number, links: { item: number; target: number }[]) =>
    [...new Set(links.filter((l) => itemById.get(l.item)?.meeting === meeting).map((l) => l.target))].sort(
      (a, b) => a - b,
    );
  return {
    meeting: { id: m.id, date: m.date },
    year,
    yearMeetings: [...meetingOrder.values()]
      .filter((x) => inYear(x.date))
      .map((x) => ({
        id: x.id,
        date: x.date,
        status: x.status,
        priorityIds: coveredBy(x.id, priorityLinks),
        principleIds: coveredBy(x.id, principleLinks),
      })),
    priorities: rowsFor(activePriorities, priorityLinks),
    principles: rowsFor(principles, principleLinks),
  };
}

/** Where meetings minuted a measure (a note, a decision or an action about it), newest first. */
export function measureDiscussions(ctx: Ctx, measureId: number): MeasureDetail['discussions'] {
  const items = ctx.db
    .prepare(
      `SELECT i.id, i.title, i.exempt, m.id AS meeting_id, m.date,
              (SELECT text FROM measure_note n WHERE n.agenda_item_id = i.id AND n.measure_id = @id) AS note
       FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
       WHERE i.id IN (SELECT agenda_item_id FROM measure_note WHERE measure_id = @id
                      UNION SELECT agenda_item_id FROM decision WHERE measure_id = @id
                      UNION SELECT agenda_item_id FROM action WHERE measure_id = @id)
       ORDER BY m.date DESC, m.id DESC, i.position`,
    )
    .all({ id: measureId }) as {
    id: number;
    title: string;
    exempt: number;
    meeting_id: number;
    date: string;
    note: string | null;
  }[];
  return items.map((i) => ({
    meetingId: i.meeting_id,
    meetingDate: i.date,
    itemId: i.id,
    itemTitle: i.title,
    exempt: i.exempt === 1,
    note: i.note,
    decisions: (
      ctx.db
        .prepare(
          'SELECT text FROM decision WHERE agenda_item_id = ? AND measure_id = ? ORDER BY position, id',
        )
        .all(i.id, measureId) as { text: string }[]
    ).map((d) => d.text),
    actions: ctx.db
      .prepare(
        `SELECT a.description, coalesce(mb.name, nullif(a.owner_name, ''), '') AS owner, a.due_date AS dueDate
           FROM action a LEFT JOIN member mb ON mb.id = a.owner_member_id
           WHERE a.agenda_item_id = ? AND a.measure_id = ? ORDER BY a.id`,
      )
      .all(i.id, measureId) as { description: string; owner: string; dueDate: string | null }[],
  }));
}
