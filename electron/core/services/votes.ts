/**
 * Recorded votes. Where the board votes on a decision the minutes record the numbers for, against
 * and abstaining (and, for a named vote, how each member voted). Only members entitled to vote on
 * the item — voting members, or substitutes for one, in the room when it concluded, who did not
 * withdraw for it and (unless the quorum rule counts remote attendance) not attending remotely —
 * may be named, and no more votes may be cast than there are such members.
 */
import { ApiError } from '../../../shared/api';
import { meetingStatusLabels } from '../../../shared/api/meetings';
import { formatDate } from '../../../shared/domain/dates';
import { votersForItem } from '../../../shared/domain/item-quorum';
import type { HandlerGroup } from '../handler-types';
import type { Ctx } from '../context';
import { meetingRecord } from '../queries/meeting';
import { decisionById } from '../store/meetings';
import { deleteVote, saveVote } from '../store/record';
import { meetingRow, onMeeting, touch } from './meetings';

function decisionRow(ctx: Ctx, id: number) {
  const d = decisionById(ctx.db, id);
  if (!d) throw new ApiError('not_found', `There is no decision with id ${id}`);
  return d;
}

export const votesHandlers: HandlerGroup<'vote.record' | 'vote.clear'> = {
  'vote.record': (ctx, input) => {
    const d = decisionRow(ctx, input.decisionId);
    const m = meetingRow(ctx, d.meeting_id);
    if (m.status !== 'in_progress' && m.status !== 'minutes_draft')
      throw new ApiError(
        'conflict',
        `Votes are recorded at a meeting that is in progress or has been held; the meeting on ${formatDate(m.date)} is at “${meetingStatusLabels[m.status]}”`,
      );
    const record = meetingRecord(ctx.db, m.id, ctx.today());
    const item = record.items.find((it) => it.id === d.agenda_item_id)!;
    const voters = votersForItem(
      record.quorum,
      record.members,
      record.attendance,
      record.declarations,
      record.items.map((it) => ({ id: it.id, position: it.position })),
      item.id,
    );
    const cast = input.for + input.against + input.abstain;
    if (cast > voters.length)
      throw new ApiError(
        'invalid_input',
        `${cast} votes were cast but only ${voters.length} ${voters.length === 1 ? 'member was' : 'members were'} entitled to vote on item ${item.position} (voting members in the room, not withdrawn)`,
        [{ path: 'for', message: `the votes cast must be at most ${voters.length}` }],
      );
    const entitled = new Set(voters.map((v) => v.id));
    for (const [k, n] of input.names.entries()) {
      if (entitled.has(n.memberId)) continue;
      const who = record.members.find((x) => x.id === n.memberId)?.name ?? `Member ${n.memberId}`;
      throw new ApiError(
        'invalid_input',
        `${who} was not entitled to vote on item ${item.position}: only voting members in the room when it concluded, who did not withdraw for it, vote`,
        [{ path: `names.${k}.memberId`, message: `${who} could not vote on this item` }],
      );
    }
    onMeeting(ctx, m.id, () => {
      saveVote(ctx.db, d.id, input, input.names);
      touch(ctx, m.id);
    });
    return { ok: true as const };
  },

  'vote.clear': (ctx, input) => {
    const d = decisionRow(ctx, input.decisionId);
    const removed = onMeeting(ctx, d.meeting_id, () => {
      const r = deleteVote(ctx.db, d.id);
      if (r) touch(ctx, d.meeting_id);
      return r;
    });
    if (!removed) throw new ApiError('not_found', `No vote is recorded on decision ${d.id}`);
    return { ok: true as const };
  },
};
