/** The children in care profile as tables: one per breakdown, categories × periods (oldest first). */
import type { CohortProfile } from '../../../shared/api/measures';
import { cohortBreakdownLabel, cohortBreakdowns, type CohortBreakdown } from '../../../shared/domain/cohort';
import { sortPeriods } from '../../../shared/domain/periods';
import type { DB } from '../store/board-file';
import { cohortValues } from '../store/cohort';

export function cohortProfile(db: DB, only?: CohortBreakdown): CohortProfile {
  const rows = cohortValues(db);
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
