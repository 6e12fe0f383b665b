import { ApiError } from '../../../shared/api';
import type { HandlerGroup } from '../handler-types';
import type { Ctx } from '../context';
import { listMembers } from './app';

interface MemberInput {
  name: string;
  role: string;
  jobTitle: string;
  organisation: string;
  voting: boolean;
  activeFrom: string | null;
  activeTo: string | null;
}

function memberById(ctx: Ctx, id: number) {
  const m = listMembers(ctx).find((x) => x.id === id);
  if (!m) throw new ApiError('not_found', `There is no member with id ${id}`);
  return m;
}

const params = (m: MemberInput) => [
  m.name,
  m.role,
  m.jobTitle,
  m.organisation,
  m.voting ? 1 : 0,
  m.activeFrom,
  m.activeTo,
];

export const membersHandlers: HandlerGroup<
  'member.create' | 'member.update' | 'member.delete' | 'board.setQuorum'
> = {
  'member.create': (ctx, input) => {
    const sort = (ctx.db.prepare('SELECT coalesce(max(sort), 0) + 1 AS n FROM member').get() as { n: number })
      .n;
    const info = ctx.db
      .prepare(
        'INSERT INTO member (name, role, job_title, organisation, voting, active_from, active_to, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(...params(input), sort);
    const id = Number(info.lastInsertRowid);
    return memberById(ctx, id);
  },

  'member.update': (ctx, input) => {
    memberById(ctx, input.id);
    ctx.db
      .prepare(
        'UPDATE member SET name = ?, role = ?, job_title = ?, organisation = ?, voting = ?, active_from = ?, active_to = ? WHERE id = ?',
      )
      .run(...params(input), input.id);
    return memberById(ctx, input.id);
  },

  'member.delete': (ctx, input) => {
    const m = memberById(ctx, input.id);
    const uses = ctx.db
      .prepare(
        `SELECT (SELECT count(*) FROM attendance WHERE member_id = @id OR substitute_for_member_id = @id)
              + (SELECT count(*) FROM declaration WHERE member_id = @id)
              + (SELECT count(*) FROM action WHERE owner_member_id = @id)
              + (SELECT count(*) FROM meeting WHERE chair_member_id = @id) AS n`,
      )
      .get({ id: input.id }) as { n: number };
    if (uses.n > 0) {
      throw new ApiError(
        'conflict',
        `${m.name} appears in the records of past meetings or the action log, so cannot be removed; set an “active to” date instead`,
      );
    }
    ctx.db.prepare('DELETE FROM member WHERE id = ?').run(input.id);
    return { ok: true as const };
  },

  'board.setQuorum': (ctx, input) => {
    ctx.db
      .prepare('UPDATE board SET quorum_count = ?, quorum_role = ?, quorum_voting_only = ? WHERE id = 1')
      .run(input.count, input.role, input.votingOnly ? 1 : 0);
    return input;
  },
};
