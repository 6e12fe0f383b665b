import type { ImportMapping, ImportPreview, ImportProblem, ImportSummary } from '../../../shared/api/imports';
import type { Unit } from '../../../shared/domain/format';
import { valueDomainError } from '../../../shared/domain/value-domain';
import type { DB } from '../store/board-file';
import {
  importMeasures,
  clearImportedNoFigure,
  measuresWithNoFigures,
  insertImportedMeasure,
  insertImportedValues,
  lastMeasureSort,
  updateImportedNote,
  updateImportedSetting,
  updateImportedValue,
  upsertImportedCohort,
  upsertImportedComparator,
  upsertImportedNoFigure,
} from '../store/imports';
import { guessMapping } from './detect';
import { columnLetter, ImportFileError, readWorkbook, type Sheet } from './grid';
import { importedTolerance, planImport, type Plan, type PlanOptions } from './plan';

export { ImportFileError } from './grid';

export interface ImportRequest {
  fileName: string;
  data: Buffer;
  sheet?: string;
  mapping?: ImportMapping;
  createMeasures: boolean;
}

export interface Analysis {
  sheets: string[];
  sheet: Sheet;
  mapping: ImportMapping | null;
  plan: Plan;
}

const emptySummary = (): ImportSummary => ({
  valuesNew: 0,
  valuesChanged: 0,
  valuesUnchanged: 0,
  comparatorsNew: 0,
  comparatorsChanged: 0,
  comparatorsUnchanged: 0,
  cohortNew: 0,
  cohortChanged: 0,
  cohortUnchanged: 0,
  skipped: 0,
  noFigures: 0,
  settingsOffered: 0,
  settingsApplied: 0,
  measuresToCreate: [],
});

/** A spreadsheet read and understood: which sheet, and how its columns map. Not yet set against a board. */
export interface ReadImport {
  sheets: string[];
  sheet: Sheet;
  mapping: ImportMapping | null;
}

/** Reads the file, picks the sheet and guesses (or takes) the mapping. Slow (async); touches no board. */
export async function readImport(req: Omit<ImportRequest, 'createMeasures'>): Promise<ReadImport> {
  const sheets = await readWorkbook(req.fileName, req.data);
  const names = sheets.map((s) => s.name);
  let sheet: Sheet | undefined;
  if (req.sheet) {
    sheet =
      sheets.find((s) => s.name === req.sheet) ??
      sheets.find((s) => s.name.toLowerCase() === req.sheet!.trim().toLowerCase());
    if (!sheet)
      throw new ImportFileError(`there is no sheet called "${req.sheet}" (sheets: ${names.join(', ')})`);
  } else {
    // The first sheet that looks like a table of figures.
    sheet = sheets.find((s) => guessMapping(s) !== null) ?? sheets[0]!;
  }
  return { sheets: names, sheet, mapping: req.mapping ?? guessMapping(sheet) };
}

/** Plans every write against the board as it is now (inside the commit's transaction). Writes nothing. */
export function planRead(db: DB, read: ReadImport, opts: PlanOptions): Analysis {
  const { sheets, sheet, mapping } = read;
  if (!mapping) {
    return {
      sheets,
      sheet,
      mapping: null,
      plan: {
        headers: [],
        changes: [],
        newMeasures: [],
        values: [],
        comparators: [],
        cohort: [],
        noFigureWrites: [],
        settingWrites: [],
        readings: [],
        questions: [],
        skippedRows: [],
        noFigures: [],
        settings: [],
        areas: null,
        summary: emptySummary(),
        problems: [
          {
            sheet: sheet.name,
            row: null,
            column: null,
            header: '',
            reason:
              'no table of figures found: expected a header row with a Code column and period columns (a row per measure), measure_code, period and value columns (a row per figure), a Quarter or Period column with measures across (a row per period), a local authority column with England below it (a row per authority), or breakdown and category columns (cohort profile)',
          },
        ],
      },
    };
  }
  const plan = planImport(db, sheet, mapping, opts);
  plan.problems.push(...outOfDomain(db, sheet.name, plan));
  return { sheets, sheet, mapping, plan };
}

/**
 * Figures no unit can hold (a percentage of 1e308, a negative count): problems, by row, like any
 * other, so nothing is imported until the file is corrected.
 */
function outOfDomain(db: DB, sheetName: string, plan: Plan): ImportProblem[] {
  const units = new Map<string, Unit>();
  for (const m of importMeasures(db)) units.set(m.code.toLowerCase(), m.unit);
  for (const m of plan.newMeasures) units.set(m.code.toLowerCase(), m.unit);
  // The unit of each code as written (a file repeats a few codes over thousands of rows).
  const unitOf = new Map<string, Unit | undefined>();
  const unitOfCode = (code: string): Unit | undefined => {
    if (!unitOf.has(code)) unitOf.set(code, units.get(code.toLowerCase()));
    return unitOf.get(code);
  };
  const problems: ImportProblem[] = [];
  for (const c of plan.changes) {
    const unit = c.kind === 'cohort' ? 'number' : unitOfCode(c.subject);
    const why = unit ? valueDomainError(unit, c.value) : null;
    if (why)
      problems.push({
        sheet: sheetName,
        row: c.row,
        column: null,
        header: '',
        reason: `${c.kind === 'cohort' ? `${c.subject} ${c.detail}`.trim() : `measure ${c.subject}`}, ${c.period}${c.kind === 'comparator' ? ` (${c.detail || 'comparator'})` : ''}: ${why}`,
      });
  }
  return problems;
}

export function previewOf(a: Analysis): ImportPreview {
  const roleOf = new Map(a.mapping?.columns.map((c) => [c.column, c.role]) ?? []);
  const maxRows = 80;
  const width = Math.min(a.sheet.columnCount, 40);
  return {
    sheets: a.sheets,
    sheet: a.sheet.name,
    layout: a.mapping?.layout ?? null,
    mapping: a.mapping,
    columns: a.plan.headers.length
      ? a.plan.headers.slice(0, width).map((h) => ({
          column: h.letter,
          header: h.text,
          role: roleOf.get(h.letter) ?? 'ignore',
          // As read: a bare year ("2024") has a period once its reading is known.
          period:
            roleOf.get(h.letter) === 'period'
              ? (h.period ?? a.plan.readings.find((r) => r.column === h.letter)?.period ?? null)
              : h.period,
        }))
      : Array.from({ length: width }, (_, c) => ({
          column: columnLetter(c),
          header: '',
          role: 'ignore' as const,
          period: null,
        })),
    rows: a.sheet.rows
      .slice(0, maxRows)
      .map((r, i) => ({ row: i + 1, cells: Array.from({ length: width }, (_, c) => r[c]?.text ?? '') })),
    changes: a.plan.changes.slice(0, 2000),
    changesTruncated: a.plan.changes.length > 2000,
    problems: a.plan.problems,
    summary: a.plan.summary,
    readings: a.plan.readings,
    questions: a.plan.questions,
    skippedRows: a.plan.skippedRows.slice(0, 2000),
    noFigures: a.plan.noFigures.slice(0, 2000),
    settings: a.plan.settings,
    areas: a.plan.areas,
  };
}

/**
 * Writes the plan: measures to create, then values, comparators and cohort counts. Runs inside
 * the 'import.commit' command's transaction, so it is all or nothing.
 */
export function commitPlan(db: DB, fileName: string, plan: Plan): string[] {
  if (plan.problems.length) throw new Error('refusing to import while problems remain');
  const created: string[] = [];
  const s0 = plan.summary;
  const changes =
    s0.valuesNew +
    s0.valuesChanged +
    s0.comparatorsNew +
    s0.comparatorsChanged +
    s0.cohortNew +
    s0.cohortChanged +
    plan.noFigureWrites.filter((n) => n.status !== 'unchanged').length +
    plan.settingWrites.length +
    plan.newMeasures.length;
  if (changes === 0) return created; // importing the same file again changes nothing
  const ids = new Map<string, number>();
  let sort = lastMeasureSort(db);
  for (const m of plan.newMeasures) {
    sort += 1;
    const id = insertImportedMeasure(db, {
      code: m.code,
      title: m.title,
      unit: m.unit,
      polarity: m.polarity,
      target: m.target,
      tolerance: importedTolerance(m),
      frequency: m.frequency,
      yearBasis: m.yearBasis,
      source: `Imported from ${fileName}`,
      sort,
    });
    ids.set(m.code.toLowerCase(), id);
    created.push(m.code);
  }
  const idOf = (code: string, id: number | null) => id ?? ids.get(code.toLowerCase())!;
  // Only a measure with "no figure" marks can have one to clear (not one delete per figure).
  const marked = measuresWithNoFigures(db);
  const added: { measureId: number; period: string; value: number; note: string }[] = [];
  for (const v of plan.values) {
    if (v.status === 'unchanged') continue;
    const id = idOf(v.code, v.measureId);
    if (v.status === 'new')
      added.push({ measureId: id, period: v.period, value: v.value, note: v.note ?? '' });
    else {
      updateImportedValue(db, id, v.period, v.value);
      if (v.note !== null) updateImportedNote(db, id, v.period, v.note);
    }
    if (marked.has(id)) clearImportedNoFigure(db, id, 'value', v.period);
  }
  insertImportedValues(db, added);
  for (const c of plan.comparators)
    if (c.status !== 'unchanged') {
      const id = idOf(c.code, c.measureId);
      upsertImportedComparator(db, { measureId: id, kind: c.kind, period: c.period, value: c.value });
      if (marked.has(id)) clearImportedNoFigure(db, id, c.kind, c.period);
    }
  for (const n of plan.noFigureWrites)
    if (n.status !== 'unchanged')
      upsertImportedNoFigure(db, {
        measureId: idOf(n.code, n.measureId),
        kind: n.kind,
        period: n.period,
        symbol: n.symbol,
        note: n.note,
      });
  for (const s of plan.settingWrites) updateImportedSetting(db, s.measureId, s.field, s.value);
  for (const c of plan.cohort)
    if (c.status !== 'unchanged')
      upsertImportedCohort(db, {
        period: c.period,
        breakdown: c.breakdown,
        category: c.category,
        count: c.count,
        sort: c.sort,
      });
  return created;
}

/** One line per problem, as the command line prints them. */
export function describeProblem(
  fileName: string,
  p: { sheet: string; row: number | null; column: string | null; header: string; reason: string },
): string {
  const where = [`sheet ${p.sheet}`];
  if (p.row !== null) where.push(`row ${p.row}`);
  if (p.column !== null) where.push(`column ${p.column}${p.header ? ` (${p.header})` : ''}`);
  return `${fileName}, ${where.join(', ')}: ${p.reason}`;
}

/** "3 new, 0 changed, 42 unchanged values; …" */
export function describeSummary(s: ImportSummary, created: string[] = s.measuresToCreate): string[] {
  const lines = [`values: ${s.valuesNew} new, ${s.valuesChanged} changed, ${s.valuesUnchanged} unchanged`];
  if (s.comparatorsNew + s.comparatorsChanged + s.comparatorsUnchanged > 0)
    lines.push(
      `comparators: ${s.comparatorsNew} new, ${s.comparatorsChanged} changed, ${s.comparatorsUnchanged} unchanged`,
    );
  if (s.cohortNew + s.cohortChanged + s.cohortUnchanged > 0)
    lines.push(
      `cohort counts: ${s.cohortNew} new, ${s.cohortChanged} changed, ${s.cohortUnchanged} unchanged`,
    );
  if (s.skipped) lines.push(`cells with no figure (blank, n/a, -): ${s.skipped} skipped`);
  if (s.noFigures)
    lines.push(
      `figures published as suppressed or not available (c, x, z, low…): ${s.noFigures} recorded as no figure`,
    );
  if (s.settingsApplied) lines.push(`measure settings (target, polarity) changed: ${s.settingsApplied}`);
  else if (s.settingsOffered)
    lines.push(
      `measure settings (target, polarity) the sheet gives differently: ${s.settingsOffered}, not applied (--apply-settings)`,
    );
  if (created.length) lines.push(`measures created: ${created.join(', ')}`);
  return lines;
}
