/**
 * Text that XML (and so a Word document) can carry. XML 1.0 allows tab, line feed and carriage
 * return but no other C0 control; Unicode reserves the non-characters (U+FFFE, U+FFFF, U+FDD0–
 * U+FDEF and the last two code points of every plane); a lone surrogate is not a character at all.
 * A vertical tab or form feed (Word's line and page breaks, pasted) becomes a space; the rest
 * are dropped. Everything that enters the board through the API or an import passes through here.
 */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what it removes
const UNCARRIABLE = /[\u0000-\u0008\u000E-\u001F\uD800-\uDFFF\p{Noncharacter_Code_Point}]/gu;
// eslint-disable-next-line no-control-regex -- vertical tab and form feed
const BREAKS = /[\u000B\u000C]/g;

export function cleanText(s: string): string {
  return hasUncarriable(s) ? s.replace(BREAKS, ' ').replace(UNCARRIABLE, '') : s;
}

// eslint-disable-next-line no-control-regex
const ANY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\p{Noncharacter_Code_Point}]/u;
/**
 * A cheaper first look (a plain class of code units, no Unicode mode: ~5× faster over the action
 * log's 8 MB document.xml). It matches whenever ANY does: the controls and the BMP's
 * non-characters are listed, and every other non-character (U+1FFFE…) and every lone surrogate
 * is made of surrogate code units. Only a string it matches goes on to ANY.
 */
// eslint-disable-next-line no-control-regex
const ANY_UNIT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** True when `s` holds a character cleanText would change. */
export function hasUncarriable(s: string): boolean {
  return ANY_UNIT.test(s) && ANY.test(s);
}

/** Every string in a JSON-like value, cleaned (object keys too); other values as they are. */
export function cleanTexts<T>(value: T): T {
  return walk(value, 0) as T;
}

function walk(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return cleanText(v);
  if (v === null || typeof v !== 'object' || depth > 64) return v;
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const c = walk(v[i], depth + 1);
      if (c !== v[i]) (out ??= v.slice())[i] = c;
    }
    return out ?? v;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
  let out: Record<string, unknown> | null = null;
  for (const [k, x] of Object.entries(v)) {
    const ck = cleanText(k);
    const cx = walk(x, depth + 1);
    if (ck !== k || cx !== x) {
      out ??= { ...(v as Record<string, unknown>) };
      if (ck !== k) delete out[k];
      out[ck] = cx;
    }
  }
  return out ?? v;
}
