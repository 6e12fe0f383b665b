/**
 * The kit's Word backend: the blocks of kit.ts as WordprocessingML, through the `docx` library.
 * One style sheet (Word's own Normal, Title and Heading 1–3, so the navigation pane and the table
 * of contents work), list numbering, the table look, the board's name and logo in the header,
 * "Page X of Y" in the footer and the document properties. A contents block is Word's TOC field,
 * written with its entries and page numbers (docx/layout works them out as Word lays the pages
 * out), so it reads correctly before anyone updates it.
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
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  XmlComponent,
  type FileChild,
  type IContext,
  type IXmlableObject,
  type PageNumberEstimator,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { ApiError } from '../../../shared/api/errors';
import { xmlPartProblems } from './well-formed';
import {
  FONT,
  HEADER_FILL,
  logoSize,
  NUMBERING,
  type Block,
  type CellBlock,
  type DocumentSpec,
  type ParagraphBlock,
  type Run,
  type TableBlock,
} from './kit';

/** A4 with 2 cm margins, in twips. */
const MARGIN = 1134;
const A4 = { short: 11906, long: 16838 };
/** Text width in twips: portrait, or landscape for wide tables (the action log). */
const textTwips = (wide: boolean) => (wide ? A4.long : A4.short) - 2 * MARGIN;

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

const HEADING = {
  Title: HeadingLevel.TITLE,
  Heading1: HeadingLevel.HEADING_1,
  Heading2: HeadingLevel.HEADING_2,
  Heading3: HeadingLevel.HEADING_3,
} as const;

function textRun(r: Run): TextRun {
  if (r.text === '' && r.break) return new TextRun({ break: 1 });
  return new TextRun({
    style: r.link ? 'Hyperlink' : undefined,
    text: r.text,
    bold: r.bold || undefined,
    italics: r.italics || undefined,
    underline: r.underline ? {} : undefined,
    strike: r.strike || undefined,
    color: r.color,
    size: r.size,
    break: r.break ? 1 : undefined,
  });
}

function paragraphChildren(list: Run[]): ParagraphChild[] {
  return list.map((r) =>
    r.link ? new ExternalHyperlink({ link: r.link, children: [textRun(r)] }) : textRun(r),
  );
}

const LIST_REF = {
  bullet: NUMBERING.bullets,
  number: NUMBERING.numbers,
  resolution: NUMBERING.resolutions,
} as const;

function paragraph(pb: ParagraphBlock, inherited: { keepNext?: boolean } = {}): Paragraph {
  const heading = pb.style && pb.style in HEADING ? HEADING[pb.style as keyof typeof HEADING] : undefined;
  return new Paragraph({
    heading,
    style: pb.style === 'TableText' ? TABLE_TEXT : undefined,
    children: paragraphChildren(pb.runs),
    keepNext: pb.keepNext || inherited.keepNext || undefined,
    keepLines: pb.keepLines || undefined,
    pageBreakBefore: pb.pageBreakBefore || undefined,
    alignment:
      pb.align === 'center' ? AlignmentType.CENTER : pb.align === 'right' ? AlignmentType.RIGHT : undefined,
    numbering: pb.list
      ? {
          reference: LIST_REF[pb.list.kind],
          level: pb.list.level,
          ...(pb.list.instance !== undefined ? { instance: pb.list.instance } : {}),
        }
      : undefined,
    indent: pb.indent ? { left: pb.indent } : undefined,
    spacing: pb.spaceBefore ? { before: pb.spaceBefore } : undefined,
  });
}

/** Cell margins, set once for each table (w:tblCellMar), not repeated in every cell of a long one. */
const cellMargins = { top: 40, bottom: 40, left: 80, right: 80 };

function cell(c: CellBlock, width: number, keepNext: boolean | undefined): TableCell {
  return new TableCell({
    children: c.paragraphs.length
      ? c.paragraphs.map((pb) => paragraph(pb, { keepNext }))
      : [new Paragraph({ style: TABLE_TEXT, children: [] })],
    shading: c.fill ? { fill: c.fill, type: ShadingType.CLEAR, color: 'auto' } : undefined,
    width: { size: width, type: WidthType.DXA },
  });
}

/**
 * How the body rows of a table are written. `docx` builds an object per element of every cell
 * (cell, its properties and width, paragraph, its properties and style, run, its properties, text)
 * and then walks them all again to turn them into the tree its serializer writes: for the action
 * log's 5,000 rows × 7 cells that is most of the document's time and memory. So the rows are
 * written straight into that tree, with the properties — the part with rules (which element goes
 * first, what an empty one leaves out) — made by `docx` itself, once for each different set and
 * shared. Anything else (a link, a line break, a list) goes through `docx` as before. The XML is
 * the same byte for byte (tests/integration/exports/prepared-rows.test.ts renders every document
 * both ways); `preparedRows: false` is the plain `docx` way.
 */
export interface RenderOptions {
  preparedRows?: boolean;
  /**
   * Prepared body rows written to XML text as each is made, so a long table holds ~100 bytes of
   * text a cell rather than its tree twice over (the tree, and the one docx's serializer resolves
   * it into): the 20-year action log in a worker of its own peaked at 343 MB resident, now 216.
   * Same bytes (xmlOf below).
   * Not with a contents list: its page numbers are laid out from the tree. Default: on otherwise.
   */
  rowsAsText?: boolean;
  /** false: docx/layout's own list numbers for the contents even when no heading is numbered (see contentsPageNumbers). */
  skipListNumbers?: boolean;
}

type Xml = IXmlableObject;
const NO_CONTEXT = (): IContext => {
  const doc = new Document({ sections: [] });
  return { file: doc, viewWrapper: doc.Document, stack: [] } as unknown as IContext;
};

/** The properties element (`w:pPr`, `w:rPr`, `w:tcPr`, `w:trPr`) `docx` writes first in an element, if it writes one. */
function firstChildNamed(xml: Xml | undefined, element: string, name: string): Xml | undefined {
  const children = (xml as Record<string, unknown> | undefined)?.[element];
  const first = Array.isArray(children) ? (children[0] as Record<string, unknown> | undefined) : undefined;
  return first && name in first ? (first as Xml) : undefined;
}

class PreparedParts {
  private readonly context = NO_CONTEXT();
  private readonly runProps = new Map<string, Xml | undefined>();
  private readonly paragraphProps = new Map<string, Xml | undefined>();
  private readonly cellProps = new Map<string, Xml | undefined>();
  private readonly rowProps = new Map<string, Xml | undefined>();

  private memo<T>(
    map: Map<string, Xml | undefined>,
    key: string,
    make: () => T,
    pick: (x: T) => Xml | undefined,
  ) {
    if (map.has(key)) return map.get(key);
    const made = pick(make());
    map.set(key, made);
    return made;
  }

  /** A run the fast way: plain text with character formatting (no link, no break). */
  run(r: Run): Xml {
    const key = `${r.bold ? 1 : 0}${r.italics ? 1 : 0}${r.underline ? 1 : 0}${r.strike ? 1 : 0}|${r.color ?? ''}|${r.size ?? ''}`;
    const props = this.memo(
      this.runProps,
      key,
      () => textRun({ ...r, text: 'x', break: undefined, link: undefined }).prepForXml(this.context),
      (x) => firstChildNamed(x, 'w:r', 'w:rPr'),
    );
    const text = { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, r.text] } as unknown as Xml;
    return { 'w:r': props ? [props, text] : [text] } as unknown as Xml;
  }

  paragraph(pb: ParagraphBlock, keepNext: boolean | undefined): Xml {
    const key = JSON.stringify([
      pb.style,
      pb.keepNext || keepNext || undefined,
      pb.keepLines,
      pb.pageBreakBefore,
      pb.align,
      pb.indent,
      pb.spaceBefore,
    ]);
    const props = this.memo(
      this.paragraphProps,
      key,
      () => paragraph({ ...pb, runs: [] }, { keepNext }).prepForXml(this.context),
      (x) => firstChildNamed(x, 'w:p', 'w:pPr'),
    );
    const children = [...(props ? [props] : []), ...pb.runs.map((r) => this.run(r))];
    return { 'w:p': children.length ? children : {} } as unknown as Xml;
  }

  cellProperties(width: number, fill: string | undefined): Xml | undefined {
    return this.memo(
      this.cellProps,
      `${width}|${fill ?? ''}`,
      () => cell({ paragraphs: [], fill }, width, undefined).prepForXml(this.context),
      (x) => firstChildNamed(x, 'w:tc', 'w:tcPr'),
    );
  }

  rowProperties(): Xml | undefined {
    return this.memo(
      this.rowProps,
      'cantSplit',
      () =>
        new TableRow({ cantSplit: true, children: [cell({ paragraphs: [] }, 1, undefined)] }).prepForXml(
          this.context,
        ),
      (x) => firstChildNamed(x, 'w:tr', 'w:trPr'),
    );
  }
}

/** Whether a paragraph is written the fast way: no list, no links, no line breaks. */
const plainParagraph = (pb: ParagraphBlock) => !pb.list && pb.runs.every((r) => !r.link && !r.break);

// ---- Rows as XML text (RenderOptions.rowsAsText) ---------------------------------------------
// docx 9's serializer (stringifyXmlable in docx/src/util/xml/stringify.ts, not exported), without
// indentation, element by element, quirks and all: the same bytes for the same tree. An element
// whose only child is neither a string nor an object is written as String(child), unescaped: that
// is how the finished text goes back into the document's tree (verbatim()).
const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};
const escapeXmlValue = (v: unknown): unknown =>
  // eslint-disable-next-line no-control-regex -- docx leaves out the control characters XML cannot carry
  typeof v === 'string' ? v.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => XML_ESCAPES[c] ?? '') : v;

/** The XML docx writes for one element of its serialization tree (no indentation). */
export function xmlOf(data: Xml): string {
  const el = data as unknown as Record<string, unknown>;
  const name = Object.keys(el)[0];
  const values = name === undefined ? undefined : el[name];
  const attributes: string[] = [];
  const content: unknown[] = [];
  const addAttributes = (attr: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(attr))
      attributes.push(`${key}="${String(escapeXmlValue(value))}"`);
  };
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) addAttributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let isStringContent = false;
        content.push('');
        for (const value of values as unknown[])
          if (typeof value === 'object') {
            if (Object.keys(value as object)[0] === '_attr')
              addAttributes((value as { _attr: Record<string, unknown> })._attr);
            else content.push(xmlOf(value as Xml));
          } else {
            content.pop();
            isStringContent = true;
            content.push(escapeXmlValue(value));
          }
        if (!isStringContent) content.push('');
      }
    }
  } else content.push(escapeXmlValue(values));
  const open =
    (name ? `<${name}` : '') +
    (attributes.length > 0 ? ` ${attributes.join(' ')}` : '') +
    (content.length > 0 ? (name ? '>' : '') : '/>');
  if (content.length === 0) return open;
  return open + content.map((c) => (c === undefined ? '' : String(c))).join('') + (name ? `</${name}>` : '');
}

/** XML text docx writes as it is, where the tree had an element (see xmlOf). */
function verbatim(text: string): Xml {
  const raw = Object.assign(() => text, { toString: () => text });
  return { '': [raw] } as unknown as Xml;
}

/** A table whose body rows `docx` writes from the tree made for them (see RenderOptions). */
class PreparedTable extends XmlComponent {
  constructor(
    private readonly head: Table,
    private readonly t: TableBlock,
    private readonly colTwips: number[],
    private readonly asText: boolean,
  ) {
    super('w:tbl');
  }

  override prepForXml(context: IContext): Xml | undefined {
    const xml = this.head.prepForXml(context) as unknown as { 'w:tbl': Xml[] };
    const parts = new PreparedParts();
    const { t, colTwips } = this;
    const rowProps = parts.rowProperties();
    const text: string[] = [];
    t.rows.forEach((r, n) => {
      const keepNext = t.keepNext || (t.keepTogether === true && n < t.rows.length - 1);
      const cells = r.map((c, k) => {
        const width = colTwips[k] ?? colTwips.at(-1)!;
        if (!c.paragraphs.every(plainParagraph)) return cell(c, width, keepNext).prepForXml(context)!;
        const props = parts.cellProperties(width, c.fill);
        const paragraphs = c.paragraphs.length
          ? c.paragraphs.map((pb) => parts.paragraph(pb, keepNext))
          : [parts.paragraph({ type: 'paragraph', style: 'TableText', runs: [] }, undefined)];
        return { 'w:tc': [...(props ? [props] : []), ...paragraphs] } as unknown as Xml;
      });
      const row = { 'w:tr': [...(rowProps ? [rowProps] : []), ...cells] } as unknown as Xml;
      if (this.asText) text.push(xmlOf(row));
      else xml['w:tbl'].push(row);
    });
    if (text.length) xml['w:tbl'].push(verbatim(text.join('')));
    return xml as unknown as Xml;
  }
}

function table(t: TableBlock, landscape: boolean, options: RenderOptions): FileChild {
  const colTwips = t.widths.map((w) => Math.round((w / 100) * textTwips(landscape || t.landscape === true)));
  const rows: TableRow[] = [];
  if (t.headers)
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.headers.map(
          (h, k) =>
            new TableCell({
              children: [
                new Paragraph({
                  style: TABLE_TEXT,
                  children: [new TextRun({ text: h, bold: true })],
                  keepNext: true,
                }),
              ],
              shading: { fill: HEADER_FILL, type: ShadingType.CLEAR, color: 'auto' },
              width: { size: colTwips[k]!, type: WidthType.DXA },
            }),
        ),
      }),
    );
  const prepared = options.preparedRows !== false;
  if (!prepared)
    t.rows.forEach((r, n) =>
      rows.push(
        new TableRow({
          cantSplit: true,
          children: r.map((c, k) =>
            cell(
              c,
              colTwips[k] ?? colTwips.at(-1)!,
              t.keepNext || (t.keepTogether === true && n < t.rows.length - 1),
            ),
          ),
        }),
      ),
    );
  const head = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: colTwips,
    margins: cellMargins,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows,
  });
  return prepared
    ? (new PreparedTable(head, t, colTwips, options.rowsAsText === true) as unknown as FileChild)
    : head;
}

function block(bl: Block, landscape: boolean, options: RenderOptions): FileChild[] {
  switch (bl.type) {
    case 'paragraph':
      return [paragraph(bl)];
    case 'table':
      return [table(bl, landscape, options)];
    case 'image':
      return [
        new Paragraph({
          keepLines: true,
          keepNext: bl.keepNext || undefined,
          children: [
            new ImageRun({
              type: 'png',
              data: bl.png.data,
              transformation: { width: bl.widthPx, height: bl.heightPx },
              altText: { name: bl.png.name, title: bl.png.name, description: bl.png.alt },
            }),
          ],
        }),
      ];
    case 'contents':
      return [
        // Looks like Heading 1 but is not one, so the contents list does not list itself.
        new Paragraph({ style: 'TOCHeading', children: [new TextRun(bl.title)] }),
        new TableOfContents(bl.title, { hyperlink: true, headingStyleRange: `1-${bl.levels}` }),
      ];
  }
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

/**
 * Whether any heading is a list item, so its contents entry would start with its number. The kit
 * numbers no heading of its own (lists are for paragraphs of text); this says so per document.
 */
function hasListedHeading(spec: DocumentSpec): boolean {
  const listed = (pb: ParagraphBlock) =>
    pb.list !== undefined && pb.style !== undefined && pb.style in HEADING;
  return spec.children.some((bl) =>
    bl.type === 'paragraph'
      ? listed(bl)
      : bl.type === 'table' && bl.rows.some((row) => row.some((c) => c.paragraphs.some(listed))),
  );
}

/**
 * docx/layout's page numbers, for a document none of whose headings is numbered. Besides the
 * pages, `docx` asks the estimator for the list numbers of the bookmarked paragraphs, and looks up
 * only the contents entries' headings in them (to start a numbered heading's entry with its
 * number). docx/layout works them out by reading the whole body once more before it reads it again
 * for the pages: on a twenty-year annual report (4,200 paragraphs, most in tables) that read is
 * about a fifth of the estimate, to find nothing. With no heading numbered its answer is an empty
 * map, so that is given straight away; the pages are worked out as before
 * (tests/integration/exports/contents-page-numbers.test.ts compares the documents made both ways).
 */
export const contentsPageNumbers: PageNumberEstimator = Object.assign(
  (body: IXmlableObject, context: IContext) => estimatePageNumbers(body, context),
  { listNumbers: () => new Map() },
);

const LIST_INDENT = { left: 720, hanging: 360 };

export async function renderDocx(spec: DocumentSpec, options: RenderOptions = {}): Promise<Buffer> {
  const landscape = spec.landscape === true;
  const hasContents = spec.children.some((bl) => bl.type === 'contents');
  const doc = new Document({
    creator: spec.board.name,
    lastModifiedBy: spec.board.name,
    title: spec.title,
    subject: spec.subject,
    description: `${spec.subject} — ${spec.board.authority}`,
    // The contents list's page numbers are written with the document, as Word would number them.
    ...(hasContents
      ? {
          pageNumbers:
            options.skipListNumbers !== false && !hasListedHeading(spec)
              ? contentsPageNumbers
              : estimatePageNumbers,
        }
      : {}),
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
        hyperlink: { run: { color: '0563C1', underline: {} } },
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
        {
          id: 'TOCHeading',
          name: 'TOC Heading',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: FONT, size: 32, bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
        },
        // Compact, so a contents list of every measure stays on the first page.
        {
          id: 'TOC1',
          name: 'toc 1',
          basedOn: 'Normal',
          next: 'Normal',
          run: { bold: true },
          paragraph: { spacing: { before: 60, after: 0 } },
        },
        {
          id: 'TOC2',
          name: 'toc 2',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 20 },
          paragraph: { spacing: { after: 0 }, indent: { left: 220 } },
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
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
          },
        },
        headers: { default: header(spec) },
        footers: { default: footer(spec) },
        children: spec.children.flatMap((bl) =>
          block(bl, landscape, { ...options, rowsAsText: options.rowsAsText ?? !hasContents }),
        ),
      },
    ],
  });
  // A document is refused rather than written if any of its parts is not well-formed XML.
  const data = await Packer.toBuffer(doc);
  const problems = await xmlPartProblems(data);
  if (problems.length)
    throw new ApiError(
      'internal',
      `The document “${spec.title}” was not made: ${problems.map((p) => `${p.part} is not well-formed XML (${p.problem})`).join('; ')}. Nothing was written.`,
    );
  return data;
}
