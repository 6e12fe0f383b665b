import { z } from 'zod';
import { query } from './method';

export const searchKinds = ['minutes', 'decision', 'action', 'action_update', 'commentary', 'voice'] as const;
export const searchKind = z.enum(searchKinds);
export type SearchKind = z.infer<typeof searchKind>;

/** Where a hit opens: the renderer turns this into a route. */
export const searchTarget = z.discriminatedUnion('to', [
  z.object({ to: z.literal('item'), meetingId: z.number().int(), itemId: z.number().int() }),
  z.object({ to: z.literal('action'), actionId: z.number().int() }),
  z.object({ to: z.literal('measure'), measureId: z.number().int() }),
  z.object({ to: z.literal('voice'), voiceId: z.number().int() }),
]);
export type SearchTarget = z.infer<typeof searchTarget>;

/** Context around the match as plain-text segments; `mark` segments are the matched words. Never HTML. */
export const searchSegment = z.object({ text: z.string(), mark: z.boolean() });
export type SearchSegment = z.infer<typeof searchSegment>;

export const searchHit = z.object({
  kind: searchKind,
  refId: z.number().int(),
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
    'Full-text search across minutes, decisions, actions and their updates, scorecard commentary and “you said, we did”',
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
