import { cohortBreakdownLabel } from '../../../shared/domain/cohort';
import { ApiError } from '../../../shared/api';
import { cohortProfile } from '../queries/cohort';
import { cohortCategorySort, deleteCohortValue, upsertCohortValue } from '../store/cohort';
import type { HandlerGroup } from '../handler-types';
import { canonical } from './measures';

export const cohortHandlers: HandlerGroup<'cohort.get' | 'cohort.setValue'> = {
  'cohort.get': (ctx, input) => cohortProfile(ctx.db, input.breakdown),

  'cohort.setValue': (ctx, input) => {
    const period = canonical(input.period).canonical;
    if (input.count === null) {
      const changes = deleteCohortValue(ctx.db, period, input.breakdown, input.category);
      if (changes === 0)
        throw new ApiError(
          'not_found',
          `There is no ${cohortBreakdownLabel[input.breakdown].toLowerCase()} count for "${input.category}" in ${period}`,
        );
    } else {
      // A category keeps its place in the table: reuse its sort from any period.
      upsertCohortValue(ctx.db, {
        period,
        breakdown: input.breakdown,
        category: input.category,
        count: input.count,
        sort: cohortCategorySort(ctx.db, input.breakdown, input.category),
      });
    }
    return { ok: true as const };
  },
};
