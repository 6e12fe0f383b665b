/**
 * Full-text search: the FTS5 table `search_index` and the rows a hit points back to. Each indexed
 * record is one row whose rowid is the record's id × 16 + its kind's code (migration 0013), so the
 * triggers that keep the index in step replace only that row.
 */
import type { SearchKind } from '../../../shared/api/search';
import type { DB } from './board-file';
import { all, get, run } from './sql';

/** The code each kind of record carries in the low four bits of its search_index rowid. */
export const searchKindCodes: Record<SearchKind, number> = {
  minutes: 1,
  decision: 2,
  action: 3,
  action_update: 4,
  commentary: 5,
  voice: 6,
  member: 7,
  paper: 8,
};
const kindOfCode = new Map(Object.entries(searchKindCodes).map(([k, c]) => [c, k as SearchKind]));

export interface SearchRow {
  kind: SearchKind;
  ref_id: number;
  snip: string;
}

/** Whether any row of the search index is behind its record (an item's minutes saved since). */
export const searchIndexBehind = (db: DB): boolean =>
  get<{ one: number }>(db, 'SELECT 1 AS one FROM search_index_stale LIMIT 1') !== undefined;

/**
 * Brings the rows of the search index noted as behind (migration 0014: an item's minutes saved)
 * up to date from the records as they are now, and clears the notes: the caller's transaction.
 * A row noted for a record since deleted is only taken out. The number of rows brought up to date.
 */
export function refreshStaleSearchRows(db: DB): number {
  run(db, 'DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_index_stale)');
  run(
    db,
    `INSERT INTO search_index (rowid, title, body)
     SELECT a.id * 16 + 1, a.title, a.minutes_text
     FROM search_index_stale s JOIN agenda_item a ON a.id = s.rowid / 16
     WHERE s.rowid % 16 = 1`,
  );
  return run(db, 'DELETE FROM search_index_stale').changes;
}

/**
 * Brings the noted rows up to date in a BEGIN IMMEDIATE transaction of their own. `wait: false`
 * (the core's idle upkeep): gives up at once with SQLITE_BUSY when another connection is writing,
 * instead of holding the core's thread for the busy timeout; tried again later.
 */
export function bringSearchIndexUpToDate(db: DB, opts: { wait: boolean }): void {
  const timeout = opts.wait ? null : (db.pragma('busy_timeout', { simple: true }) as number);
  if (timeout !== null) db.pragma('busy_timeout = 0');
  try {
    db.transaction(() => refreshStaleSearchRows(db)).immediate();
  } finally {
    if (timeout !== null) db.pragma(`busy_timeout = ${timeout}`);
  }
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
  all<{ rowid: number; snip: string }>(
    db,
    `SELECT rowid, snippet(search_index, -1, '${markStart}', '${markEnd}', '…', 16) AS snip
     FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?`,
    match,
    limit,
  ).flatMap((r) => {
    const kind = kindOfCode.get(r.rowid % 16);
    return kind ? [{ kind, ref_id: Math.floor(r.rowid / 16), snip: r.snip }] : [];
  });

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
  meeting_id: number | null;
  exempt: number;
}

export const hitAction = (db: DB, id: number): HitActionRow | undefined =>
  get<HitActionRow>(
    db,
    `SELECT a.description, coalesce(mb.name, a.owner_name) AS owner, a.agenda_item_id, a.meeting_id, a.exempt
     FROM action a LEFT JOIN member mb ON mb.id = a.owner_member_id WHERE a.id = ?`,
    id,
  );

export const hitMeeting = (db: DB, id: number): { id: number; date: string; status: string } | undefined =>
  get(db, 'SELECT id, date, status FROM meeting WHERE id = ?', id);

export const hitMeasure = (db: DB, id: number): { code: string; title: string } | undefined =>
  get<{ code: string; title: string }>(db, 'SELECT code, title FROM measure WHERE id = ?', id);

export const hitVoice = (db: DB, id: number): { said_date: string; source: string } | undefined =>
  get<{ said_date: string; source: string }>(
    db,
    'SELECT said_date, source FROM voice_entry WHERE id = ?',
    id,
  );

export const hitMember = (
  db: DB,
  id: number,
): { name: string; job_title: string; organisation: string } | undefined =>
  get(db, 'SELECT name, job_title, organisation FROM member WHERE id = ?', id);

export const hitPaper = (db: DB, id: number): { label: string; agenda_item_id: number } | undefined =>
  get(db, 'SELECT label, agenda_item_id FROM agenda_paper WHERE id = ?', id);
