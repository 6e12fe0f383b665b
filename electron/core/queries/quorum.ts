/** The quorum rule that applies to a meeting: its own (fixed when it started), else the board's. */
import { quorumState, type QuorumRule, type QuorumState } from '../../../shared/domain/quorum';
import type { DB } from '../store/board-file';
import { boardRow } from '../store/board';
import { attendanceOfMeeting, meetingById } from '../store/meetings';

type RuleColumns = {
  quorum_count: number | null;
  quorum_role: string | null;
  quorum_voting_only: number | null;
  quorum_counts_remote?: number | null;
};

export function quorumRuleOf(meeting: RuleColumns | undefined, board: RuleColumns | undefined): QuorumRule {
  const r = meeting && meeting.quorum_count !== null ? meeting : board;
  return {
    count: r?.quorum_count ?? 3,
    role: (r?.quorum_role ?? 'elected_member') as QuorumRule['role'],
    votingOnly: r?.quorum_voting_only === 1,
    remoteCounts: r?.quorum_counts_remote === 1,
  };
}

export function quorumRuleFor(db: DB, meetingId: number | null): QuorumRule {
  const own = meetingId ? meetingById(db, meetingId) : undefined;
  return quorumRuleOf(own, own && own.quorum_count !== null ? undefined : boardRow(db));
}

/** Whether a meeting is quorate now: its own rule (else the board's) applied to its recorded attendance. */
export function quorumOf(db: DB, meetingId: number): QuorumState {
  const attendees = attendanceOfMeeting(db, meetingId).map((a) => ({
    memberId: a.member_id,
    role: a.role,
    voting: a.voting === 1,
    status: a.status,
    remote: a.remote === 1,
  }));
  return quorumState(quorumRuleFor(db, meetingId), attendees);
}
