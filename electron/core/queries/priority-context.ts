/**
 * The read model for walking an agenda against the strategy: an item's priorities with the
 * meeting's figures, open actions and voice of the child; the scorecard item measure by measure;
 * and a meeting's coverage of priorities and principles. RAG and direction are never worked out
 * here: frozen rows carry what shared/domain/rag gave when frozen, and unfrozen rows come from
 * `currentScorecard`, which calls it — so the screen and the documents agree.
 */
import { ApiError } from '../../../shared/api/errors';
import type { MeasureDetail } from '../../../shared/api/measures';
import type { MeetingStatus } from '../../../shared/api/meetings';
import type {
  CoverageRow,
  FiguresBasis,
  ItemContext,
  MeetingCoverage,
  PriorityContext,
  ScorecardWalkGroup,
  WalkMeasure,
} from '../../../shared/api/walk';
import { daysOverdue, isOverdue } from '../../../shared/domain/overdue';
import { parsePeriod, periodForDate } from '../../../shared/domain/periods';
import { periodSortKey } from '../../../shared/domain/period-key';
import type { Rag } from '../../../shared/domain/rag';
import type { DB } from '../store/board-file';
import { meetingById } from '../store/meetings';
import { liveMeasures, valuesBeforeKey } from '../store/measures';
import { livePriorities, principleItemLinks, principleOptions } from '../store/strategy';
import {
  actionsAboutMeasure,
  allAgendaItems,
  allPriorities,
  decisionsAboutMeasure,
  itemHead,
  itemPriorityLinks,
  itemsDiscussingMeasure,
  latestVoiceOfPriority,
  measureActionsOfItem,
  measureDecisionsOfItem,
  measureNotesOfItem,
  measureNotesOfMeeting,
  measurePriorityPairs,
  meetingsInOrder,
  openActionsOfPriority,
  openPlanOfPriority,
  pledgesOfItem,
  principlesOfItem,
  prioritiesOfItem,
  type RefRow,
} from '../store/walk';
import { NO_PRIORITY, scorecard } from './scorecard';
import { meetingSnapshot } from './snapshot';

const SPARK_POINTS = 8;

function meetingHead(db: DB, id: number): { id: number; date: string; status: MeetingStatus } {
  const m = meetingById(db, id);
  if (!m) throw new ApiError('not_found', `meetingId: there is no meeting with id ${id}`);
  return { id: m.id, date: m.date, status: m.status };
}

/** A measure row for the meeting, with the priority it is filed under. */
export interface MeetingMeasure extends WalkMeasure {
  priorityId: number | null;
  priorityTitle: string;
}

/** Up to eight values ending at the one the meeting saw (even if it was corrected since). */
function seriesUpTo(db: DB, measureId: number | null, latest: { period: string; value: number } | null) {
  if (measureId === null || latest === null) return latest ? [latest] : [];
  // The seven before it, from the index (20 years of figures are not read for a sparkline).
  return [...valuesBeforeKey(db, measureId, periodSortKey(latest.period), SPARK_POINTS - 1), latest];
}

/**
 * Every measure as this meeting sees it: its frozen scorecard, or — when none was frozen — the
 * latest figures for periods that ended before the meeting (what its agenda pack prints).
 */
export function meetingFigures(
  db: DB,
  meeting: { id: number; date: string },
): { basis: FiguresBasis; takenAt: string | null; rows: MeetingMeasure[] } {
  const prios = allPriorities(db);
  const snap = meetingSnapshot(db, meeting.id);
  if (snap) {
    const byTitle = new Map(prios.map((p) => [p.title, p.id]));
    // Each live measure's priority today (what the scorecard files it under), without building the
    // scorecard: at twenty years that is every figure of every measure, for one meeting's minutes.
    const filedUnder = new Map<number, number>();
    for (const m of liveMeasures(db)) if (m.priority_id !== null) filedUnder.set(m.id, m.priority_id);
    const rows = snap.rows.map((r): MeetingMeasure => {
      // Filed under the priority it was frozen under; a renamed priority falls back to today's.
      const pid =
        byTitle.get(r.priorityTitle) ?? (r.measureId !== null ? (filedUnder.get(r.measureId) ?? null) : null);
      return {
        measureId: r.measureId,
        code: r.code,
        title: r.title,
        unit: r.unit,
        polarity: r.polarity,
        target: r.target,
        decimals: r.decimals,
        latest: r.latest,
        previous: r.previous,
        rag: r.rag,
        direction: r.direction,
        gap: r.gap,
        directionReason: r.directionReason,
        lastYear: r.lastYear,
        england: r.england,
        neighbours: r.neighbours,
        region: r.region,
        englandPeriod: r.englandPeriod,
        neighboursPeriod: r.neighboursPeriod,
        regionPeriod: r.regionPeriod,
        series: seriesUpTo(db, r.measureId, r.latest),
        commentary: r.commentary,
        priorityId: pid,
        priorityTitle: r.priorityTitle || NO_PRIORITY,
      };
    });
    return { basis: 'frozen', takenAt: snap.takenAt, rows };
  }
  const card = scorecard(db, { endedBefore: meeting.date });
  const rows = card.groups.flatMap((g) =>
    g.rows.map((r): MeetingMeasure => ({
      measureId: r.measureId,
      code: r.code,
      title: r.title,
      unit: r.unit,
      polarity: r.polarity,
      target: r.target,
      decimals: r.decimals,
      latest: r.latest,
      previous: r.previous,
      rag: r.rag,
      direction: r.direction,
      gap: r.gap,
      directionReason: r.directionReason,
      lastYear: r.lastYear,
      england: r.england?.value ?? null,
      neighbours: r.neighbours?.value ?? null,
      region: r.region?.value ?? null,
      englandPeriod: r.england?.period ?? null,
      neighboursPeriod: r.neighbours?.period ?? null,
      regionPeriod: r.region?.period ?? null,
      series: r.series.slice(-SPARK_POINTS),
      commentary: r.commentary,
      priorityId: g.priorityId,
      priorityTitle: g.priorityTitle,
    })),
  );
  return { basis: 'before_meeting', takenAt: null, rows };
}

const ragOrder: Record<Rag, number> = { red: 0, amber: 1, green: 2, no_target: 3, no_data: 4, not_rated: 5 };

/** Red first, then amber, then the rest; a stable sort keeps scorecard order within each. */
export const worstFirst = <T extends { rag: Rag }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => ragOrder[a.rag] - ragOrder[b.rag]);

const stripPriority = ({ priorityId: _p, priorityTitle: _t, ...m }: MeetingMeasure): WalkMeasure => m;

/** Each priority's measures as the meeting saw them (filed under it, or linked to it), worst first. */
function measuresByPriority(db: DB, rows: MeetingMeasure[]): Map<number, WalkMeasure[]> {
  const out = new Map<number, MeetingMeasure[]>();
  const add = (pid: number, r: MeetingMeasure) => {
    const list = out.get(pid) ?? [];
    if (!list.includes(r)) list.push(r);
    out.set(pid, list);
  };
  for (const r of rows) if (r.priorityId !== null) add(r.priorityId, r);
  for (const pair of measurePriorityPairs(db)) {
    const r = rows.find((x) => x.measureId === pair.measure);
    if (r) add(pair.priority, r);
  }
  const order = new Map(rows.map((r, k) => [r, k]));
  return new Map(
    [...out].map(([pid, list]) => [
      pid,
      worstFirst(list.sort((a, b) => order.get(a)! - order.get(b)!)).map(stripPriority),
    ]),
  );
}

function priorityContextOf(db: DB, today: string, p: RefRow, measures: WalkMeasure[]): PriorityContext {
  const actions = openActionsOfPriority(db, p.id).map((a) => {
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
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    measures,
    // Overdue first (most overdue at the top), then by due date.
    actions: [...actions].sort((a, b) => b.daysOverdue - a.daysOverdue),
    planActions: openPlanOfPriority(db, p.id).map((r) => ({
      id: r.id,
      ref: r.ref,
      action: r.action,
      leads: r.leads,
      timescale: r.timescale,
      status: r.status,
      latestUpdate:
        r.update_date !== null
          ? { date: r.update_date, author: r.update_author ?? '', text: r.update_text ?? '' }
          : null,
    })),
    voice: latestVoiceOfPriority(db, p.id, 3).map((v) => ({
      id: v.id,
      said: v.said,
      did: v.did,
      saidDate: v.said_date,
      didDate: v.did_date,
      source: v.source,
      status: v.status,
    })),
  };
}

/** The scorecard item: every measure grouped by priority, the groups with most reds first. */
function scorecardWalk(db: DB, itemId: number, rows: MeetingMeasure[]): ScorecardWalkGroup[] {
  const codes = new Map(allPriorities(db).map((p) => [p.id, p.code]));
  const notes = new Map(
    measureNotesOfItem(db, itemId).map((n) => [n.measure_id, { text: n.text, updatedAt: n.updated_at }]),
  );
  const decisions = measureDecisionsOfItem(db, itemId);
  const actions = measureActionsOfItem(db, itemId);
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

export function itemContext(db: DB, itemId: number, today: string): ItemContext {
  const it = itemHead(db, itemId);
  if (!it) throw new ApiError('not_found', `itemId: there is no agenda item with id ${itemId}`);
  const m = meetingHead(db, it.meeting_id);
  const figures = meetingFigures(db, m);
  const byPriority = measuresByPriority(db, figures.rows);
  return {
    meeting: m,
    item: { id: it.id, position: it.position, kind: it.kind, title: it.title, exempt: it.exempt === 1 },
    figures: { basis: figures.basis, takenAt: figures.takenAt },
    priorities: prioritiesOfItem(db, it.id).map((p) =>
      priorityContextOf(db, today, p, byPriority.get(p.id) ?? []),
    ),
    pledges: pledgesOfItem(db, it.id),
    principles: principlesOfItem(db, it.id),
    scorecard: it.kind === 'scorecard' ? scorecardWalk(db, it.id, figures.rows) : null,
    notesOpen: m.status === 'in_progress' || m.status === 'minutes_draft',
  };
}

/**
 * For the documents: each priority's measures as the meeting saw them, and whether they were
 * frozen. The agenda pack and minutes print these under items linked to a priority.
 */
export function meetingPerformance(
  db: DB,
  meeting: { id: number; date: string },
): { frozen: boolean; byPriority: Map<number, WalkMeasure[]>; priorityNames: Map<number, string> } {
  const figures = meetingFigures(db, meeting);
  return {
    frozen: figures.basis === 'frozen',
    byPriority: measuresByPriority(db, figures.rows),
    priorityNames: new Map(allPriorities(db).map((p) => [p.id, `${p.code} ${p.title}`])),
  };
}

/** The financial year (April–March) containing an ISO date. */
function financialYearOf(date: string): { label: string; from: string; to: string } {
  const label = periodForDate(date, 'year');
  const p = parsePeriod(label)!;
  return { label, from: p.start, to: p.end };
}

export function meetingCoverage(db: DB, meetingId: number): MeetingCoverage {
  const m = meetingHead(db, meetingId);
  const year = financialYearOf(m.date);
  const items = allAgendaItems(db);
  const itemById = new Map(items.map((i) => [i.item, i]));
  const priorityLinks = itemPriorityLinks(db);
  const principleLinks = principleItemLinks(db).map((l) => ({ item: l.item, target: l.principle }));
  const meetingOrder = new Map(meetingsInOrder(db).map((x, i) => [x.id, { ...x, order: i }]));
  const here = meetingOrder.get(m.id)!.order;
  const inYear = (date: string) => date >= year.from && date <= year.to;

  const rowsFor = (targets: RefRow[], links: { item: number; target: number }[]): CoverageRow[] =>
    targets.map((t) => {
      const hits = [...new Set(links.filter((l) => l.target === t.id).map((l) => l.item))]
        .map((i) => itemById.get(i))
        .filter((h) => h !== undefined);
      const thisAgenda = hits.filter((h) => h.meeting === m.id).sort((a, b) => a.position - b.position);
      const last = hits
        .filter((h) => meetingOrder.get(h.meeting)!.order < here)
        .sort(
          (a, b) =>
            meetingOrder.get(b.meeting)!.order - meetingOrder.get(a.meeting)!.order ||
            a.position - b.position,
        )[0];
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
    priorities: rowsFor(livePriorities(db), priorityLinks),
    principles: rowsFor(principleOptions(db), principleLinks),
  };
}

/** Where meetings minuted a measure (a note, a decision or an action about it), newest first. */
export function measureDiscussions(db: DB, measureId: number): MeasureDetail['discussions'] {
  return itemsDiscussingMeasure(db, measureId).map((i) => ({
    meetingId: i.meeting_id,
    meetingDate: i.date,
    itemId: i.id,
    itemTitle: i.title,
    exempt: i.exempt === 1,
    note: i.note,
    decisions: decisionsAboutMeasure(db, i.id, measureId).map((d) => d.text),
    actions: actionsAboutMeasure(db, i.id, measureId),
  }));
}

/** The scorecard item's notes per measure, by item, for the items given (the minutes print them). */
export function measureNotesByItem(
  db: DB,
  meetingId: number,
  itemIds: readonly number[],
): Map<number, { code: string; title: string; text: string }[]> {
  const wanted = new Set(itemIds);
  const out = new Map<number, { code: string; title: string; text: string }[]>();
  for (const n of measureNotesOfMeeting(db, meetingId)) {
    if (!wanted.has(n.agenda_item_id)) continue;
    out.set(n.agenda_item_id, [
      ...(out.get(n.agenda_item_id) ?? []),
      { code: n.code, title: n.title, text: n.text },
    ]);
  }
  return out;
}
