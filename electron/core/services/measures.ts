import { ApiError } from '../../../shared/api';
import type { MeasureDetail, MeasureSummary } from '../../../shared/api/measures';
import {
  comparePeriods,
  periodFitsFrequency,
  readPeriod,
  type PeriodKind,
  type YearBasis,
} from '../../../shared/domain/periods';
import { defaultDecimals, defaultSimilarBand, defaultTolerance } from '../../../shared/domain/rag';
import type { Unit } from '../../../shared/domain/format';
import { toleranceError, valueDomainError } from '../../../shared/domain/value-domain';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import { measureDiscussions } from '../queries/priority-context';
import { measureStatus } from '../queries/scorecard';
import {
  comparatorsOfMeasure,
  deleteComparator,
  deleteNoFigure,
  deleteValue,
  insertMeasure,
  noFigures,
  measureById,
  measureColumns,
  measureLinks,
  measureList,
  measureWithCode,
  setMeasureArchived,
  deleteMeasure,
  setMeasureCommentary,
  setMeasureLinks,
  updateMeasure,
  upsertComparator,
  upsertValue,
  valueAt,
  valuesOfMeasure,
  type Frequency,
  type MeasureFields,
  type MeasureRow,
  type ValueRow,
} from '../store/measures';
import { rowExists } from '../store/sql';
import { toBin } from './to-bin';
import {
  livePriorities,
  pledgeOptionsWithCollection,
  principleOptions,
  priorityExists,
} from '../store/strategy';

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
    yearBasis: r.year_basis,
    decimals: r.decimals,
    priorityId: r.priority_id,
    priorityTitle: r.priority_title,
    archived: r.archived === 1,
    valueCount: r.value_count,
  };
}

export function measureRow(ctx: Ctx, id: number): MeasureRow {
  const r = measureById(ctx.db, id);
  if (!r) throw new ApiError('not_found', `There is no measure with id ${id}`);
  return r;
}

/**
 * Reads a period the schema has already checked, in the measure's kind of year ("2023/24" is the
 * academic year on an academic measure), and hands back its canonical form.
 */
export function canonical(
  period: string,
  yearBasis: YearBasis = 'financial',
): { canonical: string; kind: PeriodKind } {
  const r = readPeriod(period, { yearBasis });
  if (!r.period)
    throw new ApiError('invalid_input', `period: ${r.error}`, [{ path: 'period', message: r.error }]);
  return { canonical: r.period.canonical, kind: r.period.kind };
}

const exampleFor: Record<Frequency, string> = {
  monthly: 'a month such as 2025-06 (or any longer period)',
  quarterly: 'a quarter such as 2025-26 Q1 (or a year)',
  annual: 'a year such as 2025-26 (or a three-year period such as 2019-22)',
};

export function valuesOf(ctx: Ctx, measureId: number): ValueRow[] {
  return valuesOfMeasure(ctx.db, measureId).sort((a, b) => comparePeriods(a.period, b.period));
}

const unitWords: Record<Unit, string> = {
  percent: 'a percentage',
  number: 'a count',
  days: 'a number of days',
  rate10k: 'a rate per 10,000',
  score: 'a score',
};

/** Each figure given must be one the measure's unit can hold; the error names the field. */
function inDomain(unit: Unit, figures: { value?: number; target?: number | null; tolerance?: number }): void {
  for (const field of ['value', 'target'] as const) {
    const v = figures[field];
    const why = v === undefined || v === null ? null : valueDomainError(unit, v);
    if (why) throw new ApiError('invalid_input', `${field}: ${why}`, [{ path: field, message: why }]);
  }
  const why = figures.tolerance === undefined ? null : toleranceError(unit, figures.tolerance);
  if (why) throw new ApiError('invalid_input', `tolerance: ${why}`, [{ path: 'tolerance', message: why }]);
}

function checkCodeFree(ctx: Ctx, code: string, exceptId: number | null): void {
  const clash = measureWithCode(ctx.db, code, exceptId);
  if (clash)
    throw new ApiError('conflict', `code: another measure already uses the code "${code}" (${clash.title})`);
}

function checkPriority(ctx: Ctx, priorityId: number | null | undefined): void {
  if (priorityId === null || priorityId === undefined) return;
  if (!priorityExists(ctx.db, priorityId))
    throw new ApiError('not_found', `priorityId: there is no priority with id ${priorityId}`);
}

interface Links {
  priorities: number[];
  pledges: number[];
  principles: number[];
}

function checkLinks(ctx: Ctx, links: Links | undefined): void {
  if (!links) return;
  const check = (table: 'priority' | 'pledge' | 'principle', ids: number[], what: string) => {
    for (const id of ids)
      if (!rowExists(ctx.db, table, id))
        throw new ApiError('not_found', `links.${what}: there is no ${table} with id ${id}`);
  };
  check('priority', links.priorities, 'priorities');
  check('pledge', links.pledges, 'pledges');
  check('principle', links.principles, 'principles');
}

function writeLinks(ctx: Ctx, measureId: number, links: Links): void {
  setMeasureLinks(ctx.db, measureId, {
    priorities: new Set(links.priorities),
    pledges: new Set(links.pledges),
    principles: new Set(links.principles),
  });
}

function linkOptions(ctx: Ctx): MeasureDetail['options'] {
  return {
    priorities: livePriorities(ctx.db),
    pledges: pledgeOptionsWithCollection(ctx.db),
    principles: principleOptions(ctx.db),
  };
}

export function measureDetail(ctx: Ctx, id: number): MeasureDetail {
  const r = measureRow(ctx, id);
  const values = valuesOf(ctx, id);
  const comparators = { england: [], neighbours: [], region: [] } as MeasureDetail['comparators'];
  for (const c of comparatorsOfMeasure(ctx.db, id).sort((a, b) => comparePeriods(a.period, b.period)))
    comparators[c.kind].push({ period: c.period, value: c.value });
  const links = measureLinks(ctx.db, id);
  const series = values.map((v) => ({ period: v.period, value: v.value }));
  const st = measureStatus(
    {
      unit: r.unit,
      polarity: r.polarity,
      target: r.target,
      tolerance: r.tolerance,
      frequency: r.frequency,
      yearBasis: r.year_basis,
      decimals: r.decimals,
      similarBand: r.similar_band,
    },
    series,
  );
  return {
    ...summary(r),
    definition: r.definition,
    owner: r.owner,
    source: r.source,
    numeratorDefinition: r.numerator_definition,
    denominatorDefinition: r.denominator_definition,
    dfeRef: r.dfe_ref,
    ageBand: r.age_band,
    similarBand: r.similar_band,
    defaults: {
      decimals: defaultDecimals[r.unit],
      tolerance: defaultTolerance(r.unit, r.target, r.decimals),
      similarBand: defaultSimilarBand[r.unit],
    },
    noFigures: noFigures(ctx.db, id)
      .sort((a, b) => comparePeriods(a.period, b.period))
      .map((n) => ({ kind: n.kind, period: n.period, symbol: n.symbol, note: n.note })),
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
      rag: st.rag,
      direction: st.direction,
      latest: st.latest,
      previous: st.previous,
      gap: st.gap,
      directionReason: st.reason,
      lastYear: st.lastYear,
      lastYearDirection: st.lastYearDirection,
    },
    discussions: measureDiscussions(ctx.db, id),
    options: linkOptions(ctx),
  };
}

export const measureHandlers: HandlerGroup<
  | 'measure.list'
  | 'measure.get'
  | 'measure.create'
  | 'measure.update'
  | 'measure.archive'
  | 'measure.delete'
  | 'measure.setValue'
  | 'measure.deleteValue'
  | 'measure.setComparator'
  | 'measure.setCommentary'
> = {
  'measure.list': (ctx, input) => {
    return measureList(ctx.db, input.includeArchived === true).map(summary);
  },

  'measure.get': (ctx, input) => measureDetail(ctx, input.id),

  'measure.create': (ctx, input) => {
    inDomain(input.unit, { target: input.target, tolerance: input.tolerance });
    checkCodeFree(ctx, input.code, null);
    checkPriority(ctx, input.priorityId);
    checkLinks(ctx, input.links);
    const id = insertMeasure(ctx.db, {
      code: input.code,
      title: input.title,
      definition: input.definition ?? '',
      unit: input.unit,
      polarity: input.polarity,
      target: input.target ?? null,
      // Left out, the amber band is the unit's default (2 points, or 5% of the target).
      tolerance: input.tolerance ?? defaultTolerance(input.unit, input.target ?? null, input.decimals),
      frequency: input.frequency ?? 'quarterly',
      owner: input.owner ?? '',
      source: input.source ?? '',
      priorityId: input.priorityId ?? null,
      numeratorDefinition: input.numeratorDefinition ?? '',
      denominatorDefinition: input.denominatorDefinition ?? '',
      dfeRef: input.dfeRef ?? '',
      ageBand: input.ageBand ?? '',
      yearBasis: input.yearBasis ?? 'financial',
      decimals: input.decimals ?? null,
      similarBand: input.similarBand ?? null,
    });
    if (input.links) writeLinks(ctx, id, input.links);
    return { id };
  },

  'measure.update': (ctx, input) => {
    const before = measureRow(ctx, input.id);
    const unit = input.unit ?? before.unit;
    if (input.unit !== undefined && input.unit !== before.unit) {
      const wrong = valuesOf(ctx, input.id).find((v) => valueDomainError(unit, v.value));
      if (wrong)
        throw new ApiError(
          'conflict',
          `unit: ${before.code} has ${wrong.value} for ${wrong.period}, which cannot be ${unitWords[unit]} (${valueDomainError(unit, wrong.value)}); correct its values first`,
        );
    }
    inDomain(unit, {
      target: input.target !== undefined ? input.target : input.unit !== undefined ? before.target : null,
      tolerance: input.tolerance ?? (input.unit !== undefined ? before.tolerance : undefined),
    });
    if (input.code !== undefined) checkCodeFree(ctx, input.code, input.id);
    checkPriority(ctx, input.priorityId);
    checkLinks(ctx, input.links);
    const changes: Partial<MeasureFields> = {};
    for (const key of Object.keys(measureColumns) as (keyof MeasureFields)[]) {
      const value = input[key];
      if (value !== undefined) (changes as Record<string, unknown>)[key] = value;
    }
    if (input.frequency !== undefined && input.frequency !== before.frequency) {
      const wrong = valuesOf(ctx, input.id).find((v) => periodFitsFrequency(v.period, input.frequency!));
      if (wrong)
        throw new ApiError(
          'conflict',
          `frequency: ${before.code} has a value for ${wrong.period}, which is shorter than ${exampleFor[input.frequency]}; remove or correct its values first`,
        );
    }
    updateMeasure(ctx.db, input.id, changes);
    if (input.links) writeLinks(ctx, input.id, input.links);
    return { ok: true as const };
  },

  'measure.archive': (ctx, input) => {
    measureRow(ctx, input.id); // not_found for an unknown measure
    setMeasureArchived(ctx.db, input.id, input.archived);
    return { ok: true as const };
  },

  'measure.delete': (ctx, input) => {
    const m = measureRow(ctx, input.id);
    toBin(ctx, 'measure', m.id, `${m.code} ${m.title}`);
    deleteMeasure(ctx.db, m.id);
    return { ok: true as const };
  },

  'measure.setValue': (ctx, input) => {
    const m = measureRow(ctx, input.measureId);
    const p = canonical(input.period, m.year_basis);
    if (periodFitsFrequency(p.canonical, m.frequency))
      throw new ApiError(
        'invalid_input',
        `period: ${m.code} is reported ${m.frequency === 'annual' ? 'annually' : m.frequency}, so give ${exampleFor[m.frequency]} (not "${input.period}")`,
        [{ path: 'period', message: `must be ${exampleFor[m.frequency]}` }],
      );
    inDomain(m.unit, { value: input.value });
    if (m.unit === 'percent' && input.numerator != null && input.denominator != null) {
      const computed = (input.numerator / input.denominator) * 100;
      if (Math.abs(computed - input.value) > 0.05 + 1e-9)
        throw new ApiError(
          'invalid_input',
          `value: ${input.numerator} out of ${input.denominator} is ${computed.toFixed(1)}%, not ${input.value}% — correct the value, the numerator or the denominator`,
          [{ path: 'value', message: `does not match numerator/denominator (${computed.toFixed(1)}%)` }],
        );
    }
    upsertValue(ctx.db, {
      measure_id: m.id,
      period: p.canonical,
      value: input.value,
      numerator: input.numerator ?? null,
      denominator: input.denominator ?? null,
      note: input.note ?? '',
    });
    deleteNoFigure(ctx.db, m.id, 'value', p.canonical);
    return { period: p.canonical };
  },

  'measure.deleteValue': (ctx, input) => {
    const m = measureRow(ctx, input.measureId);
    const p = canonical(input.period, m.year_basis);
    if (!valueAt(ctx.db, m.id, p.canonical))
      throw new ApiError('not_found', `${m.code} has no value for ${p.canonical}`);
    deleteValue(ctx.db, m.id, p.canonical);
    return { ok: true as const };
  },

  'measure.setComparator': (ctx, input) => {
    const m = measureRow(ctx, input.measureId);
    const p = canonical(input.period, m.year_basis);
    if (input.value === null) {
      if (deleteComparator(ctx.db, m.id, input.kind, p.canonical) === 0)
        throw new ApiError('not_found', `${m.code} has no ${input.kind} comparator for ${p.canonical}`);
    } else {
      inDomain(m.unit, { value: input.value });
      upsertComparator(ctx.db, {
        measure_id: m.id,
        kind: input.kind,
        period: p.canonical,
        value: input.value,
      });
      deleteNoFigure(ctx.db, m.id, input.kind, p.canonical);
    }
    return { ok: true as const };
  },

  'measure.setCommentary': (ctx, input) => {
    const m = measureRow(ctx, input.id);
    setMeasureCommentary(ctx.db, m.id, input);
    return { ok: true as const };
  },
};
