/**
 * Publishers' symbols for "no figure". The DfE (following the Government Statistical Service)
 * writes a letter where a figure is withheld or does not exist; older tables and LAIT use
 * ":" and "..". Each is recorded as "no figure" for its period, with the symbol kept, so the
 * board can see a figure was published as suppressed rather than missing.
 */
const MEANINGS: Record<string, string> = {
  c: 'suppressed to protect confidentiality (small numbers)',
  x: 'not available',
  z: 'not applicable',
  u: 'low reliability',
  low: 'rounds to zero, but is not zero',
  k: 'rounds to zero, but is not zero',
  ':': 'not available',
  '..': 'not available',
};

/** How every symbol starts (after spaces, and a bracket: "[x]"). */
const SYMBOL_START = /^\s*\[?\s*[cxzulk:.]/i;

/** The symbol in a cell ("c", "[x]", "low", ":"), with what it means; null for anything else. */
export function readSymbol(text: string): { symbol: string; note: string } | null {
  // Most cells hold a figure: only text starting as a symbol can be one (read per figure, so no
  // copy of the text is made for the rest).
  if (!SYMBOL_START.test(text)) return null;
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  const meaning = Object.hasOwn(MEANINGS, t) ? MEANINGS[t] : undefined; // not "constructor"
  if (!meaning) return null;
  return { symbol: t, note: `Published as "${t}": ${meaning}` };
}
