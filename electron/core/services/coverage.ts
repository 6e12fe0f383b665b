import type { DB } from '../store/board-file';

export type CoverageRoute = 'direct' | 'priority' | 'pledge';

/**
 * Which Corporate Parenting Principles each agenda item touched, and by which route: linked to the
 * principle itself, or to a priority or a pledge that is. One query for the Strategy screen's
 * coverage view and the annual report, so the two can never disagree.
 */
export function principleItemLinks(
  db: DB,
  range?: { from: string; to: string },
): { item: number; principle: number; route: CoverageRoute }[] {
  const dated = range ? 'AND m.date BETWEEN @from AND @to' : '';
  return db
    .prepare(
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
    )
    .all(range ?? {}) as { item: number; principle: number; route: CoverageRoute }[];
}
