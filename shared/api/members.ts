import { z } from 'zod';
import { memberSchema } from './app';
import { dateIn, id, memberRole, ok, requiredText, text } from './common';
import { command } from './method';
import { readersOf } from './stale';

const quorumRole = z.union([memberRole, z.literal('any')]);

export const quorumRuleSchema = z.object({
  count: z.number().int('must be a whole number').min(1, 'must be at least 1').max(50, 'must be at most 50'),
  role: quorumRole,
  votingOnly: z.boolean(),
  /**
   * Whether members attending remotely count towards the quorum. In England they do not count for
   * a local authority committee; absent when setting the rule: left as it is.
   */
  remoteCounts: z.boolean().optional(),
});
export type QuorumRuleInput = z.infer<typeof quorumRuleSchema>;

const memberFields = {
  name: requiredText(120),
  role: memberRole,
  jobTitle: text(200),
  organisation: text(200),
  voting: z.boolean(),
  activeFrom: dateIn.nullable(),
  activeTo: dateIn.nullable(),
};

/** "Active to" must not come before "active from" (checked here so the message names the field). */
function datesInOrder(v: { activeFrom: string | null; activeTo: string | null }, ctx: z.RefinementCtx): void {
  if (v.activeFrom && v.activeTo && v.activeTo < v.activeFrom) {
    ctx.addIssue({ code: 'custom', path: ['activeTo'], message: 'must be on or after "active from"' });
  }
}

export const memberInput = z.object(memberFields).strict().superRefine(datesInOrder);
export const memberUpdateInput = z
  .object({ id, ...memberFields })
  .strict()
  .superRefine(datesInOrder);

export const membersApi = {
  'member.create': command('Add a board member', memberInput, memberSchema, {
    invalidates: readersOf('members'),
  }),
  'member.update': command('Change a board member’s details', memberUpdateInput, memberSchema, {
    invalidates: readersOf('members'),
  }),
  'member.delete': command(
    'Remove a board member who has never attended, declared or owned an action (otherwise set “active to”)',
    z.object({ id }).strict(),
    ok,
    { invalidates: readersOf('members', 'bin') },
  ),
  'board.setQuorum': command(
    'Set the board’s quorum rule, e.g. 3 voting elected members',
    quorumRuleSchema.strict(),
    quorumRuleSchema,
    { invalidates: readersOf('quorum') },
  ),
};
