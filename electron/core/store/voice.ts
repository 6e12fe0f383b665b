/** "You said, we did": what children and young people said and what the council did about it. */
import type { DB } from './board-file';
import { all } from './sql';

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
