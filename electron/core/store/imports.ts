/** Spreadsheet imports: what the board holds now (to compare a file against) and the writes of a commit. */
import type { Unit } from '../../../shared/domain/format';
import { periodSortKey } from '../../../shared/domain/period-key';
import type { YearBasis } from '../../../shared/domain/periods';
import type { Polarity } from '../../../shared/domain/rag';
import type { DB } from './board-file';
import type { Frequency } from './measures';
import { all, get, run, statement, tuples } from './sql';

export interface ImportMeasureRow {
  id: number;
  code: string;
  title: string;
  unit: Unit;
  frequency: Frequency;
  yearBasis: YearBasis;
  target: number | null;
  polarity: Polarity;
  dfeRef: string;
}

export const importMeasures = (db: DB): ImportMeasureRow[] =>
  all<ImportMeasureRow>(
    db,
    `SELECT id, code, title, unit, frequency, year_basis AS yearBasis, target, polarity, dfe_ref AS dfeRef
     FROM measure`,
  );

/** The board's authority, as its settings name it (an areas table is matched against it). */
export const boardAuthority = (db: DB): string =>
  get<{ authority: string }>(db, 'SELECT authority FROM board WHERE id = 1')?.authority ?? '';

export interface ImportNoFigureRow {
  measure_id: number;
  kind: string;
  period: string;
  symbol: string;
}

export const importNoFigures = (db: DB): ImportNoFigureRow[] =>
  all<ImportNoFigureRow>(db, 'SELECT measure_id, kind, period, symbol FROM no_figure');

export const upsertImportedNoFigure = (
  db: DB,
  n: { measureId: number; kind: string; period: string; symbol: string; note: string },
): void => {
  run(
    db,
    `INSERT INTO no_figure (measure_id, kind, period, symbol, note) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (measure_id, kind, period) DO UPDATE SET symbol = excluded.symbol, note = excluded.note`,
    n.measureId,
    n.kind,
    n.period,
    n.symbol,
    n.note,
  );
};

/** A figure now published for a period replaces its "no figure" entry. */
/** The measures that have any "no figure" marks (a figure imported over one clears it). */
export const measuresWithNoFigures = (db: DB): Set<number> =>
  new Set(
    all<{ measure_id: number }>(db, 'SELECT DISTINCT measure_id FROM no_figure').map((r) => r.measure_id),
  );

export const clearImportedNoFigure = (db: DB, measureId: number, kind: string, period: string): void => {
  run(db, 'DELETE FROM no_figure WHERE measure_id = ? AND kind = ? AND period = ?', measureId, kind, period);
};

/** A target or polarity the sheet gives, applied when the user asked for it. */
export const updateImportedSetting = (
  db: DB,
  measureId: number,
  field: 'target' | 'polarity',
  value: number | string | null,
): void => {
  run(
    db,
    `UPDATE measure SET ${field === 'target' ? 'target' : 'polarity'} = ? WHERE id = ?`,
    value,
    measureId,
  );
};

/** A held figure: measure id, period, value, note. */
export type ImportValueTuple = readonly [measureId: number, period: string, value: number, note: string];

/** Every figure the board holds, as tuples (thousands of rows at twenty years: no object per row). */
export const importValues = (db: DB): ImportValueTuple[] =>
  tuples<ImportValueTuple>(db, 'SELECT measure_id, period, value, note FROM measure_value');

export interface ImportComparatorRow {
  measure_id: number;
  kind: string;
  period: string;
  value: number;
}

export const importComparators = (db: DB): ImportComparatorRow[] =>
  all<ImportComparatorRow>(db, 'SELECT measure_id, kind, period, value FROM comparator');

export interface ImportCohortRow {
  period: string;
  breakdown: string;
  category: string;
  count: number;
}

export const importCohort = (db: DB): ImportCohortRow[] =>
  all<ImportCohortRow>(db, 'SELECT period, breakdown, category, count FROM cohort_value');

/** The largest measure sort (0 when there are none), so imported measures go last. */
export const lastMeasureSort = (db: DB): number =>
  get<{ s: number }>(db, 'SELECT coalesce(max(sort), 0) AS s FROM measure')!.s;

export interface ImportedMeasure {
  code: string;
  title: string;
  unit: string;
  polarity: string;
  target: number | null;
  tolerance: number;
  frequency: string;
  yearBasis: YearBasis;
  source: string;
  sort: number;
}

export const insertImportedMeasure = (db: DB, m: ImportedMeasure): number =>
  run(
    db,
    `INSERT INTO measure (code, title, unit, polarity, target, tolerance, frequency, year_basis, source, sort)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    m.code,
    m.title,
    m.unit,
    m.polarity,
    m.target,
    m.tolerance,
    m.frequency,
    m.yearBasis,
    m.source,
    m.sort,
  ).lastId;

/** Figures new to the board, in one loop over one prepared statement (an import brings thousands). */
export const insertImportedValues = (
  db: DB,
  rows: readonly { measureId: number; period: string; value: number; note: string }[],
): void => {
  const insert = statement(
    db,
    'INSERT INTO measure_value (measure_id, period, period_key, value, note) VALUES (?, ?, ?, ?, ?)',
  );
  for (const r of rows) insert.run(r.measureId, r.period, periodSortKey(r.period), r.value, r.note);
};

/** A changed figure no longer matches a stored numerator/denominator, so those are cleared. */
export const updateImportedValue = (db: DB, measureId: number, period: string, value: number): void => {
  run(
    db,
    'UPDATE measure_value SET value = ?, numerator = NULL, denominator = NULL WHERE measure_id = ? AND period = ? AND value <> ?',
    value,
    measureId,
    period,
    value,
  );
};

export const updateImportedNote = (db: DB, measureId: number, period: string, note: string): void => {
  run(db, 'UPDATE measure_value SET note = ? WHERE measure_id = ? AND period = ?', note, measureId, period);
};

export const upsertImportedComparator = (
  db: DB,
  c: { measureId: number; kind: string; period: string; value: number },
): void => {
  run(
    db,
    'INSERT INTO comparator (measure_id, kind, period, period_key, value) VALUES (?, ?, ?, ?, ?) ON CONFLICT (measure_id, kind, period) DO UPDATE SET value = excluded.value',
    c.measureId,
    c.kind,
    c.period,
    periodSortKey(c.period),
    c.value,
  );
};

export const upsertImportedCohort = (
  db: DB,
  c: { period: string; breakdown: string; category: string; count: number; sort: number },
): void => {
  run(
    db,
    'INSERT INTO cohort_value (period, period_key, breakdown, category, count, sort) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (period, breakdown, category) DO UPDATE SET count = excluded.count',
    c.period,
    periodSortKey(c.period),
    c.breakdown,
    c.category,
    c.count,
    c.sort,
  );
};
