/** The strategy: priorities, pledges, the Corporate Parenting Principles and links between them. */
import type { DB } from './board-file';
import { all, get } from './sql';

export interface OptionRow {
  id: number;
  code: string;
  title: string;
}

/** Live priorities in strategy order (for pickers and scorecard groups). */
export const livePriorities = (db: DB): OptionRow[] =>
  all<OptionRow>(db, 'SELECT id, code, title FROM priority WHERE archived = 0 ORDER BY sort, id');

export const livePledges = (db: DB): OptionRow[] =>
  all<OptionRow>(db, 'SELECT id, code, title FROM pledge WHERE archived = 0 ORDER BY collection, sort, id');

/** Live pledges as a picker shows them: the collection after the title ("… (Care leavers' offer)"). */
export const pledgeOptionsWithCollection = (db: DB): OptionRow[] =>
  all<OptionRow>(
    db,
    `SELECT id, code, title || CASE WHEN collection <> '' THEN ' (' || collection || ')' ELSE '' END AS title
     FROM pledge WHERE archived = 0 ORDER BY collection, sort, id`,
  );

/** The seven principles, short titles as the option title. */
export const principleOptions = (db: DB): OptionRow[] =>
  all<OptionRow>(db, 'SELECT id, code, short_title AS title FROM principle ORDER BY id');

export interface PrincipleRow {
  id: number;
  code: string;
  short_title: string;
  wording: string;
}

export const principles = (db: DB): PrincipleRow[] =>
  all<PrincipleRow>(db, 'SELECT id, code, short_title, wording FROM principle ORDER BY id');

export type CoverageRoute = 'direct' | 'priority' | 'pledge';
export interface CoverageLinkRow {
  item: number;
  principle: number;
  route: CoverageRoute;
}

/**
 * Which principle each agenda item touched and by which route: linked to the principle itself,
 * or to a priority or pledge that is. Optionally only items of meetings in a date range.
 */
export function principleItemLinks(db: DB, range?: { from: string; to: string }): CoverageLinkRow[] {
  const dated = range ? 'AND m.date BETWEEN @from AND @to' : '';
  return all<CoverageLinkRow>(
    db,
    `SELECT DISTINCT l.agenda_item_id AS item, l.to_principle_id AS principle, 'direct' AS route
       FROM link l JOIN agenda_item i ON i.id = l.agenda_item_id JOIN meeting m ON m.id = i.meeting_id
      WHERE l.to_principle_id IS NOT NULL ${dated}
     UNION
     SELECT DISTINCT l.agenda_item_id, pl.to_principle_id, 'priority'
       FROM link l JOIN agenda_item i ON i.id = l.agenda_item_id JOIN meeting m ON m.id = i.meeting_id
       JOIN link pl ON pl.priority_id = l.to_priority_id AND pl.to_principle_id IS NOT NULL
      WHERE l.to_priority_id IS NOT NULL ${dated}
     UNION
     SELECT DISTINCT l.agenda_item_id, pg.to_principle_id, 'pledge'
       FROM link l JOIN agenda_item i ON i.id = l.agenda_item_id JOIN meeting m ON m.id = i.meeting_id
       JOIN link pg ON pg.pledge_id = l.to_pledge_id AND pg.to_principle_id IS NOT NULL
      WHERE l.to_pledge_id IS NOT NULL ${dated}`,
    range ?? {},
  );
}

export const priorityExists = (db: DB, id: number): boolean =>
  get<{ one: number }>(db, 'SELECT 1 AS one FROM priority WHERE id = ?', id) !== undefined;
