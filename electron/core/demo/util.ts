import type { DB } from '../store/board-file';
import { insertRow, tableHasColumn, type SeedRow } from '../store/seed';

// Small, dependency-free helpers for the demo board: ISO dates, UK financial periods,
// a seeded PRNG, an insert helper and a minutes-document builder.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(iso: string): [number, number, number] {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`Not an ISO date (YYYY-MM-DD): ${iso}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new Error(`Not a real date: ${iso}`);
  }
  return [y, mo, d];
}

function fromUtc(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

export function checkIsoDate(iso: string): string {
  parts(iso);
  return iso;
}

/** `iso` plus `n` days (n may be negative). */
export function addDays(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  return fromUtc(new Date(Date.UTC(y, m - 1, d + n)));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The date of weekday `dow` nearest to `iso` (within ±3 days). */
export function nearestWeekday(iso: string, dow: number): string {
  let diff = (dow - dayOfWeek(iso) + 7) % 7; // 0..6 forward
  if (diff > 3) diff -= 7;
  return addDays(iso, diff);
}

/** A deterministic UTC timestamp on a date, e.g. '2025-06-04T10:15:00.000Z'. */
export function stamp(iso: string, time = '09:00'): string {
  checkIsoDate(iso);
  return `${iso}T${time}:00.000Z`;
}

// ---- UK financial periods (April–March) ----

/** A financial quarter as a single index: fyStartYear * 4 + (quarter - 1). */
export type QuarterIndex = number;

export function quarterIndexOf(iso: string): QuarterIndex {
  const [y, m] = parts(iso);
  const fyStart = m >= 4 ? y : y - 1;
  const q = m >= 4 ? Math.floor((m - 4) / 3) + 1 : 4;
  return fyStart * 4 + (q - 1);
}

export function financialYearLabel(fyStart: number): string {
  return `${fyStart}-${String((fyStart + 1) % 100).padStart(2, '0')}`;
}

/** Canonical label, e.g. '2025-26 Q1' (April–June 2025). */
export function quarterLabel(qi: QuarterIndex): string {
  const fyStart = Math.floor(qi / 4);
  return `${financialYearLabel(fyStart)} Q${(qi % 4) + 1}`;
}

/** First day of the quarter, ISO. */
export function quarterStart(qi: QuarterIndex): string {
  const fyStart = Math.floor(qi / 4);
  const month = 4 + 3 * (qi % 4); // 4, 7, 10, 13
  const year = month > 12 ? fyStart + 1 : fyStart;
  return `${year}-${String(month > 12 ? month - 12 : month).padStart(2, '0')}-01`;
}

/** The last financial quarter that has fully ended before `today`. */
export function lastCompleteQuarter(today: string): QuarterIndex {
  return quarterIndexOf(today) - 1;
}

// ---- Seeded PRNG ----

/** mulberry32: a tiny deterministic PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Splits `total` across `shares` (any positive weights) so the parts sum exactly to total. */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const raw = shares.map((s) => (s / sum) * total);
  const out = raw.map((r) => Math.floor(r));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw
    .map((r, i) => ({ i, frac: r - Math.floor(r) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]!.i]! += 1;
  return out;
}

// ---- SQL ----

export type Row = SeedRow;

/**
 * INSERT one row; returns its rowid. Columns a later schema added are left out when the file is
 * older (the migration tests write the demo into the schema before each step).
 */
export const insert = (db: DB, table: string, row: Row): number => {
  let known = columnsSeen.get(db);
  if (!known) columnsSeen.set(db, (known = new Map()));
  const has = (c: string) => {
    const key = `${table}.${c}`;
    if (!known.has(key)) known.set(key, tableHasColumn(db, table, c));
    return known.get(key)!;
  };
  return insertRow(db, table, Object.fromEntries(Object.entries(row).filter(([c]) => has(c))));
};
const columnsSeen = new WeakMap<DB, Map<string, boolean>>();

// ---- Minutes documents (TipTap / ProseMirror JSON + plain text) ----

/**
 * A block of minutes. Inline text may use **bold** and *italic* markers.
 */
export type Block = { p: string } | { ul: string[] } | { ol: string[] };

interface TextNode {
  type: 'text';
  text: string;
  marks?: { type: 'bold' | 'italic' }[];
}

function inline(src: string): { nodes: TextNode[]; plain: string } {
  const nodes: TextNode[] = [];
  let plain = '';
  for (const piece of src.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/)) {
    if (piece === '') continue;
    if (piece.startsWith('**') && piece.endsWith('**') && piece.length > 4) {
      const text = piece.slice(2, -2);
      nodes.push({ type: 'text', text, marks: [{ type: 'bold' }] });
      plain += text;
    } else if (piece.startsWith('*') && piece.endsWith('*') && piece.length > 2) {
      const text = piece.slice(1, -1);
      nodes.push({ type: 'text', text, marks: [{ type: 'italic' }] });
      plain += text;
    } else {
      nodes.push({ type: 'text', text: piece });
      plain += piece;
    }
  }
  return { nodes, plain };
}

function paragraph(src: string): object {
  const { nodes } = inline(src);
  return nodes.length > 0 ? { type: 'paragraph', content: nodes } : { type: 'paragraph' };
}

/** Builds the TipTap JSON string and its plain-text rendering from blocks. */
export function minutesDoc(blocks: readonly Block[]): { doc: string; text: string } {
  const content: object[] = [];
  const lines: string[] = [];
  for (const b of blocks) {
    if ('p' in b) {
      content.push(paragraph(b.p));
      lines.push(inline(b.p).plain);
    } else if ('ul' in b) {
      content.push({
        type: 'bulletList',
        content: b.ul.map((li) => ({ type: 'listItem', content: [paragraph(li)] })),
      });
      for (const li of b.ul) lines.push(`- ${inline(li).plain}`);
    } else {
      content.push({
        type: 'orderedList',
        attrs: { start: 1, type: null },
        content: b.ol.map((li) => ({ type: 'listItem', content: [paragraph(li)] })),
      });
      b.ol.forEach((li, i) => lines.push(`${i + 1}. ${inline(li).plain}`));
    }
  }
  return { doc: JSON.stringify({ type: 'doc', content }), text: lines.join('\n') };
}
