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

/** The symbol in a cell ("c", "[x]", "low", ":"), with what it means; null for anything else. */
export function readSymbol(text: string): { symbol: string; note: string } | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  const meaning = MEANINGS[t];
  if (!meaning) return null;
  return { symbol: t, note: `Published as "${t}": ${meaning}` };
}
