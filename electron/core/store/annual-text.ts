/** The annual report's words for each council year: sections and a commentary per measure (migration 0011). */
import type { DB } from './board-file';
import { all, get, run } from './sql';

export interface AnnualTextRow {
  section: string;
  body: string;
  updated_at: string;
  revision: number;
}

export const annualTexts = (db: DB, year: string): AnnualTextRow[] =>
  all<AnnualTextRow>(db, 'SELECT section, body, updated_at, revision FROM annual_text WHERE year = ?', year);

export interface AnnualMeasureTextRow {
  measure_id: number;
  body: string;
  updated_at: string;
  revision: number;
}

export const annualMeasureTexts = (db: DB, year: string): AnnualMeasureTextRow[] =>
  all<AnnualMeasureTextRow>(
    db,
    'SELECT measure_id, body, updated_at, revision FROM annual_measure_text WHERE year = ?',
    year,
  );

/**
 * Saves one section. `baseRevision` null overwrites; otherwise the save only happens from that
 * revision (0 for a section not written yet). The new revision, or null when the copy was stale.
 */
export function saveAnnualText(
  db: DB,
  year: string,
  section: string,
  body: string,
  at: string,
  baseRevision: number | null,
): number | null {
  const now = get<{ revision: number }>(
    db,
    'SELECT revision FROM annual_text WHERE year = ? AND section = ?',
    year,
    section,
  );
  if (baseRevision !== null && (now?.revision ?? 0) !== baseRevision) return null;
  if (!now) {
    run(
      db,
      'INSERT INTO annual_text (year, section, body, updated_at, revision) VALUES (?, ?, ?, ?, 1)',
      year,
      section,
      body,
      at,
    );
    return 1;
  }
  run(
    db,
    'UPDATE annual_text SET body = ?, updated_at = ? WHERE year = ? AND section = ?',
    body,
    at,
    year,
    section,
  );
  return get<{ revision: number }>(
    db,
    'SELECT revision FROM annual_text WHERE year = ? AND section = ?',
    year,
    section,
  )!.revision;
}

/** Saves the commentary on one measure's chart for the year (as saveAnnualText). */
export function saveAnnualMeasureText(
  db: DB,
  year: string,
  measureId: number,
  body: string,
  at: string,
  baseRevision: number | null,
): number | null {
  const now = get<{ revision: number }>(
    db,
    'SELECT revision FROM annual_measure_text WHERE year = ? AND measure_id = ?',
    year,
    measureId,
  );
  if (baseRevision !== null && (now?.revision ?? 0) !== baseRevision) return null;
  if (!now) {
    run(
      db,
      'INSERT INTO annual_measure_text (year, measure_id, body, updated_at, revision) VALUES (?, ?, ?, ?, 1)',
      year,
      measureId,
      body,
      at,
    );
    return 1;
  }
  run(
    db,
    'UPDATE annual_measure_text SET body = ?, updated_at = ? WHERE year = ? AND measure_id = ?',
    body,
    at,
    year,
    measureId,
  );
  return get<{ revision: number }>(
    db,
    'SELECT revision FROM annual_measure_text WHERE year = ? AND measure_id = ?',
    year,
    measureId,
  )!.revision;
}
