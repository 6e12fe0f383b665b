import { ApiError } from '../../../shared/api';
import type { HandlerGroup } from '../handler-types';
import type { Ctx } from '../context';
import { onMeeting, itemRow, meetingRow, touch } from './meetings';

/** Renumbers a meeting's items 1..n in the given order (two passes so no position is ever shared). */
function renumber(ctx: Ctx, meetingId: number, ids: readonly number[]): void {
  const set = ctx.db.prepare('UPDATE agenda_item SET position = ? WHERE id = ? AND meeting_id = ?');
  ids.forEach((id, i) => set.run(10_000 + i, id, meetingId));
  ids.forEach((id, i) => set.run(i + 1, id, meetingId));
}

function itemIds(ctx: Ctx, meetingId: number): number[] {
  return (
    ctx.db
      .prepare('SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position, id')
      .all(meetingId) as { id: number }[]
  ).map((r) => r.id);
}

function checkIds(
  ctx: Ctx,
  table: 'priority' | 'pledge' | 'principle',
  ids: readonly number[],
  field: string,
): void {
  const stmt = ctx.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
  for (const id of ids)
    if (!stmt.get(id)) throw new ApiError('not_found', `${field}: there is no ${table} with id ${id}`);
}

export const agendaHandlers: HandlerGroup<'item.add' | 'item.remove' | 'item.reorder' | 'item.update'> = {
  'item.add': (ctx, input) => {
    const m = meetingRow(ctx, input.meetingId);
    const id = onMeeting(ctx, m.id, () => {
      const ids = itemIds(ctx, m.id);
      const at = input.afterPosition === null ? ids.length : Math.min(input.afterPosition, ids.length);
      const info = ctx.db
        .prepare('INSERT INTO agenda_item (meeting_id, position, kind, title) VALUES (?, ?, ?, ?)')
        .run(m.id, 20_000, input.kind, input.title);
      const newId = Number(info.lastInsertRowid);
      renumber(ctx, m.id, [...ids.slice(0, at), newId, ...ids.slice(at)]);
      touch(ctx, m.id);
      return newId;
    });
    return { id };
  },

  'item.remove': (ctx, input) => {
    const it = itemRow(ctx, input.itemId);
    onMeeting(ctx, it.meeting_id, () => {
      ctx.db.prepare('DELETE FROM agenda_item WHERE id = ?').run(it.id);
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
    onMeeting(ctx, it.meeting_id, () => {
      ctx.db
        .prepare(
          `UPDATE agenda_item SET title = ?, presenter = ?, purpose = ?, minutes_allowed = ?, exempt = ?, exempt_paragraph = ?
           WHERE id = ?`,
        )
        .run(
          input.title,
          input.presenter,
          input.purpose,
          input.minutesAllowed,
          input.exempt ? 1 : 0,
          input.exempt ? input.exemptParagraph : '',
          it.id,
        );
      ctx.db.prepare('DELETE FROM link WHERE agenda_item_id = ?').run(it.id);
      const link = ctx.db.prepare(
        'INSERT INTO link (agenda_item_id, to_priority_id, to_pledge_id, to_principle_id) VALUES (?, ?, ?, ?)',
      );
      for (const p of new Set(input.priorityIds)) link.run(it.id, p, null, null);
      for (const p of new Set(input.pledgeIds)) link.run(it.id, null, p, null);
      for (const p of new Set(input.principleIds)) link.run(it.id, null, null, p);
      ctx.db.prepare('DELETE FROM agenda_paper WHERE agenda_item_id = ?').run(it.id);
      const paper = ctx.db.prepare(
        'INSERT INTO agenda_paper (agenda_item_id, label, ref, sort) VALUES (?, ?, ?, ?)',
      );
      input.papers.forEach((p, i) => paper.run(it.id, p.label, p.ref, i + 1));
      touch(ctx, it.meeting_id);
    });
    return { ok: true as const };
  },
};
