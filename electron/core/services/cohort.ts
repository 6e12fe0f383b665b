import type { CohortProfile } from '../../../shared/api/measures';
import { cohortBreakdownLabel, cohortBreakdowns, type CohortBreakdown } from '../../../shared/domain/cohort';
import { ApiError } from '../../../shared/api';
import { sortPeriods } from '../../../shared/domain/periods';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import { canonical } from './measures';

interface CohortRow {
  period: string;
  breakdown: CohortBreakdown;
  category: string;
  count: number;
  sort: number;
}

/** The profile as tables: one per breakdown, categories × periods (oldest period first). */
export function buildCohort(ctx: Ctx, only?: CohortBreakdown): CohortProfile {
  const rows = ctx.db
    .prepare('SELECT period, breakdown, category, count, sort FROM cohort_value ORDER BY sort, category')
    .all() as CohortRow[];
  const periods = sortPeriods([...new Set(rows.map((r) => r.period))]);
  const col = new Map(periods.map((p, i) => [p, i]));
  const breakdowns = cohortBreakdowns
    .filter((b) => !only || b === only)
    .flatMap((breakdown) => {
      const mine = rows.filter((r) => r.breakdown === breakdown);
      if (mine.length === 0) return [];
      const categories: string[] = [];
      for (const r of mine) if (!categories.includes(r.category)) categories.push(r.category);
      const counts = categories.map(() => periods.map((): number | null => null));
      for (const r of mine) counts[categories.indexOf(r.category)]![col.get(r.period)!] = r.count;
      const totals = periods.map((_p, i) => counts.reduce((sum, c) => sum + (c[i] ?? 0), 0));
      return [{ breakdown, label: cohortBreakdownLabel[breakdown], categories, counts, totals }];
    });
  return { periods, breakdowns };
}

export const cohortHandlers: HandlerGroup<'cohort.get' | 'cohort.setValue'> = {
  'cohort.get': (ctx, input) => buildCohort(ctx, input.breakdown),

  'cohort.setValue': (ctx, input) => {
    const period = canonical(input.period).canonical;
    if (input.count === null) {
      const r = ctx.db
        .prepare('DELETE FROM cohort_value WHERE period = ? AND breakdown = ? AND category = ?')
        .run(period, input.breakdown, input.category);
      if (r.changes === 0)
        throw new ApiError(
          'not_found',
          `There is no ${cohortBreakdownLabel[input.breakdown].toLowerCase()} count for "${input.category}" in ${period}`,
        );
    } else {
      // A category keeps its place in the table: reuse its sort from any period.
      const known = ctx.db
        .prepare('SELECT min(sort) AS sort FROM cohort_value WHERE breakdown = ? AND category = ?')
        .get(input.breakdown, input.category) as { sort: number | null };
      const sort =
        known.sort ??
        (
          ctx.db
            .prepare('SELECT coalesce(max(sort), 0) + 1 AS n FROM cohort_value WHERE breakdown = ?')
            .get(input.breakdown) as { n: number }
        ).n;
      ctx.db
        .prepare(
          `INSERT INTO cohort_value (period, breakdown, category, count, sort) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (period, breakdown, category) DO UPDATE SET count = excluded.count`,
        )
        .run(period, input.breakdown, input.category, input.count, sort);
    }
    return { ok: true as const };
  },
};
