import { z } from 'zod';
import { dateIn, id, text } from './common';
import { query } from './method';

/** One row of the audit log as screens show it: who, when, what, to which record. */
export const auditRowSchema = z.object({
  id: z.number().int(),
  /** ISO timestamp from the board's clock. */
  at: z.string(),
  /** The person who did it ("Sam Patel (Clerk)"), as the call said. */
  actor: z.string(),
  /** The API method, or the older rows' action word. */
  method: z.string(),
  /** What the method does, in words (its summary), or the action word for older rows. */
  summary: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  /** Short detail (what was given, what came back); null when withheld as Part B. */
  detail: z.string().nullable(),
  /** The row concerns a Part B (exempt) item: its detail is withheld from the log. */
  partB: z.boolean(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

export const auditApi = {
  'audit.list': query(
    'The board’s audit log, newest first: filter by person, kind of record, dates and text; paged',
    z
      .object({
        person: text(200).optional(),
        entity: text(60).optional(),
        from: dateIn.optional(),
        to: dateIn.optional(),
        text: text(200).optional(),
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({
      rows: z.array(auditRowSchema),
      /** How many rows match the filters (for paging). */
      total: z.number().int(),
      /** Every person and kind of record in the log, for the filters' choices. */
      people: z.array(z.string()),
      entities: z.array(z.string()),
    }),
  ),
  'audit.forRecord': query(
    'One record’s history (a meeting, agenda item, action, measure…): its audit rows, newest first',
    z.object({ entity: z.string().trim().min(1).max(60), id }).strict(),
    z.object({ rows: z.array(auditRowSchema) }),
  ),
};
