/**
 * The meeting's record beyond the minutes text: who was in the room for each item (remote
 * attendance, late arrivals, early departures) and how the board voted on a decision.
 */
import { z } from 'zod';
import { id, ok, time24 } from './common';
import { command } from './method';
import { readersOf } from './stale';

/** An arrival or departure: the item during which it happened, and the time ('HH:MM'; absent: now). */
const moment = z.object({ itemId: id, time: time24.optional() }).strict();

const count = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(500, 'must be at most 500');

export const votes = ['for', 'against', 'abstain'] as const;
export const voteLabels: Record<(typeof votes)[number], string> = {
  for: 'For',
  against: 'Against',
  abstain: 'Abstained',
};

export const recordApi = {
  'attendance.setPresence': command(
    'Record that a member attended remotely, arrived late or left early (the item during which, and the time)',
    z
      .object({
        meetingId: id,
        memberId: id,
        remote: z.boolean(),
        arrived: moment.nullable(),
        left: moment.nullable(),
      })
      .strict(),
    ok,
    { audits: 'meeting', invalidates: readersOf('meetingRecord') },
  ),
  'vote.record': command(
    'Record the vote on a decision: for, against and abstentions, the chair’s casting vote on a tie, and optionally how each member voted',
    z
      .object({
        decisionId: id,
        for: count,
        against: count,
        abstain: count,
        castingVote: z.enum(['for', 'against']).nullable().default(null),
        /** A named (recorded) vote: every vote cast, by member. Empty: the counts only. */
        names: z
          .array(z.object({ memberId: id, vote: z.enum(votes) }).strict())
          .max(200)
          .default([]),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.castingVote !== null && v.for !== v.against)
          ctx.addIssue({
            code: 'custom',
            path: ['castingVote'],
            message: 'the chair has a casting vote only when the votes for and against are equal',
          });
        if (v.for + v.against + v.abstain === 0)
          ctx.addIssue({ code: 'custom', path: ['for'], message: 'a vote needs at least one vote cast' });
        const ids = v.names.map((n) => n.memberId);
        if (new Set(ids).size !== ids.length)
          ctx.addIssue({ code: 'custom', path: ['names'], message: 'name each member once' });
        if (v.names.length > 0)
          for (const k of votes) {
            const named = v.names.filter((n) => n.vote === k).length;
            if (named !== v[k])
              ctx.addIssue({
                code: 'custom',
                path: [k],
                message: `is ${v[k]} but ${named} ${named === 1 ? 'member is' : 'members are'} named as voting “${voteLabels[k].toLowerCase()}”: a named vote names every vote`,
              });
          }
      }),
    ok,
    { audits: 'decision', invalidates: readersOf('decisions', 'meetingRecord') },
  ),
  'vote.clear': command(
    'Remove a vote recorded in error (the decision stays)',
    z.object({ decisionId: id }).strict(),
    ok,
    { audits: 'decision', invalidates: readersOf('decisions', 'meetingRecord') },
  ),
};
