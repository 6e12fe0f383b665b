import { XMLValidator } from 'fast-xml-parser';
import { inflateRawSync } from 'node:zlib';
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
      let data = partData(zipData, entry);
      if (!data) {
        const chunks: Buffer[] = [];
        for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
        data = Buffer.concat(chunks);
      }
      const problem = xmlProblem(data.toString('utf8'));
      if (problem) problems.push({ part: entry.fileName, problem });
    }
  } finally {
    zip.close();
  }
  return problems;
}

/**
 * A part's bytes inflated in one call from the zip in memory (a stream of small chunks took twice
 * as long for the action log's 8 MB part); null for anything but a plain stored or deflated entry
 * whose local header and size agree with the central directory (the stream reads those).
 */
function partData(zipData: Buffer, entry: yauzl.Entry): Buffer | null {
  const at = entry.relativeOffsetOfLocalHeader;
  if ((entry.generalPurposeBitFlag & 0x1) !== 0 || at + 30 > zipData.length) return null; // encrypted
  if (zipData.readUInt32LE(at) !== 0x04034b50) return null; // not a local file header
  const start = at + 30 + zipData.readUInt16LE(at + 26) + zipData.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zipData.length) return null;
  const raw = zipData.subarray(start, end);
  let data: Buffer;
  if (entry.compressionMethod === 0) data = raw;
  else if (entry.compressionMethod === 8) {
    try {
      data = inflateRawSync(raw);
    } catch {
      return null;
    }
  } else return null;
  return data.length === entry.uncompressedSize ? data : null;
}

/**
 * Why `xml` is not a well-formed XML 1.0 document, or null. Every character is checked first; then
 * the structure, by one strict pass over the text (wellFormedScan: tags nested and closed, names,
 * quoted and unique attributes, `&` only in a reference, one root). That pass accepts only what is
 * well-formed, and it is a fraction of the validator's cost on a long document (the action log's
 * 8 MB document.xml: ~60 ms against ~250 ms), so only a part it refuses goes to fast-xml-parser's
 * validator, for the line and column of the fault.
 */
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
  const scanned = wellFormedScan(xml);
  if (scanned === null) return null;
  const r = XMLValidator.validate(xml);
  return r === true ? scanned : `line ${r.err.line}, column ${r.err.col}: ${r.err.msg}`;
}

const NAME = '[A-Za-z_:][-\\w.:]*';
const REF = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;
const START = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');
const END = new RegExp(`</(${NAME})\\s*>`, 'y');
const PI = new RegExp(`<\\?${NAME}(?:\\s[^]*?)?\\?>`, 'y');
const COMMENT = /<!--(?:[^-]|-(?!-))*-->/y;
const CDATA = /<!\[CDATA\[[^]*?\]\]>/y;
const BAD_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;

/** [A-Za-z_:], the first character of a name here. */
const nameStart = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
/** [-\w.:], any later character of a name. */
const nameChar = (c: number) => nameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
/** Space, tab, line feed, carriage return: the white space `docx` writes inside tags. */
const space = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/**
 * One strict pass over `xml` (its characters already checked): null when it is well-formed, else
 * why not. Stricter than XML 1.0 in two ways that never touch what `docx` writes — element and
 * attribute names in ASCII, no document type declaration — so it may refuse, never wrongly pass.
 *
 * The tags and text `docx` writes are read character by character (the action log's document.xml
 * has 580,000 tags; a regular expression for each cost several times as much); anything else —
 * an entity, other white space, a quote left open, a fault — goes to the regular expressions,
 * which decide alone what passes and what each fault is called.
 */
export function wellFormedScan(xml: string): string | null {
  const open: string[] = [];
  let roots = 0;
  let at = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const match = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = at;
    const m = re.exec(xml);
    if (m) at = re.lastIndex;
    return m;
  };
  const n = xml.length;
  // The next "<", "&" and "]]>" at or after some earlier position (n: none left).
  const indexOrEnd = (s: string) => {
    const i = xml.indexOf(s, at);
    return i === -1 ? n : i;
  };
  let nextLt = -1;
  let nextAmp = -1;
  let nextCdEnd = -1;
  /** The end of a start tag of plain attributes at `at`, its name's end and whether it closes itself; null for the slow path. */
  const plainStart = (): { end: number; nameEnd: number; empty: boolean } | null => {
    let q = at + 1;
    if (!nameStart(xml.charCodeAt(q))) return null;
    while (nameChar(xml.charCodeAt(++q)));
    const nameEnd = q;
    let names: string[] | null = null;
    for (;;) {
      const before = q;
      while (space(xml.charCodeAt(q))) q++;
      const c = xml.charCodeAt(q);
      if (c === 0x3e /* > */) return { end: q + 1, nameEnd, empty: false };
      if (c === 0x2f /* / */)
        return xml.charCodeAt(q + 1) === 0x3e ? { end: q + 2, nameEnd, empty: true } : null;
      if (q === before || !nameStart(c)) return null;
      const attrStart = q;
      while (nameChar(xml.charCodeAt(++q)));
      const attr = xml.slice(attrStart, q);
      while (space(xml.charCodeAt(q))) q++;
      if (xml.charCodeAt(q) !== 0x3d /* = */) return null;
      q++;
      while (space(xml.charCodeAt(q))) q++;
      const quote = xml.charCodeAt(q);
      if (quote !== 0x22 && quote !== 0x27) return null;
      for (q++; ; q++) {
        const v = xml.charCodeAt(q);
        if (v === quote) break;
        if (v === 0x3c /* < */ || v === 0x26 /* & */ || q >= n) return null;
      }
      q++;
      if (names === null) names = [attr];
      else if (names.includes(attr)) return null;
      else names.push(attr);
    }
  };
  while (at < n) {
    const c = xml.charCodeAt(at);
    let m: RegExpExecArray | null;
    if (c !== 0x3c /* < */) {
      if (c === 0x26 /* & */) {
        if (!match(REF)) return `a bare “&” at ${at}`;
        if (open.length === 0) return `a reference outside the root element at ${at}`;
      } else {
        // Text: up to the next "<" or "&".
        if (nextLt < at) nextLt = indexOrEnd('<');
        if (nextAmp < at) nextAmp = indexOrEnd('&');
        const end = Math.min(nextLt, nextAmp);
        if (open.length === 0 && xml.slice(at, end).trim() !== '')
          return `text outside the root element at ${at}`;
        if (nextCdEnd < at) nextCdEnd = indexOrEnd(']]>');
        if (nextCdEnd + 3 <= end) return `“]]>” in text at ${at}`;
        at = end;
      }
      continue;
    }
    const next = xml.charCodeAt(at + 1);
    if (next === 0x2f /* / */) {
      const expected = open.at(-1);
      if (
        expected !== undefined &&
        xml.startsWith(expected, at + 2) &&
        xml.charCodeAt(at + 2 + expected.length) === 0x3e /* > */
      ) {
        open.pop();
        at += expected.length + 3;
        continue;
      }
      if (!(m = match(END))) return `a broken end tag at ${at}`;
      const expectedName = open.pop();
      if (expectedName !== m[1])
        return `</${m[1]}> at ${m.index} closes ${expectedName ? `<${expectedName}>` : 'nothing'}`;
    } else if (next === 0x3f /* ? */) {
      if (!match(PI)) return `a broken processing instruction at ${at}`;
    } else if (next === 0x21 /* ! */) {
      if (!match(COMMENT) && !(open.length && match(CDATA)))
        return `not XML at ${at}: ${JSON.stringify(xml.slice(at, at + 20))}`;
    } else {
      const plain = plainStart();
      if (plain) {
        const name = xml.slice(at + 1, plain.nameEnd);
        if (open.length === 0 && ++roots > 1) return `a second root element <${name}> at ${at}`;
        if (!plain.empty) open.push(name);
        at = plain.end;
        continue;
      }
      if (!(m = match(START))) return `a broken tag at ${at}: ${JSON.stringify(xml.slice(at, at + 20))}`;
      if (open.length === 0 && ++roots > 1) return `a second root element <${m[1]}> at ${m.index}`;
      const attributes = m[2]!;
      if (attributes.includes('&') || attributes.indexOf('=') !== attributes.lastIndexOf('=')) {
        const names = new Set<string>();
        for (const a of attributes.matchAll(ATTRIBUTE)) {
          if (names.has(a[1]!)) return `attribute ${a[1]} twice on <${m[1]}> at ${m.index}`;
          names.add(a[1]!);
          if (BAD_AMPERSAND.test(a[2] ?? a[3] ?? '')) return `a bare “&” in attribute ${a[1]} at ${m.index}`;
        }
      }
      if (!m[3]) open.push(m[1]!);
    }
  }
  if (open.length) return `<${open.at(-1)}> is never closed`;
  return roots === 1 ? null : 'no root element';
}

/**
 * Cleans, in place, every string held anywhere in a document model before it is packed (text
 * saved before the API cleaned its input, or read from an old board): only characters XML can
 * carry reach the file. Walks plain objects, class instances and arrays once each.
 */
export function cleanModelTexts(root: object): void {
  // A plain Set, gone when the walk ends: a WeakSet of a whole document's objects is an
  // ephemeron table the collector must trace (tens of thousands of entries in the action log).
  const seen = new Set<object>();
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
