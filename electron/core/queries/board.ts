/** The board's heading (authority, name, logo) and membership, as documents and screens show them. */
import { ApiError } from '../../../shared/api/errors';
import type { MemberRole, QuorumRule } from '../../../shared/domain/quorum';
import type { DB } from '../store/board-file';
import { allMembers, boardRow, type MemberRow } from '../store/board';
import { bool } from '../store/sql';

export interface Member {
  id: number;
  name: string;
  role: MemberRole;
  jobTitle: string;
  organisation: string;
  voting: boolean;
  activeFrom: string | null;
  activeTo: string | null;
}

export const toMember = (m: MemberRow): Member => ({
  id: m.id,
  name: m.name,
  role: m.role,
  jobTitle: m.job_title,
  organisation: m.organisation,
  voting: bool(m.voting),
  activeFrom: m.active_from,
  activeTo: m.active_to,
});

/** Every member, in the board's order. */
export const members = (db: DB): Member[] => allMembers(db).map(toMember);

export interface Board {
  authority: string;
  name: string;
  logo: Buffer | null;
  logoMime: string | null;
  quorum: QuorumRule;
  members: Member[];
}

export function board(db: DB): Board {
  const b = boardRow(db);
  if (!b) throw new ApiError('bad_file', 'This board file has no board details');
  return {
    authority: b.authority,
    name: b.name,
    logo: b.logo ? Buffer.from(b.logo) : null,
    logoMime: b.logo_mime,
    quorum: {
      count: b.quorum_count,
      role: b.quorum_role,
      votingOnly: bool(b.quorum_voting_only),
      remoteCounts: bool(b.quorum_counts_remote),
    },
    members: members(db),
  };
}

/** Members whose active dates cover `date` (open-ended dates count as active). */
export const activeOn = (m: Member, date: string) =>
  (!m.activeFrom || m.activeFrom <= date) && (!m.activeTo || m.activeTo >= date);
