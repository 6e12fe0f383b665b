import { z } from 'zod';
import { describeLimit, importLimits } from '../domain/import-limits';
import { bareYearReadings, type BareYearReading } from '../domain/periods';
import { command, query } from './method';
import { readersOf } from './stale';

// Importing figures from CSV / XLSX: preview (nothing written) and commit (all or nothing).

/**
 * wide: a row per measure, a column per period. long: a row per figure. cohort: the children in
 * care profile. areas: a row per local authority (England, regions, statistical neighbours and
 * the board's own), a column per period — DfE's published tables and LAIT extracts. down: a row
 * per period, a column per measure — a quarterly return.
 */
export const importLayouts = ['wide', 'long', 'cohort', 'areas', 'down'] as const;
export const importLayout = z.enum(importLayouts);
export type ImportLayout = z.infer<typeof importLayout>;

/** What a column of the sheet holds. */
export const importRoles = [
  'ignore',
  'code', // measure code (wide and long)
  'title', // measure title (wide)
  'target', // wide: used when creating a measure
  'polarity', // wide: used when creating a measure
  'england', // wide: comparator for the latest period in the sheet
  'neighbours',
  'region',
  'comment', // wide: note on the latest period's value
  'period', // wide / cohort: a column of values for the period in its header
  'periodName', // long: the column saying which period
  'value', // long
  'note', // long
  'breakdown', // cohort
  'category', // cohort
  'area', // areas: the local authority, region or country the row is for
  'areaCode', // areas: its code (805, E06000001)
  'measure', // down: a column of one measure's figures (the measure named by the header or `measure`)
] as const;
export const importRole = z.enum(importRoles);
export type ImportRole = z.infer<typeof importRole>;

export const importRoleLabels: Record<ImportRole, string> = {
  ignore: 'Ignore this column',
  code: 'Measure code',
  title: 'Measure title',
  target: 'Target',
  polarity: 'Polarity (higher/lower is better)',
  england: 'England comparator',
  neighbours: 'Statistical neighbours comparator',
  region: 'Region comparator',
  comment: 'Comment (note on the latest value)',
  period: 'Values for the period in the header',
  periodName: 'Period',
  value: 'Value',
  note: 'Note',
  breakdown: 'Cohort breakdown',
  category: 'Cohort category',
  area: 'Local authority or area name',
  areaCode: 'Local authority code',
  measure: 'Figures for one measure',
};

/** How a bare year ("2024") is read; see shared/domain/periods. */
export const bareYearReading = z.enum(bareYearReadings as [BareYearReading, ...BareYearReading[]]);
export const bareYearReadingLabels: Record<BareYearReading, string> = {
  ending: 'The year ending in it (DfE and LAIT: 2024 is 2023-24)',
  calendar: 'The calendar year (January to December)',
  starting: 'The year starting in it (2024 is 2024-25)',
};

export const importMapping = z.object({
  layout: importLayout,
  /** Spreadsheet row number (as the user sees it) of the first header row. */
  headerRow: z.number().int().min(1).max(100_000),
  /** How many rows the header takes (a merged group such as "2025-26" above "Q1 Q2 Q3" makes 2). */
  headerDepth: z.number().int().min(1).max(3),
  columns: z
    .array(
      z.object({
        column: z.string().regex(/^[A-Z]{1,3}$/, 'must be a column letter like C'),
        role: importRole,
        /** role 'measure': the code of the measure whose figures the column holds (else read from the header). */
        measure: z.string().trim().max(20).optional(),
      }),
    )
    .max(1000),
});
export type ImportMapping = z.infer<typeof importMapping>;

export const importProblem = z.object({
  sheet: z.string(),
  /** Spreadsheet row number as the user sees it; null for a problem with the whole sheet. */
  row: z.number().int().nullable(),
  /** Column letter; null for a problem with a whole row or sheet. */
  column: z.string().nullable(),
  header: z.string(),
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

const count = z.number().int().min(0);
export const importSummary = z.object({
  valuesNew: count,
  valuesChanged: count,
  valuesUnchanged: count,
  comparatorsNew: count,
  comparatorsChanged: count,
  comparatorsUnchanged: count,
  cohortNew: count,
  cohortChanged: count,
  cohortUnchanged: count,
  /** Cells with no figure (blank, n/a, -): skipped, not errors. */
  skipped: count,
  /** Cells with a publisher's symbol instead of a figure (c, x, z, low…): recorded as "no figure". */
  noFigures: count,
  /** Measure settings (target, polarity) the sheet gives that differ from the board's. */
  settingsOffered: count,
  settingsApplied: count,
  measuresToCreate: z.array(z.string()),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const importChange = z.object({
  row: z.number().int(),
  kind: z.enum(['value', 'comparator', 'cohort']),
  /** Measure code, or the cohort breakdown and category. */
  subject: z.string(),
  detail: z.string(),
  period: z.string(),
  value: z.number(),
  previous: z.number().nullable(),
  status: z.enum(['new', 'changed', 'unchanged']),
});
export type ImportChange = z.infer<typeof importChange>;

const letter = z.string().regex(/^[A-Z]{1,3}$/, 'must be a column letter like C');

export const importInput = z.object({
  fileName: z.string().trim().min(1, 'must not be empty').max(260),
  /** The file's bytes, base64 (the same in Electron and browser mode). */
  dataBase64: z
    .string()
    .min(1, 'the file is empty')
    .max(
      Math.ceil(importLimits.fileBytes / 3) * 4,
      `the file is too large to import; ${describeLimit('fileBytes')}`,
    ),
  sheet: z.string().max(200).optional(),
  mapping: importMapping.optional(),
  createMeasures: z.boolean().default(false),
  /** How bare years ("2024") are read in every column that does not say (`cpb import --years`). */
  years: bareYearReading.optional(),
  /** …and column by column, as answered in the wizard (`--column-years D=calendar`). */
  columnYears: z.record(letter, bareYearReading).optional(),
  /** areas layout: the board's own authority, by name or code (default: the board's authority). */
  authority: z.string().trim().max(200).optional(),
  /** areas layout: the measure the sheet's figures are for, by code. */
  measure: z.string().trim().max(20).optional(),
  /** Apply the target and polarity the sheet gives to measures already on the board. */
  applySettings: z.boolean().default(false),
});
export type ImportInput = z.input<typeof importInput>;

export const importPreview = z.object({
  sheets: z.array(z.string()),
  sheet: z.string(),
  layout: importLayout.nullable(),
  mapping: importMapping.nullable(),
  columns: z.array(
    z.object({ column: z.string(), header: z.string(), role: importRole, period: z.string().nullable() }),
  ),
  /** The first rows of the sheet as shown (row number and cell texts, A onwards). */
  rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  changes: z.array(importChange),
  changesTruncated: z.boolean(),
  problems: z.array(importProblem),
  summary: importSummary,
  /**
   * How each column's periods were read: the period, in words, and a note where the label could
   * have meant something else ("2024" read as 2023-24: the year ending 31 March 2024).
   */
  readings: z.array(
    z.object({
      column: z.string(),
      header: z.string(),
      period: z.string().nullable(),
      label: z.string(),
      note: z.string(),
    }),
  ),
  /** Columns whose years cannot be read without an answer: asked once per column. */
  questions: z.array(
    z.object({
      column: z.string(),
      header: z.string(),
      /** A label from the column, e.g. "2024". */
      example: z.string(),
      /** The answer in force, if any (from the file's source, `years` or `columnYears`). */
      answer: bareYearReading.nullable(),
      options: z.array(z.object({ reading: bareYearReading, period: z.string(), label: z.string() })),
    }),
  ),
  /** Rows left out (totals, headings, footnotes, spacers, other authorities), each with why. */
  skippedRows: z.array(z.object({ row: z.number().int(), text: z.string(), reason: z.string() })),
  /** Publisher's symbols recorded as "no figure". */
  noFigures: z.array(
    z.object({
      row: z.number().int(),
      column: z.string(),
      code: z.string(),
      kind: z.enum(['value', 'england', 'neighbours', 'region']),
      period: z.string(),
      symbol: z.string(),
      note: z.string(),
    }),
  ),
  /** Target and polarity the sheet gives that differ from the board's: applied only with `applySettings`. */
  settings: z.array(
    z.object({
      row: z.number().int(),
      code: z.string(),
      field: z.enum(['target', 'polarity']),
      from: z.string(),
      to: z.string(),
    }),
  ),
  /** areas layout: which row is the board's, which rows became comparators, and which measure the sheet is. */
  areas: z
    .object({
      own: z.object({ row: z.number().int(), name: z.string() }).nullable(),
      comparators: z.array(
        z.object({
          row: z.number().int(),
          name: z.string(),
          kind: z.enum(['england', 'neighbours', 'region']),
        }),
      ),
      measure: z.object({ code: z.string(), how: z.string() }).nullable(),
    })
    .nullable(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importsApi = {
  'import.preview': query(
    'Reads a CSV or XLSX file, guesses its layout and columns, and lists what an import would change and every problem; writes nothing',
    importInput,
    importPreview,
    { slow: true },
  ),
  'import.commit': command(
    'Imports the figures in one transaction; refused (nothing written) while any problem remains',
    importInput,
    z.object({ sheet: z.string(), summary: importSummary, measuresCreated: z.array(z.string()) }),
    { slow: true, invalidates: readersOf('measures', 'cohort') },
  ),
};
