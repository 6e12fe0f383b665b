/** Meetings and what hangs off them: agenda items, papers, links, decisions, attendance, declarations, amendments. */
import type { MeetingStatus } from '../../../shared/api/meetings';
import type { ItemKind, Purpose } from '../../../shared/api/meetings';
import type { AttendanceStatus, MemberRole } from '../../../shared/domain/quorum';
import type { DB } from './board-file';
import { all, get } from './sql';

export interface MeetingRowDb {
  id: number;
  date: string;
  start_time: string;
  venue: string;
  chair_member_id: number | null;
  chair: string | null;
  type: 'ordinary' | 'extraordinary';
  status: MeetingStatus;
  approved_at: string | null;
  approved_by: string | null;
  approved_at_meeting_id: number | null;
  approved_at_date: string | null;
  quorum_count: number | null;
  quorum_role: string | null;
  quorum_voting_only: number | null;
}

export const meetingById = (db: DB, id: number): MeetingRowDb | undefined =>
  get<MeetingRowDb>(
    db,
    `SELECT m.id, m.date, m.start_time, m.venue, m.chair_member_id, mb.name AS chair, m.type, m.status,
            m.approved_at, m.approved_by, m.approved_at_meeting_id, am.date AS approved_at_date,
            m.quorum_count, m.quorum_role, m.quorum_voting_only
     FROM meeting m LEFT JOIN member mb ON mb.id = m.chair_member_id
     LEFT JOIN meeting am ON am.id = m.approved_at_meeting_id WHERE m.id = ?`,
    id,
  );

export interface PreviousMeetingRow {
  id: number;
  date: string;
  status: MeetingStatus;
  approved_at_meeting_id: number | null;
}

/** The meeting before this one (by date, then id): the one whose minutes this meeting approves. */
export const meetingBefore = (db: DB, m: { id: number; date: string }): PreviousMeetingRow | undefined =>
  get<PreviousMeetingRow>(
    db,
    `SELECT id, date, status, approved_at_meeting_id FROM meeting
     WHERE date < @date OR (date = @date AND id < @id) ORDER BY date DESC, id DESC LIMIT 1`,
    { date: m.date, id: m.id },
  );

export interface ItemRowDb {
  id: number;
  meeting_id: number;
  position: number;
  kind: ItemKind;
  title: string;
  presenter: string;
  purpose: Purpose;
  minutes_allowed: number | null;
  exempt: number;
  exempt_paragraph: string;
  minutes_doc: string;
  minutes_text: string;
}

const ITEM = `SELECT id, meeting_id, position, kind, title, presenter, purpose, minutes_allowed, exempt,
  exempt_paragraph, minutes_doc, minutes_text FROM agenda_item`;

export const itemsOfMeeting = (db: DB, meetingId: number): ItemRowDb[] =>
  all<ItemRowDb>(db, `${ITEM} WHERE meeting_id = ? ORDER BY position, id`, meetingId);

export interface ItemLinkRow {
  agenda_item_id: number;
  to_priority_id: number | null;
  to_pledge_id: number | null;
  to_principle_id: number | null;
  priority_code: string | null;
  priority_title: string | null;
}

/** Links from a meeting's items to priorities, pledges and principles (priorities in strategy order). */
export const linksOfMeetingItems = (db: DB, meetingId: number): ItemLinkRow[] =>
  all<ItemLinkRow>(
    db,
    `SELECT l.agenda_item_id, l.to_priority_id, l.to_pledge_id, l.to_principle_id,
            p.code AS priority_code, p.title AS priority_title
     FROM link l JOIN agenda_item i ON i.id = l.agenda_item_id LEFT JOIN priority p ON p.id = l.to_priority_id
     WHERE i.meeting_id = ? ORDER BY p.sort, p.id`,
    meetingId,
  );

export interface PaperRow {
  agenda_item_id: number;
  label: string;
  ref: string;
}

export const papersOfMeeting = (db: DB, meetingId: number): PaperRow[] =>
  all<PaperRow>(
    db,
    `SELECT pa.agenda_item_id, pa.label, pa.ref FROM agenda_paper pa JOIN agenda_item i ON i.id = pa.agenda_item_id
     WHERE i.meeting_id = ? ORDER BY pa.sort, pa.id`,
    meetingId,
  );

export interface DecisionRowDb {
  id: number;
  agenda_item_id: number;
  text: string;
}

export const decisionsOfMeeting = (db: DB, meetingId: number): DecisionRowDb[] =>
  all<DecisionRowDb>(
    db,
    `SELECT d.id, d.agenda_item_id, d.text FROM decision d JOIN agenda_item i ON i.id = d.agenda_item_id
     WHERE i.meeting_id = ? ORDER BY d.position, d.id`,
    meetingId,
  );

export interface AttendanceRowDb {
  member_id: number;
  status: AttendanceStatus;
  substitute_for_member_id: number | null;
  name: string;
  role: MemberRole;
  job_title: string;
  organisation: string;
  voting: number;
  substitute_for: string | null;
}

/** Who attended, in the board's member order. */
export const attendanceOfMeeting = (db: DB, meetingId: number): AttendanceRowDb[] =>
  all<AttendanceRowDb>(
    db,
    `SELECT a.member_id, a.status, a.substitute_for_member_id, mb.name, mb.role, mb.job_title, mb.organisation,
            mb.voting, sf.name AS substitute_for
     FROM attendance a JOIN member mb ON mb.id = a.member_id LEFT JOIN member sf ON sf.id = a.substitute_for_member_id
     WHERE a.meeting_id = ? ORDER BY mb.sort, mb.name`,
    meetingId,
  );

export interface MeetingMemberRow {
  id: number;
  name: string;
  role: MemberRole;
  organisation: string;
  job_title: string;
  voting: number;
}

/** Members active on the meeting's date, and anyone recorded at it (attendance, substitution, declaration). */
export const membersOfMeeting = (db: DB, m: { id: number; date: string }): MeetingMemberRow[] =>
  all<MeetingMemberRow>(
    db,
    `SELECT id, name, role, organisation, job_title, voting FROM member
     WHERE ((active_from IS NULL OR active_from <= @date) AND (active_to IS NULL OR active_to >= @date))
        OR id IN (SELECT member_id FROM attendance WHERE meeting_id = @id)
        OR id IN (SELECT substitute_for_member_id FROM attendance WHERE meeting_id = @id)
        OR id IN (SELECT member_id FROM declaration WHERE meeting_id = @id)
     ORDER BY sort, name`,
    { id: m.id, date: m.date },
  );

export interface DeclarationRowDb {
  id: number;
  member_id: number;
  member: string;
  agenda_item_id: number | null;
  item_position: number | null;
  item_title: string | null;
  item_exempt: number;
  nature: string;
}

/** Declarations of interest, in the order made. */
export const declarationsOfMeeting = (db: DB, meetingId: number): DeclarationRowDb[] =>
  all<DeclarationRowDb>(
    db,
    `SELECT d.id, d.member_id, mb.name AS member, d.agenda_item_id, ai.position AS item_position,
            ai.title AS item_title, ifnull(ai.exempt, 0) AS item_exempt, d.nature
     FROM declaration d JOIN member mb ON mb.id = d.member_id LEFT JOIN agenda_item ai ON ai.id = d.agenda_item_id
     WHERE d.meeting_id = ? ORDER BY d.id`,
    meetingId,
  );

export interface AmendmentRowDb {
  id: number;
  agenda_item_id: number | null;
  item_position: number | null;
  item_title: string | null;
  item_exempt: number;
  text: string;
  author: string;
  created_at: string;
}

/** Corrections recorded after approval, in the order recorded. */
export const amendmentsOfMeeting = (db: DB, meetingId: number): AmendmentRowDb[] =>
  all<AmendmentRowDb>(
    db,
    `SELECT x.id, x.agenda_item_id, ai.position AS item_position, ai.title AS item_title,
            ifnull(ai.exempt, 0) AS item_exempt, x.text, x.author, x.created_at
     FROM minutes_amendment x LEFT JOIN agenda_item ai ON ai.id = x.agenda_item_id
     WHERE x.meeting_id = ? ORDER BY x.id`,
    meetingId,
  );

/** Meetings held (or being held) between two dates, oldest first. */
export const heldMeetingIds = (db: DB, from: string, to: string): number[] =>
  all<{ id: number }>(
    db,
    `SELECT id FROM meeting WHERE date BETWEEN ? AND ? AND status IN ('in_progress', 'minutes_draft', 'minutes_approved')
     ORDER BY date, id`,
    from,
    to,
  ).map((r) => r.id);

/** SQL for an UPDATE of a meeting: keeps its quorum rule if it has one, else takes the board's now. */
export const FIX_QUORUM_RULE = `quorum_count = coalesce(quorum_count, (SELECT quorum_count FROM board WHERE id = 1)),
  quorum_role = coalesce(quorum_role, (SELECT quorum_role FROM board WHERE id = 1)),
  quorum_voting_only = coalesce(quorum_voting_only, (SELECT quorum_voting_only FROM board WHERE id = 1))`;

export interface MeetingSummaryRow {
  id: number;
  date: string;
  start_time: string;
  venue: string;
  type: 'ordinary' | 'extraordinary';
  status: MeetingStatus;
  chair: string | null;
  approved_at: string | null;
  approved_at_date: string | null;
  item_count: number;
  exempt_items: number;
  has_snapshot: number;
}

/** Every meeting with its counts, oldest first (by date, start time, then id). */
export const meetingSummaries = (db: DB): MeetingSummaryRow[] =>
  all<MeetingSummaryRow>(
    db,
    `SELECT m.id, m.date, m.start_time, m.venue, m.type, m.status, mb.name AS chair, m.approved_at,
            am.date AS approved_at_date,
            (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id) AS item_count,
            (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id AND a.exempt = 1) AS exempt_items,
            EXISTS (SELECT 1 FROM snapshot s WHERE s.meeting_id = m.id) AS has_snapshot
     FROM meeting m LEFT JOIN member mb ON mb.id = m.chair_member_id
     LEFT JOIN meeting am ON am.id = m.approved_at_meeting_id
     ORDER BY m.date, m.start_time, m.id`,
  );

/** The first meeting on or after `today` whose status is not one of `notIn`. */
export const nextMeetingFrom = (
  db: DB,
  today: string,
  notIn: readonly MeetingStatus[],
): Pick<MeetingRowDb, 'id' | 'date' | 'start_time' | 'venue' | 'type' | 'status'> | undefined =>
  get(
    db,
    `SELECT id, date, start_time, venue, type, status FROM meeting
     WHERE date >= ? AND status NOT IN (SELECT value FROM json_each(?)) ORDER BY date, start_time, id LIMIT 1`,
    today,
    JSON.stringify(notIn),
  );

export interface RecentDecisionRow {
  id: number;
  text: string;
  meeting_id: number;
  date: string;
  title: string;
  exempt: number;
}

/** The latest decisions made at meetings up to `today`. */
export const recentDecisions = (db: DB, today: string, limit: number): RecentDecisionRow[] =>
  all<RecentDecisionRow>(
    db,
    `SELECT d.id, d.text, m.id AS meeting_id, m.date, a.title, a.exempt FROM decision d
     JOIN agenda_item a ON a.id = d.agenda_item_id JOIN meeting m ON m.id = a.meeting_id
     WHERE m.date <= ? ORDER BY m.date DESC, a.position, d.position LIMIT ?`,
    today,
    limit,
  );
