/**
 * Minutes text (TipTap / ProseMirror JSON) → Word paragraphs, keeping bold, italic, line breaks,
 * bulleted and numbered lists (nested lists one level in). Anything the editor may add later
 * (headings, quotes, code) still comes out as readable text rather than being dropped.
 */
import { Paragraph, TextRun } from 'docx';
import { NUMBERING } from './kit';

interface PmNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type?: string }[];
  content?: PmNode[];
}

type ListCtx = { kind: 'bullet' | 'number'; instance: number; level: number } | null;

function inlineRuns(nodes: PmNode[] | undefined): TextRun[] {
  const out: TextRun[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'text' && typeof n.text === 'string') {
      const marks = new Set((n.marks ?? []).map((m) => m.type));
      out.push(
        new TextRun({
          text: n.text,
          bold: marks.has('bold') || undefined,
          italics: marks.has('italic') || undefined,
          underline: marks.has('underline') ? {} : undefined,
          strike: marks.has('strike') || undefined,
        }),
      );
    } else if (n.type === 'hardBreak') {
      out.push(new TextRun({ break: 1 }));
    } else if (n.content) {
      out.push(...inlineRuns(n.content));
    }
  }
  return out;
}

export interface RichTextOptions {
  /** Gives each numbered list its own instance, so every list starts again at 1. */
  nextListInstance: () => number;
}

function blocks(nodes: PmNode[] | undefined, list: ListCtx, opts: RichTextOptions, out: Paragraph[]): void {
  for (const n of nodes ?? []) {
    switch (n.type) {
      case 'paragraph':
      case 'heading':
      case 'codeBlock': {
        const heading = n.type === 'heading';
        const runs = inlineRuns(
          heading
            ? n.content?.map((c) => ({ ...c, marks: [...(c.marks ?? []), { type: 'bold' }] }))
            : n.content,
        );
        out.push(
          new Paragraph({
            children: runs,
            keepNext: heading,
            indent: list ? { left: 720 * (list.level + 1) } : undefined,
          }),
        );
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        const level = list ? Math.min(list.level + 1, 1) : 0;
        const kind = n.type === 'bulletList' ? 'bullet' : 'number';
        const instance = kind === 'number' ? opts.nextListInstance() : 0;
        const ctx: ListCtx = { kind, instance, level };
        for (const item of n.content ?? []) {
          const [first, ...rest] = item.type === 'listItem' ? (item.content ?? []) : [item];
          if (first && first.type === 'paragraph') {
            out.push(
              new Paragraph({
                children: inlineRuns(first.content),
                numbering: {
                  reference: kind === 'bullet' ? NUMBERING.bullets : NUMBERING.numbers,
                  level,
                  ...(kind === 'number' ? { instance } : {}),
                },
              }),
            );
            blocks(rest, ctx, opts, out);
          } else {
            blocks(first ? [first, ...rest] : rest, ctx, opts, out);
          }
        }
        break;
      }
      case 'blockquote':
        for (const child of n.content ?? [])
          out.push(new Paragraph({ children: inlineRuns(child.content), indent: { left: 720 } }));
        break;
      case 'horizontalRule':
        break;
      default:
        if (n.content) blocks(n.content, list, opts, out);
        else if (typeof n.text === 'string') out.push(new Paragraph({ children: [new TextRun(n.text)] }));
    }
  }
}

/** Plain-text minutes (no editor document): "- " lines become bullets, "1. " lines a numbered list. */
function plainText(text: string, opts: RichTextOptions): Paragraph[] {
  const out: Paragraph[] = [];
  let instance = 0;
  let inNumbers = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      inNumbers = false;
      continue;
    }
    const bulletM = /^\s*[-•*]\s+(.*)$/.exec(line);
    const numM = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (bulletM) {
      inNumbers = false;
      out.push(
        new Paragraph({
          children: [new TextRun(bulletM[1] ?? '')],
          numbering: { reference: NUMBERING.bullets, level: 0 },
        }),
      );
    } else if (numM) {
      if (!inNumbers) instance = opts.nextListInstance();
      inNumbers = true;
      out.push(
        new Paragraph({
          children: [new TextRun(numM[1] ?? '')],
          numbering: { reference: NUMBERING.numbers, level: 0, instance },
        }),
      );
    } else {
      inNumbers = false;
      out.push(new Paragraph({ children: [new TextRun(line)] }));
    }
  }
  return out;
}

/** The minutes of one item as Word paragraphs; `doc` is the stored editor JSON, `text` its plain form. */
export function minutesParagraphs(
  doc: string | object | null,
  text: string,
  opts: RichTextOptions,
): Paragraph[] {
  if (doc !== null && (typeof doc !== 'string' || doc.trim() !== '')) {
    try {
      const parsed = (typeof doc === 'string' ? JSON.parse(doc) : doc) as PmNode;
      const out: Paragraph[] = [];
      blocks(parsed.type === 'doc' ? parsed.content : [parsed], null, opts, out);
      const nonEmpty = out.length > 0;
      if (nonEmpty) return out;
    } catch {
      // fall through to the plain text, which the editor always stores beside the JSON
    }
  }
  return text.trim() !== '' ? plainText(text, opts) : [];
}
