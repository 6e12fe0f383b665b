/**
 * The document kit every Word export is built on: one style sheet (Word's own Normal, Title and
 * Heading 1–3, so the navigation pane and a table of contents work), list numbering, the table
 * look, the board's name and logo in the header, "Page X of Y" in the footer and the document
 * properties. Each document module only says what goes on the page.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IRunOptions,
} from 'docx';
import { ApiError } from '../../../shared/api/errors';
import { cleanModelTexts, xmlPartProblems } from './well-formed';
import type { Rag } from '../../../shared/domain/rag';
import { ragLabel } from '../../../shared/domain/rag';

export const FONT = 'Arial';
/** Numbering references (w:numbering): bullets and "1." lists for minutes text and reports. */
export const NUMBERING = {
  bullets: 'cpb-bullets',
  numbers: 'cpb-numbers',
  resolutions: 'cpb-resolutions',
} as const;

/** Text width of an A4 page with 2 cm margins, in twips and in pixels at 96 dpi. */
const MARGIN = 1134;
const A4 = { short: 11906, long: 16838 };
/** Text width in twips: portrait, or landscape for wide tables (the action log). */
const textTwips = (wide: boolean) => (wide ? A4.long : A4.short) - 2 * MARGIN;
export const TEXT_WIDTH_PX = 642;

export interface BoardHeading {
  authority: string;
  name: string;
  logo: Buffer | null;
  logoMime: string | null;
}

export type Block = FileChild;

// ---- Paragraphs ------------------------------------------------------------------------------

export type Inline = string | TextRun | ImageRun | ExternalHyperlink;

function runs(content: Inline | Inline[]): (TextRun | ImageRun | ExternalHyperlink)[] {
  const list = Array.isArray(content) ? content : [content];
  return list.map((c) => (typeof c === 'string' ? new TextRun(c) : c));
}

export const h1 = (text: string, opts: { pageBreakBefore?: boolean } = {}) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_1,
    children: [new TextRun(text)],
    pageBreakBefore: opts.pageBreakBefore,
  });
export const h2 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)], keepNext: true });
export const h3 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(text)], keepNext: true });
export const title = (text: string) =>
  new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(text)] });
export const p = (
  content: Inline | Inline[],
  opts: { keepNext?: boolean; align?: 'center' | 'right' } = {},
) =>
  new Paragraph({
    children: runs(content),
    keepNext: opts.keepNext,
    alignment:
      opts.align === 'center'
        ? AlignmentType.CENTER
        : opts.align === 'right'
          ? AlignmentType.RIGHT
          : undefined,
  });
export const b = (text: string, extra: IRunOptions = {}) => new TextRun({ ...extra, text, bold: true });
export const i = (text: string) => new TextRun({ text, italics: true });
export const bullet = (content: Inline | Inline[], level = 0) =>
  new Paragraph({ children: runs(content), numbering: { reference: NUMBERING.bullets, level } });
export const numbered = (content: Inline | Inline[], instance: number, level = 0) =>
  new Paragraph({ children: runs(content), numbering: { reference: NUMBERING.numbers, level, instance } });
/** "RESOLVED that …" paragraphs, numbered (a), (b)… within one item (`instance` restarts them). */
export const resolution = (content: Inline | Inline[], instance: number) =>
  new Paragraph({
    children: runs(content),
    numbering: { reference: NUMBERING.resolutions, level: 0, instance },
  });
export const spacer = () => new Paragraph({ children: [] });

/** A real hyperlink (Word's Hyperlink style: blue, underlined), e.g. to a paper on the intranet. */
export const link = (text: string, url: string) =>
  new ExternalHyperlink({ link: url, children: [new TextRun({ text, style: 'Hyperlink' })] });

/** A file path as a link a reader can follow: https:// as is, C:\… and \\server\… as file: URLs. */
export function hrefOf(ref: string): string {
  if (/^https?:\/\//i.test(ref)) return ref;
  const slashes = ref.replace(/\\/g, '/');
  if (slashes.startsWith('//')) return `file:${encodeURI(slashes)}`;
  if (/^[A-Za-z]:\//.test(slashes)) return `file:///${encodeURI(slashes)}`;
  return `file://${encodeURI(slashes)}`;
}

/** Lines in one paragraph (line breaks, not paragraphs): a list of names, an address. */
export const lines = (list: Inline[][], opts: { keepNext?: boolean } = {}) =>
  new Paragraph({
    keepNext: opts.keepNext,
    keepLines: true,
    children: list.flatMap((l, k) => [...(k > 0 ? [new TextRun({ break: 1 })] : []), ...runs(l)]),
  });

/** A fresh number for each list so every list restarts at 1. */
export function listCounter(): () => number {
  let n = 0;
  return () => ++n;
}

// ---- Tables ----------------------------------------------------------------------------------

/** Paragraph style for text in tables: a point smaller than Normal, no space after. */
const TABLE_TEXT = 'TableText';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '7F7F7F' };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};
const HEADER_FILL = 'D9E2F3';

export const RAG_FILL: Record<Rag, string | undefined> = {
  red: 'F4C7C3',
  amber: 'FCE8B2',
  green: 'C6E7C6',
  no_target: undefined,
  no_data: undefined,
  not_rated: undefined,
};
/** Overdue rows: shaded as well as saying "overdue" in words. */
export const OVERDUE_FILL = 'F4C7C3';

export interface Cell {
  content: Inline | Inline[] | Paragraph[];
  fill?: string;
  bold?: boolean;
}
export type CellInput = string | Cell;

function cellParagraphs(c: CellInput, keepNext?: boolean): Paragraph[] {
  if (typeof c === 'string')
    return c
      .split('\n')
      .map((line) => new Paragraph({ style: TABLE_TEXT, children: [new TextRun(line)], keepNext }));
  const content = Array.isArray(c.content) ? c.content : [c.content];
  if (content.length > 0 && content.every((x) => x instanceof Paragraph)) return content as Paragraph[];
  const list = (content as Inline[]).map((x) =>
    typeof x === 'string' ? new TextRun({ text: x, bold: c.bold }) : x,
  );
  return [new Paragraph({ style: TABLE_TEXT, children: list, keepNext })];
}

/**
 * The one table look: a shaded header row repeated on every page, thin grey rules, rows that do
 * not break across pages. `widths` are percentages of the text width.
 */
export function table(
  headers: string[],
  rows: CellInput[][],
  widths?: number[],
  opts: {
    landscape?: boolean;
    /** keep every row with what follows (a chart under a measure's row) */ keepNext?: boolean;
    /** keep a short table on one page: every row but the last keeps with the next (no one-row fragment) */
    keepTogether?: boolean;
  } = {},
): Table {
  const colTwips = (k: number) =>
    Math.round(((widths?.[k] ?? 100 / headers.length) / 100) * textTwips(opts.landscape === true));
  const cell = (c: CellInput, k: number, header = false, keep = opts.keepNext) =>
    new TableCell({
      children: header
        ? [
            new Paragraph({
              style: TABLE_TEXT,
              children: [new TextRun({ text: c as string, bold: true })],
              keepNext: true,
            }),
          ]
        : cellParagraphs(c, keep),
      shading: header
        ? { fill: HEADER_FILL, type: ShadingType.CLEAR, color: 'auto' }
        : typeof c !== 'string' && c.fill
          ? { fill: c.fill, type: ShadingType.CLEAR, color: 'auto' }
          : undefined,
      width: { size: colTwips(k), type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: headers.map((_, k) => colTwips(k)),
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, k) => cell(h, k, true)) }),
      ...rows.map(
        (r, n) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, k) =>
              cell(c, k, false, opts.keepNext || (opts.keepTogether && n < rows.length - 1)),
            ),
          }),
      ),
    ],
  });
}

/** Two-column label/value table for front pages ("Date", "Time", "Venue"…). */
export function factsTable(rows: [string, string][]): Table {
  const w = [28, 72];
  const colTwips = (k: number) => Math.round(((w[k] ?? 50) / 100) * textTwips(false));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [colTwips(0), colTwips(1)],
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: colTwips(0), type: WidthType.DXA },
              shading: { fill: HEADER_FILL, type: ShadingType.CLEAR, color: 'auto' },
              margins: { top: 40, bottom: 40, left: 80, right: 80 },
              children: [new Paragraph({ style: TABLE_TEXT, children: [b(label)] })],
            }),
            new TableCell({
              width: { size: colTwips(1), type: WidthType.DXA },
              margins: { top: 40, bottom: 40, left: 80, right: 80 },
              children: value
                .split('\n')
                .map((line) => new Paragraph({ style: TABLE_TEXT, children: [new TextRun(line)] })),
            }),
          ],
        }),
    ),
  });
}

/** A RAG cell: the word ("Red") and the shading, never the colour alone. */
export const ragCell = (rag: Rag): Cell => ({ content: [b(ragLabel[rag])], fill: RAG_FILL[rag] });

// ---- Images ----------------------------------------------------------------------------------

export interface Png {
  data: Buffer;
  width: number;
  height: number;
  alt: string;
  name: string;
}

/** A chart or logo at full text width (or its own width if smaller), with alt text. */
export function image(png: Png, maxWidthPx = TEXT_WIDTH_PX): Paragraph {
  const scale = Math.min(1, maxWidthPx / png.width);
  return new Paragraph({
    keepLines: true,
    children: [
      new ImageRun({
        type: 'png',
        data: png.data,
        transformation: { width: Math.round(png.width * scale), height: Math.round(png.height * scale) },
        altText: { name: png.name, title: png.name, description: png.alt },
      }),
    ],
  });
}

// ---- The document ----------------------------------------------------------------------------

export interface DocumentSpec {
  board: BoardHeading;
  /** Document title: document property and heading line in the header. */
  title: string;
  subject: string;
  /** "CONFIDENTIAL" and the like, shown in bold red capitals at the top of every page. */
  marking?: string;
  /** Landscape pages, for documents made of wide tables. */
  landscape?: boolean;
  children: Block[];
}

function header(spec: DocumentSpec): Header {
  const lines: Paragraph[] = [];
  if (spec.marking) {
    lines.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: spec.marking, bold: true, color: 'C00000', size: 24 })],
      }),
    );
  }
  const logo =
    spec.board.logo && spec.board.logoMime
      ? [
          new ImageRun({
            type: spec.board.logoMime === 'image/jpeg' ? 'jpg' : 'png',
            data: spec.board.logo,
            transformation: logoSize(spec.board.logo, spec.board.logoMime),
            altText: { name: 'Logo', title: 'Logo', description: `${spec.board.authority} logo` },
          }),
          new TextRun('  '),
        ]
      : [];
  lines.push(
    new Paragraph({
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '7F7F7F', space: 4 } },
      children: [
        ...logo,
        new TextRun({ text: spec.board.name, bold: true, size: 18 }),
        new TextRun({ text: ` — ${spec.board.authority}`, size: 18 }),
      ],
    }),
  );
  return new Header({ children: lines });
}

function footer(spec: DocumentSpec): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${spec.title} — `, size: 16 }),
          new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16 }),
        ],
      }),
      ...(spec.marking
        ? [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: spec.marking, bold: true, color: 'C00000', size: 16 })],
            }),
          ]
        : []),
    ],
  });
}

/** Reads a PNG's or JPEG's pixel size and scales it to at most 36 px high for the header. */
function logoSize(data: Buffer, mime: string): { width: number; height: number } {
  let w = 0;
  let h = 0;
  if (mime === 'image/png' && data.length > 24) {
    w = data.readUInt32BE(16);
    h = data.readUInt32BE(20);
  } else if (mime === 'image/jpeg') {
    for (let k = 2; k + 9 < data.length;) {
      if (data[k] !== 0xff) break;
      const marker = data[k + 1]!;
      const len = data.readUInt16BE(k + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        h = data.readUInt16BE(k + 5);
        w = data.readUInt16BE(k + 7);
        break;
      }
      k += 2 + len;
    }
  }
  if (!w || !h) return { width: 36, height: 36 };
  const scale = 36 / h;
  return { width: Math.max(1, Math.round(w * scale)), height: 36 };
}

const LIST_INDENT = { left: 720, hanging: 360 };

export async function renderDocument(spec: DocumentSpec): Promise<Buffer> {
  const doc = new Document({
    creator: spec.board.name,
    lastModifiedBy: spec.board.name,
    title: spec.title,
    subject: spec.subject,
    description: `${spec.subject} — ${spec.board.authority}`,
    styles: {
      default: {
        // en-GB so Word spell-checks in British English.
        document: {
          run: { font: FONT, size: 22, language: { value: 'en-GB' } },
          paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: { font: FONT, size: 44, bold: true, color: '1F3864' },
          paragraph: { spacing: { after: 240 } },
        },
        heading1: {
          run: { font: FONT, size: 32, bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
        },
        heading2: {
          run: { font: FONT, size: 26, bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { font: FONT, size: 23, bold: true, color: '2F5496' },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
        },
        listParagraph: { run: { font: FONT } },
      },
      paragraphStyles: [
        {
          id: TABLE_TEXT,
          name: 'Table Text',
          basedOn: 'Normal',
          quickFormat: true,
          run: { size: 19 },
          paragraph: { spacing: { before: 20, after: 20, line: 252, lineRule: LineRuleType.AUTO } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: NUMBERING.bullets,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: LIST_INDENT } },
            },
            {
              level: 1,
              format: LevelFormat.BULLET,
              text: '–',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 1440, hanging: 360 } } },
            },
          ],
        },
        {
          reference: NUMBERING.numbers,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: LIST_INDENT } },
            },
            {
              level: 1,
              format: LevelFormat.LOWER_LETTER,
              text: '(%2)',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 1440, hanging: 360 } } },
            },
          ],
        },
        {
          reference: NUMBERING.resolutions,
          levels: [
            {
              level: 0,
              format: LevelFormat.LOWER_LETTER,
              text: '(%1)',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: LIST_INDENT } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.short,
              height: A4.long,
              orientation: spec.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
          },
        },
        headers: { default: header(spec) },
        footers: { default: footer(spec) },
        children: spec.children,
      },
    ],
  });
  // Only characters XML can carry, and a document refused rather than written if any part is not well-formed.
  cleanModelTexts(doc);
  const data = await Packer.toBuffer(doc);
  const problems = await xmlPartProblems(data);
  if (problems.length)
    throw new ApiError(
      'internal',
      `The document “${spec.title}” was not made: ${problems.map((p) => `${p.part} is not well-formed XML (${p.problem})`).join('; ')}. Nothing was written.`,
    );
  return data;
}
