/**
 * The forward plan: the meetings arranged but not yet held, with their agenda as it stands, from
 * the meetings table. The annual report ends with it.
 */
import type { DB } from '../store/board-file';
import { meetingsToCome } from '../store/report-figures';
import { meetingRecord, type MeetingRecord } from './meeting';

export function forwardPlan(db: DB, today: string, from: string, to: string): MeetingRecord[] {
  return meetingsToCome(db, from, to).map((id) => meetingRecord(db, id, today));
}
