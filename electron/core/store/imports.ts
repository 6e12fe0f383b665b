/** Spreadsheet imports: what the board holds now (to compare a file against) and the writes of a commit. */
import type { Unit } from '../../../shared/domain/format';
import { periodSortKey } from '../../../shared/domain/period-key';
import type { DB } from './board-file';
import type { Frequency } from './measures';
import { all, get, run } from './sql';

export interface ImportMeasureRow {
  id: number;
  code: string;
  unit: Unit;
  frequency: Frequency;
}

export const importMeasures = (db: DB): ImportMeasureRow[] =>
  all<ImportMeasureRow>(db, 'SELECT id, code, unit, frequency FROM measure');

export interface ImportValueRow {
  measure_id: number;
  period: string;
  value: number;
  note: string;
}

export const importValues = (db: DB): ImportValueRow[] =>
  all<ImportValueRow>(db, 'SELECT measure_id, period, value, note FROM measure_value');

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
  frequency: string;
  source: string;
  sort: number;
}

export const insertImportedMeasure = (db: DB, m: ImportedMeasure): number =>
  run(
    db,
    `INSERT INTO measure (code, title, unit, polarity, target, frequency, source, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    m.code,
    m.title,
    m.unit,
    m.polarity,
    m.target,
    m.frequency,
    m.source,
    m.sort,
  ).lastId;

export const insertImportedValue = (
  db: DB,
  measureId: number,
  period: string,
  value: number,
  note: string,
): void => {
  run(
    db,
    'INSERT INTO measure_value (measure_id, period, period_key, value, note) VALUES (?, ?, ?, ?, ?)',
    measureId,
    period,
    periodSortKey(period),
    value,
    note,
  );
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
