/**
 * Which published comparator figure (England, statistical neighbours, region) sits beside a
 * local figure. Comparators compare like with like: the one shown is the latest published for the
 * local figure's period or an earlier one — never a later period's, which would compare this
 * quarter with a future one. With no local figure, or no comparator that old, none is shown.
 * The scorecard screen, snapshots and every Word document use this one rule.
 */
import { comparePeriods, parsePeriod } from './periods';
import type { SeriesPoint } from './rag';

export const comparatorKinds = ['england', 'neighbours', 'region'] as const;
export type ComparatorKind = (typeof comparatorKinds)[number];

export function comparatorFor(
  comparators: readonly SeriesPoint[],
  localPeriod: string | null,
): SeriesPoint | null {
  if (localPeriod === null || parsePeriod(localPeriod) === null) return null;
  let best: SeriesPoint | null = null;
  for (const c of comparators) {
    if (!Number.isFinite(c.value) || parsePeriod(c.period) === null) continue;
    if (comparePeriods(c.period, localPeriod) > 0) continue;
    if (best === null || comparePeriods(c.period, best.period) > 0) best = c;
  }
  return best;
}
