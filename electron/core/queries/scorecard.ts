/**
 * The scorecard read model: every live measure's series and comparators, and from them the
 * scorecard rows (latest, previous, RAG, direction, comparators beside the latest figure). The
 * scorecard screen, the dashboard, snapshots and every Word document read it from here, and
 * RAG, direction and the comparator rule come from shared/domain, so they cannot disagree.
 */
import type { MeasureDefinition } from '../../../shared/api/measures';
import type { Scorecard, ScorecardGroup, ScorecardRow } from '../../../shared/api/scorecard';
import { comparatorFor, type ComparatorKind } from '../../../shared/domain/comparators';
import type { Unit } from '../../../shared/domain/format';
import { comparePeriodKeys, periodKeyEnd, periodSortKey } from '../../../shared/domain/period-key';
import {
  headlineFamily,
  periodKinds,
  type Frequency,
  type PeriodKind,
  type YearBasis,
} from '../../../shared/domain/periods';
import {
  defaultDecimals,
  directionOfTravel,
  ragStatus,
  type DirectionOfTravel,
  type Polarity,
  type Rag,
  type SeriesPoint,
} from '../../../shared/domain/rag';
import type { DB } from '../store/board-file';
import { allComparators, allValues, latestOfKind, liveMeasures, valuesOfMeasure } from '../store/measures';
import { livePriorities } from '../store/strategy';

export const NO_PRIORITY = 'Not linked to a priority';

/** One live measure with its whole series and every comparator, each oldest first. */
export interface MeasureSeries {
  id: number;
  code: string;
  title: string;
  unit: Unit;
  polarity: Polarity;
  target: number | null;
  tolerance: number;
  frequency: Frequency;
  yearBasis: YearBasis;
  /** Decimal places as set (null: the unit's default). */
  decimals: number | null;
  similarBand: number | null;
  definition: MeasureDefinition;
  priorityId: number | null;
  priorityCode: string | null;
  priorityTitle: string | null;
  commentary: { working: string; worried: string; next: string };
  values: SeriesPoint[];
  comparators: Record<ComparatorKind, SeriesPoint[]>;
}

const byPeriod = (a: SeriesPoint, b: SeriesPoint) => comparePeriodKeys(a.period, b.period);

/**
 * Every live measure in scorecard order (priorities in strategy order, then unlinked measures).
 * The database hands the figures over in period order (stored sortable keys); the sort that
 * follows only confirms it, with each label's key computed once.
 */
export function measureSeries(db: DB): MeasureSeries[] {
  // Rows as tuples, grouped by measure in one pass (the rows arrive grouped): twenty years is
  // thousands of figures, and an object per row costs more than the read.
  const values = new Map<number, SeriesPoint[]>();
  let list: SeriesPoint[] = [];
  let at = -1;
  for (const [measureId, period, value] of allValues(db)) {
    if (measureId !== at) {
      list = values.get(measureId) ?? [];
      values.set(measureId, list);
      at = measureId;
    }
    list.push({ period, value });
  }
  const comps = new Map<number, Record<ComparatorKind, SeriesPoint[]>>();
  for (const [measureId, kind, period, value] of allComparators(db)) {
    let byKind = comps.get(measureId);
    if (!byKind) {
      byKind = { england: [], neighbours: [], region: [] };
      comps.set(measureId, byKind);
    }
    byKind[kind]?.push({ period, value }); // the three kinds the schema allows
  }
  return liveMeasures(db).map((m) => ({
    id: m.id,
    code: m.code,
    title: m.title,
    unit: m.unit,
    polarity: m.polarity,
    target: m.target,
    tolerance: m.tolerance,
    frequency: m.frequency,
    yearBasis: m.year_basis,
    decimals: m.decimals,
    similarBand: m.similar_band,
    definition: {
      definition: m.definition,
      numerator: m.numerator_definition,
      denominator: m.denominator_definition,
      source: m.source,
      dfeRef: m.dfe_ref,
      ageBand: m.age_band,
      frequency: m.frequency,
      yearBasis: m.year_basis,
      owner: m.owner,
    },
    priorityId: m.priority_id,
    priorityCode: m.priority_code,
    priorityTitle: m.priority_title,
    commentary: { working: m.commentary_working, worried: m.commentary_worried, next: m.commentary_next },
    values: (values.get(m.id) ?? []).sort(byPeriod),
    comparators: {
      england: (comps.get(m.id)?.england ?? []).sort(byPeriod),
      neighbours: (comps.get(m.id)?.neighbours ?? []).sort(byPeriod),
      region: (comps.get(m.id)?.region ?? []).sort(byPeriod),
    },
  }));
}

/** Whether a period ended before an ISO date (unreadable periods never count). */
export function endedBefore(period: string, isoDate: string): boolean {
  const end = periodKeyEnd(periodSortKey(period));
  return end !== null && end < isoDate;
}

/** A measure's series with only the figures for periods that ended before `date`. */
function asAt(s: MeasureSeries, date: string): MeasureSeries {
  const keep = (list: SeriesPoint[]) => list.filter((v) => endedBefore(v.period, date));
  return {
    ...s,
    values: keep(s.values),
    comparators: {
      england: keep(s.comparators.england),
      neighbours: keep(s.comparators.neighbours),
      region: keep(s.comparators.region),
    },
  };
}

type MeasureRules = Pick<
  MeasureSeries,
  'unit' | 'polarity' | 'target' | 'tolerance' | 'frequency' | 'yearBasis' | 'decimals' | 'similarBand'
>;

/**
 * RAG and direction of one measure's series, by the shared rules, as the board reads them: on the
 * figure as displayed, like with like, the headline figure in the measure's reporting period.
 * The measure page, the scorecard, snapshots and every export use this.
 */
export function measureStatus(
  m: MeasureRules,
  values: readonly SeriesPoint[],
): DirectionOfTravel & { rag: Rag } {
  const dir = directionOfTravel(values, m.polarity, {
    unit: m.unit,
    decimals: m.decimals,
    similarBand: m.similarBand,
    family: headlineFamily(m.frequency, m.yearBasis),
  });
  const rag = ragStatus({
    value: dir.latest?.value ?? null,
    target: m.target,
    tolerance: m.tolerance,
    polarity: m.polarity,
    unit: m.unit,
    decimals: m.decimals,
  });
  return { ...dir, rag };
}

/** The comparators beside a local figure: THE comparator rule, for screen, snapshot and export. */
export function comparatorsBeside(
  comparators: Record<ComparatorKind, readonly SeriesPoint[]>,
  localPeriod: string | null,
): Record<ComparatorKind, SeriesPoint | null> {
  return {
    england: comparatorFor(comparators.england, localPeriod),
    neighbours: comparatorFor(comparators.neighbours, localPeriod),
    region: comparatorFor(comparators.region, localPeriod),
  };
}

/** One measure's scorecard row, worked out by the shared rules. */
export function scorecardRow(s: MeasureSeries): ScorecardRow {
  const st = measureStatus(s, s.values);
  const beside = comparatorsBeside(s.comparators, st.latest?.period ?? null);
  return {
    measureId: s.id,
    code: s.code,
    title: s.title,
    unit: s.unit,
    polarity: s.polarity,
    target: s.target,
    tolerance: s.tolerance,
    decimals: s.decimals ?? defaultDecimals[s.unit],
    latest: st.latest,
    previous: st.previous,
    rag: st.rag,
    direction: st.direction,
    gap: st.gap,
    directionReason: st.reason,
    lastYear: st.lastYear,
    lastYearDirection: st.lastYearDirection,
    england: beside.england,
    neighbours: beside.neighbours,
    region: beside.region,
    series: s.values,
    commentary: s.commentary,
    definition: s.definition,
  };
}

/**
 * How many live measures are at each RAG status: the dashboard's counts, without building the
 * scorecard. The database picks each measure's headline figure (the latest of its reporting
 * period's kind: its latest quarter for a quarterly measure); the same rule as every scorecard row
 * (measureStatus) rates it. A measure with no figure of that kind is rated from its whole series,
 * as the scorecard does.
 */
export function ragCounts(db: DB, opts: { endedBefore?: string } = {}): Record<Rag, number> {
  const counts: Record<Rag, number> = { red: 0, amber: 0, green: 0, no_target: 0, no_data: 0, not_rated: 0 };
  const before = opts.endedBefore ?? null;
  const measures = liveMeasures(db).map((m) => ({
    id: m.id,
    rules: {
      unit: m.unit,
      polarity: m.polarity,
      target: m.target,
      tolerance: m.tolerance,
      frequency: m.frequency,
      yearBasis: m.year_basis,
      decimals: m.decimals,
      similarBand: m.similar_band,
    },
  }));
  const kinds = new Map(
    measures.map((m) => [
      m.id,
      periodKinds.indexOf(headlineFamily(m.rules.frequency, m.rules.yearBasis) as PeriodKind),
    ]),
  );
  const headline = new Map(latestOfKind(db, kinds, before).map((v) => [v.measure_id, v]));
  for (const m of measures) {
    const h = headline.get(m.id);
    const series = h
      ? [{ period: h.period, value: h.value }]
      : valuesOfMeasure(db, m.id)
          .filter((v) => before === null || endedBefore(v.period, before))
          .map((v) => ({ period: v.period, value: v.value }));
    counts[measureStatus(m.rules, series).rag] += 1;
  }
  return counts;
}

/**
 * Every live measure's scorecard row, grouped by priority in strategy order (measures without a
 * priority last), with the RAG counts. With `endedBefore`, only figures for periods that ended
 * before that date count (an agenda pack shows what was available before its meeting).
 */
export function scorecard(db: DB, opts: { endedBefore?: string } = {}): Scorecard {
  const cut = opts.endedBefore;
  const counts: Record<Rag, number> = { red: 0, amber: 0, green: 0, no_target: 0, no_data: 0, not_rated: 0 };
  const groups: ScorecardGroup[] = [];
  for (const full of measureSeries(db)) {
    const s = cut === undefined ? full : asAt(full, cut);
    const row = scorecardRow(s);
    counts[row.rag] += 1;
    let group = groups.at(-1);
    if (!group || group.priorityId !== s.priorityId) {
      group = {
        priorityId: s.priorityId,
        priorityCode: s.priorityCode ?? '',
        priorityTitle: s.priorityTitle ?? NO_PRIORITY,
        rows: [],
      };
      groups.push(group);
    }
    group.rows.push(row);
  }
  return { groups, counts, priorities: livePriorities(db) };
}
