import { z } from 'zod';
import { empty, id, idNeeded, isoDate, isoDateNeeded, meetingStatus } from './common';
import { query } from './method';

export const documentKinds = ['agenda', 'minutes', 'actions', 'scorecard', 'annual', 'forward-plan'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentKindLabel: Record<DocumentKind, string> = {
  agenda: 'Agenda and pre-meeting pack',
  minutes: 'Minutes',
  actions: 'Action log',
  scorecard: 'Scorecard report with charts',
  annual: 'Annual report',
  'forward-plan': 'Forward plan (work programme)',
};

/** Word, or PDF (what councils publish). */
export const documentFormats = ['docx', 'pdf'] as const;
export const documentFormat = z.enum(documentFormats);
export type DocumentFormat = z.infer<typeof documentFormat>;
export const documentFormatLabel: Record<DocumentFormat, string> = {
  docx: 'Word document (.docx)',
  pdf: 'PDF (.pdf)',
};

const format = { format: documentFormat.default('docx') };

/** A range that ends before it starts is refused, whichever document takes it. */
const rangeInOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;
const RANGE_ORDER = { path: ['to'], message: 'must be on or after the start date' };

/**
 * What each document needs, in one place: the API checks it, the Reports screen and `cpb export`
 * ask for what it lists (see documentFields), so the three can never disagree.
 */
const documentInputs = {
  agenda: z
    .object({
      kind: z.literal('agenda'),
      meetingId: idNeeded('is required for the agenda: choose a meeting'),
      /** Public (the default): Part B items by their public titles only; otherwise the full pack. */
      public: z.boolean().default(true),
      ...format,
    })
    .strict(),
  minutes: z
    .object({
      kind: z.literal('minutes'),
      meetingId: idNeeded('is required for the minutes: choose a meeting'),
      /** Public (the default): Part B items reduced to number and public title; otherwise confidential. */
      public: z.boolean().default(true),
      /**
       * Minutes of a meeting not yet held or with no attendance recorded are refused; a draft makes
       * them anyway, stamped "DRAFT — meeting not yet held" on every page.
       */
      draft: z.boolean().default(false),
      ...format,
    })
    .strict(),
  /** Every action, or those raised from `from` to `to`; public (the default) or confidential. */
  actions: z
    .object({
      kind: z.literal('actions'),
      public: z.boolean().default(true),
      from: isoDate.optional(),
      to: isoDate.optional(),
      ...format,
    })
    .strict(),
  /**
   * Current figures (for periods ending from `from` to `to` when given), or those frozen for a
   * meeting (a frozen scorecard has its own period, so it takes no range).
   */
  scorecard: z
    .object({
      kind: z.literal('scorecard'),
      meetingId: id.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      ...format,
    })
    .strict(),
  annual: z
    .object({
      kind: z.literal('annual'),
      from: isoDateNeeded('is required for the annual report'),
      to: isoDateNeeded('is required for the annual report'),
      ...format,
    })
    .strict(),
  /** The meetings between two dates (the board's municipal year, on its screen) and the reports due at each. */
  'forward-plan': z
    .object({
      kind: z.literal('forward-plan'),
      from: isoDateNeeded('is required for the forward plan'),
      to: isoDateNeeded('is required for the forward plan'),
      ...format,
    })
    .strict(),
} satisfies Record<DocumentKind, z.ZodObject>;

export const exportDocumentInput = z
  .discriminatedUnion('kind', [
    documentInputs.agenda,
    documentInputs.minutes,
    documentInputs.actions,
    documentInputs.scorecard,
    documentInputs.annual,
    documentInputs['forward-plan'],
  ])
  .refine((v) => rangeInOrder(v as { from?: string; to?: string }), RANGE_ORDER)
  .refine((v) => !(v.kind === 'scorecard' && v.meetingId !== undefined && (v.from || v.to)), {
    path: ['from'],
    message:
      'does not apply to a scorecard frozen for a meeting: its figures are those of the snapshot. Leave out the meeting for a date range.',
  });
export type DocumentRequest = z.output<typeof exportDocumentInput>;

/** The choices a document takes beyond its kind and format, read off its schema. */
export interface DocumentFields {
  meeting: 'required' | 'optional' | 'none';
  /** Public or confidential. */
  version: boolean;
  /** A from–to date range. */
  range: 'required' | 'optional' | 'none';
  /** A draft of a meeting not yet held (the minutes). */
  draft: boolean;
}

export const documentFields = Object.fromEntries(
  documentKinds.map((k) => {
    const shape: Record<string, z.ZodType> = documentInputs[k].shape;
    const meeting = shape.meetingId;
    const from = shape.from;
    return [
      k,
      {
        meeting: !meeting ? 'none' : meeting.isOptional() ? 'optional' : 'required',
        version: 'public' in shape,
        range: !from ? 'none' : from.isOptional() ? 'optional' : 'required',
        draft: 'draft' in shape,
      },
    ];
  }),
) as Record<DocumentKind, DocumentFields>;

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
    'A document (agenda, minutes, action log, scorecard report or annual report) as Word or PDF, in base64',
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
    | { kind: 'agenda'; meetingDate: string; public: boolean }
    | { kind: 'minutes'; meetingDate: string; public: boolean }
    | { kind: 'actions'; today: string; public: boolean; from?: string; to?: string }
    | { kind: 'scorecard'; today: string; from?: string; to?: string }
    | { kind: 'annual'; from: string; to: string }
    | { kind: 'forward-plan'; from: string; to: string },
  format: DocumentFormat = 'docx',
): string {
  const short = shortBoardName(board);
  const range = (d: { from?: string; to?: string }) =>
    d.from && d.to ? `${d.from} to ${d.to}` : d.from ? `from ${d.from}` : d.to ? `to ${d.to}` : '';
  const name = (() => {
    switch (doc.kind) {
      case 'agenda':
        return `${short} agenda ${doc.meetingDate} (${doc.public ? 'public' : 'confidential'})`;
      case 'minutes':
        return `${short} minutes ${doc.meetingDate} (${doc.public ? 'public' : 'confidential'})`;
      case 'actions':
        return `${short} action log ${range(doc) || doc.today} (${doc.public ? 'public' : 'confidential'})`;
      case 'scorecard':
        return `${short} scorecard report ${range(doc) || doc.today}`;
      case 'annual':
        return `${short} annual report ${doc.from} to ${doc.to}`;
      case 'forward-plan':
        return `${short} forward plan ${doc.from} to ${doc.to}`;
    }
  })();
  return `${name}.${format}`;
}

/** The same name with the extension of `format`. */
export const withFormat = (fileName: string, format: DocumentFormat): string =>
  fileName.replace(/\.(docx|pdf)$/i, '') + `.${format}`;
