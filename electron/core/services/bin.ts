import { ApiError } from '../../../shared/api';
import { binKindLabels } from '../../../shared/api/bin';
import type { HandlerGroup } from '../handler-types';
import type { Ctx } from '../context';
import {
  binChildCount,
  binEntries,
  binEntryFor,
  binRecord,
  MissingParent,
  purgeBin,
  restoreFromBin,
  type BinRow,
} from '../store/bin';
import { itemById, itemIdsOfMeeting, meetingById } from '../store/meetings';
import { onMeeting, touch } from './meetings';
import { renumber } from './agenda';

const entryOf = (b: BinRow) => ({
  id: b.id,
  kind: b.kind,
  recordId: b.record_id,
  label: b.label,
  context: b.context,
  deletedAt: b.deleted_at,
  deletedBy: b.deleted_by,
  children: binChildCount(b),
});

/** The meeting a kept agenda item, decision or action belonged to (its locks apply to the restore). */
function meetingOf(ctx: Ctx, b: BinRow): number | null {
  const r = binRecord(b);
  if (b.kind === 'item') return Number(r.meeting_id);
  if (b.kind === 'action') return (r.meeting_id as number | null) ?? null;
  if (b.kind === 'decision') return itemById(ctx.db, Number(r.agenda_item_id))?.meeting_id ?? null;
  return null;
}

const parentNames: Record<string, string> = {
  meeting: 'meeting',
  agenda_item: 'agenda item',
  action: 'action',
  member: 'member',
  measure: 'measure',
};

export const binHandlers: HandlerGroup<'bin.list' | 'bin.restore' | 'bin.purge'> = {
  'bin.list': (ctx) => ({ entries: binEntries(ctx.db).map(entryOf) }),

  'bin.restore': (ctx, input) => {
    const b = binEntryFor(ctx.db, input.kind, input.recordId);
    if (!b)
      throw new ApiError(
        'not_found',
        `${binKindLabels[input.kind]} ${input.recordId} is not in the bin (it may have been restored already)`,
      );
    const meetingId = meetingOf(ctx, b);
    const restore = () => {
      const id = restoreFromBin(ctx.db, b);
      if (b.kind === 'item' && meetingId !== null) {
        // Back in its old place; the items after it move down one.
        const others = itemIdsOfMeeting(ctx.db, meetingId).filter((i) => i !== id);
        const at = Math.min(Math.max(Number(binRecord(b).position) - 1, 0), others.length);
        renumber(ctx, meetingId, [...others.slice(0, at), id, ...others.slice(at)]);
      }
      if (meetingId !== null && meetingById(ctx.db, meetingId)) touch(ctx, meetingId);
      return id;
    };
    try {
      // dispatch runs the command in one transaction, so a refused restore leaves the bin as it was.
      const id =
        meetingId !== null && meetingById(ctx.db, meetingId) ? onMeeting(ctx, meetingId, restore) : restore();
      return { kind: b.kind, id };
    } catch (e) {
      if (e instanceof MissingParent)
        throw new ApiError(
          'conflict',
          `This ${binKindLabels[b.kind].toLowerCase()} belonged to a ${parentNames[e.table] ?? e.table} that is no longer on the board; restore that from the bin first`,
        );
      throw e;
    }
  },

  'bin.purge': (ctx, input) => {
    const before = new Date(ctx.now().getTime() - input.olderThanDays * 86_400_000).toISOString();
    const purged = purgeBin(ctx.db, before);
    return { purged };
  },
};
