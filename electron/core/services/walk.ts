import { ApiError } from '../../../shared/api';
import { meetingStatusLabels } from '../../../shared/api/meetings';
import { formatDate } from '../../../shared/domain/dates';
import type { HandlerGroup } from '../handler-types';
import { itemContext, meetingCoverage } from '../queries/priority-context';
import { measureById } from '../store/measures';
import { deleteMeasureNote, saveMeasureNote } from '../store/walk';
import { editing, itemRow, lockedMessage, meetingRow, touch } from './meetings';

// Walking the agenda against the strategy (shared/api/walk.ts). Reads live in
// queries/priority-context.ts; the one write is a note on a measure, part of the minutes.

export const walkHandlers: HandlerGroup<'item.context' | 'meeting.coverage' | 'measureNote.save'> = {
  'item.context': (ctx, input) => itemContext(ctx.db, input.itemId, ctx.today()),

  'meeting.coverage': (ctx, input) => meetingCoverage(ctx.db, input.meetingId),

  'measureNote.save': (ctx, input) => {
    const it = itemRow(ctx, input.itemId);
    const m = meetingRow(ctx, it.meeting_id);
    if (m.status === 'minutes_approved') throw new ApiError('locked', lockedMessage(m));
    if (m.status !== 'in_progress' && m.status !== 'minutes_draft')
      throw new ApiError(
        'conflict',
        `The meeting on ${formatDate(m.date)} is at “${meetingStatusLabels[m.status]}”: notes on measures are minuted once it has started`,
      );
    if (it.kind !== 'scorecard')
      throw new ApiError(
        'conflict',
        `itemId: notes on measures belong to the performance scorecard item, not “${it.title}”`,
      );
    const measure = measureById(ctx.db, input.measureId);
    if (!measure)
      throw new ApiError('not_found', `measureId: there is no measure with id ${input.measureId}`);
    const savedAt = ctx.now().toISOString();
    editing(ctx, m.id, () => {
      if (input.text === '') deleteMeasureNote(ctx.db, it.id, measure.id);
      else saveMeasureNote(ctx.db, it.id, measure.id, input.text, savedAt);
      touch(ctx, m.id);
    });
    return { ok: true as const, savedAt };
  },
};
