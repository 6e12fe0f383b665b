/**
 * The scorecard as the documents print it: one flat row per measure, from the live scorecard or
 * from a meeting's snapshot (both read from electron/core/queries, never worked out here).
 */
import type { Scorecard, SnapshotRow } from '../../../shared/api/scorecard';
import { formatFixed, measureDecimals, type Unit } from '../../../shared/domain/format';
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
  england: number | null;
  neighbours: number | null;
  region: number | null;
  working: string;
  worried: string;
  next: string;
  /** Decimal places every figure of this measure is shown with (see measureDecimals). */
  decimals: number;
  /** The period of each comparator shown (live figures only: a snapshot keeps the value alone). */
  comparatorPeriods: { england: string | null; neighbours: string | null; region: string | null } | null;
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
      england: r.england?.value ?? null,
      neighbours: r.neighbours?.value ?? null,
      region: r.region?.value ?? null,
      working: r.commentary.working,
      worried: r.commentary.worried,
      next: r.commentary.next,
      decimals: measureDecimals(
        [...r.series.map((v) => v.value), r.target, r.england?.value, r.neighbours?.value, r.region?.value],
        r.unit,
      ),
      comparatorPeriods: {
        england: r.england?.period ?? null,
        neighbours: r.neighbours?.period ?? null,
        region: r.region?.period ?? null,
      },
    })),
  );
}

export function frozenRows(rows: SnapshotRow[]): ScoreRow[] {
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
    england: r.england,
    neighbours: r.neighbours,
    region: r.region,
    working: r.commentary.working,
    worried: r.commentary.worried,
    next: r.commentary.next,
    decimals: measureDecimals(
      [r.latest?.value, r.previous?.value, r.target, r.england, r.neighbours, r.region],
      r.unit,
    ),
    comparatorPeriods: null,
  }));
}

/** One row's format function: every figure of the measure with the same decimal places. */
export const rowFormat =
  (r: Pick<ScoreRow, 'unit' | 'decimals'>) =>
  (value: number | null): string =>
    formatFixed(value, r.unit, r.decimals);
