import type { QuorumRule } from '../../../shared/domain/quorum';
import type { DB } from '../store/board-file';

type Row = { count: number | null; role: string | null; v: number | null };

/** The quorum rule that applies to a meeting: its own (fixed when it started), else the board's. */
export function quorumRuleFor(db: DB, meetingId: number | null): QuorumRule {
  const own = meetingId
    ? (db
        .prepare(
          'SELECT quorum_count AS count, quorum_role AS role, quorum_voting_only AS v FROM meeting WHERE id = ?',
        )
        .get(meetingId) as Row | undefined)
    : undefined;
  const r =
    own && own.count !== null
      ? own
      : (db
          .prepare(
            'SELECT quorum_count AS count, quorum_role AS role, quorum_voting_only AS v FROM board WHERE id = 1',
          )
          .get() as Row);
  return {
    count: r.count ?? 3,
    role: (r.role ?? 'elected_member') as QuorumRule['role'],
    votingOnly: r.v === 1,
  };
}

/** SQL fragment for an UPDATE of a meeting: keeps its rule if it has one, else takes the board's now. */
export const FIX_QUORUM_RULE = `quorum_count = coalesce(quorum_count, (SELECT quorum_count FROM board WHERE id = 1)),
  quorum_role = coalesce(quorum_role, (SELECT quorum_role FROM board WHERE id = 1)),
  quorum_voting_only = coalesce(quorum_voting_only, (SELECT quorum_voting_only FROM board WHERE id = 1))`;
