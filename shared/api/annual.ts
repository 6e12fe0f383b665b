import { z } from 'zod';
import { baseRevision, id, isoDate, okRevision, text } from './common';
import { command, query } from './method';
import { readersOf } from './stale';

/**
 * The annual report's own words, written by the clerk for each council year: the chair's foreword
 * and the narrative sections, and a commentary on each measure's chart. The report prints them
 * with the year's figures (see electron/core/exports/annual.ts).
 */
export const annualSections = ['foreword', 'highlights', 'challenges', 'voice', 'ahead'] as const;
export type AnnualSection = (typeof annualSections)[number];

export const annualSectionLabel: Record<AnnualSection, string> = {
  foreword: 'Chair’s foreword',
  highlights: 'The year in review',
  challenges: 'Challenges and what we are doing about them',
  voice: 'The voice of children and young people',
  ahead: 'Looking ahead',
};

/** What each section is for, as the clerk sees it beside the box. */
export const annualSectionHelp: Record<AnnualSection, string> = {
  foreword: 'The Chair introduces the year: what the Board set out to do and what it achieved.',
  highlights: 'What changed for children in care and care leavers because of the Board’s work.',
  challenges: 'Where the figures or the children’s views give cause for concern, and what is being done.',
  voice: 'How children and young people shaped the Board’s work: who took part and what changed.',
  ahead: 'The Board’s priorities for the coming year, introducing the forward plan of meetings.',
};

/** A council year, '2026-27': 1 April 2026 to 31 March 2027. */
export const councilYear = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'must be a council year like 2026-27')
  .refine(
    (v) => Number(v.slice(5, 7)) === (Number(v.slice(0, 4)) + 1) % 100,
    'must be two years in a row, like 2026-27',
  );

/** The council year (1 April to 31 March) a date falls in: '2026-27' for 2026-11-23 or 2027-01-10. */
export function councilYearOf(isoDateText: string): string {
  const y = Number(isoDateText.slice(0, 4));
  const start = Number(isoDateText.slice(5, 7)) >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

const sectionText = z.object({
  section: z.enum(annualSections),
  label: z.string(),
  help: z.string(),
  body: z.string(),
  /** 0 until first saved: send it back as baseRevision. */
  revision: z.number().int(),
  updatedAt: z.string().nullable(),
});

const measureText = z.object({
  measureId: z.number().int(),
  code: z.string(),
  title: z.string(),
  body: z.string(),
  revision: z.number().int(),
  updatedAt: z.string().nullable(),
});

export const annualApi = {
  'annual.texts': query(
    'The annual report’s words for one council year: the chair’s foreword, the narrative sections and a commentary on each measure’s chart',
    z.object({ year: councilYear }).strict(),
    z.object({
      year: z.string(),
      from: isoDate,
      to: isoDate,
      sections: z.array(sectionText),
      measures: z.array(measureText),
    }),
  ),
  'annual.saveText': command(
    'Save one section of the annual report for a council year (an empty text leaves it out of the report)',
    z
      .object({
        year: councilYear,
        section: z.enum(annualSections),
        body: text(20000),
        baseRevision,
      })
      .strict(),
    okRevision,
    { invalidates: readersOf('annualText') },
  ),
  'annual.saveMeasureText': command(
    'Save the commentary on one measure’s chart in the annual report for a council year',
    z.object({ year: councilYear, measureId: id, body: text(4000), baseRevision }).strict(),
    okRevision,
    { invalidates: readersOf('annualText') },
  ),
};
