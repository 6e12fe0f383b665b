import { ApiError } from '../../../shared/api';
import { annualSectionHelp, annualSectionLabel, annualSections } from '../../../shared/api/annual';
import type { HandlerGroup } from '../handler-types';
import { annualWords } from '../queries/annual-text';
import { saveAnnualMeasureText, saveAnnualText } from '../store/annual-text';
import { liveMeasures } from '../store/measures';
import { rowExists } from '../store/sql';
import { baseOf, staleSave } from './revisions';

// The annual report's words (the chair's foreword, the narrative sections and the commentary on
// each measure's chart), kept per council year. The report itself is export.document 'annual'.

const yearRange = (year: string) => {
  const start = Number(year.slice(0, 4));
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
};

export const annualHandlers: HandlerGroup<'annual.texts' | 'annual.saveText' | 'annual.saveMeasureText'> = {
  'annual.texts': (ctx, { year }) => {
    const words = annualWords(ctx.db, year);
    return {
      year,
      ...yearRange(year),
      sections: annualSections.map((section) => ({
        section,
        label: annualSectionLabel[section],
        help: annualSectionHelp[section],
        ...words.sections[section],
      })),
      measures: liveMeasures(ctx.db).map((m) => {
        const saved = words.measures.get(m.id);
        return {
          measureId: m.id,
          code: m.code,
          title: m.title,
          body: saved?.body ?? '',
          revision: saved?.revision ?? 0,
          updatedAt: saved?.updatedAt ?? null,
        };
      }),
    };
  },

  'annual.saveText': (ctx, input) => {
    const revision = saveAnnualText(
      ctx.db,
      input.year,
      input.section,
      input.body,
      ctx.now().toISOString(),
      baseOf(input),
    );
    if (revision === null)
      throw staleSave(
        `the ${annualSectionLabel[input.section].toLowerCase()} for ${input.year}`,
        annualWords(ctx.db, input.year).sections[input.section],
      );
    return { ok: true as const, revision };
  },

  'annual.saveMeasureText': (ctx, input) => {
    if (!rowExists(ctx.db, 'measure', input.measureId))
      throw new ApiError('not_found', `There is no measure with id ${input.measureId}`);
    const revision = saveAnnualMeasureText(
      ctx.db,
      input.year,
      input.measureId,
      input.body,
      ctx.now().toISOString(),
      baseOf(input),
    );
    if (revision === null)
      throw staleSave(
        `the commentary on this measure for ${input.year}`,
        annualWords(ctx.db, input.year).measures.get(input.measureId) ?? null,
      );
    return { ok: true as const, revision };
  },
};
