/** The meeting's record beyond the minutes: remote attendance, arrivals and departures, recorded votes. */
import type { DB } from './board-file';
import { all, get, run } from './sql';

export interface PresenceFields {
  remote: boolean;
  arrivedAt: string | null;
  arrivedItemId: number | null;
  leftAt: string | null;
  leftItemId: number | null;
}

/** Sets a member's remote attendance, arrival and departure (their attendance row must exist). */
export const setPresence = (db: DB, meetingId: number, memberId: number, p: PresenceFields): number =>
  run(
    db,
    `UPDATE attendance SET remote = ?, arrived_at = ?, arrived_item_id = ?, left_at = ?, left_item_id = ?
     WHERE meeting_id = ? AND member_id = ?`,
    p.remote ? 1 : 0,
    p.arrivedAt,
    p.arrivedItemId,
    p.leftAt,
    p.leftItemId,
    meetingId,
    memberId,
  ).changes;

/** Clears arrival and departure when a member's attendance becomes apologies or absent. */
export const clearPresence = (db: DB, meetingId: number, memberId: number): void => {
  run(
    db,
    `UPDATE attendance SET remote = 0, arrived_at = NULL, arrived_item_id = NULL, left_at = NULL, left_item_id = NULL
     WHERE meeting_id = ? AND member_id = ? AND (remote <> 0 OR arrived_at IS NOT NULL OR arrived_item_id IS NOT NULL
       OR left_at IS NOT NULL OR left_item_id IS NOT NULL)`,
    meetingId,
    memberId,
  );
};

export interface VoteRowDb {
  decision_id: number;
  votes_for: number;
  votes_against: number;
  abstentions: number;
  casting_vote: 'for' | 'against' | null;
}

export interface VoterRowDb {
  decision_id: number;
  member_id: number;
  name: string;
  vote: 'for' | 'against' | 'abstain';
}

/** The votes recorded on a meeting's decisions. */
export const votesOfMeeting = (db: DB, meetingId: number): VoteRowDb[] =>
  all<VoteRowDb>(
    db,
    `SELECT v.decision_id, v.votes_for, v.votes_against, v.abstentions, v.casting_vote
     FROM decision_vote v JOIN decision d ON d.id = v.decision_id JOIN agenda_item a ON a.id = d.agenda_item_id
     WHERE a.meeting_id = ?`,
    meetingId,
  );

/** How each member voted on a meeting's decisions (named votes), in the board's member order. */
export const votersOfMeeting = (db: DB, meetingId: number): VoterRowDb[] =>
  all<VoterRowDb>(
    db,
    `SELECT x.decision_id, x.member_id, mb.name, x.vote
     FROM decision_voter x JOIN member mb ON mb.id = x.member_id JOIN decision d ON d.id = x.decision_id
     JOIN agenda_item a ON a.id = d.agenda_item_id
     WHERE a.meeting_id = ? ORDER BY mb.sort, mb.name`,
    meetingId,
  );

/** Replaces the vote on a decision (and its named voters). */
export function saveVote(
  db: DB,
  decisionId: number,
  v: { for: number; against: number; abstain: number; castingVote: 'for' | 'against' | null },
  names: readonly { memberId: number; vote: string }[],
): void {
  run(db, 'DELETE FROM decision_voter WHERE decision_id = ?', decisionId);
  run(
    db,
    `INSERT INTO decision_vote (decision_id, votes_for, votes_against, abstentions, casting_vote) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (decision_id) DO UPDATE SET votes_for = excluded.votes_for, votes_against = excluded.votes_against,
       abstentions = excluded.abstentions, casting_vote = excluded.casting_vote`,
    decisionId,
    v.for,
    v.against,
    v.abstain,
    v.castingVote,
  );
  for (const n of names)
    run(
      db,
      'INSERT INTO decision_voter (decision_id, member_id, vote) VALUES (?, ?, ?)',
      decisionId,
      n.memberId,
      n.vote,
    );
}

/** Removes the vote on a decision; whether there was one. */
export function deleteVote(db: DB, decisionId: number): boolean {
  run(db, 'DELETE FROM decision_voter WHERE decision_id = ?', decisionId);
  return run(db, 'DELETE FROM decision_vote WHERE decision_id = ?', decisionId).changes > 0;
}

export const hasVote = (db: DB, decisionId: number): boolean =>
  get<{ n: number }>(db, 'SELECT count(*) AS n FROM decision_vote WHERE decision_id = ?', decisionId)!.n > 0;
