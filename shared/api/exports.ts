import { z } from 'zod';
import { empty, id, isoDate, meetingStatus } from './common';
import { query } from './method';

export const documentKinds = ['agenda', 'minutes', 'actions', 'scorecard', 'annual'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentKindLabel: Record<DocumentKind, string> = {
  agenda: 'Agenda and pre-meeting pack',
  minutes: 'Minutes',
  actions: 'Action log',
  scorecard: 'Scorecard report with charts',
  annual: 'Annual report',
};

export const exportDocumentInput = z
  .object({
    kind: z.enum(documentKinds),
    meetingId: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    public: z.boolean().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.kind === 'agenda' || v.kind === 'minutes') && v.meetingId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['meetingId'],
        message: `is required for the ${v.kind === 'agenda' ? 'agenda' : 'minutes'}: choose a meeting`,
      });
    }
    if (v.kind === 'annual') {
      if (!v.from)
        ctx.addIssue({ code: 'custom', path: ['from'], message: 'is required for the annual report' });
      if (!v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required for the annual report' });
      if (v.from && v.to && v.from > v.to)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be on or after the start date' });
    }
  });

export const exportOptions = z.object({
  today: isoDate,
  /** The financial year (1 April – 31 March) containing today: the default annual report range. */
  yearFrom: isoDate,
  yearTo: isoDate,
  meetings: z.array(
    z.object({
      id: z.number().int(),
      date: isoDate,
      startTime: z.string(),
      type: z.enum(['ordinary', 'extraordinary']),
      status: meetingStatus,
      itemCount: z.number().int(),
      exemptItems: z.number().int(),
      snapshot: z.boolean(),
    }),
  ),
});
export type ExportOptions = z.infer<typeof exportOptions>;

export const exportsApi = {
  'export.options': query(
    'What the Reports screen offers: the meetings to export and the default annual report range',
    empty,
    exportOptions,
  ),
  'export.document': query(
    'A Word document (agenda, minutes, action log, scorecard report or annual report) as base64',
    exportDocumentInput,
    z.object({ fileName: z.string(), dataBase64: z.string() }),
    { slow: true },
  ),
};

/** 'Northshire CPB' for 'Northshire County Council' / 'Northshire Corporate Parenting Board'; otherwise the board's name. */
export function shortBoardName(board: { authority: string; name: string }): string {
  const first = board.authority.trim().split(/\s+/)[0] ?? board.authority;
  return /corporate parenting board/i.test(board.name) && first ? `${first} CPB` : board.name.trim();
}

/**
 * The file name every door gives a document, e.g. 'Northshire CPB minutes 12 September 2026 (public).docx'.
 * Dates are already formatted en-GB by the caller ('12 September 2026').
 */
export function documentFileName(
  board: { authority: string; name: string },
  doc:
    | { kind: 'agenda'; meetingDate: string }
    | { kind: 'minutes'; meetingDate: string; public: boolean }
    | { kind: 'actions'; today: string; public: boolean }
    | { kind: 'scorecard'; today: string }
    | { kind: 'annual'; from: string; to: string },
): string {
  const short = shortBoardName(board);
  switch (doc.kind) {
    case 'agenda':
      return `${short} agenda ${doc.meetingDate}.docx`;
    case 'minutes':
      return `${short} minutes ${doc.meetingDate} (${doc.public ? 'public' : 'confidential'}).docx`;
    case 'actions':
      return `${short} action log ${doc.today}${doc.public ? ' (public)' : ''}.docx`;
    case 'scorecard':
      return `${short} scorecard report ${doc.today}.docx`;
    case 'annual':
      return `${short} annual report ${doc.from} to ${doc.to}.docx`;
  }
}
