import type { HandlerGroup } from '../handler-types';
import { buildDocument } from '../exports';

export const exportsHandlers: HandlerGroup<'export.options' | 'export.document'> = {
  'export.options': (ctx) => {
    const today = ctx.today();
    const y = Number(today.slice(0, 4));
    const start = Number(today.slice(5, 7)) >= 4 ? y : y - 1;
    const meetings = ctx.db
      .prepare(
        `SELECT m.id, m.date, m.start_time, m.type, m.status,
                (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id) AS item_count,
                (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id AND a.exempt = 1) AS exempt_items,
                EXISTS (SELECT 1 FROM snapshot s WHERE s.meeting_id = m.id) AS snapshot
         FROM meeting m ORDER BY m.date DESC, m.id DESC`,
      )
      .all() as {
      id: number;
      date: string;
      start_time: string;
      type: 'ordinary';
      status: 'draft';
      item_count: number;
      exempt_items: number;
      snapshot: number;
    }[];
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
        snapshot: m.snapshot === 1,
      })),
    };
  },
  'export.document': async (ctx, input) => {
    const doc = await buildDocument(ctx.db, ctx.today(), input);
    return { fileName: doc.fileName, dataBase64: doc.data.toString('base64') };
  },
};
