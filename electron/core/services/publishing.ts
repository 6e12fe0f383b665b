import type { HandlerGroup } from '../handler-types';
import { publishing, publishingToRow } from '../queries/publishing';
import { updatePublishing } from '../store/board';

export const publishingHandlers: HandlerGroup<'board.publishing' | 'board.setPublishing'> = {
  'board.publishing': (ctx) => publishing(ctx.db),
  'board.setPublishing': (ctx, input) => {
    updatePublishing(ctx.db, publishingToRow(input));
    return publishing(ctx.db);
  },
};
