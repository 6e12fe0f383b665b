/** The quorum rule that applies to a meeting: its own (fixed when it started), else the board's. */
import type { QuorumRule } from '../../../shared/domain/quorum';
import type { DB } from '../store/board-file';
import { boardRow } from '../store/board';
import { meetingById } from '../store/meetings';

type RuleColumns = {
  quorum_count: number | null;
  quorum_role: string | null;
  quorum_voting_only: number | null;
};

export function quorumRuleOf(meeting: RuleColumns | undefined, board: RuleColumns | undefined): QuorumRule {
  const r = meeting && meeting.quorum_count !== null ? meeting : board;
  return {
    count: r?.quorum_count ?? 3,
    role: (r?.quorum_role ?? 'elected_member') as QuorumRule['role'],
    votingOnly: r?.quorum_voting_only === 1,
  };
}

export function quorumRuleFor(db: DB, meetingId: number | null): QuorumRule {
  const own = meetingId ? meetingById(db, meetingId) : undefined;
  return quorumRuleOf(own, own && own.quorum_count !== null ? undefined : boardRow(db));
}
