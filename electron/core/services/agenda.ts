import { ApiError } from '../../../shared/api';
import type { HandlerGroup } from '../handler-types';
import type { Ctx } from '../context';
import { onMeeting, itemRow, meetingRow, touch } from './meetings';
import { hasStarted } from './record-rules';
import {
  deleteItem,
  insertBareItem,
  itemTakes,
  itemIdsOfMeeting,
  markItemUrgent,
  meetingById,
  withdrawItem,
  setItemLinks,
  setItemPapers,
  setItemPosition,
  updateItem,
} from '../store/meetings';
import { rowExists } from '../store/sql';
import { baseOf, staleSave } from './revisions';
import { meetingLabel, toBin } from './to-bin';

/** Renumbers a meeting's items 1..n in the given order (two passes so no position is ever shared). */
export function renumber(ctx: Ctx, meetingId: number, ids: readonly number[]): void {
  ids.forEach((id, i) => setItemPosition(ctx.db, meetingId, id, 10_000 + i));
  ids.forEach((id, i) => setItemPosition(ctx.db, meetingId, id, i + 1));
}

const itemIds = (ctx: Ctx, meetingId: number): number[] => itemIdsOfMeeting(ctx.db, meetingId);

function checkIds(
  ctx: Ctx,
  table: 'priority' | 'pledge' | 'principle',
  ids: readonly number[],
  field: string,
): void {
  for (const id of ids)
    if (!rowExists(ctx.db, table, id))
      throw new ApiError('not_found', `${field}: there is no ${table} with id ${id}`);
}

/** An item's details as they now stand, for a conflict: what the other person saved. */
function currentItem(ctx: Ctx, itemId: number) {
  const now = itemRow(ctx, itemId);
  return {
    revision: now.revision,
    title: now.title,
    presenter: now.presenter,
    purpose: now.purpose,
    minutesAllowed: now.minutes_allowed,
    exempt: now.exempt === 1,
    exemptParagraph: now.exempt_para,
    publicTitle: now.public_title,
    reportAuthor: now.report_author,
    reportPurpose: now.report_purpose,
    recommendations: now.recommendations,
  };
}

export const agendaHandlers: HandlerGroup<'item.add' | 'item.remove' | 'item.reorder' | 'item.update'> = {
  'item.add': (ctx, input) => {
    const m = meetingRow(ctx, input.meetingId);
    const id = onMeeting(ctx, m.id, () => {
      const ids = itemIds(ctx, m.id);
      const at = input.afterPosition === null ? ids.length : Math.min(input.afterPosition, ids.length);
      const newId = insertBareItem(ctx.db, m.id, 20_000, input.kind, input.title);
      // Added once the meeting has started: urgent business, and the record says so.
      if (hasStarted(m)) markItemUrgent(ctx.db, newId);
      renumber(ctx, m.id, [...ids.slice(0, at), newId, ...ids.slice(at)]);
      touch(ctx, m.id);
      return newId;
    });
    return { id };
  },

  'item.remove': (ctx, input) => {
    const it = itemRow(ctx, input.itemId);
    const m = meetingById(ctx.db, it.meeting_id);
    if (m && hasStarted(m) && m.status !== 'minutes_approved') {
      // Once the meeting has started its record is never deleted: the item is withdrawn instead.
      if (it.withdrawn === 1)
        throw new ApiError('conflict', `Item ${it.position}, “${it.title}”, is already withdrawn`);
      onMeeting(ctx, it.meeting_id, () => {
        withdrawItem(ctx.db, it.id);
        touch(ctx, it.meeting_id);
      });
      return { ok: true as const };
    }
    onMeeting(ctx, it.meeting_id, () => {
      toBin(ctx, 'item', it.id, it.title, meetingLabel(ctx, it.meeting_id), itemTakes);
      deleteItem(ctx.db, it.id);
      renumber(ctx, it.meeting_id, itemIds(ctx, it.meeting_id));
      touch(ctx, it.meeting_id);
    });
    return { ok: true as const };
  },

  'item.reorder': (ctx, input) => {
    const m = meetingRow(ctx, input.meetingId);
    const current = itemIds(ctx, m.id);
    const given = new Set(input.itemIds);
    if (given.size !== input.itemIds.length)
      throw new ApiError('conflict', 'itemIds: an item is listed more than once');
    const missing = current.filter((id) => !given.has(id));
    const foreign = input.itemIds.filter((id) => !current.includes(id));
    if (foreign.length > 0)
      throw new ApiError('conflict', `itemIds: item ${foreign.join(', ')} is not on this meeting’s agenda`);
    if (missing.length > 0)
      throw new ApiError(
        'conflict',
        `itemIds: every item must be listed once; missing ${missing.join(', ')}`,
      );
    onMeeting(ctx, m.id, () => {
      renumber(ctx, m.id, input.itemIds);
      touch(ctx, m.id);
    });
    return { ok: true as const };
  },

  'item.update': (ctx, input) => {
    const it = itemRow(ctx, input.itemId);
    checkIds(ctx, 'priority', input.priorityIds, 'priorityIds');
    checkIds(ctx, 'pledge', input.pledgeIds, 'pledgeIds');
    checkIds(ctx, 'principle', input.principleIds, 'principleIds');
    const revision = onMeeting(ctx, it.meeting_id, () => {
      const saved = updateItem(
        ctx.db,
        it.id,
        {
          title: input.title,
          presenter: input.presenter,
          purpose: input.purpose,
          minutesAllowed: input.minutesAllowed,
          exempt: input.exempt,
          exemptParagraph: input.exempt ? input.exemptParagraph : null,
          publicTitle: input.publicTitle ?? null,
          reportAuthor: input.reportAuthor ?? null,
          reportPurpose: input.reportPurpose ?? null,
          recommendations: input.recommendations ?? null,
        },
        baseOf(input),
      );
      if (saved === null) throw staleSave('this item’s details', currentItem(ctx, it.id));
      setItemLinks(ctx.db, it.id, {
        priorityIds: new Set(input.priorityIds),
        pledgeIds: new Set(input.pledgeIds),
        principleIds: new Set(input.principleIds),
      });
      setItemPapers(ctx.db, it.id, input.papers);
      touch(ctx, it.meeting_id);
      return saved;
    });
    return { ok: true as const, revision };
  },
};
