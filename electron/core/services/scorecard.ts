import type { Scorecard, ScorecardGroup, ScorecardRow } from '../../../shared/api/scorecard';
import { comparePeriods } from '../../../shared/domain/periods';
import { directionOfTravel, ragStatus, type Rag } from '../../../shared/domain/rag';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import type { MeasureRow } from './measures';

export const NO_PRIORITY = 'Not linked to a priority';

type Point = { period: string; value: number };

const latestOf = (points: Point[] | undefined): Point | null =>
  points && points.length > 0 ? [...points].sort((a, b) => comparePeriods(a.period, b.period)).at(-1)! : null;

/**
 * Every live measure's scorecard row, grouped by priority in strategy order (measures without
 * a priority last), each group in measure order. RAG and direction come from shared/domain/rag.
 * The screen, the snapshot and the Word export all call this, so they cannot disagree.
 */
export function buildScorecard(ctx: Ctx): Scorecard {
  const measures = ctx.db
    .prepare(
      `SELECT m.*, p.title AS priority_title, p.code AS priority_code, p.sort AS priority_sort
       FROM measure m LEFT JOIN priority p ON p.id = m.priority_id
       WHERE m.archived = 0
       ORDER BY p.id IS NULL, p.sort, p.id, m.sort, m.code`,
    )
    .all() as (MeasureRow & { priority_code: string | null })[];

  const series = new Map<number, Point[]>();
  for (const v of ctx.db.prepare('SELECT measure_id, period, value FROM measure_value').all() as (Point & {
    measure_id: number;
  })[]) {
    const list = series.get(v.measure_id) ?? [];
    list.push({ period: v.period, value: v.value });
    series.set(v.measure_id, list);
  }
  const comps = new Map<string, Point[]>();
  for (const c of ctx.db.prepare('SELECT measure_id, kind, period, value FROM comparator').all() as (Point & {
    measure_id: number;
    kind: string;
  })[]) {
    const key = `${c.measure_id}:${c.kind}`;
    const list = comps.get(key) ?? [];
    list.push({ period: c.period, value: c.value });
    comps.set(key, list);
  }

  const counts: Record<Rag, number> = { red: 0, amber: 0, green: 0, no_target: 0, no_data: 0, not_rated: 0 };
  const groups: ScorecardGroup[] = [];
  for (const m of measures) {
    const points = (series.get(m.id) ?? []).sort((a, b) => comparePeriods(a.period, b.period));
    const dir = directionOfTravel(points, m.polarity);
    const rag = ragStatus({
      value: dir.latest?.value ?? null,
      target: m.target,
      tolerance: m.tolerance,
      polarity: m.polarity,
    });
    counts[rag] += 1;
    const row: ScorecardRow = {
      measureId: m.id,
      code: m.code,
      title: m.title,
      unit: m.unit,
      polarity: m.polarity,
      target: m.target,
      tolerance: m.tolerance,
      latest: dir.latest,
      previous: dir.previous,
      rag,
      direction: dir.direction,
      gap: dir.gap,
      england: latestOf(comps.get(`${m.id}:england`)),
      neighbours: latestOf(comps.get(`${m.id}:neighbours`)),
      region: latestOf(comps.get(`${m.id}:region`)),
      series: points,
      commentary: { working: m.commentary_working, worried: m.commentary_worried, next: m.commentary_next },
    };
    let group = groups.at(-1);
    if (!group || group.priorityId !== m.priority_id) {
      group = {
        priorityId: m.priority_id,
        priorityCode: m.priority_code ?? '',
        priorityTitle: m.priority_title ?? NO_PRIORITY,
        rows: [],
      };
      groups.push(group);
    }
    group.rows.push(row);
  }
  const priorities = ctx.db
    .prepare('SELECT id, code, title FROM priority WHERE archived = 0 ORDER BY sort, id')
    .all() as { id: number; code: string; title: string }[];
  return { groups, counts, priorities };
}

export const scorecardHandlers: HandlerGroup<'scorecard.get'> = {
  'scorecard.get': (ctx, input) => {
    const card = buildScorecard(ctx);
    const rags = input.rag && input.rag.length > 0 ? new Set(input.rag) : null;
    const prios = input.priorityIds && input.priorityIds.length > 0 ? new Set(input.priorityIds) : null;
    const groups = card.groups
      .filter((g) => !prios || prios.has(g.priorityId ?? 0))
      .map((g) => ({ ...g, rows: g.rows.filter((r) => !rags || rags.has(r.rag)) }))
      .filter((g) => g.rows.length > 0);
    return { ...card, groups };
  },
};
