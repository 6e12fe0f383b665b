/**
 * The kit's PDF backend: the blocks of kit.ts laid out on A4 pages with pdfkit, as the Word
 * backend lays them out in Word — the same styles, list numbers, tables with a repeated header row
 * and rows kept whole, headings and "keep with next" chains that never end a page, the board's
 * header and "Page X of Y" footer — and a real contents list with page numbers and links.
 *
 * The PDF is tagged (headings, paragraphs, lists, tables with header cells, figures with their alt
 * text, the contents list; header, footer and rules are artifacts), carries the document's title
 * (shown in the reader's title bar) and language (en-GB), has bookmarks for its headings and embeds
 * its font (see pdf-fonts.ts).
 *
 * Text is broken into lines here, not by pdfkit, so a paragraph's height is known before it is
 * placed: that is what keeps headings with what follows and rows from splitting across pages.
 */
import PDFDocument from 'pdfkit';
import { appClock } from '../clock';
import { pdfFonts, toWinAnsi, type FontFamily } from './pdf-fonts';
import {
  HEADER_FILL,
  logoSize,
  type Block,
  type CellBlock,
  type ContentsBlock,
  type DocumentSpec,
  type ParagraphBlock,
  type ParagraphStyle,
  type Run,
  type TableBlock,
} from './kit';

type Doc = PDFKit.PDFDocument;

// ---- Page geometry (points) ------------------------------------------------------------------

const A4 = { short: 595.28, long: 841.89 };
const MARGIN = 56.7; // 2 cm
const HEADER_Y = 28.35; // 1 cm
const FOOTER_GAP = 28.35;
const PX = 0.75; // one pixel at 96 dpi, in points

// ---- Styles, as in the Word style sheet -------------------------------------------------------

interface Style {
  size: number;
  bold: boolean;
  color: string;
  before: number;
  after: number;
  /** Line spacing as a multiple of the font's own line height ("1.15 lines"). */
  lines: number;
  tag: string;
}

const STYLES: Record<ParagraphStyle, Style> = {
  Normal: { size: 11, bold: false, color: '000000', before: 0, after: 6, lines: 1.15, tag: 'P' },
  // The document's title is its first heading; Heading 1–3 follow one level down, so no level is skipped.
  Title: { size: 22, bold: true, color: '1F3864', before: 0, after: 12, lines: 1.1, tag: 'H1' },
  Heading1: { size: 16, bold: true, color: '1F3864', before: 18, after: 8, lines: 1.1, tag: 'H2' },
  Heading2: { size: 13, bold: true, color: '1F3864', before: 12, after: 6, lines: 1.1, tag: 'H3' },
  Heading3: { size: 11.5, bold: true, color: '2F5496', before: 10, after: 4, lines: 1.1, tag: 'H4' },
  TableText: { size: 9.5, bold: false, color: '000000', before: 1, after: 1, lines: 1.05, tag: 'P' },
};
const HEADING_LEVEL: Partial<Record<ParagraphStyle, 1 | 2 | 3>> = {
  Heading1: 1,
  Heading2: 2,
  Heading3: 3,
};

const CELL_PAD = { x: 4, y: 2 };
const RULE = '7F7F7F';
const LIST = { label: 18, text: 36 }; // hanging indent: label at 0.63 cm, text at 1.27 cm
const AFTER_TABLE = 6;
const AFTER_IMAGE = 6;

type FontKey = 'R' | 'B' | 'I' | 'BI';

interface Seg {
  text: string;
  font: FontKey;
  size: number;
  color: string;
  underline?: boolean;
  strike?: boolean;
  link?: string;
  width: number;
}
interface Line {
  segs: Seg[];
  width: number;
  ascent: number;
  height: number;
}
interface ParaLayout {
  pb: ParagraphBlock;
  style: Style;
  lines: Line[];
  indent: number;
  label: string | null;
  height: number;
}

/** Structure elements as pdfkit has them (its type declarations lag behind the library). */
interface StructEl {
  add(child: StructEl | PDFKit.PDFStructureContent): StructEl;
  end(): void;
  dictionary: { data: Record<string, unknown> };
}

/** Writes an attribute dictionary made with doc.ref (its declared type wants a chunk it does not need). */
const endRef = (ref: PDFKit.PDFKitReference) => (ref as unknown as { end(): void }).end();

// ---- Measuring -------------------------------------------------------------------------------

class Measure {
  private widths = new Map<string, number>();
  private metrics = new Map<string, { ascent: number; height: number }>();
  constructor(
    private readonly doc: Doc,
    readonly fonts: FontFamily,
  ) {}

  text(s: string): string {
    return this.fonts.embedded ? s : toWinAnsi(s);
  }

  width(font: FontKey, size: number, text: string): number {
    const key = `${font}|${size}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.doc.font(font).fontSize(size).widthOfString(text);
      this.widths.set(key, w);
    }
    return w;
  }

  /** The ascent and the single line height of a font at a size. */
  line(font: FontKey, size: number): { ascent: number; height: number } {
    const key = `${font}|${size}`;
    let m = this.metrics.get(key);
    if (!m) {
      this.doc.font(font).fontSize(size);
      const f = (this.doc as unknown as { _font: { ascender: number; descender: number; lineGap: number } })
        ._font;
      m = {
        ascent: (f.ascender / 1000) * size,
        height: ((f.ascender - f.descender + Math.max(0, f.lineGap)) / 1000) * size,
      };
      this.metrics.set(key, m);
    }
    return m;
  }
}

const fontOf = (r: Run, style: Style): FontKey => {
  const bold = r.bold ?? style.bold;
  return bold ? (r.italics ? 'BI' : 'B') : r.italics ? 'I' : 'R';
};

/** Breaks runs into lines no wider than `width`. */
function breakLines(runs: Run[], style: Style, width: number, m: Measure): Line[] {
  const lines: Line[] = [];
  let segs: Seg[] = [];
  let used = 0;
  let pendingSpace: Seg | null = null;
  const emptyHeight = m.line('R', style.size);
  const finish = () => {
    const ascent = Math.max(emptyHeight.ascent, ...segs.map((s) => m.line(s.font, s.size).ascent));
    const height = Math.max(emptyHeight.height, ...segs.map((s) => m.line(s.font, s.size).height));
    lines.push({ segs, width: used, ascent, height: height * style.lines });
    segs = [];
    used = 0;
    pendingSpace = null;
  };
  const push = (seg: Seg) => {
    const last = segs.at(-1);
    if (
      last &&
      last.font === seg.font &&
      last.size === seg.size &&
      last.color === seg.color &&
      last.underline === seg.underline &&
      last.strike === seg.strike &&
      last.link === seg.link
    ) {
      last.text += seg.text;
      last.width += seg.width;
    } else segs.push({ ...seg });
    used += seg.width;
  };
  for (const r of runs) {
    if (r.break && (segs.length || lines.length || used)) finish();
    const font = fontOf(r, style);
    const size = r.size ? r.size / 2 : style.size;
    const look = {
      font,
      size,
      color: r.color ?? style.color,
      underline: r.underline || undefined,
      strike: r.strike || undefined,
      link: r.link,
    };
    const text = m.text(r.text);
    const hard = text.split('\n');
    hard.forEach((part, k) => {
      if (k > 0) finish();
      for (const token of part.split(/( +)/)) {
        if (token === '') continue;
        if (token.startsWith(' ')) {
          pendingSpace = { ...look, text: token, width: m.width(font, size, token) };
          continue;
        }
        let w = m.width(font, size, token);
        const space: Seg | null = pendingSpace;
        const spaceWidth = space === null ? 0 : (space as Seg).width;
        if (segs.length && used + spaceWidth + w > width) finish();
        else if (space) push(space);
        pendingSpace = null;
        // A word longer than the line is broken where it must be.
        let rest = token;
        while (w > width - used && rest.length > 1) {
          let n = rest.length - 1;
          while (n > 1 && m.width(font, size, rest.slice(0, n)) > width - used) n--;
          push({ ...look, text: rest.slice(0, n), width: m.width(font, size, rest.slice(0, n)) });
          finish();
          rest = rest.slice(n);
          w = m.width(font, size, rest);
        }
        push({ ...look, text: rest, width: w });
      }
    });
  }
  if (segs.length || lines.length === 0) finish();
  return lines;
}

// ---- List numbers ----------------------------------------------------------------------------

const letter = (n: number) => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
};

/** The label each list paragraph shows, numbered as Word numbers them (per list instance). */
function listLabels(blocks: Block[]): Map<ParagraphBlock, string> {
  const labels = new Map<ParagraphBlock, string>();
  const counters = new Map<string, number[]>();
  for (const bl of blocks) {
    if (bl.type !== 'paragraph' || !bl.list) continue;
    const { kind, level, instance = 0 } = bl.list;
    if (kind === 'bullet') {
      labels.set(bl, level === 0 ? '•' : '–');
      continue;
    }
    const key = `${kind}:${instance}`;
    const c = counters.get(key) ?? [0, 0];
    c[level] = (c[level] ?? 0) + 1;
    for (let k = level + 1; k < c.length; k++) c[k] = 0;
    counters.set(key, c);
    const n = c[level]!;
    labels.set(bl, kind === 'resolution' || level > 0 ? `(${letter(n)})` : `${n}.`);
  }
  return labels;
}

// ---- Layout ----------------------------------------------------------------------------------

function layoutParagraph(
  pb: ParagraphBlock,
  width: number,
  m: Measure,
  labels: Map<ParagraphBlock, string>,
): ParaLayout {
  const style = STYLES[pb.style ?? 'Normal'];
  const listIndent = pb.list ? LIST.text + pb.list.level * 36 : 0;
  const indent = listIndent + (pb.indent ? pb.indent / 20 : 0);
  const lines = breakLines(pb.runs, style, width - indent, m);
  const height = lines.reduce((s, l) => s + l.height, 0);
  return { pb, style, lines, indent, label: labels.get(pb) ?? null, height };
}

interface CellLayout {
  cell: CellBlock;
  paras: ParaLayout[];
  height: number;
}
interface RowLayout {
  cells: CellLayout[];
  height: number;
  header: boolean;
}

function layoutRow(
  cells: CellBlock[],
  colWidths: number[],
  m: Measure,
  labels: Map<ParagraphBlock, string>,
  header: boolean,
): RowLayout {
  const laid = cells.map((cell, k) => {
    const inner = (colWidths[k] ?? colWidths.at(-1)!) - 2 * CELL_PAD.x;
    const paras = cell.paragraphs.map((pb) => layoutParagraph(pb, inner, m, labels));
    const height = paras.reduce((s, pl, n) => s + pl.height + (n ? pl.style.before : 0) + pl.style.after, 0);
    return { cell, paras, height };
  });
  return {
    cells: laid,
    height: Math.max(...laid.map((c) => c.height), 0) + 2 * CELL_PAD.y,
    header,
  };
}

// ---- Writing ---------------------------------------------------------------------------------

interface Heading {
  text: string;
  level: 1 | 2 | 3;
  page: number;
}

class Writer {
  readonly width: number;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly top: number;
  readonly bottom: number;
  readonly x0 = MARGIN;
  page = 0;
  y: number;
  /** Nothing has been placed on this page yet (space before is dropped at the top of a page). */
  fresh = true;
  readonly headings: Heading[] = [];
  private root: StructEl | null = null;
  private list: { el: StructEl; kind: string } | null = null;
  private outlineParents: PDFKit.PDFOutline[] = [];

  constructor(
    readonly doc: Doc,
    readonly m: Measure,
    readonly spec: DocumentSpec,
    /** false: only work out where everything falls (for the contents list's page numbers). */
    readonly draw: boolean,
    readonly headingPages: number[] | null,
    headerHeight: number,
  ) {
    const landscape = spec.landscape === true;
    this.pageWidth = landscape ? A4.long : A4.short;
    this.pageHeight = landscape ? A4.short : A4.long;
    this.width = this.pageWidth - 2 * MARGIN;
    this.top = Math.max(MARGIN, HEADER_Y + headerHeight + 8);
    this.bottom = this.pageHeight - MARGIN;
    this.y = this.top;
    if (draw) {
      this.root = doc.struct('Document') as unknown as StructEl;
      doc.addStructure(this.root as unknown as PDFKit.PDFStructureElement);
    }
  }

  get room(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.page += 1;
    this.y = this.top;
    this.fresh = true;
    if (this.draw) this.doc.continueOnNewPage();
  }

  private struct(tag: string, opts: { alt?: string } = {}, parent?: StructEl): StructEl | null {
    if (!this.draw) return null;
    const el = this.doc.struct(tag, opts) as unknown as StructEl;
    (parent ?? this.root!).add(el);
    return el;
  }

  /** Draws inside a marked-content sequence of `el` (continued across page breaks by pdfkit). */
  private marked(el: StructEl | null, tag: string, fn: () => void): void {
    if (!this.draw || !el) {
      fn();
      return;
    }
    const mc = this.doc.markStructureContent(tag);
    fn();
    this.doc.endMarkedContent();
    el.add(mc);
  }

  /** Decoration (rules, shading): an artifact, outside the structure. */
  private artifact(fn: () => void): void {
    if (!this.draw) return;
    this.doc.markContent('Artifact', { type: 'Layout' });
    fn();
    this.doc.endMarkedContent();
  }

  private closeList(): void {
    if (this.list) this.list.el.end();
    this.list = null;
  }

  // ---- Drawing text lines

  private drawLine(line: Line, x: number, y: number, width: number, align?: 'center' | 'right'): void {
    const doc = this.doc;
    let cx =
      align === 'center' ? x + (width - line.width) / 2 : align === 'right' ? x + width - line.width : x;
    for (const s of line.segs) {
      const asc = this.m.line(s.font, s.size).ascent;
      doc
        .font(s.font)
        .fontSize(s.size)
        .fillColor(`#${s.color}`)
        .text(s.text, cx, y + (line.ascent - asc), {
          lineBreak: false,
          underline: s.underline,
          strike: s.strike,
        });
      if (s.link) doc.link(cx, y, s.width, line.height, s.link);
      cx += s.width;
    }
  }

  // ---- Blocks

  /** Height of a block laid out whole (for keep-with-next chains). */
  blockHeight(bl: Block, labels: Map<ParagraphBlock, string>, firstPieceOnly = false): number {
    switch (bl.type) {
      case 'paragraph': {
        const pl = layoutParagraph(bl, this.width, this.m, labels);
        // What paragraph() needs on a page before it starts: the first two lines (or all, if kept whole).
        if (firstPieceOnly)
          return (
            pl.style.before +
            (this.keptWhole(bl)
              ? pl.height
              : Math.min(pl.height, (pl.lines[0]?.height ?? 0) + (pl.lines[1]?.height ?? 0)))
          );
        return pl.style.before + pl.height + pl.style.after;
      }
      case 'table': {
        const cols = this.columns(bl);
        const rows = this.tableRows(bl, cols, labels);
        if (firstPieceOnly && !bl.keepTogether) return rows.slice(0, 2).reduce((s, r) => s + r.height, 0);
        return rows.reduce((s, r) => s + r.height, 0) + AFTER_TABLE;
      }
      case 'image':
        return bl.heightPx * PX + (firstPieceOnly ? 0 : AFTER_IMAGE);
      case 'contents':
        return firstPieceOnly ? 40 : 40 + 18 * 20;
    }
  }

  /** Never split across pages: asked for, or a heading. */
  private keptWhole(pb: ParagraphBlock): boolean {
    return pb.keepLines === true || HEADING_LEVEL[pb.style ?? 'Normal'] !== undefined || pb.style === 'Title';
  }

  paragraph(pb: ParagraphBlock, labels: Map<ParagraphBlock, string>): void {
    const pl = layoutParagraph(pb, this.width, this.m, labels);
    if (pb.pageBreakBefore && !this.fresh) this.newPage();
    if (!pb.list) this.closeList();
    const before = this.fresh ? 0 : pl.style.before + (pb.spaceBefore ?? 0) / 20;
    // Keep whole when asked, or when a heading; otherwise at least two lines either side of a break.
    const whole = this.keptWhole(pb);
    const need = whole
      ? pl.height
      : Math.min(pl.height, (pl.lines[0]?.height ?? 0) + (pl.lines[1]?.height ?? 0));
    if (before + need > this.room && !this.fresh) this.newPage();
    else this.y += before;

    const level = HEADING_LEVEL[pb.style ?? 'Normal'];
    const text = pb.runs.map((r) => r.text).join('');
    if (level) this.heading(text, level);

    let el: StructEl | null;
    let contentTag = pl.style.tag;
    if (pb.list && this.draw) {
      if (!this.list || this.list.kind !== pb.list.kind) {
        this.closeList();
        this.list = { el: this.struct('L')!, kind: pb.list.kind };
      }
      const li = this.struct('LI', {}, this.list.el)!;
      const lbl = this.struct('Lbl', {}, li);
      const labelText = pl.label ?? '';
      const y0 = this.y;
      const first = pl.lines[0];
      this.marked(lbl, 'Lbl', () => {
        if (first && labelText) {
          const font: FontKey = 'R';
          const size = pl.style.size;
          this.doc
            .font(font)
            .fontSize(size)
            .fillColor('#000000')
            .text(
              this.m.text(labelText),
              this.x0 + pl.indent - LIST.text + LIST.label,
              y0 + (first.ascent - this.m.line(font, size).ascent),
              {
                lineBreak: false,
              },
            );
        }
      });
      lbl?.end();
      el = this.struct('LBody', {}, li);
      contentTag = 'LBody';
      this.marked(el, contentTag, () => this.lines(pl));
      el?.end();
      li.end();
    } else {
      el = this.struct(pl.style.tag);
      this.marked(el, contentTag, () => this.lines(pl));
      el?.end();
    }
    this.y += pl.style.after;
    this.fresh = false;
  }

  private lines(pl: ParaLayout): void {
    const n = pl.lines.length;
    pl.lines.forEach((line, k) => {
      // Do not leave a single last line on the next page: take the one before it along.
      const orphanGuard = k === n - 2 && n >= 3 && line.height + pl.lines[k + 1]!.height > this.room;
      if ((line.height > this.room || orphanGuard) && !this.fresh) this.newPage();
      if (this.draw) this.drawLine(line, this.x0 + pl.indent, this.y, this.width - pl.indent, pl.pb.align);
      this.y += line.height;
      this.fresh = false;
    });
  }

  private heading(text: string, level: 1 | 2 | 3): void {
    const index = this.headings.length;
    this.headings.push({ text, level, page: this.page });
    if (!this.draw) return;
    const name = `cpb-heading-${index}`;
    this.doc.addNamedDestination(name, 'XYZ', this.x0, this.y, null);
    // Bookmarks: Heading 1 at the top level, Heading 2 under it.
    const outline = this.doc.outline as PDFKit.PDFOutline & {
      addItem(title: string, options: { pageNumber: number; fit: boolean }): PDFKit.PDFOutline;
    };
    const parent = level === 1 ? outline : (this.outlineParents[level - 2] ?? outline);
    const item = (parent as typeof outline).addItem(text, { pageNumber: this.page, fit: true });
    this.outlineParents[level - 1] = item;
    this.outlineParents.length = level;
  }

  private columns(t: TableBlock): number[] {
    return t.widths.map((w) => (w / 100) * this.width);
  }

  private tableRows(t: TableBlock, cols: number[], labels: Map<ParagraphBlock, string>): RowLayout[] {
    const rows: RowLayout[] = [];
    if (t.headers)
      rows.push(
        layoutRow(
          t.headers.map((h) => ({
            paragraphs: [{ type: 'paragraph', style: 'TableText', runs: [{ text: h, bold: true }] }],
            fill: HEADER_FILL,
          })),
          cols,
          this.m,
          labels,
          true,
        ),
      );
    for (const r of t.rows) rows.push(layoutRow(r, cols, this.m, labels, false));
    return rows;
  }

  table(t: TableBlock, labels: Map<ParagraphBlock, string>): void {
    this.closeList();
    const cols = this.columns(t);
    const rows = this.tableRows(t, cols, labels);
    const header = t.headers ? rows[0]! : null;
    const body = t.headers ? rows.slice(1) : rows;
    const tableEl = this.struct('Table');
    // A header row alone at the foot of a page is no use: it goes with the first row. A table kept
    // together starts a page when it fits on one but not in what is left of this one.
    const whole = rows.reduce((s, r) => s + r.height, 0);
    const firstNeed =
      t.keepTogether && whole <= this.bottom - this.top
        ? whole
        : (header?.height ?? 0) + (body[0]?.height ?? 0);
    if (firstNeed > this.room && !this.fresh) this.newPage();
    if (header) this.row(header, cols, tableEl, t, false);
    for (const r of body) {
      if (r.height > this.room && !this.fresh) {
        this.newPage();
        // The header row again on the new page, as Word repeats it: a repeat is decoration.
        if (header) this.row(header, cols, null, t, true);
      }
      this.row(r, cols, tableEl, t, false);
    }
    tableEl?.end();
    this.y += AFTER_TABLE;
    this.fresh = false;
  }

  private row(r: RowLayout, cols: number[], tableEl: StructEl | null, t: TableBlock, repeat: boolean): void {
    const y = this.y;
    if (this.draw) {
      // Shading and rules first, as decoration; then the text of each cell.
      this.artifact(() => {
        let x = this.x0;
        r.cells.forEach((c, k) => {
          const w = cols[k] ?? 0;
          if (c.cell.fill) this.doc.rect(x, y, w, r.height).fill(`#${c.cell.fill}`);
          x += w;
        });
        this.doc.lineWidth(0.5).strokeColor(`#${RULE}`);
        x = this.x0;
        for (const w of cols) {
          this.doc.rect(x, y, w, r.height).stroke();
          x += w;
        }
      });
      const rowEl = tableEl ? this.struct('TR', {}, tableEl) : null;
      let x = this.x0;
      r.cells.forEach((c, k) => {
        const w = cols[k] ?? 0;
        const isHeader = r.header || (t.labelColumn === true && k === 0);
        const tag = isHeader ? 'TH' : 'TD';
        const cellEl = rowEl ? this.struct(tag, {}, rowEl) : null;
        if (cellEl && isHeader) {
          const attrs = this.doc.ref({ O: 'Table', Scope: r.header ? 'Column' : 'Row' });
          cellEl.dictionary.data.A = attrs;
          endRef(attrs);
        }
        const draw = () => {
          let cy = y + CELL_PAD.y;
          c.paras.forEach((pl, n) => {
            if (n) cy += pl.style.before;
            for (const line of pl.lines) {
              this.drawLine(
                line,
                x + CELL_PAD.x + pl.indent,
                cy,
                w - 2 * CELL_PAD.x - pl.indent,
                pl.pb.align,
              );
              cy += line.height;
            }
            cy += pl.style.after;
          });
        };
        if (repeat) this.artifact(draw);
        else this.marked(cellEl, tag, draw);
        cellEl?.end();
        x += w;
      });
      rowEl?.end();
    }
    this.y += r.height;
    this.fresh = false;
  }

  image(bl: Extract<Block, { type: 'image' }>): void {
    this.closeList();
    const w = bl.widthPx * PX;
    const h = bl.heightPx * PX;
    if (h > this.room && !this.fresh) this.newPage();
    if (this.draw) {
      const fig = this.struct('Figure', { alt: bl.png.alt });
      if (fig) {
        const attrs = this.doc.ref({
          O: 'Layout',
          BBox: [this.x0, this.pageHeight - this.y - h, this.x0 + w, this.pageHeight - this.y],
        });
        fig.dictionary.data.A = attrs;
        endRef(attrs);
      }
      const y = this.y;
      this.marked(fig, 'Figure', () => {
        this.doc.image(bl.png.data, this.x0, y, { width: w, height: h });
      });
      fig?.end();
    }
    this.y += h + AFTER_IMAGE;
    this.fresh = false;
  }

  contents(bl: ContentsBlock): void {
    this.closeList();
    // The list's own heading: a heading for the structure, but not an entry or a bookmark.
    const titleStyle = STYLES.Heading1;
    const tl = breakLines([{ text: bl.title }], titleStyle, this.width, this.m);
    if (!this.fresh) this.y += titleStyle.before;
    const hEl = this.struct(titleStyle.tag);
    this.marked(hEl, titleStyle.tag, () =>
      this.lines({
        pb: { type: 'paragraph', runs: [] },
        style: titleStyle,
        lines: tl,
        indent: 0,
        label: null,
        height: 0,
      }),
    );
    hEl?.end();
    this.y += titleStyle.after;

    const tocEl = this.struct('TOC');
    const entries = this.spec.children.flatMap((c) =>
      c.type === 'paragraph' && HEADING_LEVEL[c.style ?? 'Normal'] !== undefined
        ? [{ text: c.runs.map((r) => r.text).join(''), level: HEADING_LEVEL[c.style ?? 'Normal']! }]
        : [],
    );
    const pages = this.headingPages;
    const style = STYLES.Normal;
    const numberWidth = 28;
    entries.forEach((e, k) => {
      if (e.level > bl.levels) return;
      const font: FontKey = e.level === 1 ? 'B' : 'R';
      const size = e.level === 1 ? 11 : 10.5;
      const indent = (e.level - 1) * 14;
      const avail = this.width - indent - numberWidth - 8;
      let text = this.m.text(e.text);
      if (this.m.width(font, size, text) > avail) {
        while (text.length > 1 && this.m.width(font, size, `${text}…`) > avail) text = text.slice(0, -1);
        text = `${text.trimEnd()}…`;
      }
      const { ascent, height } = this.m.line(font, size);
      const lineHeight = height * style.lines + (e.level === 1 ? 3 : 1);
      if (lineHeight > this.room) this.newPage();
      const page = pages ? String((pages[k] ?? 0) + 1) : '';
      if (this.draw) {
        const y = this.y;
        const item = this.struct('TOCI', {}, tocEl!);
        const linkEl = this.struct('Link', {}, item!);
        this.marked(linkEl, 'Link', () => {
          const doc = this.doc;
          doc.font(font).fontSize(size).fillColor('#000000');
          doc.text(text, this.x0 + indent, y + (ascent - ascent), { lineBreak: false });
          const textEnd = this.x0 + indent + this.m.width(font, size, text) + 4;
          const numWidth = this.m.width(font, size, page);
          const numX = this.x0 + this.width - numWidth;
          // Dot leaders between the entry and its page number.
          const dot = this.m.width('R', size, '.');
          const dots = Math.max(0, Math.floor((numX - 4 - textEnd) / dot));
          if (dots > 0) doc.font('R').text('.'.repeat(dots), numX - 4 - dots * dot, y, { lineBreak: false });
          doc.font(font).text(page, numX, y, { lineBreak: false });
        });
        (
          this.doc as unknown as {
            goTo(x: number, y: number, w: number, h: number, name: string, o: object): void;
          }
        ).goTo(this.x0 + indent, y, this.width - indent, lineHeight, `cpb-heading-${k}`, {
          structParent: linkEl,
        });
        linkEl?.end();
        item?.end();
      }
      this.y += lineHeight;
      this.fresh = false;
    });
    tocEl?.end();
    this.y += 8;
  }

  finish(): void {
    this.closeList();
    this.root?.end();
  }
}

/** Kept with the next block: asked for, or a heading (as Word's heading styles do). */
const keptWithNext = (bl: Block): boolean =>
  bl.type !== 'contents' &&
  (bl.keepNext === true ||
    (bl.type === 'paragraph' && (bl.style === 'Title' || HEADING_LEVEL[bl.style ?? 'Normal'] !== undefined)));

/** Lays out and (when drawing) writes every block, keeping "keep with next" chains on one page. */
function flow(w: Writer, blocks: Block[], labels: Map<ParagraphBlock, string>): void {
  for (let k = 0; k < blocks.length; k++) {
    const bl = blocks[k]!;
    // A chain of blocks each kept with the next: if it does not fit here but fits on a page, start one.
    if (keptWithNext(bl) && !w.fresh) {
      let height = 0;
      let j = k;
      while (j < blocks.length && keptWithNext(blocks[j]!)) {
        height += w.blockHeight(blocks[j]!, labels);
        j++;
      }
      if (j < blocks.length) height += w.blockHeight(blocks[j]!, labels, true);
      const pageRoom = w.bottom - w.top;
      const breakFirst = bl.type === 'paragraph' && bl.pageBreakBefore;
      if (!breakFirst && height > w.room && height <= pageRoom) w.newPage();
    }
    switch (bl.type) {
      case 'paragraph':
        w.paragraph(bl, labels);
        break;
      case 'table':
        w.table(bl, labels);
        break;
      case 'image':
        w.image(bl);
        break;
      case 'contents':
        w.contents(bl);
        break;
    }
  }
  w.finish();
}

// ---- Header and footer -----------------------------------------------------------------------

function headerHeight(spec: DocumentSpec, m: Measure): number {
  const name = m.line('B', 9).height * 1.1;
  const marking = spec.marking ? m.line('B', 12).height * 1.1 : 0;
  const logo = spec.board.logo && spec.board.logoMime ? Math.max(0, 27 - name) : 0;
  return marking + name + logo + 4;
}

function drawHeaderFooter(doc: Doc, spec: DocumentSpec, m: Measure, pageCount: number): void {
  const landscape = spec.landscape === true;
  const pageWidth = landscape ? A4.long : A4.short;
  const pageHeight = landscape ? A4.short : A4.long;
  const width = pageWidth - 2 * MARGIN;
  const red = '#C00000';
  const centred = (text: string, font: FontKey, size: number, y: number, color = '#000000') => {
    const t = m.text(text);
    const w = m.width(font, size, t);
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(t, MARGIN + Math.max(0, (width - w) / 2), y, { lineBreak: false });
  };
  const range = doc.bufferedPageRange();
  for (let n = 0; n < range.count; n++) {
    doc.switchToPage(range.start + n);
    doc.markContent('Artifact', { type: 'Pagination' });
    let y = HEADER_Y;
    if (spec.marking) {
      centred(spec.marking, 'B', 12, y, red);
      y += m.line('B', 12).height * 1.1;
    }
    let x = MARGIN;
    if (spec.board.logo && spec.board.logoMime) {
      const size = logoSize(spec.board.logo, spec.board.logoMime);
      const h = 27; // 36 px
      const w = (size.width / size.height) * h;
      doc.image(spec.board.logo, x, y, { width: w, height: h });
      x += w + 6;
      y += h - m.line('B', 9).height;
    }
    doc.font('B').fontSize(9).fillColor('#000000').text(m.text(spec.board.name), x, y, { lineBreak: false });
    x += m.width('B', 9, m.text(spec.board.name));
    doc.font('R').text(m.text(` — ${spec.board.authority}`), x, y, { lineBreak: false });
    y += m.line('B', 9).height * 1.1 + 2;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .lineWidth(0.5)
      .strokeColor(`#${RULE}`)
      .stroke();

    const footLines = spec.marking ? 2 : 1;
    let fy = pageHeight - FOOTER_GAP - footLines * m.line('R', 8).height * 1.15;
    centred(`${spec.title} — Page ${n + 1} of ${pageCount}`, 'R', 8, fy);
    fy += m.line('R', 8).height * 1.15;
    if (spec.marking) centred(spec.marking, 'B', 8, fy, red);
    doc.endMarkedContent();
  }
}

// ---- The document ----------------------------------------------------------------------------

function newDoc(spec: DocumentSpec, fonts: FontFamily): Doc {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: spec.title,
      Subject: spec.subject,
      Author: spec.board.name,
      Creator: 'CPB',
      Keywords: spec.board.authority,
      CreationDate: appClock().now(),
    },
  });
  // Each face is read once and kept under its key (pdfkit would otherwise read a face again each
  // time it is chosen when two keys share a font, as italic does where there is no italic file).
  const cache = doc as unknown as { _font: unknown; _fontFamilies: Record<string, unknown> };
  for (const [key, src] of [
    ['R', fonts.regular],
    ['B', fonts.bold],
    ['I', fonts.italic],
    ['BI', fonts.boldItalic],
  ] as const) {
    doc.registerFont(key, src as string);
    doc.font(key);
    cache._fontFamilies[key] = cache._font;
  }
  doc.addPage({
    size: 'A4',
    layout: spec.landscape ? 'landscape' : 'portrait',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
  return doc;
}

export async function renderPdf(spec: DocumentSpec): Promise<Buffer> {
  const fonts = pdfFonts();
  const labels = listLabels(spec.children);
  let headingPages: number[] | null = null;
  if (spec.children.some((bl) => bl.type === 'contents')) {
    // First where every heading falls, then the document with those page numbers in its contents.
    const dry = newDoc(spec, fonts);
    const dm = new Measure(dry, fonts);
    const w = new Writer(dry, dm, spec, false, null, headerHeight(spec, dm));
    flow(w, spec.children, labels);
    headingPages = w.headings.map((h) => h.page);
  }
  const doc = newDoc(spec, fonts);
  const m = new Measure(doc, fonts);
  const w = new Writer(doc, m, spec, true, headingPages, headerHeight(spec, m));
  flow(w, spec.children, labels);
  drawHeaderFooter(doc, spec, m, w.page + 1);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
