/** The annual report's words for one council year, as the report and the Reports screen read them. */
import { annualSections, type AnnualSection } from '../../../shared/api/annual';
import { annualMeasureTexts, annualTexts } from '../store/annual-text';
import type { DB } from '../store/board-file';

export interface AnnualWords {
  sections: Record<AnnualSection, { body: string; revision: number; updatedAt: string | null }>;
  /** measure id → the commentary on its chart. */
  measures: Map<number, { body: string; revision: number; updatedAt: string | null }>;
}

export function annualWords(db: DB, year: string): AnnualWords {
  const saved = new Map(annualTexts(db, year).map((r) => [r.section, r]));
  const sections = Object.fromEntries(
    annualSections.map((s) => {
      const r = saved.get(s);
      return [s, { body: r?.body ?? '', revision: r?.revision ?? 0, updatedAt: r?.updated_at ?? null }];
    }),
  ) as AnnualWords['sections'];
  const measures = new Map(
    annualMeasureTexts(db, year).map((r) => [
      r.measure_id,
      { body: r.body, revision: r.revision, updatedAt: r.updated_at },
    ]),
  );
  return { sections, measures };
}
