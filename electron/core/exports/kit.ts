/**
 * The document kit every export is built on. A document module says once what goes on the page —
 * title, headings, paragraphs, lists, tables, charts, a contents list — as the plain blocks below,
 * and the kit renders them to Word (kit-docx.ts: Word's own Normal, Title and Heading 1–3 styles,
 * list numbering, a TOC field, the board's name and logo in the header, "Page X of Y" in the
 * footer, the document properties) or to PDF (kit-pdf.ts: the same page, tagged, with its title
 * and language). Nothing here knows about either format, so the two cannot drift apart.
 */
import type { Rag } from '../../../shared/domain/rag';
import { ragLabel } from '../../../shared/domain/rag';
import { cleanModelTexts } from './well-formed';

export const FONT = 'Arial';
/** Numbering references (w:numbering): bullets and "1." lists for minutes text and reports. */
export const NUMBERING = {
  bullets: 'cpb-bullets',
  numbers: 'cpb-numbers',
  resolutions: 'cpb-resolutions',
} as const;

/** Text width of an A4 page with 2 cm margins, in pixels at 96 dpi (charts are drawn to fit it). */
export const TEXT_WIDTH_PX = 642;

export interface BoardHeading {
  authority: string;
  name: string;
  logo: Buffer | null;
  logoMime: string | null;
}

// ---- The blocks ------------------------------------------------------------------------------

/** A run of text in one look. `size` is in half-points, as Word counts (22 = 11 pt). */
export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  strike?: boolean;
  /** RRGGBB */
  color?: string;
  size?: number;
  /** Starts on a new line (a line break before the text, within the paragraph). */
  break?: boolean;
  /** A web address or file path: the run is a hyperlink to it. */
  link?: string;
}
export type RunOptions = Omit<Run, 'text'>;
export type Inline = string | Run;

export type ParagraphStyle = 'Normal' | 'Title' | 'Heading1' | 'Heading2' | 'Heading3' | 'TableText';

export interface ListMark {
  kind: 'bullet' | 'number' | 'resolution';
  level: number;
  /** Each instance of a numbered list counts from 1 again. */
  instance?: number;
}

export interface ParagraphBlock {
  type: 'paragraph';
  runs: Run[];
  style?: ParagraphStyle;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  align?: 'center' | 'right';
  list?: ListMark;
  /** Left indent in twips (720 = 1.27 cm). */
  indent?: number;
  /** Extra space above, in twips (240 = 12 pt). */
  spaceBefore?: number;
}

export interface CellBlock {
  paragraphs: ParagraphBlock[];
  fill?: string;
}

export interface TableBlock {
  type: 'table';
  /** The header row, repeated on every page; null for a label/value table (labels shaded instead). */
  headers: string[] | null;
  rows: CellBlock[][];
  /** Percentages of the text width. */
  widths: number[];
  landscape?: boolean;
  /** Keep every row with what follows (a chart under a measure's row). */
  keepNext?: boolean;
  /** Keep a short table on one page: every row but the last keeps with the next (no one-row fragment). */
  keepTogether?: boolean;
  /** The first column holds labels (a facts table): shaded, and a row header when tagged. */
  labelColumn?: boolean;
}

export interface Png {
  data: Buffer;
  width: number;
  height: number;
  alt: string;
  name: string;
}

export interface ImageBlock {
  type: 'image';
  png: Png;
  /** Width shown, in pixels at 96 dpi. */
  widthPx: number;
  heightPx: number;
  keepNext?: boolean;
}

/** A contents list of the document's Heading 1 (and Heading 2 when `levels` is 2) paragraphs. */
export interface ContentsBlock {
  type: 'contents';
  title: string;
  levels: 1 | 2;
}

export type Block = ParagraphBlock | TableBlock | ImageBlock | ContentsBlock;

// ---- Paragraphs ------------------------------------------------------------------------------

function runs(content: Inline | Inline[]): Run[] {
  const list = Array.isArray(content) ? content : [content];
  return list.map((c) => (typeof c === 'string' ? { text: c } : c));
}

const heading = (
  style: ParagraphStyle,
  text: string,
  extra: Partial<ParagraphBlock> = {},
): ParagraphBlock => ({
  type: 'paragraph',
  style,
  runs: [{ text }],
  ...extra,
});

export const h1 = (text: string, opts: { pageBreakBefore?: boolean } = {}): ParagraphBlock =>
  heading('Heading1', text, opts.pageBreakBefore ? { pageBreakBefore: true } : {});
export const h2 = (text: string): ParagraphBlock => heading('Heading2', text, { keepNext: true });
export const h3 = (text: string): ParagraphBlock => heading('Heading3', text, { keepNext: true });
export const title = (text: string): ParagraphBlock => heading('Title', text);

export const p = (
  content: Inline | Inline[],
  opts: {
    keepNext?: boolean;
    keepLines?: boolean;
    align?: 'center' | 'right';
    pageBreakBefore?: boolean;
    indent?: number;
    spaceBefore?: number;
  } = {},
): ParagraphBlock => ({
  type: 'paragraph',
  runs: runs(content),
  ...(opts.keepNext ? { keepNext: true } : {}),
  ...(opts.keepLines ? { keepLines: true } : {}),
  ...(opts.spaceBefore ? { spaceBefore: opts.spaceBefore } : {}),
  ...(opts.align ? { align: opts.align } : {}),
  ...(opts.pageBreakBefore ? { pageBreakBefore: true } : {}),
  ...(opts.indent ? { indent: opts.indent } : {}),
});
export const b = (text: string, extra: RunOptions = {}): Run => ({ ...extra, text, bold: true });
export const i = (text: string, extra: RunOptions = {}): Run => ({ ...extra, text, italics: true });
/** A real hyperlink (Word's Hyperlink style: blue, underlined), e.g. to a paper on the intranet. */
export const link = (text: string, target: string): Run => ({
  text,
  link: target,
  underline: true,
  color: '0563C1',
});
export const bullet = (content: Inline | Inline[], level = 0): ParagraphBlock => ({
  type: 'paragraph',
  runs: runs(content),
  list: { kind: 'bullet', level },
});
export const numbered = (content: Inline | Inline[], instance: number, level = 0): ParagraphBlock => ({
  type: 'paragraph',
  runs: runs(content),
  list: { kind: 'number', level, instance },
});
/** "RESOLVED that …" paragraphs, numbered (a), (b)… within one item (`instance` restarts them). */
export const resolution = (content: Inline | Inline[], instance: number): ParagraphBlock => ({
  type: 'paragraph',
  runs: runs(content),
  list: { kind: 'resolution', level: 0, instance },
});
export const spacer = (): ParagraphBlock => ({ type: 'paragraph', runs: [] });
/** The contents list: Heading 1 entries (and Heading 2 with `levels: 2`) with their page numbers. */
export const contents = (levels: 1 | 2 = 1, heading = 'Contents'): ContentsBlock => ({
  type: 'contents',
  title: heading,
  levels,
});

/** A file path as a link a reader can follow: https:// as is, C:\… and \\server\… as file: URLs. */
export function hrefOf(ref: string): string {
  if (/^https?:\/\//i.test(ref)) return ref;
  const slashes = ref.replace(/\\/g, '/');
  if (slashes.startsWith('//')) return `file:${encodeURI(slashes)}`;
  if (/^[A-Za-z]:\//.test(slashes)) return `file:///${encodeURI(slashes)}`;
  return `file://${encodeURI(slashes)}`;
}

/** Lines in one paragraph (line breaks, not paragraphs): a list of names, an address. */
export const lines = (list: Inline[][], opts: { keepNext?: boolean } = {}): ParagraphBlock => ({
  type: 'paragraph',
  keepLines: true,
  ...(opts.keepNext ? { keepNext: true } : {}),
  runs: list.flatMap((l, k) => [...(k > 0 ? [{ text: '', break: true }] : []), ...runs(l)]),
});

/** A fresh number for each list so every list restarts at 1. */
export function listCounter(): () => number {
  let n = 0;
  return () => ++n;
}

/** Keeps each block with the one after it (a heading, its table, its chart and its commentary). */
export function keepTogether(blocks: Block[]): Block[] {
  return blocks.map((bl, k) => {
    if (k === blocks.length - 1) return bl;
    if (bl.type === 'contents') return bl;
    return { ...bl, keepNext: true };
  });
}

// ---- Tables ----------------------------------------------------------------------------------

export const HEADER_FILL = 'D9E2F3';

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
  content: Inline | Inline[] | ParagraphBlock[];
  fill?: string;
  bold?: boolean;
}
export type CellInput = string | Cell;

const isParagraph = (x: unknown): x is ParagraphBlock =>
  typeof x === 'object' && x !== null && (x as ParagraphBlock).type === 'paragraph';

function cellBlock(c: CellInput): CellBlock {
  if (typeof c === 'string')
    return {
      paragraphs: c
        .split('\n')
        .map((line) => ({ type: 'paragraph', style: 'TableText', runs: [{ text: line }] })),
    };
  const content = Array.isArray(c.content) ? c.content : [c.content];
  if (content.length > 0 && content.every(isParagraph))
    return { paragraphs: content as ParagraphBlock[], ...(c.fill ? { fill: c.fill } : {}) };
  const list = (content as Inline[]).map((x) =>
    typeof x === 'string' ? { text: x, ...(c.bold ? { bold: true } : {}) } : x,
  );
  return {
    paragraphs: [{ type: 'paragraph', style: 'TableText', runs: list }],
    ...(c.fill ? { fill: c.fill } : {}),
  };
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
): TableBlock {
  return {
    type: 'table',
    headers,
    rows: rows.map((r) => r.map(cellBlock)),
    widths: widths ?? headers.map(() => 100 / headers.length),
    ...(opts.landscape ? { landscape: true } : {}),
    ...(opts.keepNext ? { keepNext: true } : {}),
    ...(opts.keepTogether ? { keepTogether: true } : {}),
  };
}

/** Two-column label/value table for front pages ("Date", "Time", "Venue"…). */
export function factsTable(
  rows: [string, string | Inline[]][],
  widths: [number, number] = [28, 72],
): TableBlock {
  return {
    type: 'table',
    headers: null,
    labelColumn: true,
    widths,
    rows: rows.map(([label, value]) => [
      { paragraphs: [{ type: 'paragraph', style: 'TableText', runs: [b(label)] }], fill: HEADER_FILL },
      typeof value === 'string'
        ? cellBlock(value)
        : { paragraphs: [{ type: 'paragraph', style: 'TableText', runs: runs(value) }] },
    ]),
  };
}

/** A RAG cell: the word ("Red") and the shading, never the colour alone. */
export const ragCell = (rag: Rag): Cell => ({ content: [b(ragLabel[rag])], fill: RAG_FILL[rag] });

// ---- Images ----------------------------------------------------------------------------------

/** A chart or logo at full text width (or its own width if smaller), with alt text. */
export function image(png: Png, maxWidthPx = TEXT_WIDTH_PX, opts: { keepNext?: boolean } = {}): ImageBlock {
  const scale = Math.min(1, maxWidthPx / png.width);
  return {
    type: 'image',
    png,
    widthPx: Math.round(png.width * scale),
    heightPx: Math.round(png.height * scale),
    ...(opts.keepNext ? { keepNext: true } : {}),
  };
}

// ---- The document ----------------------------------------------------------------------------

export type DocumentFormat = 'docx' | 'pdf';

export interface DocumentSpec {
  board: BoardHeading;
  /** Document title: document property, PDF title bar and the footer line. */
  title: string;
  subject: string;
  /** "CONFIDENTIAL" and the like, shown in bold red capitals at the top of every page. */
  marking?: string;
  /** Landscape pages, for documents made of wide tables. */
  landscape?: boolean;
  children: Block[];
}

/** A document described once, and the name it is saved under (with .docx; PDF swaps the extension). */
export interface Described {
  spec: DocumentSpec;
  fileName: string;
}

/** Reads a PNG's or JPEG's pixel size and scales it to at most 36 px high for the header. */
export function logoSize(data: Buffer, mime: string): { width: number; height: number } {
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

/** The Word document. */
export async function renderDocument(spec: DocumentSpec): Promise<Buffer> {
  // Only characters XML can carry reach the file (text saved before the API cleaned its input).
  cleanModelTexts(spec);
  const { renderDocx } = await import('./kit-docx');
  return renderDocx(spec);
}

/** The PDF: tagged, with the document's title and language. */
export async function renderPdfDocument(spec: DocumentSpec): Promise<Buffer> {
  cleanModelTexts(spec);
  const { renderPdf } = await import('./kit-pdf');
  return renderPdf(spec);
}

/** The document in the format asked for. */
export function render(spec: DocumentSpec, format: DocumentFormat): Promise<Buffer> {
  return format === 'pdf' ? renderPdfDocument(spec) : renderDocument(spec);
}
