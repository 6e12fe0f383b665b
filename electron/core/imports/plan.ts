/**
 * Interpreting a sheet: reads it through the mapping, checks every cell against the board, and
 * works out what an import would change. Writes nothing (index.ts commits the plan).
 *
 * What it understands, beyond a tidy table: periods however councils and the DfE write them (and
 * which reading it took), bare years read only with a stated reading, comparator columns with
 * their own year, authorities as rows (the board's own, England, its region and statistical
 * neighbours), a row per period with measures across, publishers' suppression symbols, and the
 * total, heading, spacer and footnote rows a real workbook has — each skipped row listed.
 */
import type {
  ImportChange,
  ImportMapping,
  ImportPreview,
  ImportProblem,
  ImportRole,
  ImportSummary,
} from '../../../shared/api/imports';
import {
  comparePeriods,
  needsBareYearReading,
  parsePeriod,
  periodFitsFrequency,
  periodLabel,
  readPeriod,
  type BareYearReading,
  type Period,
  type YearBasis,
} from '../../../shared/domain/periods';
import { defaultTolerance } from '../../../shared/domain/rag';
import type { DB } from '../store/board-file';
import type { Frequency } from '../store/measures';
import {
  boardAuthority,
  importCohort,
  importComparators,
  importMeasures,
  importNoFigures,
  importValues,
  type ImportMeasureRow,
} from '../store/imports';
import { periodText, readBreakdown, readNumber, readPolarity, type Breakdown } from './cells';
import { looksDfeSourced, readHeaders, REGION_NAMES, type ColumnHeader } from './detect';
import { cellAt, columnIndex, EMPTY, type GridCell, type Sheet } from './grid';
import { readSymbol } from './symbols';

type Unit = 'percent' | 'number' | 'days' | 'rate10k' | 'score';
type Kind = 'england' | 'neighbours' | 'region';
type Status = 'new' | 'changed' | 'unchanged';

export interface NewMeasure {
  code: string;
  title: string;
  unit: Unit;
  polarity: 'higher' | 'lower' | 'neither';
  target: number | null;
  frequency: 'monthly' | 'quarterly' | 'annual';
  yearBasis: YearBasis;
}
export interface ValueWrite {
  code: string;
  measureId: number | null;
  period: string;
  value: number;
  note: string | null;
  status: Status;
}
export interface ComparatorWrite {
  code: string;
  measureId: number | null;
  kind: Kind;
  period: string;
  value: number;
  status: Status;
}
export interface CohortWrite {
  period: string;
  breakdown: Breakdown;
  category: string;
  count: number;
  sort: number;
  status: Status;
}
export interface NoFigureWrite {
  code: string;
  measureId: number | null;
  kind: 'value' | Kind;
  period: string;
  symbol: string;
  note: string;
  status: Status;
}
export interface SettingWrite {
  code: string;
  measureId: number;
  field: 'target' | 'polarity';
  value: number | string;
}

export interface PlanOptions {
  createMeasures: boolean;
  years?: BareYearReading;
  columnYears?: Record<string, BareYearReading>;
  authority?: string;
  measure?: string;
  applySettings?: boolean;
}

export interface Plan {
  headers: ColumnHeader[];
  problems: ImportProblem[];
  changes: ImportChange[];
  newMeasures: NewMeasure[];
  values: ValueWrite[];
  comparators: ComparatorWrite[];
  cohort: CohortWrite[];
  noFigureWrites: NoFigureWrite[];
  settingWrites: SettingWrite[];
  summary: ImportSummary;
  readings: ImportPreview['readings'];
  questions: ImportPreview['questions'];
  skippedRows: ImportPreview['skippedRows'];
  noFigures: ImportPreview['noFigures'];
  settings: ImportPreview['settings'];
  areas: ImportPreview['areas'];
}

const UNIT_WORDS: Record<Unit, string> = {
  percent: 'a percentage',
  number: 'a number',
  days: 'days',
  rate10k: 'a rate per 10,000',
  score: 'a score',
};

const READINGS: BareYearReading[] = ['ending', 'calendar', 'starting'];

type MeasureRow = ImportMeasureRow;

/** A row that totals others: never a measure, never a figure. */
const TOTAL_RE = /^(total|totals|grand total|sub-?total|all|all measures|sum|overall|ytd|year to date)\b/i;
/** Text that starts a note under a table. */
const FOOTNOTE_RE =
  /^(source|sources|note|notes|\[note|\*|†|‡|\[?\d+\]|\(\d+\)|\d+[.)]\s|footnote|key|please note|nb\b|x =|c =|z =)/i;

/** Words a comparator header wraps its year in ("England average 2022/23"). */
const COMPARATOR_WORDS = new RegExp(
  `\\b(${[
    'england',
    'national',
    'eng',
    'statistical neighbours?',
    'stat\\.? neighbours?',
    'neighbours?',
    'neighbors?',
    'sn',
    'regional',
    'region',
    'average',
    'avg',
    'mean',
    'rate',
    'figure',
    ...REGION_NAMES.map((r) => r.replace(/ /g, '\\s+')),
  ].join('|')})\\b|[()%:]`,
  'gi',
);

function comparatorPeriodText(header: string): string {
  return header.replace(COMPARATOR_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

/** "northshire county council" → "northshire": how authorities are matched by name. */
function authorityKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/&/g, ' and ')
    .replace(
      /\b(the|council|county|borough|city|metropolitan|district|royal|of|cc|mbc|bc|dc|ua|unitary|authority|london borough)\b/g,
      ' ',
    )
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const WORD_RE = /[a-z0-9]+/g;
const STOP = new Set([
  'the',
  'of',
  'and',
  'in',
  'by',
  'for',
  'to',
  'a',
  'at',
  'per',
  'children',
  'child',
  'table',
  'number',
  'percentage',
  'local',
  'authority',
  'england',
  'years',
  'year',
]);
const words = (s: string) => new Set((s.toLowerCase().match(WORD_RE) ?? []).filter((w) => !STOP.has(w)));

/** Reads the sheet through the mapping, checks every cell against the board, and works out what would change. */
export function planImport(db: DB, sheet: Sheet, mapping: ImportMapping, opts: PlanOptions): Plan {
  const headers = readHeaders(sheet, mapping.headerRow, mapping.headerDepth);
  const roleOf = new Map<number, ImportRole>();
  const measureOfCol = new Map<number, string>();
  for (const c of mapping.columns) {
    roleOf.set(columnIndex(c.column), c.role);
    if (c.measure) measureOfCol.set(columnIndex(c.column), c.measure);
  }
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
  const rowText = (r: number) =>
    (sheet.rows[r] ?? [])
      .filter((c) => c.kind !== 'empty' && !c.mergedFrom)
      .map((c) => c.text.trim())
      .join(' · ')
      .slice(0, 160);

  const skippedRows: Plan['skippedRows'] = [];
  const skipRow = (r: number, reason: string) => skippedRows.push({ row: r + 1, text: rowText(r), reason });

  for (const role of [
    'code',
    'title',
    'target',
    'polarity',
    'comment',
    'periodName',
    'value',
    'note',
    'breakdown',
    'category',
    'area',
    'areaCode',
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

  // ---- How years are read, column by column
  const dfe = looksDfeSourced(sheet, mapping.headerRow);
  const readingSource = new Map<string, string>();
  /** A reading's note, saying where the reading came from. */
  const sourced = (letter: string, note: string): string => {
    const source = readingSource.get(letter);
    if (!note || !source) return note;
    return source === 'dfe' ? `${note}; the sheet is from the DfE or LAIT` : `${note} (${source})`;
  };
  const readingFor = (letter: string): BareYearReading | undefined => {
    const r = opts.columnYears?.[letter] ?? opts.years ?? (dfe ? 'ending' : undefined);
    return r;
  };
  const questions: Plan['questions'] = [];
  const asked = new Set<string>();
  /** Registers a column whose labels need a reading; a problem when none is in force. */
  const ask = (col: number, example: string, rowIndex: number | null) => {
    const h = headers[col]!;
    if (asked.has(h.letter)) return;
    asked.add(h.letter);
    const answer = readingFor(h.letter) ?? null;
    questions.push({
      column: h.letter,
      header: h.text,
      example,
      answer,
      options: READINGS.map((reading) => {
        const p = readPeriod(example, { bareYear: reading });
        return {
          reading,
          period: p.period?.canonical ?? '',
          label: p.period ? periodLabel(p.period.canonical) : '',
        };
      }).filter((o) => o.period !== ''),
    });
    if (!answer)
      problem(
        rowIndex ?? headerRowIndex,
        col,
        `"${example}" is a year on its own, which is ambiguous: say how this column's years are written (the year ending in it, as DfE and LAIT write them; the calendar year; or the year starting in it) in the import wizard, or with cpb import --years ending|calendar|starting`,
      );
    else
      readingSource.set(
        h.letter,
        opts.columnYears?.[h.letter] ? 'as answered' : opts.years ? 'as asked' : 'dfe',
      );
  };

  /** Labels read in a period column (long and down layouts), each listed once with its reading. */
  const labelReadings = new Set<string>();
  const noteLabel = (col: number, label: string, period: Period, note: string) => {
    if (labelReadings.size >= 200) return;
    const key = `${col}|${label.trim()}`;
    if (labelReadings.has(key)) return;
    labelReadings.add(key);
    readings.push({
      column: headers[col]?.letter ?? '',
      header: label.trim(),
      period: period.canonical,
      label: periodLabel(period.canonical),
      note: sourced(headers[col]?.letter ?? '', note),
    });
  };

  /**
   * Each distinct label is read once per reading and basis: a long table repeats the same few
   * hundred period labels over thousands of rows.
   */
  const ambiguous = new Map<string, boolean>();
  const needsReading = (t: string): boolean => {
    let hit = ambiguous.get(t);
    if (hit === undefined) ambiguous.set(t, (hit = needsBareYearReading(t)));
    return hit;
  };
  // By reading and basis, then the label as written (no key built per row).
  const labelsRead = new Map<string, Map<string, ReturnType<typeof readPeriod>>>();
  const readOnce = (t: string, reading: BareYearReading | undefined, basis: YearBasis) => {
    const way = `${reading ?? ''}|${basis}`;
    let read = labelsRead.get(way);
    if (!read) labelsRead.set(way, (read = new Map()));
    let hit = read.get(t);
    if (!hit) read.set(t, (hit = readPeriod(t, { bareYear: reading, yearBasis: basis })));
    return hit;
  };

  /** Reads a label in a column: its period, or why not. Ambiguous labels ask the column's question. */
  const readLabel = (
    texts: string[],
    col: number,
    basis: YearBasis,
    rowIndex: number | null,
  ): { period: Period; note: string } | { period: null; error: string } => {
    const letter = headers[col]?.letter ?? '';
    const reading = readingFor(letter);
    let firstError = '';
    for (const t of texts) {
      if (!t.trim()) continue;
      if (needsReading(t)) ask(col, t.trim(), rowIndex);
      const r = readOnce(t, reading, basis);
      if (r.period) return { period: r.period, note: r.note };
      firstError ||= r.error;
    }
    return { period: null, error: firstError || 'it is empty' };
  };

  // What the board holds now.
  const measures = new Map<string, MeasureRow>();
  for (const m of importMeasures(db)) measures.set(m.code.toLowerCase(), m);
  // By measure, then period: looked up for every figure, so no key is built per row.
  const valuesOf = new Map<number, Map<string, { value: number; note: string }>>();
  for (const [measureId, period, value, note] of importValues(db)) {
    let held = valuesOf.get(measureId);
    if (!held) valuesOf.set(measureId, (held = new Map()));
    held.set(period, { value, note });
  }
  const existingValue = (measureId: number, period: string) => valuesOf.get(measureId)?.get(period);
  // Comparators are read when the sheet has one (a table of the board's own figures never does).
  let comparatorsHeld: Map<string, number> | null = null;
  const existingComparator = (measureId: number, kind: Kind, period: string): number | undefined => {
    if (!comparatorsHeld) {
      comparatorsHeld = new Map();
      for (const c of importComparators(db))
        comparatorsHeld.set(`${c.measure_id}|${c.kind}|${c.period}`, c.value);
    }
    return comparatorsHeld.get(`${measureId}|${kind}|${period}`);
  };
  const existingNoFigures = new Map<string, string>();
  for (const n of importNoFigures(db))
    existingNoFigures.set(`${n.measure_id}|${n.kind}|${n.period}`, n.symbol);

  const newMeasures: NewMeasure[] = [];
  const values: ValueWrite[] = [];
  const comparators: ComparatorWrite[] = [];
  const cohort: CohortWrite[] = [];
  const noFigureWrites: NoFigureWrite[] = [];
  const noFigures: Plan['noFigures'] = [];
  const settingWrites: SettingWrite[] = [];
  const settings: Plan['settings'] = [];
  const readings: Plan['readings'] = [];
  const changes: ImportChange[] = [];
  let skipped = 0;
  /**
   * The row each (measure, kind, period) was first given on: by measure and kind, then period, so
   * no key is built and kept per figure (the period is the label's own reading, shared).
   */
  const seenRows = new Map<string, Map<string, number>>();
  const seenOf = (m: Resolved, kind: 'value' | Kind): Map<string, number> => {
    const key = `${m.code.toLowerCase()}|${kind}`;
    let rows = seenRows.get(key);
    if (!rows) seenRows.set(key, (rows = new Map()));
    return rows;
  };
  let areas: Plan['areas'] = null;

  /** Finds the measure for a code, or plans its creation; reports why not. */
  type Resolved = { id: number | null; code: string; unit: Unit; frequency: Frequency; yearBasis: YearBasis };
  const resolveMeasure = (
    r: number,
    codeCol: number,
    code: string,
    describe: () => NewMeasure | string,
  ): Resolved | null => {
    const known = measures.get(code.toLowerCase());
    if (known) return known;
    const planned = newMeasures.find((m) => m.code.toLowerCase() === code.toLowerCase());
    if (planned) return { id: null, ...planned };
    if (!opts.createMeasures) {
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
    return { id: null, ...d };
  };

  /** Whether each period fits each frequency, worked out once per pair (not per figure). */
  const fitting = new Map<Frequency, Map<string, string>>();
  const fits = (r: number, col: number, m: Resolved, period: string): boolean => {
    let known = fitting.get(m.frequency);
    if (!known) fitting.set(m.frequency, (known = new Map()));
    let why = known.get(period);
    if (why === undefined) known.set(period, (why = periodFitsFrequency(period, m.frequency)));
    if (why) {
      problem(r, col, why.replace('the measure', `measure ${m.code}`));
      return false;
    }
    return true;
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
    if (!fits(r, periodCol, m, period)) return;
    const seen = seenOf(m, 'value');
    const before = seen.get(period);
    if (before !== undefined) {
      problem(r, c, `measure ${m.code}, ${period} is given twice (also on row ${before + 1})`);
      return;
    }
    seen.set(period, r);
    const old = m.id === null ? undefined : existingValue(m.id, period);
    const status: Status = !old
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

  const addComparator = (r: number, c: number, m: Resolved, kind: Kind, period: string, value: number) => {
    const seen = seenOf(m, kind);
    const before = seen.get(period);
    if (before !== undefined) {
      problem(
        r,
        c,
        `measure ${m.code}: the ${kind} figure for ${period} is given twice (also on row ${before + 1})`,
      );
      return;
    }
    seen.set(period, r);
    const old = m.id === null ? undefined : existingComparator(m.id, kind, period);
    const status: Status = old === undefined ? 'new' : old !== value ? 'changed' : 'unchanged';
    comparators.push({ code: m.code, measureId: m.id, kind, period, value, status });
    changes.push({
      row: r + 1,
      kind: 'comparator',
      subject: m.code,
      detail: kind,
      period,
      value,
      previous: old ?? null,
      status,
    });
  };

  const addNoFigure = (
    r: number,
    c: number,
    m: Resolved,
    kind: 'value' | Kind,
    period: string,
    sym: { symbol: string; note: string },
  ) => {
    const symbol = { symbol: sym.symbol, note: sym.note };
    if (kind === 'value' && !fits(r, c, m, period)) return;
    const seen = seenOf(m, kind);
    if (seen.has(period)) {
      problem(r, c, `measure ${m.code}, ${period} is given twice (also on row ${seen.get(period)! + 1})`);
      return;
    }
    seen.set(period, r);
    const letter = headers[c]?.letter ?? '';
    // A figure the board already holds is kept: a later release that suppresses it does not erase it.
    const held =
      m.id === null
        ? undefined
        : kind === 'value'
          ? existingValue(m.id, period)?.value
          : existingComparator(m.id, kind, period);
    noFigures.push({
      row: r + 1,
      column: letter,
      code: m.code,
      kind,
      period,
      symbol: symbol.symbol,
      note: held === undefined ? symbol.note : `${symbol.note}; the board's figure (${held}) is kept`,
    });
    if (held !== undefined) {
      skipped++;
      return;
    }
    const old = m.id === null ? undefined : existingNoFigures.get(`${m.id}|${kind}|${period}`);
    const status: Status = old === undefined ? 'new' : old !== symbol.symbol ? 'changed' : 'unchanged';
    noFigureWrites.push({ code: m.code, measureId: m.id, kind, period, ...symbol, status });
  };

  type Figure =
    { kind: 'none' } | { kind: 'number'; value: number } | { kind: 'symbol'; symbol: string; note: string };
  const readFigure = (r: number, c: number, unit: Unit | null): Figure | null => {
    const cell = dataCell(r, c);
    const sym = cell.kind === 'text' ? readSymbol(cell.text) : null;
    if (sym) return { kind: 'symbol', ...sym };
    const reading = readNumber(cell);
    if (reading.kind === 'none') {
      skipped++;
      return { kind: 'none' };
    }
    if (reading.kind === 'error') {
      problem(r, c, reading.reason);
      return null;
    }
    if (reading.percent && unit && unit !== 'percent') {
      problem(r, c, `"${cell.text}" is a percentage, but this measure is ${UNIT_WORDS[unit]}`);
      return null;
    }
    return { kind: 'number', value: reading.value };
  };

  /** Reads a cell into a value, a comparator or a "no figure". */
  const take = (
    r: number,
    c: number,
    m: Resolved,
    kind: 'value' | Kind,
    period: string,
    note: string | null,
  ) => {
    const f = readFigure(r, c, m.unit);
    if (!f || f.kind === 'none') return;
    if (f.kind === 'symbol') addNoFigure(r, c, m, kind, period, f);
    else if (kind === 'value') addValue(r, c, m, period, f.value, note);
    else if (fits(r, c, m, period)) addComparator(r, c, m, kind, period, f.value);
  };

  /** The period a period column names for a measure counting `basis` years; null with a problem reported once. */
  const periodCols = colsWith('period');
  const columnPeriods = new Map<string, string | null>();
  const periodOfColumn = (col: number, basis: YearBasis): string | null => {
    const key = `${col}|${basis}`;
    if (columnPeriods.has(key)) return columnPeriods.get(key)!;
    const h = headers[col]!;
    const r = readLabel(h.candidates, col, basis, headerRowIndex);
    const period = r.period?.canonical ?? null;
    columnPeriods.set(key, period);
    if (basis === 'financial' || !columnPeriods.has(`${col}|financial`)) {
      if (r.period) {
        readings.push({
          column: h.letter,
          header: h.text,
          period,
          label: periodLabel(period!),
          note: sourced(h.letter, r.note),
        });
      } else if (!asked.has(h.letter) || readingFor(h.letter))
        problem(headerRowIndex, col, `the column header is not a period: ${r.error}`);
    }
    return period;
  };

  /** Checks the period columns up front (financial reading), so each unreadable header is one problem. */
  const checkPeriodColumns = () => {
    const seen = new Map<string, number>();
    for (const i of periodCols) {
      const p = periodOfColumn(i, 'financial');
      if (!p) continue;
      const before = seen.get(p);
      if (before !== undefined) {
        problem(headerRowIndex, i, `period ${p} is also the header of column ${headers[before]?.letter}`);
        continue;
      }
      seen.set(p, i);
    }
    if (periodCols.length === 0 && problems.length === 0)
      problem(
        null,
        null,
        'no column has a period in its header (such as 2025-26 Q1, Q1 24/25, 2024 or Jun-25)',
      );
  };

  /** The latest period column for a basis (what a comparator without its own year is for). */
  const latestPeriod = (basis: YearBasis): string | null =>
    periodCols
      .map((c) => periodOfColumn(c, basis))
      .filter((p): p is string => p !== null)
      .sort(comparePeriods)
      .at(-1) ?? null;

  // Comparator columns: each with the year in its header, or the latest period's.
  const comparatorCols: { col: number; kind: Kind; text: string }[] = [];
  for (const kind of ['england', 'neighbours', 'region'] as Kind[])
    for (const col of colsWith(kind))
      comparatorCols.push({ col, kind, text: comparatorPeriodText(headers[col]!.text) });
  const comparatorNoted = new Set<number>();
  const comparatorPeriod = (
    cc: { col: number; kind: Kind; text: string },
    basis: YearBasis,
  ): string | null => {
    const h = headers[cc.col]!;
    if (cc.text) {
      const r = readLabel([cc.text], cc.col, basis, headerRowIndex);
      if (!r.period) {
        if (!comparatorNoted.has(cc.col) && !asked.has(h.letter))
          problem(headerRowIndex, cc.col, `the year in this comparator's header cannot be read: ${r.error}`);
        comparatorNoted.add(cc.col);
        return null;
      }
      if (!comparatorNoted.has(cc.col))
        readings.push({
          column: h.letter,
          header: h.text,
          period: r.period.canonical,
          label: periodLabel(r.period.canonical),
          note: sourced(h.letter, r.note),
        });
      comparatorNoted.add(cc.col);
      return r.period.canonical;
    }
    const latest = latestPeriod(basis);
    if (latest && !comparatorNoted.has(cc.col))
      readings.push({
        column: h.letter,
        header: h.text,
        period: latest,
        label: periodLabel(latest),
        note: `no year in this comparator's header: read as for ${latest}, the latest period in the sheet`,
      });
    comparatorNoted.add(cc.col);
    return latest;
  };

  const isBlankRow = (r: number) => (sheet.rows[r] ?? []).every((c) => c.kind === 'empty' || c.mergedFrom);

  // ---------------------------------------------------------------- wide
  if (mapping.layout === 'wide') {
    checkPeriodColumns();
    const codeCol = one('code');
    const titleCol = one('title');
    const targetCol = one('target');
    const polarityCol = one('polarity');
    const commentCol = one('comment');
    if (codeCol === null)
      problem(null, null, 'no column is the measure code column: choose which column holds the codes');
    else {
      const codeRows = new Map<string, number>();
      const figureCols = [...periodCols, ...comparatorCols.map((k) => k.col)];
      for (let r = dataStart; r < sheet.rows.length; r++) {
        if (isBlankRow(r)) {
          skipRow(r, 'blank (spacer) row');
          continue;
        }
        const code = textOf(r, codeCol);
        const hasFigures = figureCols.some((c) => dataCell(r, c).kind !== 'empty');
        const title = textOf(r, titleCol);
        if (TOTAL_RE.test(code) || (!code && TOTAL_RE.test(title))) {
          skipRow(r, 'a total row: totals are not measures');
          continue;
        }
        if (!code) {
          if (hasFigures) problem(r, codeCol, 'there is no measure code, but the row has figures');
          else skipRow(r, FOOTNOTE_RE.test(rowText(r)) ? 'a footnote' : 'a heading or note');
          continue;
        }
        if (!hasFigures && (!title || FOOTNOTE_RE.test(code) || code.length > 30 || /\s\S+\s/.test(code))) {
          skipRow(r, FOOTNOTE_RE.test(code) ? 'a footnote' : 'a heading or note');
          continue;
        }
        const firstRow = codeRows.get(code.toLowerCase());
        if (firstRow !== undefined) {
          problem(r, codeCol, `measure ${code} is already on row ${firstRow + 1}`);
          continue;
        }
        codeRows.set(code.toLowerCase(), r);

        // Target and polarity as the sheet gives them.
        let target: number | null | undefined;
        let targetPercent = false;
        let rowOk = true;
        if (targetCol !== null) {
          const t = readNumber(dataCell(r, targetCol));
          if (t.kind === 'error') {
            problem(r, targetCol, `the target: ${t.reason}`);
            rowOk = false;
          } else if (t.kind === 'number') {
            target = t.value;
            targetPercent = t.percent;
          }
        }
        let polarity: NewMeasure['polarity'] | undefined;
        const pText = textOf(r, polarityCol);
        if (pText) {
          const p = readPolarity(pText);
          if (!p) {
            problem(r, polarityCol, `"${pText}" is not a polarity: use higher, lower or neither`);
            rowOk = false;
          } else polarity = p;
        }

        const m = resolveMeasure(r, codeCol, code, () => {
          let ok = rowOk;
          if (!title) {
            problem(
              r,
              titleCol ?? codeCol,
              `measure ${code} is not on this board, and there is no title to create it with`,
            );
            ok = false;
          }
          let percentSeen = targetPercent || /%|percentage|proportion/i.test(title);
          for (const c of periodCols) {
            const reading = readNumber(dataCell(r, c));
            if (reading.kind === 'number' && reading.percent) percentSeen = true;
          }
          const unit: Unit = percentSeen
            ? 'percent'
            : /\bdays\b/i.test(title)
              ? 'days'
              : /per 10,?000/i.test(title)
                ? 'rate10k'
                : 'number';
          const first = periodCols.map((c) => periodOfColumn(c, 'financial')).find((p) => p !== null);
          const kind = first ? parsePeriod(first)?.kind : 'quarter';
          const frequency = kind === 'month' ? 'monthly' : kind === 'quarter' ? 'quarterly' : 'annual';
          const yearBasis: YearBasis =
            kind === 'academic' ? 'academic' : kind === 'calendar' ? 'calendar' : 'financial';
          return ok
            ? {
                code,
                title,
                unit,
                polarity: polarity ?? 'neither',
                target: target ?? null,
                frequency,
                yearBasis,
              }
            : 'not created';
        });
        if (!m) continue;

        // A measure already on the board: the sheet's target and polarity are offered, not imposed.
        const known = m.id !== null ? measures.get(code.toLowerCase()) : undefined;
        if (known && rowOk) {
          if (target !== undefined && target !== known.target) {
            settings.push({
              row: r + 1,
              code: m.code,
              field: 'target',
              from: known.target === null ? 'no target' : String(known.target),
              to: String(target),
            });
            if (opts.applySettings && target !== null)
              settingWrites.push({ code: m.code, measureId: known.id, field: 'target', value: target });
          }
          if (polarity !== undefined && polarity !== known.polarity) {
            settings.push({
              row: r + 1,
              code: m.code,
              field: 'polarity',
              from: known.polarity,
              to: polarity,
            });
            if (opts.applySettings)
              settingWrites.push({ code: m.code, measureId: known.id, field: 'polarity', value: polarity });
          }
        }

        const comment = textOf(r, commentCol);
        const latest = latestPeriod(m.yearBasis);
        for (const c of periodCols) {
          const period = periodOfColumn(c, m.yearBasis);
          if (!period) continue;
          take(r, c, m, 'value', period, period === latest && comment ? comment : null);
        }
        for (const cc of comparatorCols) {
          const period = comparatorPeriod(cc, m.yearBasis);
          if (period) take(r, cc.col, m, cc.kind, period, null);
        }
      }
    }
  }

  // ---------------------------------------------------------------- long
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
        if (!code && pCell.kind === 'empty' && vCell.kind === 'empty') {
          skipRow(r, isBlankRow(r) ? 'blank (spacer) row' : 'a note');
          continue;
        }
        if (TOTAL_RE.test(code)) {
          skipRow(r, 'a total row: totals are not measures');
          continue;
        }
        if (!code) {
          problem(r, codeCol, 'there is no measure code');
          continue;
        }
        const title = textOf(r, titleCol);
        const pText = periodText(pCell);
        const known = measures.get(code.toLowerCase());
        const guessBasis: YearBasis = known?.yearBasis ?? 'financial';
        const read = readLabel([pText], periodCol!, guessBasis, r);
        if (!read.period && !(needsReading(pText) && !readingFor(headers[periodCol!]!.letter)))
          problem(r, periodCol, read.error);
        const period = read.period;
        if (read.period) noteLabel(periodCol!, pText, read.period, read.note);
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
            period?.kind === 'month' ? 'monthly' : period?.kind === 'quarter' ? 'quarterly' : 'annual';
          const yearBasis: YearBasis =
            period?.kind === 'academic' ? 'academic' : period?.kind === 'calendar' ? 'calendar' : 'financial';
          return { code, title, unit, polarity: 'neither', target: null, frequency, yearBasis };
        });
        if (!m || !period) {
          if (m) readFigure(r, valueCol!, m.unit);
          continue;
        }
        const note = textOf(r, noteCol);
        const f = readFigure(r, valueCol!, m.unit);
        if (!f || f.kind === 'none') continue;
        if (f.kind === 'symbol') addNoFigure(r, valueCol!, m, 'value', period.canonical, f);
        else addValue(r, valueCol!, m, period.canonical, f.value, noteCol === null ? null : note, periodCol!);
      }
    }
  }

  // ---------------------------------------------------------------- down (a row per period)
  if (mapping.layout === 'down') {
    const periodCol = one('periodName');
    const noteCol = one('note');
    const measureCols: { col: number; m: Resolved }[] = [];
    for (const col of colsWith('measure')) {
      const h = headers[col]!;
      const named = measureOfCol.get(col) ?? h.text;
      const byCode = measures.get(named.trim().toLowerCase());
      const byTitle = [...measures.values()].filter(
        (m) => m.title.trim().toLowerCase() === named.trim().toLowerCase(),
      );
      const m = byCode ?? (byTitle.length === 1 ? byTitle[0] : undefined);
      if (!m) {
        problem(
          headerRowIndex,
          col,
          `no measure on this board has the code or title "${named}": name the measure (set the column to one), or ignore the column`,
        );
        continue;
      }
      measureCols.push({ col, m });
    }
    if (periodCol === null) problem(null, null, 'no column holds the periods: choose which column does');
    else if (measureCols.length === 0 && problems.length === 0)
      problem(null, null, 'no column holds a measure’s figures: name the measure each column is for');
    else {
      for (let r = dataStart; r < sheet.rows.length; r++) {
        if (isBlankRow(r)) {
          skipRow(r, 'blank (spacer) row');
          continue;
        }
        const pText = periodText(dataCell(r, periodCol));
        const hasFigures = measureCols.some((x) => dataCell(r, x.col).kind !== 'empty');
        if (TOTAL_RE.test(pText.trim()) || /\b(total|ytd|year to date|average)\b/i.test(pText)) {
          skipRow(r, 'a total row: totals are not figures for a period');
          continue;
        }
        if (!hasFigures && !parsePeriod(pText) && !needsReading(pText)) {
          skipRow(r, FOOTNOTE_RE.test(pText.trim()) ? 'a footnote' : 'a heading or note');
          continue;
        }
        const note = noteCol === null ? null : textOf(r, noteCol);
        for (const { col, m } of measureCols) {
          const read = readLabel([pText], periodCol, m.yearBasis, r);
          if (!read.period) {
            if (!(needsReading(pText) && !readingFor(headers[periodCol]!.letter)))
              problem(r, periodCol, read.error);
            break;
          }
          noteLabel(periodCol, pText, read.period, read.note);
          take(r, col, m, 'value', read.period.canonical, note || null);
        }
      }
    }
  }

  // ---------------------------------------------------------------- areas (authorities as rows)
  if (mapping.layout === 'areas') {
    checkPeriodColumns();
    const areaCol = one('area');
    const codeCol = one('areaCode');
    // Which measure the sheet is for: as asked, else the one its title names.
    let measure: MeasureRow | undefined;
    let how = '';
    if (opts.measure) {
      measure = measures.get(opts.measure.toLowerCase());
      how = 'as chosen';
      if (!measure) problem(null, null, `there is no measure with the code "${opts.measure}" on this board`);
    } else {
      const title = [sheet.name, ...Array.from({ length: mapping.headerRow - 1 }, (_, r) => rowText(r))].join(
        ' ',
      );
      const tw = words(title);
      const scored = [...measures.values()]
        .map((m) => {
          const mw = words(`${m.title} ${m.dfeRef}`);
          let n = 0;
          for (const w of mw) if (tw.has(w)) n++;
          return { m, n, share: mw.size ? n / mw.size : 0 };
        })
        // Most of the measure's own words in the title, and at least three of them.
        .filter((x) => x.n >= 3 && x.share >= 0.75)
        .sort((a, b) => b.share - a.share || b.n - a.n);
      if (scored.length && (scored.length === 1 || scored[0]!.share > scored[1]!.share)) {
        measure = scored[0]!.m;
        how = `matched on the sheet's title ("${title.slice(0, 80).trim()}")`;
      } else
        problem(
          null,
          null,
          'which measure are these figures for? The sheet’s title does not name one measure on this board clearly: choose it in the import wizard, or with cpb import --measure CODE',
        );
    }
    const target = (opts.authority ?? boardAuthority(db)).trim();
    const key = authorityKey(target);
    if (areaCol === null && codeCol === null)
      problem(null, null, 'no column holds the local authority names or codes: choose which column does');
    else if (measure) {
      const m: Resolved = measure;
      areas = { own: null, comparators: [], measure: { code: m.code, how } };
      type AreaRow = { r: number; name: string; code: string; kind: 'own' | Kind | 'region?' | 'other' };
      const rows: AreaRow[] = [];
      for (let r = dataStart; r < sheet.rows.length; r++) {
        if (isBlankRow(r)) {
          skipRow(r, 'blank (spacer) row');
          continue;
        }
        const name = textOf(r, areaCol);
        const code = textOf(r, codeCol);
        const hasFigures = periodCols.some((c) => dataCell(r, c).kind !== 'empty');
        if (!hasFigures) {
          skipRow(r, FOOTNOTE_RE.test(rowText(r)) ? 'a footnote' : 'a heading or note');
          continue;
        }
        const n = name.toLowerCase().trim();
        let kind: AreaRow['kind'] = 'other';
        if (/^england\b/.test(n) && !/excl|without/.test(n)) kind = 'england';
        else if (/statistical neighbour|stat\.? neighbour|^sn\b|neighbours? (average|mean)/.test(n))
          kind = 'neighbours';
        else if ((REGION_NAMES as readonly string[]).includes(n.replace(/\s+region$/, ''))) kind = 'region?';
        if (
          kind === 'other' &&
          target &&
          ((name && authorityKey(name) === key && key !== '') ||
            (code && code.toLowerCase() === target.toLowerCase()))
        )
          kind = 'own';
        rows.push({ r, name: name || code, code, kind });
      }
      const own = rows.filter((x) => x.kind === 'own');
      if (own.length === 0)
        problem(
          null,
          areaCol ?? codeCol,
          target && key !== authorityKey('Your council')
            ? `no row is this board's authority ("${target}", looked for by name and code): choose your authority's row, by name or code, in the import wizard or with cpb import --authority NAME`
            : 'which row is your authority? The board has no authority name set: choose it by name or code in the import wizard, or with cpb import --authority NAME',
        );
      else if (own.length > 1)
        problem(
          own[1]!.r,
          areaCol ?? codeCol,
          `"${target}" matches rows ${own.map((x) => x.r + 1).join(' and ')}: give the authority's code instead`,
        );
      else {
        const mine = own[0]!;
        areas.own = { row: mine.r + 1, name: mine.name };
        // The region: the only region row, else the nearest one above the board's own row.
        const regionRows = rows.filter((x) => x.kind === 'region?');
        const region =
          regionRows.length === 1 ? regionRows[0] : regionRows.filter((x) => x.r < mine.r).at(-1);
        for (const x of rows) {
          let kind: 'own' | Kind | null = null;
          if (x === mine) kind = 'own';
          else if (x.kind === 'england' || x.kind === 'neighbours') kind = x.kind;
          else if (x === region) kind = 'region';
          if (kind === null) {
            skipRow(x.r, x.kind === 'region?' ? 'another region' : 'another local authority');
            continue;
          }
          if (kind !== 'own') areas.comparators.push({ row: x.r + 1, name: x.name, kind });
          for (const c of periodCols) {
            const period = periodOfColumn(c, m.yearBasis);
            if (period) take(x.r, c, m, kind === 'own' ? 'value' : kind, period, null);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- cohort
  if (mapping.layout === 'cohort') {
    checkPeriodColumns();
    const cohortPeriods = periodCols
      .map((c) => ({ index: c, period: periodOfColumn(c, 'financial') }))
      .filter((p): p is { index: number; period: string } => p.period !== null);
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
        const hasFigures = cohortPeriods.some((p) => dataCell(r, p.index).kind !== 'empty');
        let breakdown: Breakdown | null;
        if (breakdownCol !== null) {
          const bText = textOf(r, breakdownCol);
          if (!bText && !category && !hasFigures) continue;
          breakdown = readBreakdown(bText);
          if (!breakdown) {
            if (!hasFigures && !category) {
              skipRow(r, 'a footnote');
              continue;
            }
            problem(
              r,
              breakdownCol,
              `"${bText}" is not a breakdown: use age band, gender, legal status, placement type, ethnicity or time in care`,
            );
            continue;
          }
        } else {
          if (!hasFigures) {
            const heading = category ? readBreakdown(category) : null;
            if (category && !heading) skipRow(r, 'a footnote');
            current = category ? heading : current; // a block heading; other text is a footnote
            continue;
          }
          breakdown = current;
        }
        if (!category) {
          problem(r, categoryCol, 'there is no category, but the row has figures');
          continue;
        }
        if (/^(all|total|grand total)\b/i.test(category)) {
          skipRow(r, 'a total row: totals are worked out, not stored');
          continue;
        }
        if (!breakdown) {
          problem(
            r,
            categoryCol,
            `"${category}" has no breakdown heading above it (such as Age band or Gender)`,
          );
          continue;
        }
        const k = `${breakdown}|${category.toLowerCase()}`;
        const before = seen.get(k);
        if (before !== undefined) {
          problem(r, categoryCol, `"${category}" is already on row ${before + 1}`);
          continue;
        }
        seen.set(k, r);
        const sort = (sortIn.get(breakdown) ?? 0) + 1;
        sortIn.set(breakdown, sort);
        for (const p of cohortPeriods) {
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
          const status: Status = old === undefined ? 'new' : old !== reading.value ? 'changed' : 'unchanged';
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
  skippedRows.sort((a, b) => a.row - b.row);
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
    noFigureWrites,
    settingWrites,
    readings,
    questions,
    skippedRows,
    noFigures,
    settings,
    areas,
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
      noFigures: noFigures.length,
      settingsOffered: settings.length,
      settingsApplied: settingWrites.length,
      measuresToCreate: newMeasures.map((m) => m.code),
    },
  };
}

/** The amber band a measure created by an import gets (the unit's default). */
export function importedTolerance(m: NewMeasure): number {
  return defaultTolerance(m.unit, m.target);
}
