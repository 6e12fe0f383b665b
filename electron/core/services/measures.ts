import { ApiError } from '../../../shared/api';
import type { MeasureDetail, MeasureSummary } from '../../../shared/api/measures';
import { comparePeriods, parsePeriod, type PeriodKind } from '../../../shared/domain/periods';
import { directionOfTravel, ragStatus, type Polarity } from '../../../shared/domain/rag';
import type { Unit } from '../../../shared/domain/format';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';

type Frequency = 'monthly' | 'quarterly' | 'annual';

export interface MeasureRow {
  id: number;
  code: string;
  title: string;
  definition: string;
  unit: Unit;
  polarity: Polarity;
  target: number | null;
  tolerance: number;
  frequency: Frequency;
  owner: string;
  source: string;
  priority_id: number | null;
  priority_title: string | null;
  commentary_working: string;
  commentary_worried: string;
  commentary_next: string;
  archived: number;
  value_count: number;
}

const MEASURE_SELECT = `SELECT m.*, p.title AS priority_title,
  (SELECT count(*) FROM measure_value v WHERE v.measure_id = m.id) AS value_count
  FROM measure m LEFT JOIN priority p ON p.id = m.priority_id`;

export function summary(r: MeasureRow): MeasureSummary {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    unit: r.unit,
    polarity: r.polarity,
    target: r.target,
    tolerance: r.tolerance,
    frequency: r.frequency,
    priorityId: r.priority_id,
    priorityTitle: r.priority_title,
    archived: r.archived === 1,
    valueCount: r.value_count,
  };
}

export function measureRow(ctx: Ctx, id: number): MeasureRow {
  const r = ctx.db.prepare(`${MEASURE_SELECT} WHERE m.id = ?`).get(id) as MeasureRow | undefined;
  if (!r) throw new ApiError('not_found', `There is no measure with id ${id}`);
  return r;
}

/** Reads a period the schema has already checked, and hands back its canonical form. */
export function canonical(period: string): { canonical: string; kind: PeriodKind } {
  const p = parsePeriod(period);
  if (!p) throw new ApiError('invalid_input', `"${period}" is not a period`);
  return { canonical: p.canonical, kind: p.kind };
}

const kindFor: Record<Frequency, PeriodKind> = { monthly: 'month', quarterly: 'quarter', annual: 'year' };
const exampleFor: Record<Frequency, string> = {
  monthly: 'a month such as 2025-06',
  quarterly: 'a quarter such as 2025-26 Q1',
  annual: 'a financial year such as 2025-26',
};

export interface ValueRow {
  measure_id: number;
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string;
}

export function valuesOf(ctx: Ctx, measureId: number): ValueRow[] {
  const rows = ctx.db
    .prepare(
      'SELECT measure_id, period, value, numerator, denominator, note FROM measure_value WHERE measure_id = ?',
    )
    .all(measureId) as ValueRow[];
  return rows.sort((a, b) => comparePeriods(a.period, b.period));
}

function checkCodeFree(ctx: Ctx, code: string, exceptId: number | null): void {
  const clash = ctx.db
    .prepare('SELECT id, title FROM measure WHERE code = ? COLLATE NOCASE AND id IS NOT ?')
    .get(code, exceptId) as { id: number; title: string } | undefined;
  if (clash)
    throw new ApiError('conflict', `code: another measure already uses the code "${code}" (${clash.title})`);
}

function checkPriority(ctx: Ctx, priorityId: number | null | undefined): void {
  if (priorityId === null || priorityId === undefined) return;
  if (!ctx.db.prepare('SELECT 1 FROM priority WHERE id = ?').get(priorityId))
    throw new ApiError('not_found', `priorityId: there is no priority with id ${priorityId}`);
}

interface Links {
  priorities: number[];
  pledges: number[];
  principles: number[];
}

function checkLinks(ctx: Ctx, links: Links | undefined): void {
  if (!links) return;
  const check = (table: string, ids: number[], what: string) => {
    for (const id of ids)
      if (!ctx.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id))
        throw new ApiError('not_found', `links.${what}: there is no ${table} with id ${id}`);
  };
  check('priority', links.priorities, 'priorities');
  check('pledge', links.pledges, 'pledges');
  check('principle', links.principles, 'principles');
}

function writeLinks(ctx: Ctx, measureId: number, links: Links): void {
  ctx.db.prepare('DELETE FROM link WHERE measure_id = ?').run(measureId);
  const ins = ctx.db.prepare(
    'INSERT INTO link (measure_id, to_priority_id, to_pledge_id, to_principle_id) VALUES (?, ?, ?, ?)',
  );
  for (const id of new Set(links.priorities)) ins.run(measureId, id, null, null);
  for (const id of new Set(links.pledges)) ins.run(measureId, null, id, null);
  for (const id of new Set(links.principles)) ins.run(measureId, null, null, id);
}

type LinkRef = { id: number; code: string; title: string };

function linkOptions(ctx: Ctx): { priorities: LinkRef[]; pledges: LinkRef[]; principles: LinkRef[] } {
  return {
    priorities: ctx.db
      .prepare('SELECT id, code, title FROM priority WHERE archived = 0 ORDER BY sort, id')
      .all() as LinkRef[],
    pledges: ctx.db
      .prepare(
        "SELECT id, code, title || CASE WHEN collection <> '' THEN ' (' || collection || ')' ELSE '' END AS title FROM pledge WHERE archived = 0 ORDER BY collection, sort, id",
      )
      .all() as LinkRef[],
    principles: ctx.db
      .prepare('SELECT id, code, short_title AS title FROM principle ORDER BY id')
      .all() as LinkRef[],
  };
}

export function measureDetail(ctx: Ctx, id: number): MeasureDetail {
  const r = measureRow(ctx, id);
  const values = valuesOf(ctx, id);
  const comps = ctx.db.prepare('SELECT kind, period, value FROM comparator WHERE measure_id = ?').all(id) as {
    kind: 'england' | 'neighbours' | 'region';
    period: string;
    value: number;
  }[];
  const comparators = { england: [], neighbours: [], region: [] } as MeasureDetail['comparators'];
  for (const c of comps.sort((a, b) => comparePeriods(a.period, b.period)))
    comparators[c.kind].push({ period: c.period, value: c.value });
  const links = {
    priorities: ctx.db
      .prepare(
        'SELECT p.id, p.code, p.title FROM link l JOIN priority p ON p.id = l.to_priority_id WHERE l.measure_id = ? ORDER BY p.sort, p.id',
      )
      .all(id) as LinkRef[],
    pledges: ctx.db
      .prepare(
        'SELECT p.id, p.code, p.title FROM link l JOIN pledge p ON p.id = l.to_pledge_id WHERE l.measure_id = ? ORDER BY p.sort, p.id',
      )
      .all(id) as LinkRef[],
    principles: ctx.db
      .prepare(
        'SELECT p.id, p.code, p.short_title AS title FROM link l JOIN principle p ON p.id = l.to_principle_id WHERE l.measure_id = ? ORDER BY p.id',
      )
      .all(id) as LinkRef[],
  };
  const series = values.map((v) => ({ period: v.period, value: v.value }));
  const dir = directionOfTravel(series, r.polarity);
  return {
    ...summary(r),
    definition: r.definition,
    owner: r.owner,
    source: r.source,
    values: values.map((v) => ({
      period: v.period,
      value: v.value,
      numerator: v.numerator,
      denominator: v.denominator,
      note: v.note,
    })),
    comparators,
    links,
    commentary: { working: r.commentary_working, worried: r.commentary_worried, next: r.commentary_next },
    status: {
      rag: ragStatus({
        value: dir.latest?.value ?? null,
        target: r.target,
        tolerance: r.tolerance,
        polarity: r.polarity,
      }),
      direction: dir.direction,
      latest: dir.latest,
      previous: dir.previous,
      gap: dir.gap,
    },
    options: linkOptions(ctx),
  };
}

export const measureHandlers: HandlerGroup<
  | 'measure.list'
  | 'measure.get'
  | 'measure.create'
  | 'measure.update'
  | 'measure.archive'
  | 'measure.setValue'
  | 'measure.deleteValue'
  | 'measure.setComparator'
  | 'measure.setCommentary'
> = {
  'measure.list': (ctx, input) => {
    const rows = ctx.db
      .prepare(
        `${MEASURE_SELECT} ${input.includeArchived ? '' : 'WHERE m.archived = 0'} ORDER BY m.archived, m.sort, m.code`,
      )
      .all() as MeasureRow[];
    return rows.map(summary);
  },

  'measure.get': (ctx, input) => measureDetail(ctx, input.id),

  'measure.create': (ctx, input) => {
    checkCodeFree(ctx, input.code, null);
    checkPriority(ctx, input.priorityId);
    checkLinks(ctx, input.links);
    const sort = (
      ctx.db.prepare('SELECT coalesce(max(sort), 0) + 1 AS n FROM measure').get() as { n: number }
    ).n;
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO measure (code, title, definition, unit, polarity, target, tolerance, frequency, owner, source, priority_id, sort)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.code,
          input.title,
          input.definition ?? '',
          input.unit,
          input.polarity,
          input.target ?? null,
          input.tolerance ?? 0,
          input.frequency ?? 'quarterly',
          input.owner ?? '',
          input.source ?? '',
          input.priorityId ?? null,
          sort,
        ).lastInsertRowid,
    );
    if (input.links) writeLinks(ctx, id, input.links);
    return { id };
  },

  'measure.update': (ctx, input) => {
    const before = measureRow(ctx, input.id);
    if (input.code !== undefined) checkCodeFree(ctx, input.code, input.id);
    checkPriority(ctx, input.priorityId);
    checkLinks(ctx, input.links);
    const columns: Record<string, string> = {
      code: 'code',
      title: 'title',
      definition: 'definition',
      unit: 'unit',
      polarity: 'polarity',
      target: 'target',
      tolerance: 'tolerance',
      frequency: 'frequency',
      owner: 'owner',
      source: 'source',
      priorityId: 'priority_id',
    };
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [key, column] of Object.entries(columns)) {
      const value = (input as Record<string, unknown>)[key];
      if (value === undefined) continue;
      sets.push(`${column} = ?`);
      params.push(value);
    }
    if (input.frequency !== undefined && input.frequency !== before.frequency) {
      const wrong = valuesOf(ctx, input.id).find(
        (v) => parsePeriod(v.period)?.kind !== kindFor[input.frequency!],
      );
      if (wrong)
        throw new ApiError(
          'conflict',
          `frequency: ${before.code} has a value for ${wrong.period}, which is not ${exampleFor[input.frequency]}; remove or correct its values first`,
        );
    }
    if (sets.length > 0)
      ctx.db.prepare(`UPDATE measure SET ${sets.join(', ')} WHERE id = ?`).run(...params, input.id);
    if (input.links) writeLinks(ctx, input.id, input.links);
    return { ok: true as const };
  },

  'measure.archive': (ctx, input) => {
    measureRow(ctx, input.id); // not_found for an unknown measure
    ctx.db.prepare('UPDATE measure SET archived = ? WHERE id = ?').run(input.archived ? 1 : 0, input.id);
    return { ok: true as const };
  },

  'measure.setValue': (ctx, input) => {
    const m = measureRow(ctx, input.measureId);
    const p = canonical(input.period);
    if (p.kind !== kindFor[m.frequency])
      throw new ApiError(
        'invalid_input',
        `period: ${m.code} is reported ${m.frequency === 'annual' ? 'annually' : m.frequency}, so give ${exampleFor[m.frequency]} (not "${input.period}")`,
        [{ path: 'period', message: `must be ${exampleFor[m.frequency]}` }],
      );
    if (m.unit === 'percent' && input.numerator != null && input.denominator != null) {
      const computed = (input.numerator / input.denominator) * 100;
      if (Math.abs(computed - input.value) > 0.05 + 1e-9)
        throw new ApiError(
          'invalid_input',
          `value: ${input.numerator} out of ${input.denominator} is ${computed.toFixed(1)}%, not ${input.value}% — correct the value, the numerator or the denominator`,
          [{ path: 'value', message: `does not match numerator/denominator (${computed.toFixed(1)}%)` }],
        );
    }
    ctx.db
      .prepare(
        `INSERT INTO measure_value (measure_id, period, value, numerator, denominator, note) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (measure_id, period) DO UPDATE SET value = excluded.value, numerator = excluded.numerator,
           denominator = excluded.denominator, note = excluded.note`,
      )
      .run(
        m.id,
        p.canonical,
        input.value,
        input.numerator ?? null,
        input.denominator ?? null,
        input.note ?? '',
      );
    return { period: p.canonical };
  },

  'measure.deleteValue': (ctx, input) => {
    const m = measureRow(ctx, input.measureId);
    const p = canonical(input.period);
    const existing = ctx.db
      .prepare('SELECT value FROM measure_value WHERE measure_id = ? AND period = ?')
      .get(m.id, p.canonical) as { value: number } | undefined;
    if (!existing) throw new ApiError('not_found', `${m.code} has no value for ${p.canonical}`);
    ctx.db.prepare('DELETE FROM measure_value WHERE measure_id = ? AND period = ?').run(m.id, p.canonical);
    return { ok: true as const };
  },

  'measure.setComparator': (ctx, input) => {
    const m = measureRow(ctx, input.measureId);
    const p = canonical(input.period);
    if (input.value === null) {
      const r = ctx.db
        .prepare('DELETE FROM comparator WHERE measure_id = ? AND kind = ? AND period = ?')
        .run(m.id, input.kind, p.canonical);
      if (r.changes === 0)
        throw new ApiError('not_found', `${m.code} has no ${input.kind} comparator for ${p.canonical}`);
    } else {
      ctx.db
        .prepare(
          `INSERT INTO comparator (measure_id, kind, period, value) VALUES (?, ?, ?, ?)
           ON CONFLICT (measure_id, kind, period) DO UPDATE SET value = excluded.value`,
        )
        .run(m.id, input.kind, p.canonical, input.value);
    }
    return { ok: true as const };
  },

  'measure.setCommentary': (ctx, input) => {
    const m = measureRow(ctx, input.id);
    ctx.db
      .prepare(
        'UPDATE measure SET commentary_working = ?, commentary_worried = ?, commentary_next = ? WHERE id = ?',
      )
      .run(input.working, input.worried, input.next, m.id);
    return { ok: true as const };
  },
};
