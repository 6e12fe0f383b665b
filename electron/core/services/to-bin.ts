import type { BinKind } from '../../../shared/api/bin';
import { formatDate } from '../../../shared/domain/dates';
import type { Ctx } from '../context';
import { putInBin } from '../store/bin';
import { meetingById } from '../store/meetings';

/** A line of text short enough for a list. */
export const shortLabel = (s: string, max = 80): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** “Meeting of 3 December 2026”, naming where an item, decision or action came from. */
export function meetingLabel(ctx: Ctx, meetingId: number | null): string {
  if (meetingId === null) return '';
  const m = meetingById(ctx.db, meetingId);
  return m ? `Meeting of ${formatDate(m.date)}` : '';
}

/**
 * Keeps `kind` `id` (and what its delete takes with it) in the bin. Call it inside the same
 * transaction as the delete, just before it, so a refused delete leaves nothing in the bin.
 * `alsoTake` names linked rows the caller deletes with it (a meeting's actions).
 */
export function toBin(
  ctx: Ctx,
  kind: BinKind,
  id: number,
  label: string,
  context = '',
  alsoTake: readonly string[] = [],
): void {
  putInBin(
    ctx.db,
    { kind, id, label: shortLabel(label), context, at: ctx.now().toISOString(), by: ctx.actor },
    alsoTake,
  );
}
