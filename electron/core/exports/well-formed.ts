import { XMLValidator } from 'fast-xml-parser';
import yauzl from 'yauzl';
import { cleanText, hasUncarriable } from '../../../shared/domain/clean-text';

/**
 * Whether every XML part of a .docx (or any OOXML zip) is well-formed: the structure by
 * fast-xml-parser's validator, and — which that validator does not check — every character,
 * written out or as a reference (&#xFFFE;), one XML 1.0 may carry. Returns the problems found.
 */
export async function xmlPartProblems(zipData: Buffer): Promise<{ part: string; problem: string }[]> {
  const zip = await yauzl.fromBufferPromise(zipData, { lazyEntries: true });
  const problems: { part: string; problem: string }[] = [];
  try {
    const entries = await new Promise<yauzl.Entry[]>((resolve, reject) => {
      const list: yauzl.Entry[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        list.push(e);
        zip.readEntry();
      });
      zip.once('end', () => resolve(list));
      zip.once('error', reject);
      zip.readEntry();
    });
    for (const entry of entries) {
      if (!/\.(xml|rels)$/i.test(entry.fileName)) continue;
      const chunks: Buffer[] = [];
      for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
      const problem = xmlProblem(Buffer.concat(chunks).toString('utf8'));
      if (problem) problems.push({ part: entry.fileName, problem });
    }
  } finally {
    zip.close();
  }
  return problems;
}

/** Why `xml` is not a well-formed XML 1.0 document, or null. */
export function xmlProblem(xml: string): string | null {
  if (hasUncarriable(xml)) {
    const at = [...xml].findIndex((ch) => hasUncarriable(ch));
    const code = xml.codePointAt(at) ?? 0;
    return `it holds a character XML cannot carry (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  }
  for (const m of xml.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const code = m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : parseInt(m[1]!, 10);
    const ch = code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFE';
    if (code === 0 || hasUncarriable(ch)) return `it refers to a character XML cannot carry (${m[0]})`;
  }
  const r = XMLValidator.validate(xml);
  return r === true ? null : `line ${r.err.line}, column ${r.err.col}: ${r.err.msg}`;
}

/**
 * Cleans, in place, every string held anywhere in a document model before it is packed (text
 * saved before the API cleaned its input, or read from an old board): only characters XML can
 * carry reach the file. Walks plain objects, class instances and arrays once each.
 */
export function cleanModelTexts(root: object): void {
  const seen = new WeakSet<object>();
  const stack: object[] = [root];
  while (stack.length) {
    const o = stack.pop()!;
    if (seen.has(o) || ArrayBuffer.isView(o) || o instanceof ArrayBuffer) continue;
    seen.add(o);
    const record = o as Record<string | number, unknown>;
    for (const key of Object.keys(o)) {
      const v = record[key];
      if (typeof v === 'string') {
        if (hasUncarriable(v)) record[key] = cleanText(v);
      } else if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
}
