import type { HandlerGroup } from '../handler-types';
import { buildDocument } from '../exports';
import { meetingSummaries } from '../store/meetings';

export const exportsHandlers: HandlerGroup<'export.options' | 'export.document'> = {
  'export.options': (ctx) => {
    const today = ctx.today();
    const y = Number(today.slice(0, 4));
    const start = Number(today.slice(5, 7)) >= 4 ? y : y - 1;
    // Newest first (by date, then the later-created meeting).
    const meetings = meetingSummaries(ctx.db).sort((x, y) =>
      x.date < y.date ? 1 : x.date > y.date ? -1 : y.id - x.id,
    );
    return {
      today,
      yearFrom: `${start}-04-01`,
      yearTo: `${start + 1}-03-31`,
      meetings: meetings.map((m) => ({
        id: m.id,
        date: m.date,
        startTime: m.start_time,
        type: m.type,
        status: m.status,
        itemCount: m.item_count,
        exemptItems: m.exempt_items,
        snapshot: m.has_snapshot === 1,
      })),
    };
  },
  'export.document': async (ctx, input) => {
    const doc = await buildDocument(ctx.db, ctx.today(), input);
    return { fileName: doc.fileName, dataBase64: doc.data.toString('base64') };
  },
};
