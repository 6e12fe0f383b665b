/**
 * Which published comparator figure (England, statistical neighbours, region) sits beside a
 * local figure — ONE rule, used by the scorecard screen, snapshots and every export.
 *
 * The comparator shown is the latest published for a period that ended on or before the local
 * figure's period ended — never a later period's, which would compare this quarter with a future
 * one. When two end on the same day, the one of the same kind as the local figure wins (England's
 * 2024-25 beside our 2024-25, not its Q4). England publishes most children-in-care figures once a
 * year, so a local quarter usually sits beside the last published year: the comparator's own
 * period is always returned, and shown, so nobody reads 2023-24 England as this quarter's.
 * With no local figure, or no comparator that old, none is shown.
 */
import { parsePeriod, periodFamily } from './periods';
import type { SeriesPoint } from './rag';

export const comparatorKinds = ['england', 'neighbours', 'region'] as const;
export type ComparatorKind = (typeof comparatorKinds)[number];

export const comparatorLabel: Record<ComparatorKind, string> = {
  england: 'England',
  neighbours: 'Statistical neighbours',
  region: 'Region',
};

export function comparatorFor(
  comparators: readonly SeriesPoint[],
  localPeriod: string | null,
): SeriesPoint | null {
  const local = localPeriod === null ? null : parsePeriod(localPeriod);
  if (local === null || localPeriod === null) return null;
  const family = periodFamily(localPeriod);
  let best: { point: SeriesPoint; end: string; same: boolean } | null = null;
  for (const c of comparators) {
    const p = Number.isFinite(c.value) ? parsePeriod(c.period) : null;
    if (p === null || p.end > local.end) continue;
    const same = periodFamily(c.period) === family;
    if (best === null || p.end > best.end || (p.end === best.end && same && !best.same))
      best = { point: c, end: p.end, same };
  }
  return best?.point ?? null;
}
