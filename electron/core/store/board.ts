/** The board itself (one row) and its members. */
import type { MemberRole, QuorumRule } from '../../../shared/domain/quorum';
import type { DB } from './board-file';
import { all, get, run } from './sql';

export interface BoardRow {
  authority: string;
  name: string;
  logo: Buffer | null;
  logo_mime: string | null;
  quorum_count: number;
  quorum_role: QuorumRule['role'];
  quorum_voting_only: number;
  /** Whether remote attendance counts towards the quorum (migration 0012). */
  quorum_counts_remote: number;
}

export const boardRow = (db: DB): BoardRow | undefined =>
  get<BoardRow>(
    db,
    'SELECT authority, name, logo, logo_mime, quorum_count, quorum_role, quorum_voting_only, quorum_counts_remote FROM board WHERE id = 1',
  );

export const updateBoardNames = (db: DB, authority: string, name: string): void => {
  run(db, 'UPDATE board SET authority = ?, name = ? WHERE id = 1', authority, name);
};

export const updateBoardLogo = (db: DB, logo: Buffer | null, mime: string | null): void => {
  run(db, 'UPDATE board SET logo = ?, logo_mime = ? WHERE id = 1', logo, mime);
};

export const updateBoardQuorum = (db: DB, rule: QuorumRule): void => {
  run(
    db,
    'UPDATE board SET quorum_count = ?, quorum_role = ?, quorum_voting_only = ? WHERE id = 1',
    rule.count,
    rule.role,
    rule.votingOnly ? 1 : 0,
  );
  if (rule.remoteCounts !== undefined)
    run(db, 'UPDATE board SET quorum_counts_remote = ? WHERE id = 1', rule.remoteCounts ? 1 : 0);
};

/** The board's publishing settings (schema 9): the agenda's front sheet, names in public, minute numbers. */
export interface PublishingRow {
  contact_name: string;
  contact_title: string;
  contact_email: string;
  contact_phone: string;
  summons_by: string;
  public_notice: string;
  young_people_first_names: number;
  minute_prefix: string;
  year_start_month: number;
}

export const publishingRow = (db: DB): PublishingRow | undefined =>
  get<PublishingRow>(
    db,
    `SELECT contact_name, contact_title, contact_email, contact_phone, summons_by, public_notice,
            young_people_first_names, minute_prefix, year_start_month FROM board WHERE id = 1`,
  );

export const updatePublishing = (db: DB, p: PublishingRow): void => {
  run(
    db,
    `UPDATE board SET contact_name = @contact_name, contact_title = @contact_title, contact_email = @contact_email,
       contact_phone = @contact_phone, summons_by = @summons_by, public_notice = @public_notice,
       young_people_first_names = @young_people_first_names, minute_prefix = @minute_prefix,
       year_start_month = @year_start_month WHERE id = 1`,
    p,
  );
};

export interface MemberRow {
  id: number;
  name: string;
  role: MemberRole;
  job_title: string;
  organisation: string;
  voting: number;
  active_from: string | null;
  active_to: string | null;
}

const MEMBER = 'SELECT id, name, role, job_title, organisation, voting, active_from, active_to FROM member';

/** Every member, in the board's order. */
export const allMembers = (db: DB): MemberRow[] => all<MemberRow>(db, `${MEMBER} ORDER BY sort, name`);

export const memberRow = (db: DB, id: number): MemberRow | undefined =>
  get<MemberRow>(db, `${MEMBER} WHERE id = ?`, id);

export interface MemberFields {
  name: string;
  role: string;
  jobTitle: string;
  organisation: string;
  voting: boolean;
  activeFrom: string | null;
  activeTo: string | null;
}

const memberParams = (m: MemberFields) => ({
  name: m.name,
  role: m.role,
  job_title: m.jobTitle,
  organisation: m.organisation,
  voting: m.voting ? 1 : 0,
  active_from: m.activeFrom,
  active_to: m.activeTo,
});

/** A new member, placed last in the board's order. */
export const insertMember = (db: DB, m: MemberFields): number =>
  run(
    db,
    `INSERT INTO member (name, role, job_title, organisation, voting, active_from, active_to, sort)
     VALUES (@name, @role, @job_title, @organisation, @voting, @active_from, @active_to,
             (SELECT coalesce(max(sort), 0) + 1 FROM member))`,
    memberParams(m),
  ).lastId;

export const updateMember = (db: DB, id: number, m: MemberFields): void => {
  run(
    db,
    `UPDATE member SET name = @name, role = @role, job_title = @job_title, organisation = @organisation,
       voting = @voting, active_from = @active_from, active_to = @active_to WHERE id = @id`,
    { ...memberParams(m), id },
  );
};

export const deleteMember = (db: DB, id: number): number =>
  run(db, 'DELETE FROM member WHERE id = ?', id).changes;

/** How many records (attendance, declarations, actions, chairing) name a member. */
export const memberUses = (db: DB, id: number): number =>
  get<{ n: number }>(
    db,
    `SELECT (SELECT count(*) FROM attendance WHERE member_id = @id OR substitute_for_member_id = @id)
          + (SELECT count(*) FROM declaration WHERE member_id = @id)
          + (SELECT count(*) FROM action WHERE owner_member_id = @id)
          + (SELECT count(*) FROM meeting WHERE chair_member_id = @id)
          + (SELECT count(*) FROM member_visit_member WHERE member_id = @id) AS n`,
    { id },
  )!.n;
