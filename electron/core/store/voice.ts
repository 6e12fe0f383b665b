/** "You said, we did": what children and young people said and what the council did about it. */
import type { DB } from './board-file';
import type { VoiceStatus } from '../../../shared/api/voice';
import { all, get, run } from './sql';

export interface VoiceInRangeRow {
  said: string;
  did: string;
  said_date: string;
  did_date: string | null;
  source: string;
  status: 'open' | 'in_progress' | 'done';
  priority: string | null;
}

/** Entries said or done between two dates, in the order said. */
export const voiceEntriesBetween = (db: DB, from: string, to: string): VoiceInRangeRow[] =>
  all<VoiceInRangeRow>(
    db,
    `SELECT v.said, v.did, v.said_date, v.did_date, v.source, v.status, p.title AS priority
     FROM voice_entry v LEFT JOIN priority p ON p.id = v.priority_id
     WHERE v.said_date BETWEEN @from AND @to OR v.did_date BETWEEN @from AND @to ORDER BY v.said_date, v.id`,
    { from, to },
  );

export interface VoiceRow {
  id: number;
  said: string;
  did: string;
  said_date: string;
  did_date: string | null;
  source: string;
  priority_id: number | null;
  priority_title: string | null;
  meeting_id: number | null;
  meeting_date: string | null;
  status: VoiceStatus;
}

const SELECT = `
  SELECT v.id, v.said, v.did, v.said_date, v.did_date, v.source, v.priority_id, p.title AS priority_title,
         v.meeting_id, m.date AS meeting_date, v.status
  FROM voice_entry v LEFT JOIN priority p ON p.id = v.priority_id LEFT JOIN meeting m ON m.id = v.meeting_id`;

export const voiceEntry = (db: DB, id: number): VoiceRow | undefined =>
  get<VoiceRow>(db, `${SELECT} WHERE v.id = ?`, id);

/** What the list can be filtered by. */
export interface VoiceFilter {
  status?: VoiceStatus;
  priorityId?: number;
}

const voiceWhere = (f: VoiceFilter): string => {
  const terms = [
    ...(f.status !== undefined ? ['v.status = @status'] : []),
    ...(f.priorityId !== undefined ? ['v.priority_id = @priorityId'] : []),
  ];
  return terms.length ? `WHERE ${terms.join(' AND ')}` : '';
};
const voiceParams = (f: VoiceFilter) => ({ status: f.status ?? null, priorityId: f.priorityId ?? null });

/** One page of the entries matching a filter, newest said first (`limit` -1: all of them). */
export const voiceEntries = (db: DB, f: VoiceFilter = {}, offset = 0, limit = -1): VoiceRow[] =>
  all<VoiceRow>(
    db,
    `${SELECT} ${voiceWhere(f)} ORDER BY v.said_date DESC, v.id DESC LIMIT @limit OFFSET @offset`,
    { ...voiceParams(f), offset, limit },
  );

/** How many entries match a filter. */
export const countVoiceEntries = (db: DB, f: VoiceFilter = {}): number =>
  get<{ n: number }>(db, `SELECT count(*) AS n FROM voice_entry v ${voiceWhere(f)}`, voiceParams(f))!.n;

/** Where an entry sits in the filtered list (how many come before it); null when it does not match. */
export const voicePosition = (db: DB, f: VoiceFilter, id: number): number | null => {
  const me = get<{ said_date: string }>(db, 'SELECT said_date FROM voice_entry WHERE id = ?', id);
  if (!me) return null;
  const where = voiceWhere(f);
  const matches = get<{ n: number }>(
    db,
    `SELECT count(*) AS n FROM voice_entry v ${where ? `${where} AND` : 'WHERE'} v.id = @id`,
    { ...voiceParams(f), id },
  )!.n;
  if (matches === 0) return null;
  return get<{ n: number }>(
    db,
    `SELECT count(*) AS n FROM voice_entry v ${where ? `${where} AND` : 'WHERE'}
       (v.said_date > @said OR (v.said_date = @said AND v.id > @id))`,
    { ...voiceParams(f), said: me.said_date, id },
  )!.n;
};

export interface VoiceFields {
  said: string;
  did: string;
  saidDate: string;
  didDate: string | null;
  source: string;
  priorityId: number | null;
  meetingId: number | null;
  status: VoiceStatus;
}

export const insertVoiceEntry = (db: DB, f: VoiceFields): number =>
  run(
    db,
    `INSERT INTO voice_entry (said, did, said_date, did_date, source, priority_id, meeting_id, status)
     VALUES (@said, @did, @saidDate, @didDate, @source, @priorityId, @meetingId, @status)`,
    f,
  ).lastId;

export const updateVoiceEntry = (db: DB, id: number, f: VoiceFields): void => {
  run(
    db,
    `UPDATE voice_entry SET said = @said, did = @did, said_date = @saidDate, did_date = @didDate, source = @source,
       priority_id = @priorityId, meeting_id = @meetingId, status = @status WHERE id = @id`,
    { ...f, id },
  );
};

export const deleteVoiceEntry = (db: DB, id: number): void => {
  run(db, 'DELETE FROM voice_entry WHERE id = ?', id);
};

/** Every meeting, newest first (for the entry's meeting picker). */
export const meetingDates = (db: DB): { id: number; date: string }[] =>
  all(db, 'SELECT id, date FROM meeting ORDER BY date DESC');
