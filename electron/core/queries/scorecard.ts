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
import {
  comparePeriods,
  headlineFamily,
  parsePeriod,
  type Frequency,
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
import { allComparators, allValues, liveMeasures } from '../store/measures';
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

const byPeriod = (a: SeriesPoint, b: SeriesPoint) => comparePeriods(a.period, b.period);

/** Every live measure in scorecard order (priorities in strategy order, then unlinked measures). */
export function measureSeries(db: DB): MeasureSeries[] {
  const values = new Map<number, SeriesPoint[]>();
  for (const v of allValues(db)) {
    const list = values.get(v.measure_id) ?? [];
    list.push({ period: v.period, value: v.value });
    values.set(v.measure_id, list);
  }
  const comps = new Map<string, SeriesPoint[]>();
  for (const c of allComparators(db)) {
    const key = `${c.measure_id}:${c.kind}`;
    const list = comps.get(key) ?? [];
    list.push({ period: c.period, value: c.value });
    comps.set(key, list);
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
      england: (comps.get(`${m.id}:england`) ?? []).sort(byPeriod),
      neighbours: (comps.get(`${m.id}:neighbours`) ?? []).sort(byPeriod),
      region: (comps.get(`${m.id}:region`) ?? []).sort(byPeriod),
    },
  }));
}

/** Whether a period ended before an ISO date (unreadable periods never count). */
export function endedBefore(period: string, isoDate: string): boolean {
  const p = parsePeriod(period);
  return p !== null && p.end < isoDate;
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
