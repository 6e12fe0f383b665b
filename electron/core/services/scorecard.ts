import type { HandlerGroup } from '../handler-types';
import { scorecard } from '../queries/scorecard';

export const scorecardHandlers: HandlerGroup<'scorecard.get'> = {
  'scorecard.get': (ctx, input) => {
    const card = scorecard(ctx.db);
    const rags = input.rag && input.rag.length > 0 ? new Set(input.rag) : null;
    const prios = input.priorityIds && input.priorityIds.length > 0 ? new Set(input.priorityIds) : null;
    const groups = card.groups
      .filter((g) => !prios || prios.has(g.priorityId ?? 0))
      .map((g) => ({ ...g, rows: g.rows.filter((r) => !rags || rags.has(r.rag)) }))
      .filter((g) => g.rows.length > 0);
    return { ...card, groups };
  },
};
