/** Measures, their values and the published comparators. */
import type { ComparatorKind } from '../../../shared/domain/comparators';
import type { Unit } from '../../../shared/domain/format';
import type { Polarity } from '../../../shared/domain/rag';
import type { DB } from './board-file';
import { all } from './sql';

/** A live measure with its priority, in scorecard order. */
export interface LiveMeasureRow {
  id: number;
  code: string;
  title: string;
  unit: Unit;
  polarity: Polarity;
  target: number | null;
  tolerance: number;
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
    `SELECT m.id, m.code, m.title, m.unit, m.polarity, m.target, m.tolerance, m.priority_id,
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

export const allValues = (db: DB): PointRow[] =>
  all<PointRow>(db, 'SELECT measure_id, period, value FROM measure_value');

export const allComparators = (db: DB): ComparatorRow[] =>
  all<ComparatorRow>(db, 'SELECT measure_id, kind, period, value FROM comparator');
