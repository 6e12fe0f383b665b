/**
 * The scorecard as the documents print it: one flat row per measure, from the live scorecard or
 * from a meeting's snapshot (both read from electron/core/queries, never worked out here).
 */
import type { MeasureDefinition } from '../../../shared/api/measures';
import type { Scorecard, SnapshotRow } from '../../../shared/api/scorecard';
import { formatFixed, measurePlaces, type Unit } from '../../../shared/domain/format';
import type { Direction, Polarity, Rag } from '../../../shared/domain/rag';
import { NO_PRIORITY } from '../queries/scorecard';

export interface ScoreRow {
  measureId: number | null;
  /** "P2 Stable homes" (live), or the title frozen with a snapshot. */
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
  /** Why no direction is given ('' when one is). */
  directionReason: string;
  /**
   * Decimal places every figure of this measure is shown with: as many as its recorded figures use,
   * never more than the measure's own setting (see measurePlaces); on a frozen row, those it was
   * frozen with (null when none were kept: see rowDecimals).
   */
  decimals: number | null;
  /** Comparators by the one comparator rule, each with the period it is for. */
  england: number | null;
  neighbours: number | null;
  region: number | null;
  englandPeriod: string | null;
  neighboursPeriod: string | null;
  regionPeriod: string | null;
  working: string;
  worried: string;
  next: string;
  /** What the measure counts and where its figures come from (a frozen row: the measure's as it is now). */
  definition: MeasureDefinition | null;
}

export function liveRows(card: Scorecard): ScoreRow[] {
  return card.groups.flatMap((g) =>
    g.rows.map((r) => ({
      measureId: r.measureId,
      priorityTitle: g.priorityId === null ? NO_PRIORITY : `${g.priorityCode} ${g.priorityTitle}`,
      code: r.code,
      title: r.title,
      unit: r.unit,
      polarity: r.polarity,
      target: r.target,
      period: r.latest?.period ?? null,
      value: r.latest?.value ?? null,
      previousPeriod: r.previous?.period ?? null,
      previousValue: r.previous?.value ?? null,
      rag: r.rag,
      direction: r.direction,
      directionReason: r.directionReason,
      decimals: measurePlaces(
        r.unit,
        [...r.series.map((v) => v.value), r.target, r.england?.value, r.neighbours?.value, r.region?.value],
        r.decimals,
      ),
      england: r.england?.value ?? null,
      neighbours: r.neighbours?.value ?? null,
      region: r.region?.value ?? null,
      englandPeriod: r.england?.period ?? null,
      neighboursPeriod: r.neighbours?.period ?? null,
      regionPeriod: r.region?.period ?? null,
      working: r.commentary.working,
      worried: r.commentary.worried,
      next: r.commentary.next,
      definition: r.definition,
    })),
  );
}

export function frozenRows(
  rows: SnapshotRow[],
  definitions: ReadonlyMap<number, MeasureDefinition> = new Map(),
): ScoreRow[] {
  return rows.map((r) => ({
    measureId: r.measureId,
    priorityTitle: r.priorityTitle || NO_PRIORITY,
    code: r.code,
    title: r.title,
    unit: r.unit,
    polarity: r.polarity,
    target: r.target,
    period: r.latest?.period ?? null,
    value: r.latest?.value ?? null,
    previousPeriod: r.previous?.period ?? null,
    previousValue: r.previous?.value ?? null,
    rag: r.rag,
    direction: r.direction,
    directionReason: r.directionReason,
    decimals: r.decimals,
    england: r.england,
    neighbours: r.neighbours,
    region: r.region,
    englandPeriod: r.englandPeriod,
    neighboursPeriod: r.neighboursPeriod,
    regionPeriod: r.regionPeriod,
    working: r.commentary.working,
    worried: r.commentary.worried,
    next: r.commentary.next,
    definition: r.measureId === null ? null : (definitions.get(r.measureId) ?? null),
  }));
}

/** Each live measure's definition by id, for frozen rows (a snapshot keeps figures, not definitions). */
export function definitionsOf(card: Scorecard): Map<number, MeasureDefinition> {
  return new Map(card.groups.flatMap((g) => g.rows.map((r) => [r.measureId, r.definition] as const)));
}

/**
 * The decimal places a row's figures are shown with: those worked out for a live row, or for a
 * frozen one with none kept, as many as its own figures use.
 */
export function rowDecimals(
  r: Pick<
    ScoreRow,
    'unit' | 'decimals' | 'value' | 'previousValue' | 'target' | 'england' | 'neighbours' | 'region'
  >,
): number {
  return (
    r.decimals ??
    measurePlaces(r.unit, [r.value, r.previousValue, r.target, r.england, r.neighbours, r.region])
  );
}

/** One row's format function: every figure of the measure with the same decimal places, trailing zeros kept. */
export const rowFormat =
  (
    r: Pick<
      ScoreRow,
      'unit' | 'decimals' | 'value' | 'previousValue' | 'target' | 'england' | 'neighbours' | 'region'
    >,
  ) =>
  (value: number | null): string =>
    formatFixed(value, r.unit, rowDecimals(r));
