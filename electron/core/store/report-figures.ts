/**
 * What the scorecard and annual reports read beyond the scorecard itself: the numerator and
 * denominator recorded with each figure, the meetings still to come, a measure's id by its code.
 */
import type { DB } from './board-file';
import { all } from './sql';

export interface FractionRow {
  measure_id: number;
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/** The figures recorded with a numerator or denominator ("123 of 130"). */
export const fractions = (db: DB): FractionRow[] =>
  all<FractionRow>(
    db,
    'SELECT measure_id, period, value, numerator, denominator FROM measure_value WHERE numerator IS NOT NULL OR denominator IS NOT NULL',
  );

/** Meetings arranged but not yet held, from `from` to `to` (the annual report's forward plan). */
export const meetingsToCome = (db: DB, from: string, to: string): number[] =>
  all<{ id: number }>(
    db,
    `SELECT id FROM meeting WHERE date BETWEEN ? AND ? AND status IN ('draft', 'agenda_published')
     ORDER BY date, start_time, id`,
    from,
    to,
  ).map((r) => r.id);

/** A measure's id by its code (codes are unique, case aside); null when there is none. */
export const measureIdByCode = (db: DB, code: string): number | null =>
  all<{ id: number }>(db, 'SELECT id FROM measure WHERE code = ? COLLATE NOCASE', code)[0]?.id ?? null;
