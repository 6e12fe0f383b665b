/** The children in care profile: counts by breakdown and category per period. */
import type { CohortBreakdown } from '../../../shared/domain/cohort';
import { periodSortKey } from '../../../shared/domain/period-key';
import type { DB } from './board-file';
import { all, get, run } from './sql';

export interface CohortRow {
  period: string;
  breakdown: CohortBreakdown;
  category: string;
  count: number;
  sort: number;
}

/** Every count, categories in their table order. */
export const cohortValues = (db: DB): CohortRow[] =>
  all<CohortRow>(
    db,
    'SELECT period, breakdown, category, count, sort FROM cohort_value ORDER BY sort, category, period_key',
  );

export const deleteCohortValue = (db: DB, period: string, breakdown: string, category: string): number =>
  run(
    db,
    'DELETE FROM cohort_value WHERE period = ? AND breakdown = ? AND category = ?',
    period,
    breakdown,
    category,
  ).changes;

/** Where a category sits in its breakdown's table: its sort from any period, else after the last. */
export const cohortCategorySort = (db: DB, breakdown: string, category: string): number =>
  get<{ sort: number }>(
    db,
    `SELECT coalesce((SELECT min(sort) FROM cohort_value WHERE breakdown = @breakdown AND category = @category),
                     (SELECT coalesce(max(sort), 0) + 1 FROM cohort_value WHERE breakdown = @breakdown)) AS sort`,
    { breakdown, category },
  )!.sort;

export const upsertCohortValue = (db: DB, r: Omit<CohortRow, 'breakdown'> & { breakdown: string }): void => {
  run(
    db,
    `INSERT INTO cohort_value (period, period_key, breakdown, category, count, sort)
     VALUES (@period, @key, @breakdown, @category, @count, @sort)
     ON CONFLICT (period, breakdown, category) DO UPDATE SET count = excluded.count`,
    { ...r, key: periodSortKey(r.period) },
  );
};
