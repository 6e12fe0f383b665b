/**
 * Minutes text (TipTap / ProseMirror JSON) → the kit's paragraphs (so Word and PDF alike), keeping
 * bold, italic, line breaks, bulleted and numbered lists (nested lists one level in). Anything the
 * editor may add later (headings, quotes, code) still comes out as readable text rather than being
 * dropped.
 */
import type { ParagraphBlock, Run } from './kit';

type Paragraph = ParagraphBlock;

interface PmNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type?: string }[];
  content?: PmNode[];
}

type ListCtx = { kind: 'bullet' | 'number'; instance: number; level: number } | null;

function inlineRuns(nodes: PmNode[] | undefined): Run[] {
  const out: Run[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'text' && typeof n.text === 'string') {
      const marks = new Set((n.marks ?? []).map((m) => m.type));
      out.push({
        text: n.text,
        ...(marks.has('bold') ? { bold: true } : {}),
        ...(marks.has('italic') ? { italics: true } : {}),
        ...(marks.has('underline') ? { underline: true } : {}),
        ...(marks.has('strike') ? { strike: true } : {}),
      });
    } else if (n.type === 'hardBreak') {
      out.push({ text: '', break: true });
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
        out.push({
          type: 'paragraph',
          runs,
          ...(heading ? { keepNext: true } : {}),
          ...(list ? { indent: 720 * (list.level + 1) } : {}),
        });
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
            out.push({
              type: 'paragraph',
              runs: inlineRuns(first.content),
              list: { kind, level, ...(kind === 'number' ? { instance } : {}) },
            });
            blocks(rest, ctx, opts, out);
          } else {
            blocks(first ? [first, ...rest] : rest, ctx, opts, out);
          }
        }
        break;
      }
      case 'blockquote':
        for (const child of n.content ?? [])
          out.push({ type: 'paragraph', runs: inlineRuns(child.content), indent: 720 });
        break;
      case 'horizontalRule':
        break;
      default:
        if (n.content) blocks(n.content, list, opts, out);
        else if (typeof n.text === 'string') out.push({ type: 'paragraph', runs: [{ text: n.text }] });
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
      out.push({ type: 'paragraph', runs: [{ text: bulletM[1] ?? '' }], list: { kind: 'bullet', level: 0 } });
    } else if (numM) {
      if (!inNumbers) instance = opts.nextListInstance();
      inNumbers = true;
      out.push({
        type: 'paragraph',
        runs: [{ text: numM[1] ?? '' }],
        list: { kind: 'number', level: 0, instance },
      });
    } else {
      inNumbers = false;
      out.push({ type: 'paragraph', runs: [{ text: line }] });
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
