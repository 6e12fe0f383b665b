/** Measures, their values, the published comparators and their links to the strategy. */
import type { ComparatorKind } from '../../../shared/domain/comparators';
import type { Unit } from '../../../shared/domain/format';
import type { YearBasis } from '../../../shared/domain/periods';
import type { Polarity } from '../../../shared/domain/rag';
import { periodSortKey } from '../../../shared/domain/period-key';
import type { DB } from './board-file';
import { all, get, run, tuples } from './sql';

/** A live measure with its priority, in scorecard order. */
export interface LiveMeasureRow {
  id: number;
  code: string;
  title: string;
  unit: Unit;
  polarity: Polarity;
  target: number | null;
  tolerance: number;
  frequency: Frequency;
  year_basis: YearBasis;
  decimals: number | null;
  similar_band: number | null;
  definition: string;
  numerator_definition: string;
  denominator_definition: string;
  dfe_ref: string;
  age_band: string;
  owner: string;
  source: string;
  priority_id: number | null;
  priority_code: string | null;
  priority_title: string | null;
  commentary_working: string;
  commentary_worried: string;
  commentary_next: string;
}

/** Every live (not archived) measure: priorities in strategy order, unlinked measures last. */
export const liveMeasures = (db: DB): LiveMeasureRow[] =>
  all<LiveMeasureRow>(
    db,
    `SELECT m.id, m.code, m.title, m.unit, m.polarity, m.target, m.tolerance, m.frequency, m.year_basis,
            m.decimals, m.similar_band, m.definition, m.numerator_definition, m.denominator_definition,
            m.dfe_ref, m.age_band, m.owner, m.source, m.priority_id,
            p.code AS priority_code, p.title AS priority_title,
            m.commentary_working, m.commentary_worried, m.commentary_next
     FROM measure m LEFT JOIN priority p ON p.id = m.priority_id
     WHERE m.archived = 0
     ORDER BY p.id IS NULL, p.sort, p.id, m.sort, m.code`,
  );

export interface PointRow {
  measure_id: number;
  period: string;
  value: number;
}

export interface ComparatorRow extends PointRow {
  kind: ComparatorKind;
}

/** Every figure as [measure, period, value], by measure and then period (oldest first, by the stored sortable key). */
export const allValues = (db: DB): [measureId: number, period: string, value: number][] =>
  tuples(db, 'SELECT measure_id, period, value FROM measure_value ORDER BY measure_id, period_key');

/** Every comparator figure as [measure, kind, period, value], by measure, kind and period (oldest first). */
export const allComparators = (
  db: DB,
): [measureId: number, kind: ComparatorKind, period: string, value: number][] =>
  tuples(db, 'SELECT measure_id, kind, period, value FROM comparator ORDER BY measure_id, kind, period_key');

/**
 * Each measure's latest figure of one kind of period (by measure id: the kind's place in
 * periodKinds, the last part of a sortable key), for a period that ended before `before` (every
 * figure when null): picked by the database from the covering index, one step per measure. Periods
 * of one kind do not overlap, so the greatest key is the latest to end.
 */
export const latestOfKind = (db: DB, kinds: ReadonlyMap<number, number>, before: string | null): PointRow[] =>
  all<PointRow>(
    db,
    `SELECT CAST(j.key AS INTEGER) AS measure_id, v.period, v.value FROM json_each(@kinds) j
     JOIN measure_value v ON v.id = (
       SELECT v2.id FROM measure_value v2
       WHERE v2.measure_id = CAST(j.key AS INTEGER) AND v2.period_key LIKE '%/' || j.value
         AND (@before IS NULL OR substr(v2.period_key, 12, 10) < @before)
       ORDER BY v2.period_key DESC LIMIT 1)`,
    { kinds: JSON.stringify(Object.fromEntries(kinds)), before },
  );

export type NoFigureKind = 'value' | ComparatorKind;
export interface NoFigureRow {
  measure_id: number;
  kind: NoFigureKind;
  period: string;
  symbol: string;
  note: string;
}

/** Periods a publisher gave no figure for, with its symbol (every measure, or one). */
export const noFigures = (db: DB, measureId?: number): NoFigureRow[] =>
  measureId === undefined
    ? all<NoFigureRow>(db, 'SELECT measure_id, kind, period, symbol, note FROM no_figure')
    : all<NoFigureRow>(
        db,
        'SELECT measure_id, kind, period, symbol, note FROM no_figure WHERE measure_id = ?',
        measureId,
      );

export const upsertNoFigure = (db: DB, r: NoFigureRow): void => {
  run(
    db,
    `INSERT INTO no_figure (measure_id, kind, period, symbol, note) VALUES (@measure_id, @kind, @period, @symbol, @note)
     ON CONFLICT (measure_id, kind, period) DO UPDATE SET symbol = excluded.symbol, note = excluded.note`,
    r,
  );
};

/** A figure recorded for a period replaces its "no figure" entry. */
export const deleteNoFigure = (db: DB, measureId: number, kind: NoFigureKind, period: string): void => {
  run(db, 'DELETE FROM no_figure WHERE measure_id = ? AND kind = ? AND period = ?', measureId, kind, period);
};

export type Frequency = 'monthly' | 'quarterly' | 'annual';

/** A measure with its priority's title and how many values it has. */
export interface MeasureRow {
  id: number;
  code: string;
  title: string;
  definition: string;
  unit: Unit;
  polarity: Polarity;
  target: number | null;
  tolerance: number;
  frequency: Frequency;
  year_basis: YearBasis;
  decimals: number | null;
  similar_band: number | null;
  numerator_definition: string;
  denominator_definition: string;
  dfe_ref: string;
  age_band: string;
  owner: string;
  source: string;
  priority_id: number | null;
  priority_title: string | null;
  commentary_working: string;
  commentary_worried: string;
  commentary_next: string;
  sort: number;
  archived: number;
  value_count: number;
}

const MEASURE = `SELECT m.id, m.code, m.title, m.definition, m.unit, m.polarity, m.target, m.tolerance, m.frequency,
  m.year_basis, m.decimals, m.similar_band, m.numerator_definition, m.denominator_definition, m.dfe_ref, m.age_band,
  m.owner, m.source, m.priority_id, p.title AS priority_title, m.commentary_working, m.commentary_worried,
  m.commentary_next, m.sort, m.archived,
  (SELECT count(*) FROM measure_value v WHERE v.measure_id = m.id) AS value_count
  FROM measure m LEFT JOIN priority p ON p.id = m.priority_id`;

export const measureById = (db: DB, id: number): MeasureRow | undefined =>
  get<MeasureRow>(db, `${MEASURE} WHERE m.id = ?`, id);

/** Live measures (and archived ones when asked), archived last, in the board's order. */
export const measureList = (db: DB, includeArchived: boolean): MeasureRow[] =>
  all<MeasureRow>(
    db,
    `${MEASURE} ${includeArchived ? '' : 'WHERE m.archived = 0'} ORDER BY m.archived, m.sort, m.code`,
  );

/** Another measure using this code (codes are unique whatever their case). */
export const measureWithCode = (
  db: DB,
  code: string,
  exceptId: number | null,
): { id: number; title: string } | undefined =>
  get(db, 'SELECT id, title FROM measure WHERE code = ? COLLATE NOCASE AND id IS NOT ?', code, exceptId);

export interface ValueRow {
  measure_id: number;
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string;
}

/** A measure's values, oldest period first. */
export const valuesOfMeasure = (db: DB, measureId: number): ValueRow[] =>
  all<ValueRow>(
    db,
    'SELECT measure_id, period, value, numerator, denominator, note FROM measure_value WHERE measure_id = ? ORDER BY period_key',
    measureId,
  );

/**
 * A measure's `limit` figures for periods before the one whose sortable key is `beforeKey`
 * (period_key order is comparePeriods' order), oldest first: read from the covering index.
 */
export const valuesBeforeKey = (
  db: DB,
  measureId: number,
  beforeKey: string,
  limit: number,
): { period: string; value: number }[] =>
  all<{ period: string; value: number }>(
    db,
    'SELECT period, value FROM measure_value WHERE measure_id = ? AND period_key < ? ORDER BY period_key DESC LIMIT ?',
    measureId,
    beforeKey,
    limit,
  ).reverse();

export const valueAt = (db: DB, measureId: number, period: string): ValueRow | undefined =>
  get<ValueRow>(
    db,
    'SELECT measure_id, period, value, numerator, denominator, note FROM measure_value WHERE measure_id = ? AND period = ?',
    measureId,
    period,
  );

export const upsertValue = (db: DB, v: ValueRow): void => {
  run(
    db,
    `INSERT INTO measure_value (measure_id, period, period_key, value, numerator, denominator, note)
     VALUES (@measure_id, @period, @key, @value, @numerator, @denominator, @note)
     ON CONFLICT (measure_id, period) DO UPDATE SET value = excluded.value, numerator = excluded.numerator,
       denominator = excluded.denominator, note = excluded.note`,
    { ...v, key: periodSortKey(v.period) },
  );
};

export const deleteValue = (db: DB, measureId: number, period: string): void => {
  run(db, 'DELETE FROM measure_value WHERE measure_id = ? AND period = ?', measureId, period);
};

/** A measure's comparator figures, oldest period first. */
export const comparatorsOfMeasure = (db: DB, measureId: number): Omit<ComparatorRow, 'measure_id'>[] =>
  all(
    db,
    'SELECT kind, period, value FROM comparator WHERE measure_id = ? ORDER BY period_key, kind',
    measureId,
  );

export const upsertComparator = (db: DB, c: ComparatorRow): void => {
  run(
    db,
    `INSERT INTO comparator (measure_id, kind, period, period_key, value) VALUES (@measure_id, @kind, @period, @key, @value)
     ON CONFLICT (measure_id, kind, period) DO UPDATE SET value = excluded.value`,
    { ...c, key: periodSortKey(c.period) },
  );
};

export const deleteComparator = (db: DB, measureId: number, kind: ComparatorKind, period: string): number =>
  run(db, 'DELETE FROM comparator WHERE measure_id = ? AND kind = ? AND period = ?', measureId, kind, period)
    .changes;

export interface MeasureFields {
  code: string;
  title: string;
  definition: string;
  unit: Unit;
  polarity: Polarity;
  target: number | null;
  tolerance: number;
  frequency: Frequency;
  owner: string;
  source: string;
  priorityId: number | null;
  numeratorDefinition: string;
  denominatorDefinition: string;
  dfeRef: string;
  ageBand: string;
  yearBasis: YearBasis;
  decimals: number | null;
  similarBand: number | null;
}

/** A new measure, last in the board's order. */
export const insertMeasure = (db: DB, m: MeasureFields): number =>
  run(
    db,
    `INSERT INTO measure (code, title, definition, unit, polarity, target, tolerance, frequency, owner, source, priority_id,
       numerator_definition, denominator_definition, dfe_ref, age_band, year_basis, decimals, similar_band, sort)
     VALUES (@code, @title, @definition, @unit, @polarity, @target, @tolerance, @frequency, @owner, @source, @priorityId,
             @numeratorDefinition, @denominatorDefinition, @dfeRef, @ageBand, @yearBasis, @decimals, @similarBand,
             (SELECT coalesce(max(sort), 0) + 1 FROM measure))`,
    m,
  ).lastId;

/** The column each editable field is stored in. */
export const measureColumns: Record<keyof MeasureFields, keyof MeasureRow> = {
  code: 'code',
  title: 'title',
  definition: 'definition',
  unit: 'unit',
  polarity: 'polarity',
  target: 'target',
  tolerance: 'tolerance',
  frequency: 'frequency',
  owner: 'owner',
  source: 'source',
  priorityId: 'priority_id',
  numeratorDefinition: 'numerator_definition',
  denominatorDefinition: 'denominator_definition',
  dfeRef: 'dfe_ref',
  ageBand: 'age_band',
  yearBasis: 'year_basis',
  decimals: 'decimals',
  similarBand: 'similar_band',
};

/** Changes the given fields only. */
export function updateMeasure(db: DB, id: number, changes: Partial<MeasureFields>): void {
  const keys = (Object.keys(measureColumns) as (keyof MeasureFields)[]).filter(
    (k) => changes[k] !== undefined,
  );
  if (keys.length === 0) return;
  // Column names come from measureColumns, never from input.
  const sets = keys.map((k) => `${measureColumns[k]} = @${k}`).join(', ');
  run(db, `UPDATE measure SET ${sets} WHERE id = @id`, {
    ...Object.fromEntries(keys.map((k) => [k, changes[k]])),
    id,
  });
}

/** Deletes a measure with its values, comparators and links (frozen snapshots keep their copy). */
export const deleteMeasure = (db: DB, id: number): void => {
  run(db, 'DELETE FROM measure WHERE id = ?', id);
};

export const setMeasureArchived = (db: DB, id: number, archived: boolean): void => {
  run(db, 'UPDATE measure SET archived = ? WHERE id = ?', archived ? 1 : 0, id);
};

export const setMeasureCommentary = (
  db: DB,
  id: number,
  c: { working: string; worried: string; next: string },
): void => {
  run(
    db,
    'UPDATE measure SET commentary_working = ?, commentary_worried = ?, commentary_next = ? WHERE id = ?',
    c.working,
    c.worried,
    c.next,
    id,
  );
};

export interface LinkRef {
  id: number;
  code: string;
  title: string;
}

/** What a measure is linked to: priorities and pledges in strategy order, principles by number. */
export const measureLinks = (
  db: DB,
  measureId: number,
): { priorities: LinkRef[]; pledges: LinkRef[]; principles: LinkRef[] } => ({
  priorities: all<LinkRef>(
    db,
    'SELECT p.id, p.code, p.title FROM link l JOIN priority p ON p.id = l.to_priority_id WHERE l.measure_id = ? ORDER BY p.sort, p.id',
    measureId,
  ),
  pledges: all<LinkRef>(
    db,
    'SELECT p.id, p.code, p.title FROM link l JOIN pledge p ON p.id = l.to_pledge_id WHERE l.measure_id = ? ORDER BY p.sort, p.id',
    measureId,
  ),
  principles: all<LinkRef>(
    db,
    'SELECT p.id, p.code, p.short_title AS title FROM link l JOIN principle p ON p.id = l.to_principle_id WHERE l.measure_id = ? ORDER BY p.id',
    measureId,
  ),
});

/** Replaces a measure's links to priorities, pledges and principles. */
export function setMeasureLinks(
  db: DB,
  measureId: number,
  links: { priorities: Iterable<number>; pledges: Iterable<number>; principles: Iterable<number> },
): void {
  run(db, 'DELETE FROM link WHERE measure_id = ?', measureId);
  const sql =
    'INSERT INTO link (measure_id, to_priority_id, to_pledge_id, to_principle_id) VALUES (?, ?, ?, ?)';
  for (const id of links.priorities) run(db, sql, measureId, id, null, null);
  for (const id of links.pledges) run(db, sql, measureId, null, id, null);
  for (const id of links.principles) run(db, sql, measureId, null, null, id);
}
