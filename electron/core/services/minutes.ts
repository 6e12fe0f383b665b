import { ApiError } from '../../../shared/api';
import {
  meetingStatusLabels,
  minutesDocText,
  resolutionText,
  type MinutesNode,
} from '../../../shared/api/meetings';
import { formatDate } from '../../../shared/domain/dates';
import type { HandlerGroup } from '../handler-types';
import type { Ctx } from '../context';
import { onMeeting, itemRow, lockedMessage, meetingRow, touch } from './meetings';
import { FIX_QUORUM_RULE } from './quorum-rule';

function decisionRow(ctx: Ctx, id: number) {
  const d = ctx.db
    .prepare(
      'SELECT d.id, d.agenda_item_id, a.meeting_id FROM decision d JOIN agenda_item a ON a.id = d.agenda_item_id WHERE d.id = ?',
    )
    .get(id) as { id: number; agenda_item_id: number; meeting_id: number } | undefined;
  if (!d) throw new ApiError('not_found', `There is no decision with id ${id}`);
  return d;
}

function resolution(text: string): string {
  const t = resolutionText(text);
  if (t === '')
    throw new ApiError('invalid_input', 'text: write what was resolved after “RESOLVED that”', [
      { path: 'text', message: 'must say what was resolved' },
    ]);
  return t;
}

function addDecision(ctx: Ctx, itemId: number, text: string): number {
  const pos = (
    ctx.db
      .prepare('SELECT coalesce(max(position), 0) + 1 AS n FROM decision WHERE agenda_item_id = ?')
      .get(itemId) as { n: number }
  ).n;
  return Number(
    ctx.db
      .prepare('INSERT INTO decision (agenda_item_id, position, text) VALUES (?, ?, ?)')
      .run(itemId, pos, text).lastInsertRowid,
  );
}

type MinutesHandlers =
  | 'item.saveMinutes'
  | 'decision.add'
  | 'decision.update'
  | 'decision.delete'
  | 'meeting.addAction'
  | 'meeting.deleteAction'
  | 'meeting.approveMinutes'
  | 'minutes.amend';

export const minutesHandlers: HandlerGroup<MinutesHandlers> = {
  'item.saveMinutes': (ctx, input) => {
    const it = itemRow(ctx, input.itemId);
    const savedAt = ctx.now().toISOString();
    onMeeting(ctx, it.meeting_id, () => {
      ctx.db
        .prepare('UPDATE agenda_item SET minutes_doc = ?, minutes_text = ? WHERE id = ?')
        .run(JSON.stringify(input.doc), minutesDocText(input.doc as unknown as MinutesNode), it.id);
      touch(ctx, it.meeting_id);
    });
    return { savedAt };
  },

  'decision.add': (ctx, input) => {
    const it = itemRow(ctx, input.itemId);
    const text = resolution(input.text);
    const id = onMeeting(ctx, it.meeting_id, () => {
      const newId = addDecision(ctx, it.id, text);
      touch(ctx, it.meeting_id);
      return newId;
    });
    return { id };
  },

  'decision.update': (ctx, input) => {
    const d = decisionRow(ctx, input.id);
    const text = resolution(input.text);
    onMeeting(ctx, d.meeting_id, () => {
      ctx.db.prepare('UPDATE decision SET text = ? WHERE id = ?').run(text, d.id);
      touch(ctx, d.meeting_id);
    });
    return { ok: true as const };
  },

  'decision.delete': (ctx, input) => {
    const d = decisionRow(ctx, input.id);
    onMeeting(ctx, d.meeting_id, () => {
      ctx.db.prepare('DELETE FROM decision WHERE id = ?').run(d.id);
      touch(ctx, d.meeting_id);
    });
    return { ok: true as const };
  },

  'meeting.addAction': (ctx, input) => {
    const it = itemRow(ctx, input.itemId);
    let ownerName = input.ownerName.trim();
    if (input.ownerMemberId !== null) {
      const m = ctx.db.prepare('SELECT name FROM member WHERE id = ?').get(input.ownerMemberId) as
        { name: string } | undefined;
      if (!m)
        throw new ApiError('not_found', `ownerMemberId: there is no member with id ${input.ownerMemberId}`);
      ownerName = '';
    }
    const priority = ctx.db
      .prepare(
        'SELECT to_priority_id AS p FROM link WHERE agenda_item_id = ? AND to_priority_id IS NOT NULL ORDER BY id LIMIT 1',
      )
      .get(it.id) as { p: number } | undefined;
    const id = onMeeting(ctx, it.meeting_id, () => {
      const info = ctx.db
        .prepare(
          `INSERT INTO action (meeting_id, agenda_item_id, description, owner_member_id, owner_name, due_date, urgency, status, priority_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
        )
        .run(
          it.meeting_id,
          it.id,
          input.description,
          input.ownerMemberId,
          ownerName,
          input.dueDate,
          input.urgency,
          priority?.p ?? null,
          ctx.now().toISOString(),
        );
      touch(ctx, it.meeting_id);
      return Number(info.lastInsertRowid);
    });
    return { id };
  },

  'meeting.deleteAction': (ctx, input) => {
    const a = ctx.db.prepare('SELECT id, meeting_id FROM action WHERE id = ?').get(input.id) as
      { id: number; meeting_id: number | null } | undefined;
    if (!a) throw new ApiError('not_found', `There is no action with id ${input.id}`);
    if (a.meeting_id === null)
      throw new ApiError(
        'conflict',
        'This action was not recorded at a meeting; close it in the action log instead',
      );
    const m = meetingRow(ctx, a.meeting_id);
    if (m.status === 'minutes_approved')
      throw new ApiError('locked', `${lockedMessage(m)}; close the action in the action log instead`);
    onMeeting(ctx, m.id, () => {
      ctx.db.prepare('DELETE FROM action WHERE id = ?').run(a.id);
      touch(ctx, m.id);
    });
    return { ok: true as const };
  },

  'meeting.approveMinutes': (ctx, input) => {
    const earlier = meetingRow(ctx, input.meetingId);
    const at = meetingRow(ctx, input.atMeetingId);
    if (earlier.id === at.id)
      throw new ApiError(
        'conflict',
        'A meeting’s minutes are approved at a later meeting, not at the same one',
      );
    if (earlier.status === 'minutes_approved') {
      throw new ApiError(
        'conflict',
        `The minutes of the meeting on ${formatDate(earlier.date)} are already approved`,
      );
    }
    if (earlier.status !== 'minutes_draft') {
      throw new ApiError(
        'conflict',
        `The meeting on ${formatDate(earlier.date)} is at “${meetingStatusLabels[earlier.status]}”: end it so its minutes are in draft before approving them`,
      );
    }
    if (at.date < earlier.date || (at.date === earlier.date && at.id < earlier.id)) {
      throw new ApiError(
        'conflict',
        `The meeting on ${formatDate(at.date)} comes before the meeting on ${formatDate(earlier.date)}; approve minutes at a later meeting`,
      );
    }
    if (at.status === 'minutes_approved') throw new ApiError('locked', lockedMessage(at));
    const chair = at.chair_member_id
      ? (ctx.db.prepare('SELECT name FROM member WHERE id = ?').get(at.chair_member_id) as
          { name: string } | undefined)
      : undefined;
    const approvedBy = chair ? `${chair.name} (Chair)` : ctx.actor;
    const approvedAt = ctx.now().toISOString();
    const minutesItem = ctx.db
      .prepare(
        "SELECT id FROM agenda_item WHERE meeting_id = ? AND kind = 'minutes' ORDER BY position LIMIT 1",
      )
      .get(at.id) as { id: number } | undefined;
    onMeeting(ctx, at.id, () => {
      if (minutesItem)
        addDecision(
          ctx,
          minutesItem.id,
          `the minutes of the meeting held on ${formatDate(earlier.date)} be approved as a correct record.`,
        );
      touch(ctx, at.id);
      ctx.db
        .prepare(
          `UPDATE meeting SET status = 'minutes_approved', approved_at = ?, approved_by = ?, approved_at_meeting_id = ?, updated_at = ?,
           ${FIX_QUORUM_RULE} WHERE id = ?`,
        )
        .run(approvedAt, approvedBy, at.id, approvedAt, earlier.id);
    });
    return { approvedAt, approvedBy };
  },

  'minutes.amend': (ctx, input) => {
    const m = meetingRow(ctx, input.meetingId);
    if (m.status !== 'minutes_approved') {
      throw new ApiError(
        'conflict',
        `The minutes of the meeting on ${formatDate(m.date)} are not approved yet: correct them directly`,
      );
    }
    if (input.itemId !== null && itemRow(ctx, input.itemId).meeting_id !== m.id) {
      throw new ApiError('conflict', `itemId: agenda item ${input.itemId} belongs to another meeting`);
    }
    const info = ctx.db
      .prepare(
        'INSERT INTO minutes_amendment (meeting_id, agenda_item_id, text, author, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(m.id, input.itemId, input.text, ctx.actor, ctx.now().toISOString());
    return { id: Number(info.lastInsertRowid) };
  },
};
