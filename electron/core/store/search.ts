/** Full-text search: the FTS5 table `search_index` and the rows a hit points back to. */
import type { SearchKind } from '../../../shared/api/search';
import type { DB } from './board-file';
import { all, get } from './sql';

export interface SearchRow {
  kind: SearchKind;
  ref_id: number;
  snip: string;
}

/** How many rows match an FTS5 expression (throws if the expression is malformed). */
export const matchCount = (db: DB, match: string): number =>
  get<{ n: number }>(db, 'SELECT count(*) AS n FROM search_index WHERE search_index MATCH ?', match)!.n;

/** The best `limit` matches, with a snippet whose hits sit between the two marker characters. */
export const matches = (
  db: DB,
  match: string,
  limit: number,
  markStart: string,
  markEnd: string,
): SearchRow[] =>
  all<SearchRow>(
    db,
    `SELECT kind, ref_id, snippet(search_index, -1, '${markStart}', '${markEnd}', '…', 16) AS snip
     FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?`,
    match,
    limit,
  );

export interface HitItemRow {
  meeting_id: number;
  date: string;
  /** The meeting's status: an item of a meeting not yet held has an agenda entry, not minutes. */
  meeting_status: string;
  position: number;
  title: string;
  exempt: number;
}

export const hitItem = (db: DB, itemId: number): HitItemRow | undefined =>
  get<HitItemRow>(
    db,
    `SELECT a.meeting_id, m.date, m.status AS meeting_status, a.position, a.title, a.exempt
     FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = ?`,
    itemId,
  );

export const hitDecision = (db: DB, id: number): { agenda_item_id: number; exempt: number } | undefined =>
  get<{ agenda_item_id: number; exempt: number }>(
    db,
    'SELECT agenda_item_id, exempt FROM decision WHERE id = ?',
    id,
  );

export const hitActionUpdate = (db: DB, id: number): { action_id: number; date: string } | undefined =>
  get<{ action_id: number; date: string }>(db, 'SELECT action_id, date FROM action_update WHERE id = ?', id);

export interface HitActionRow {
  description: string;
  owner: string;
  agenda_item_id: number | null;
  exempt: number;
}

export const hitAction = (db: DB, id: number): HitActionRow | undefined =>
  get<HitActionRow>(
    db,
    `SELECT a.description, coalesce(mb.name, a.owner_name) AS owner, a.agenda_item_id, a.exempt FROM action a
            LEFT JOIN member mb ON mb.id = a.owner_member_id WHERE a.id = ?`,
    id,
  );

export const hitMeasure = (db: DB, id: number): { code: string; title: string } | undefined =>
  get<{ code: string; title: string }>(db, 'SELECT code, title FROM measure WHERE id = ?', id);

export const hitVoice = (db: DB, id: number): { said_date: string; source: string } | undefined =>
  get<{ said_date: string; source: string }>(
    db,
    'SELECT said_date, source FROM voice_entry WHERE id = ?',
    id,
  );
