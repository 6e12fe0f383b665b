/**
 * How each measure is defined, for the documents: what it counts, who owns it, where the figures
 * come from, how often — as label/text pairs in print order — and the n/N behind each figure.
 *
 * The fields printed are those in DEFINITION_FIELDS that the measure table has: adding a field
 * (a DfE reference, an age band, the numerator's and denominator's wording) is one line there.
 */
import type { DB } from '../store/board-file';
import { fractions, measureColumns } from '../store/report-figures';

/** Column → label, in the order a definition reads. `definition` is printed as the paragraph above them. */
export const DEFINITION_FIELDS: readonly {
  column: string;
  label: string;
  format?: (v: unknown) => string;
}[] = [
  { column: 'numerator_definition', label: 'Numerator' },
  { column: 'denominator_definition', label: 'Denominator' },
  { column: 'age_band', label: 'Age band' },
  { column: 'dfe_ref', label: 'DfE or SSDA903 reference' },
  { column: 'owner', label: 'Owner' },
  { column: 'source', label: 'Source' },
  {
    column: 'frequency',
    label: 'Reported',
    format: (v) =>
      ({ monthly: 'Monthly', quarterly: 'Quarterly', annual: 'Annually' })[String(v)] ?? String(v),
  },
];

export interface MeasureDefinition {
  measureId: number;
  /** The definition paragraph ('' when none has been written). */
  definition: string;
  /** The other fields that have a value, labelled, in print order. */
  fields: { label: string; text: string }[];
  /** period → numerator and denominator, where recorded. */
  fractions: Map<string, { value: number; numerator: number | null; denominator: number | null }>;
}

export function measureDefinitions(db: DB): Map<number, MeasureDefinition> {
  const out = new Map<number, MeasureDefinition>();
  for (const row of measureColumns(db)) {
    const id = Number(row.id);
    const fields = DEFINITION_FIELDS.flatMap((f) => {
      const v = row[f.column];
      if (v === undefined || v === null || String(v).trim() === '') return [];
      return [{ label: f.label, text: f.format ? f.format(v) : String(v).trim() }];
    });
    out.set(id, {
      measureId: id,
      definition: String(row.definition ?? '').trim(),
      fields,
      fractions: new Map(),
    });
  }
  for (const f of fractions(db)) {
    out.get(f.measure_id)?.fractions.set(f.period, {
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
    });
  }
  return out;
}
