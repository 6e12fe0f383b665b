import { z } from 'zod';
import { describeLimit, importLimits } from '../domain/import-limits';
import { command, query } from './method';
import { readersOf } from './stale';

// Importing figures from CSV / XLSX: preview (nothing written) and commit (all or nothing).

export const importLayouts = ['wide', 'long', 'cohort'] as const;
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
