import { ApiError } from '../../../shared/api';
import type { HandlerGroup } from '../handler-types';
import type { Ctx } from '../context';
import { toMember } from '../queries/board';
import {
  boardRow,
  deleteMember,
  insertMember,
  memberRow,
  memberUses,
  updateBoardQuorum,
  updateMember,
} from '../store/board';
import { toBin } from './to-bin';

function memberById(ctx: Ctx, id: number) {
  const m = memberRow(ctx.db, id);
  if (!m) throw new ApiError('not_found', `There is no member with id ${id}`);
  return toMember(m);
}

export const membersHandlers: HandlerGroup<
  'member.create' | 'member.update' | 'member.delete' | 'board.setQuorum'
> = {
  'member.create': (ctx, input) => {
    const newId = insertMember(ctx.db, input);
    const id = newId;
    return memberById(ctx, id);
  },

  'member.update': (ctx, input) => {
    memberById(ctx, input.id);
    updateMember(ctx.db, input.id, input);
    return memberById(ctx, input.id);
  },

  'member.delete': (ctx, input) => {
    const m = memberById(ctx, input.id);
    if (memberUses(ctx.db, input.id) > 0) {
      throw new ApiError(
        'conflict',
        `${m.name} appears in the records of past meetings or the action log, so cannot be removed; set an “active to” date instead`,
      );
    }
    toBin(ctx, 'member', input.id, m.name);
    deleteMember(ctx.db, input.id);
    return { ok: true as const };
  },

  'board.setQuorum': (ctx, input) => {
    updateBoardQuorum(ctx.db, input);
    return { ...input, remoteCounts: boardRow(ctx.db)?.quorum_counts_remote === 1 };
  },
};
