import { z } from 'zod';
import { meetingStatus } from './common';
import { query } from './method';

/**
 * What a hit is: 'minutes' is an agenda item (its title or its minutes), 'paper' a paper on an
 * item, 'commentary' a measure (its code, title or commentary), 'member' a board member.
 */
export const searchKinds = [
  'minutes',
  'decision',
  'action',
  'action_update',
  'commentary',
  'voice',
  'member',
  'paper',
] as const;
export const searchKind = z.enum(searchKinds);
export type SearchKind = z.infer<typeof searchKind>;

/** Where a hit opens: the renderer turns this into a route. */
export const searchTarget = z.discriminatedUnion('to', [
  z.object({ to: z.literal('item'), meetingId: z.number().int(), itemId: z.number().int() }),
  z.object({ to: z.literal('action'), actionId: z.number().int() }),
  z.object({ to: z.literal('measure'), measureId: z.number().int() }),
  z.object({ to: z.literal('voice'), voiceId: z.number().int() }),
  z.object({ to: z.literal('member'), memberId: z.number().int() }),
]);
export type SearchTarget = z.infer<typeof searchTarget>;

/** Context around the match as plain-text segments; `mark` segments are the matched words. Never HTML. */
export const searchSegment = z.object({ text: z.string(), mark: z.boolean() });
export type SearchSegment = z.infer<typeof searchSegment>;

/** Where a meeting is in its life, so a hit can say "agenda" for a meeting not yet held, "minutes" after. */
export const searchMeeting = z.object({
  id: z.number().int(),
  date: z.string(),
  status: meetingStatus,
  /** The meeting has started or been held (its items have minutes), as opposed to an agenda only. */
  held: z.boolean(),
});
export type SearchMeeting = z.infer<typeof searchMeeting>;

export const searchHit = z.object({
  kind: searchKind,
  refId: z.number().int(),
  /** The meeting the hit belongs to (items, papers, decisions, actions from a meeting); null otherwise. */
  meeting: searchMeeting.nullable(),
  /** 'Minutes — 12 September 2026, item 6: Performance scorecard'. */
  label: z.string(),
  /** Part B (exempt) item: not for the public minutes. */
  exempt: z.boolean(),
  context: z.array(searchSegment),
  target: searchTarget,
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchApi = {
  'search.query': query(
    'Full-text search (English stemming: “placements” finds “placement”) across agenda items and their minutes, papers, decisions, actions and their updates, measures and their commentary, “you said, we did” and members',
    z
      .object({
        q: z.string().max(500, 'must be at most 500 characters'),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    z.object({
      q: z.string(),
      /** The query as run (terms quoted), or '' when there was nothing to search for. */
      match: z.string(),
      hits: z.array(searchHit),
      /** Matches in all, which may be more than the hits returned. */
      total: z.number().int(),
    }),
  ),
};
