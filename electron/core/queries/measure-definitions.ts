/**
 * How each measure is defined, for the documents: the fields of its definition (read with the
 * scorecard, see MeasureDefinition) as label/text pairs in print order, and the n/N recorded with
 * each figure.
 *
 * The fields printed are those in DEFINITION_FIELDS that have a value: printing another field of
 * the definition is one line there.
 */
import type { MeasureDefinition } from '../../../shared/api/measures';
import type { DB } from '../store/board-file';
import { fractions } from '../store/report-figures';

const FREQUENCY: Record<string, string> = { monthly: 'Monthly', quarterly: 'Quarterly', annual: 'Annually' };
const YEAR_BASIS: Record<string, string> = {
  financial: 'Financial year (April to March)',
  academic: 'Academic year (September to August)',
  calendar: 'Calendar year',
};

/** Field → label, in the order a definition reads. `definition` (what is counted) is printed above them. */
export const DEFINITION_FIELDS: readonly {
  key: Exclude<keyof MeasureDefinition, 'definition'>;
  label: string;
  format?: (v: string, d: MeasureDefinition) => string;
}[] = [
  { key: 'numerator', label: 'Numerator' },
  { key: 'denominator', label: 'Denominator' },
  { key: 'ageBand', label: 'Age band' },
  { key: 'dfeRef', label: 'DfE reference' },
  { key: 'owner', label: 'Owner' },
  { key: 'source', label: 'Source' },
  { key: 'frequency', label: 'Reported', format: (v) => FREQUENCY[v] ?? v },
  // Said only where it is not the usual financial year, or the figures are annual.
  {
    key: 'yearBasis',
    label: 'Year',
    format: (v, d) => (v === 'financial' && d.frequency !== 'annual' ? '' : (YEAR_BASIS[v] ?? v)),
  },
];

/** A definition's fields that have a value, labelled, in print order. */
export function definitionFields(d: MeasureDefinition | null): { label: string; text: string }[] {
  if (!d) return [];
  return DEFINITION_FIELDS.flatMap((f) => {
    const raw = String(d[f.key] ?? '').trim();
    const text = raw && f.format ? f.format(raw, d) : raw;
    return text ? [{ label: f.label, text }] : [];
  });
}

/** measure id → period → the figure with its numerator and denominator, where they were recorded. */
export function measureFractions(
  db: DB,
): Map<number, Map<string, { value: number; numerator: number | null; denominator: number | null }>> {
  const out = new Map<
    number,
    Map<string, { value: number; numerator: number | null; denominator: number | null }>
  >();
  for (const f of fractions(db)) {
    const m = out.get(f.measure_id) ?? new Map();
    m.set(f.period, { value: f.value, numerator: f.numerator, denominator: f.denominator });
    out.set(f.measure_id, m);
  }
  return out;
}
