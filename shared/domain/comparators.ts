/**
 * Which published comparator figure (England, statistical neighbours, region) sits beside a
 * local figure. Comparators compare like with like: the one shown is the latest published for the
 * local figure's period or an earlier one — never a later period's, which would compare this
 * quarter with a future one. With no local figure, or no comparator that old, none is shown.
 * The scorecard screen, snapshots and every Word document use this one rule.
 */
import { periodSortKey } from './period-key';
import type { SeriesPoint } from './rag';

export const comparatorKinds = ['england', 'neighbours', 'region'] as const;
export type ComparatorKind = (typeof comparatorKinds)[number];

export function comparatorFor(
  comparators: readonly SeriesPoint[],
  localPeriod: string | null,
): SeriesPoint | null {
  const local = localPeriod === null ? '~' : periodSortKey(localPeriod);
  if (local.startsWith('~')) return null;
  let best: SeriesPoint | null = null;
  let bestKey = '';
  for (const c of comparators) {
    if (!Number.isFinite(c.value)) continue;
    // Sortable keys order periods as comparePeriods does; '~' marks one that cannot be read.
    const key = periodSortKey(c.period);
    if (key.startsWith('~') || key > local) continue;
    if (best === null || key > bestKey) {
      best = c;
      bestKey = key;
    }
  }
  return best;
}
