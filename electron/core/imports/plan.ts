import type {
  ImportChange,
  ImportMapping,
  ImportProblem,
  ImportRole,
  ImportSummary,
} from '../../../shared/api/imports';
import { comparePeriods, parsePeriod, periodError } from '../../../shared/domain/periods';
import type { DB } from '../store/board-file';
import type { Frequency } from '../store/measures';
import {
  importCohort,
  importComparators,
  importMeasures,
  importValues,
  type ImportMeasureRow,
} from '../store/imports';
import { periodText, readBreakdown, readNumber, readPolarity, type Breakdown } from './cells';
import { readHeaders, type ColumnHeader } from './detect';
import { cellAt, columnIndex, EMPTY, type GridCell, type Sheet } from './grid';

type Unit = 'percent' | 'number' | 'days' | 'rate10k' | 'score';
type Kind = 'england' | 'neighbours' | 'region';

export interface NewMeasure {
  code: string;
  title: string;
  unit: Unit;
  polarity: 'higher' | 'lower' | 'neither';
  target: number | null;
  frequency: 'monthly' | 'quarterly' | 'annual';
}
export interface ValueWrite {
  code: string;
  measureId: number | null;
  period: string;
  value: number;
  note: string | null;
  status: 'new' | 'changed' | 'unchanged';
}
export interface ComparatorWrite {
  code: string;
  measureId: number | null;
  kind: Kind;
  period: string;
  value: number;
  status: 'new' | 'changed' | 'unchanged';
}
export interface CohortWrite {
  period: string;
  breakdown: Breakdown;
  category: string;
  count: number;
  sort: number;
  status: 'new' | 'changed' | 'unchanged';
}

export interface Plan {
  headers: ColumnHeader[];
  problems: ImportProblem[];
  changes: ImportChange[];
  newMeasures: NewMeasure[];
  values: ValueWrite[];
  comparators: ComparatorWrite[];
  cohort: CohortWrite[];
  summary: ImportSummary;
}

const UNIT_WORDS: Record<Unit, string> = {
  percent: 'a percentage',
  number: 'a number',
  days: 'days',
  rate10k: 'a rate per 10,000',
  score: 'a score',
};

type MeasureRow = ImportMeasureRow;
const KIND_OF: Record<Frequency, string> = { monthly: 'month', quarterly: 'quarter', annual: 'year' };
const KIND_WORD: Record<string, string> = {
  month: 'a month',
  quarter: 'a quarter',
  year: 'a financial year',
};

/** Reads the sheet through the mapping, checks every cell against the board, and works out what would change. */
export function planImport(db: DB, sheet: Sheet, mapping: ImportMapping, createMeasures: boolean): Plan {
  const headers = readHeaders(sheet, mapping.headerRow, mapping.headerDepth);
  const roleOf = new Map<number, ImportRole>();
  for (const c of mapping.columns) roleOf.set(columnIndex(c.column), c.role);
  const colsWith = (role: ImportRole) =>
    headers.filter((h) => roleOf.get(h.index) === role).map((h) => h.index);
  const one = (role: ImportRole): number | null => colsWith(role)[0] ?? null;

  const problems: ImportProblem[] = [];
  const problem = (rowIndex: number | null, col: number | null, reason: string) =>
    problems.push({
      sheet: sheet.name,
      row: rowIndex === null ? null : rowIndex + 1,
      column: col === null ? null : (headers[col]?.letter ?? null),
      header: col === null ? '' : (headers[col]?.text ?? ''),
      reason,
    });
  const dataCell = (r: number, c: number | null): GridCell => {
    if (c === null) return EMPTY;
    const cell = cellAt(sheet, r, c);
    return cell.mergedFrom ? EMPTY : cell;
  };
  const textOf = (r: number, c: number | null) => dataCell(r, c).text.trim();

  for (const role of [
    'code',
    'title',
    'target',
    'polarity',
    'england',
    'neighbours',
    'region',
    'comment',
    'periodName',
    'value',
    'note',
    'breakdown',
    'category',
  ] as ImportRole[]) {
    const cols = colsWith(role);
    for (const extra of cols.slice(1))
      problem(
        null,
        extra,
        `only one column can be the ${role === 'periodName' ? 'period' : role} column; column ${headers[cols[0]!]?.letter} already is`,
      );
  }

  const headerRowIndex = mapping.headerRow - 1 + mapping.headerDepth - 1;
  const dataStart = mapping.headerRow - 1 + mapping.headerDepth;
  const periodCols: { index: number; period: string }[] = [];
  if (mapping.layout !== 'long') {
    const seen = new Map<string, number>();
    for (const i of colsWith('period')) {
      const h = headers[i]!;
      if (!h.period) {
        problem(
          headerRowIndex,
          i,
          `the column header is not a period: ${periodError(h.periodSource) || 'it is empty'}`,
        );
        continue;
      }
      const before = seen.get(h.period);
      if (before !== undefined) {
        problem(
          headerRowIndex,
          i,
          `period ${h.period} is also the header of column ${headers[before]?.letter}`,
        );
        continue;
      }
      seen.set(h.period, i);
      periodCols.push({ index: i, period: h.period });
    }
    if (periodCols.length === 0 && problems.length === 0)
      problem(null, null, 'no column has a period in its header (such as 2025-26 Q1, Q1 2025-26 or Jun-25)');
  }

  // What the board holds now.
  const measures = new Map<string, MeasureRow>();
  for (const m of importMeasures(db)) measures.set(m.code.toLowerCase(), m);
  const existingValues = new Map<string, { value: number; note: string }>();
  for (const v of importValues(db))
    existingValues.set(`${v.measure_id}|${v.period}`, { value: v.value, note: v.note });
  const existingComparators = new Map<string, number>();
  for (const c of importComparators(db))
    existingComparators.set(`${c.measure_id}|${c.kind}|${c.period}`, c.value);

  const newMeasures: NewMeasure[] = [];
  const values: ValueWrite[] = [];
  const comparators: ComparatorWrite[] = [];
  const cohort: CohortWrite[] = [];
  const changes: ImportChange[] = [];
  let skipped = 0;
  const valueSeen = new Map<string, number>();

  /** Finds the measure for a code, or plans its creation; reports why not. */
  type Resolved = { id: number | null; code: string; unit: Unit; frequency: Frequency };
  const resolveMeasure = (
    r: number,
    codeCol: number,
    code: string,
    describe: () => NewMeasure | string,
  ): Resolved | null => {
    const known = measures.get(code.toLowerCase());
    if (known) return known;
    const planned = newMeasures.find((m) => m.code.toLowerCase() === code.toLowerCase());
    if (planned) return { id: null, code: planned.code, unit: planned.unit, frequency: planned.frequency };
    if (!createMeasures) {
      problem(
        r,
        codeCol,
        `unknown measure code "${code}": no measure on this board has it (create it first, or let the import create measures that are new to the board (--create-measures))`,
      );
      return null;
    }
    const d = describe();
    if (typeof d === 'string') return null;
    newMeasures.push(d);
    return { id: null, code: d.code, unit: d.unit, frequency: d.frequency };
  };

  const addValue = (
    r: number,
    c: number,
    m: Resolved,
    period: string,
    value: number,
    note: string | null,
    periodCol = c,
  ) => {
    const kind = parsePeriod(period)?.kind ?? '';
    if (kind !== KIND_OF[m.frequency]) {
      problem(
        r,
        periodCol,
        `${period} is ${KIND_WORD[kind] ?? 'a period'}, but measure ${m.code} is reported ${m.frequency}`,
      );
      return;
    }
    const key = `${m.code.toLowerCase()}|${period}`;
    const before = valueSeen.get(key);
    if (before !== undefined) {
      problem(r, c, `measure ${m.code}, ${period} is given twice (also on row ${before + 1})`);
      return;
    }
    valueSeen.set(key, r);
    const old = m.id === null ? undefined : existingValues.get(`${m.id}|${period}`);
    const status = !old
      ? 'new'
      : old.value !== value || (note !== null && note !== old.note)
        ? 'changed'
        : 'unchanged';
    values.push({ code: m.code, measureId: m.id, period, value, note, status });
    changes.push({
      row: r + 1,
      kind: 'value',
      subject: m.code,
      detail: note ?? '',
      period,
      value,
      previous: old?.value ?? null,
      status,
    });
  };

  const readFigure = (r: number, c: number, unit: Unit | null): number | null => {
    const reading = readNumber(dataCell(r, c));
    if (reading.kind === 'none') {
      skipped++;
      return null;
    }
    if (reading.kind === 'error') {
      problem(r, c, reading.reason);
      return null;
    }
    if (reading.percent && unit && unit !== 'percent') {
      problem(r, c, `"${dataCell(r, c).text}" is a percentage, but this measure is ${UNIT_WORDS[unit]}`);
      return null;
    }
    return reading.value;
  };

  if (mapping.layout === 'wide') {
    const codeCol = one('code');
    const titleCol = one('title');
    const targetCol = one('target');
    const polarityCol = one('polarity');
    const commentCol = one('comment');
    const kinds = (['england', 'neighbours', 'region'] as Kind[])
      .map((k) => ({ kind: k, col: one(k) }))
      .filter((k) => k.col !== null) as { kind: Kind; col: number }[];
    const latest = [...periodCols].sort((a, b) => comparePeriods(a.period, b.period)).at(-1)?.period ?? null;
    if (codeCol === null)
      problem(null, null, 'no column is the measure code column: choose which column holds the codes');
    else {
      const codeRows = new Map<string, number>();
      for (let r = dataStart; r < sheet.rows.length; r++) {
        const code = textOf(r, codeCol);
        const figureCols = [...periodCols.map((p) => p.index), ...kinds.map((k) => k.col)];
        const hasFigures = figureCols.some((c) => dataCell(r, c).kind !== 'empty');
        const title = textOf(r, titleCol);
        if (!code) {
          if (hasFigures) problem(r, codeCol, 'there is no measure code, but the row has figures');
          continue;
        }
        if (!hasFigures && !title) continue; // blank row, section heading or footnote
        if (!hasFigures && (code.length > 30 || /\s{1}\S+\s/.test(code))) continue; // a footnote with a title-like cell
        const firstRow = codeRows.get(code.toLowerCase());
        if (firstRow !== undefined) {
          problem(r, codeCol, `measure ${code} is already on row ${firstRow + 1}`);
          continue;
        }
        codeRows.set(code.toLowerCase(), r);
        const m = resolveMeasure(r, codeCol, code, () => {
          let ok = true;
          if (!title) {
            problem(
              r,
              titleCol ?? codeCol,
              `measure ${code} is not on this board, and there is no title to create it with`,
            );
            ok = false;
          }
          let target: number | null = null;
          let percentSeen = /%|percentage|proportion/i.test(title);
          if (targetCol !== null) {
            const t = readNumber(dataCell(r, targetCol));
            if (t.kind === 'error') {
              problem(r, targetCol, `the target: ${t.reason}`);
              ok = false;
            } else if (t.kind === 'number') {
              target = t.value;
              percentSeen ||= t.percent;
            }
          }
          let polarity: NewMeasure['polarity'] = 'neither';
          const pText = textOf(r, polarityCol);
          if (pText) {
            const p = readPolarity(pText);
            if (!p) {
              problem(r, polarityCol, `"${pText}" is not a polarity: use higher, lower or neither`);
              ok = false;
            } else polarity = p;
          }
          for (const p of periodCols) {
            const reading = readNumber(dataCell(r, p.index));
            if (reading.kind === 'number' && reading.percent) percentSeen = true;
          }
          const unit: Unit = percentSeen
            ? 'percent'
            : /\bdays\b/i.test(title)
              ? 'days'
              : /per 10,?000/i.test(title)
                ? 'rate10k'
                : 'number';
          const kind = periodCols[0] ? parsePeriod(periodCols[0].period)?.kind : 'quarter';
          const frequency = kind === 'month' ? 'monthly' : kind === 'year' ? 'annual' : 'quarterly';
          return ok ? { code, title, unit, polarity, target, frequency } : 'not created';
        });
        if (!m) continue;
        const comment = textOf(r, commentCol);
        for (const p of periodCols) {
          const v = readFigure(r, p.index, m.unit);
          if (v !== null)
            addValue(r, p.index, m, p.period, v, p.period === latest && comment ? comment : null);
        }
        if (latest) {
          for (const k of kinds) {
            const v = readFigure(r, k.col, m.unit);
            if (v === null) continue;
            const old = m.id === null ? undefined : existingComparators.get(`${m.id}|${k.kind}|${latest}`);
            const status = old === undefined ? 'new' : old !== v ? 'changed' : 'unchanged';
            comparators.push({
              code: m.code,
              measureId: m.id,
              kind: k.kind,
              period: latest,
              value: v,
              status,
            });
            changes.push({
              row: r + 1,
              kind: 'comparator',
              subject: m.code,
              detail: k.kind,
              period: latest,
              value: v,
              previous: old ?? null,
              status,
            });
          }
        }
      }
    }
  }

  if (mapping.layout === 'long') {
    const codeCol = one('code');
    const periodCol = one('periodName');
    const valueCol = one('value');
    const noteCol = one('note');
    const titleCol = one('title');
    const missing = [
      codeCol === null ? 'measure code' : null,
      periodCol === null ? 'period' : null,
      valueCol === null ? 'value' : null,
    ].filter(Boolean);
    if (missing.length)
      problem(
        null,
        null,
        `a long table needs a ${missing.join(', a ')} column: choose which column holds it`,
      );
    else {
      for (let r = dataStart; r < sheet.rows.length; r++) {
        const code = textOf(r, codeCol);
        const pCell = dataCell(r, periodCol);
        const vCell = dataCell(r, valueCol);
        if (!code && pCell.kind === 'empty' && vCell.kind === 'empty') continue;
        if (!code) {
          problem(r, codeCol, 'there is no measure code');
          continue;
        }
        const pText = periodText(pCell);
        const period = parsePeriod(pText);
        if (!period) problem(r, periodCol, periodError(pText));
        const title = textOf(r, titleCol);
        const m = resolveMeasure(r, codeCol!, code, () => {
          if (!title) {
            problem(
              r,
              titleCol ?? codeCol,
              `measure ${code} is not on this board, and there is no title column to create it with`,
            );
            return 'not created';
          }
          const v = readNumber(vCell);
          const unit: Unit =
            (v.kind === 'number' && v.percent) || /%|percentage|proportion/i.test(title)
              ? 'percent'
              : /\bdays\b/i.test(title)
                ? 'days'
                : 'number';
          const frequency =
            period?.kind === 'month' ? 'monthly' : period?.kind === 'year' ? 'annual' : 'quarterly';
          return { code, title, unit, polarity: 'neither', target: null, frequency };
        });
        const v = readFigure(r, valueCol!, m?.unit ?? null);
        if (!m || !period || v === null) continue;
        const note = textOf(r, noteCol);
        addValue(r, valueCol!, m, period.canonical, v, noteCol === null ? null : note, periodCol!);
      }
    }
  }

  if (mapping.layout === 'cohort') {
    const breakdownCol = one('breakdown');
    const categoryCol = one('category');
    const existingCohort = new Map<string, number>();
    for (const c of importCohort(db))
      existingCohort.set(`${c.period}|${c.breakdown}|${c.category.toLowerCase()}`, c.count);
    if (categoryCol === null)
      problem(
        null,
        null,
        'no column is the cohort category column: choose which column holds the categories',
      );
    else {
      let current: Breakdown | null = null;
      const sortIn = new Map<string, number>();
      const seen = new Map<string, number>();
      for (let r = dataStart; r < sheet.rows.length; r++) {
        const category = textOf(r, categoryCol);
        const hasFigures = periodCols.some((p) => dataCell(r, p.index).kind !== 'empty');
        let breakdown: Breakdown | null;
        if (breakdownCol !== null) {
          const bText = textOf(r, breakdownCol);
          if (!bText && !category && !hasFigures) continue;
          breakdown = readBreakdown(bText);
          if (!breakdown) {
            if (!hasFigures && !category) continue; // a footnote
            problem(
              r,
              breakdownCol,
              `"${bText}" is not a breakdown: use age band, gender, legal status, placement type, ethnicity or time in care`,
            );
            continue;
          }
        } else {
          if (!hasFigures) {
            current = category ? readBreakdown(category) : current; // a block heading; other text is a footnote
            if (category && !current) current = null;
            continue;
          }
          breakdown = current;
        }
        if (!category) {
          problem(r, categoryCol, 'there is no category, but the row has figures');
          continue;
        }
        if (/^(all|total|grand total)\b/i.test(category)) continue; // totals are worked out, not stored
        if (!breakdown) {
          problem(
            r,
            categoryCol,
            `"${category}" has no breakdown heading above it (such as Age band or Gender)`,
          );
          continue;
        }
        const key = `${breakdown}|${category.toLowerCase()}`;
        const before = seen.get(key);
        if (before !== undefined) {
          problem(r, categoryCol, `"${category}" is already on row ${before + 1}`);
          continue;
        }
        seen.set(key, r);
        const sort = (sortIn.get(breakdown) ?? 0) + 1;
        sortIn.set(breakdown, sort);
        for (const p of periodCols) {
          const cell = dataCell(r, p.index);
          const reading = readNumber(cell);
          if (reading.kind === 'none') {
            skipped++;
            continue;
          }
          if (reading.kind === 'error') {
            problem(r, p.index, reading.reason);
            continue;
          }
          if (reading.percent || !Number.isInteger(reading.value) || reading.value < 0) {
            problem(r, p.index, `"${cell.text}" is not a count of children: use a whole number, 0 or more`);
            continue;
          }
          const old = existingCohort.get(`${p.period}|${breakdown}|${category.toLowerCase()}`);
          const status = old === undefined ? 'new' : old !== reading.value ? 'changed' : 'unchanged';
          cohort.push({ period: p.period, breakdown, category, count: reading.value, sort, status });
          changes.push({
            row: r + 1,
            kind: 'cohort',
            subject: breakdown,
            detail: category,
            period: p.period,
            value: reading.value,
            previous: old ?? null,
            status,
          });
        }
      }
    }
  }

  problems.sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || columnIndex(a.column ?? 'A') - columnIndex(b.column ?? 'A'),
  );
  const countOf = <T extends { status: string }>(list: T[], s: string) =>
    list.filter((x) => x.status === s).length;
  return {
    headers,
    problems,
    changes,
    newMeasures,
    values,
    comparators,
    cohort,
    summary: {
      valuesNew: countOf(values, 'new'),
      valuesChanged: countOf(values, 'changed'),
      valuesUnchanged: countOf(values, 'unchanged'),
      comparatorsNew: countOf(comparators, 'new'),
      comparatorsChanged: countOf(comparators, 'changed'),
      comparatorsUnchanged: countOf(comparators, 'unchanged'),
      cohortNew: countOf(cohort, 'new'),
      cohortChanged: countOf(cohort, 'changed'),
      cohortUnchanged: countOf(cohort, 'unchanged'),
      skipped,
      measuresToCreate: newMeasures.map((m) => m.code),
    },
  };
}
