/** Quorum item by item (see shared/domain/item-quorum.ts for the rule), read from the meeting's record. */
import type { ItemQuorumState } from '../../../shared/domain/item-quorum';
import type { DB } from '../store/board-file';
import { meetingRecord } from './meeting';

/**
 * Whether a meeting is quorate for one of its items: its rule applied to who was in the room when
 * the item concluded (arrivals, departures, withdrawals for declared interests, remote attendance).
 */
export function itemQuorumOf(db: DB, meetingId: number, itemId: number, today: string): ItemQuorumState {
  const q = meetingRecord(db, meetingId, today).itemQuorum.get(itemId);
  if (!q) throw new Error(`Agenda item ${itemId} is not on the meeting ${meetingId}`);
  return q;
}
