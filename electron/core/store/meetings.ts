/** Meetings and what hangs off them: agenda items, papers, links, decisions, attendance, declarations, amendments. */
import type { MeetingStatus } from '../../../shared/api/meetings';
import type { ItemKind, Purpose } from '../../../shared/api/meetings';
import type { AttendanceStatus, MemberRole } from '../../../shared/domain/quorum';
import type { DB } from './board-file';
import { all, get, run } from './sql';

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
  /** Whether remote attendance counts (fixed with the rule when the meeting starts; migration 0012). */
  quorum_counts_remote: number | null;
  /** Why the meeting was started before its day ('' when it was not). */
  early_start_reason: string;
  /** Approved "subject to amendments": the amendments ('' for a correct record). */
  approval_amendments: string;
  /** When it closed (HH:MM), recorded when it ended. */
  closing_time: string | null;
  /** The day its agenda was published. */
  published_on: string | null;
  /** Its minute numbers, fixed at approval ('CPB/26/27' and the first number). */
  minute_series: string | null;
  minute_start: number | null;
}

export const meetingById = (db: DB, id: number): MeetingRowDb | undefined =>
  get<MeetingRowDb>(
    db,
    `SELECT m.id, m.date, m.start_time, m.venue, m.chair_member_id, mb.name AS chair, m.type, m.status,
            m.approved_at, m.approved_by, m.approved_at_meeting_id, am.date AS approved_at_date,
            m.quorum_count, m.quorum_role, m.quorum_voting_only, m.quorum_counts_remote, m.early_start_reason,
            m.approval_amendments, m.closing_time, m.published_on, m.minute_series, m.minute_start
     FROM meeting m LEFT JOIN member mb ON mb.id = m.chair_member_id
     LEFT JOIN meeting am ON am.id = m.approved_at_meeting_id WHERE m.id = ?`,
    id,
  );

/**
 * A meeting's date and fixed minute numbers: all minute numbering reads (the demo writes boards of
 * earlier schemas through it too, so it names no column added later than migration 0009).
 */
export const meetingMinuteFields = (
  db: DB,
  id: number,
): Pick<MeetingRowDb, 'id' | 'date' | 'minute_series' | 'minute_start'> | undefined =>
  get(db, 'SELECT id, date, minute_series, minute_start FROM meeting WHERE id = ?', id);

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
  /** The Schedule 12A paragraph (1–7) a Part B item is exempt under. */
  exempt_para: number | null;
  /** What public documents call a Part B item ('' = a neutral title naming the paragraph). */
  public_title: string;
  report_author: string;
  report_purpose: string;
  recommendations: string;
  minutes_doc: string;
  minutes_text: string;
  /** Taken off the agenda after the meeting started: kept, with its minutes, and shown as withdrawn. */
  withdrawn: number;
  /** Added after the meeting started: urgent business. */
  urgent: number;
  revision: number;
  minutes_revision: number;
}

const ITEM = `SELECT id, meeting_id, position, kind, title, presenter, purpose, minutes_allowed, exempt,
  exempt_para, public_title, report_author, report_purpose, recommendations, minutes_doc, minutes_text, withdrawn, urgent, revision, minutes_revision FROM agenda_item`;

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
  exempt: number;
  revision: number;
}

export const decisionsOfMeeting = (db: DB, meetingId: number): DecisionRowDb[] =>
  all<DecisionRowDb>(
    db,
    `SELECT d.id, d.agenda_item_id, d.text, d.exempt, d.revision FROM decision d JOIN agenda_item i ON i.id = d.agenda_item_id
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
  remote: number;
  arrived_at: string | null;
  arrived_item_id: number | null;
  left_at: string | null;
  left_item_id: number | null;
}

/** Who attended, in the board's member order. */
export const attendanceOfMeeting = (db: DB, meetingId: number): AttendanceRowDb[] =>
  all<AttendanceRowDb>(
    db,
    `SELECT a.member_id, a.status, a.substitute_for_member_id, mb.name, mb.role, mb.job_title, mb.organisation,
            mb.voting, sf.name AS substitute_for, a.remote, a.arrived_at, a.arrived_item_id, a.left_at, a.left_item_id
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
  kind: 'disclosable_pecuniary' | 'other_registrable' | 'non_registrable' | null;
  withdrew: number;
  dispensation: number;
}

/** Declarations of interest, in the order made. */
export const declarationsOfMeeting = (db: DB, meetingId: number): DeclarationRowDb[] =>
  all<DeclarationRowDb>(
    db,
    `SELECT d.id, d.member_id, mb.name AS member, d.agenda_item_id, ai.position AS item_position,
            ai.title AS item_title, ifnull(ai.exempt, 0) AS item_exempt, d.nature, d.kind, d.withdrew, d.dispensation
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

/** In an UPDATE of a meeting: keeps its quorum rule if it has one, else takes the board's now. */
const FIX_QUORUM_RULE = `quorum_count = coalesce(quorum_count, (SELECT quorum_count FROM board WHERE id = 1)),
  quorum_role = coalesce(quorum_role, (SELECT quorum_role FROM board WHERE id = 1)),
  quorum_voting_only = coalesce(quorum_voting_only, (SELECT quorum_voting_only FROM board WHERE id = 1)),
  quorum_counts_remote = CASE WHEN quorum_count IS NULL THEN (SELECT quorum_counts_remote FROM board WHERE id = 1)
    ELSE quorum_counts_remote END`;

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

/**
 * The latest decisions made at meetings up to `today`. Only the latest `limit` meetings that made
 * decisions (walked newest first by the meeting_date index) can hold them, so only those are read.
 */
export const recentDecisions = (db: DB, today: string, limit: number): RecentDecisionRow[] =>
  all<RecentDecisionRow>(
    db,
    `SELECT d.id, d.text, m.id AS meeting_id, m.date, a.title, max(a.exempt, d.exempt) AS exempt FROM decision d
     JOIN agenda_item a ON a.id = d.agenda_item_id JOIN meeting m ON m.id = a.meeting_id
     WHERE m.date <= @today AND m.date >= coalesce((
       SELECT min(date) FROM (
         SELECT x.date FROM meeting x WHERE x.date <= @today AND EXISTS (
           SELECT 1 FROM agenda_item i JOIN decision e ON e.agenda_item_id = i.id WHERE i.meeting_id = x.id)
         ORDER BY x.date DESC LIMIT @limit)), '')
     ORDER BY m.date DESC, a.position, d.position LIMIT @limit`,
    { today, limit },
  );

// ---- Meetings: writes

export interface MeetingFields {
  date: string;
  startTime: string;
  venue: string;
  chairMemberId: number | null;
  type: 'ordinary' | 'extraordinary';
}

export const insertMeeting = (db: DB, m: MeetingFields, now: string): number =>
  run(
    db,
    `INSERT INTO meeting (date, start_time, venue, chair_member_id, type, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'draft', ?, ?)`,
    m.date,
    m.startTime,
    m.venue,
    m.chairMemberId,
    m.type,
    now,
    now,
  ).lastId;

export const updateMeeting = (db: DB, id: number, m: MeetingFields, now: string): void => {
  run(
    db,
    'UPDATE meeting SET date = ?, start_time = ?, venue = ?, chair_member_id = ?, type = ?, updated_at = ? WHERE id = ?',
    m.date,
    m.startTime,
    m.venue,
    m.chairMemberId,
    m.type,
    now,
    id,
  );
};

/** Moves a meeting on; `fixQuorumRule` keeps the rule in force that day with it from then on. */
export const setMeetingStatus = (
  db: DB,
  id: number,
  status: MeetingStatus,
  now: string,
  fixQuorumRule: boolean,
): void => {
  run(
    db,
    `UPDATE meeting SET status = ?, updated_at = ?${fixQuorumRule ? `, ${FIX_QUORUM_RULE}` : ''} WHERE id = ?`,
    status,
    now,
    id,
  );
};

/**
 * Marks a meeting's minutes approved at a later meeting: its quorum rule and its minute numbers
 * stay with it from then on.
 */
export const approveMeetingMinutes = (
  db: DB,
  id: number,
  a: {
    approvedAt: string;
    approvedBy: string;
    atMeetingId: number;
    minuteSeries: string;
    minuteStart: number;
    /** Approved "subject to amendments": what they are ('' or absent: a correct record). */
    amendments?: string;
  },
): void => {
  run(
    db,
    `UPDATE meeting SET status = 'minutes_approved', approved_at = ?, approved_by = ?, approved_at_meeting_id = ?,
       approval_amendments = ?, updated_at = ?, minute_series = ?, minute_start = ?, ${FIX_QUORUM_RULE} WHERE id = ?`,
    a.approvedAt,
    a.approvedBy,
    a.atMeetingId,
    a.amendments ?? '',
    a.approvedAt,
    a.minuteSeries,
    a.minuteStart,
    id,
  );
};

/** When the meeting closed (HH:MM), or null. */
export const setClosingTime = (db: DB, id: number, time: string | null): void => {
  run(db, 'UPDATE meeting SET closing_time = ? WHERE id = ?', time, id);
};

/** The day the meeting's agenda was published. */
export const setPublishedOn = (db: DB, id: number, date: string): void => {
  run(db, 'UPDATE meeting SET published_on = ? WHERE id = ?', date, id);
};

export interface MinuteChainRow {
  id: number;
  date: string;
  minute_series: string | null;
  minute_start: number | null;
  /** Minutes the meeting takes: one per item, and one for excluding the press and public if it had Part B items. */
  minute_count: number;
}

/**
 * Meetings held (or being held) from `from` up to but not including `until`, oldest first, each
 * with the minute numbers it has fixed and how many minutes it takes: how minutes are numbered
 * through a municipal year.
 */
export const minuteChain = (db: DB, from: string, until: string): MinuteChainRow[] =>
  all<MinuteChainRow>(
    db,
    `SELECT m.id, m.date, m.minute_series, m.minute_start,
            (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id)
              + (SELECT count(*) > 0 FROM agenda_item a WHERE a.meeting_id = m.id AND a.exempt = 1) AS minute_count
     FROM meeting m
     WHERE m.date >= ? AND m.date < ? AND m.status IN ('in_progress', 'minutes_draft', 'minutes_approved')
     ORDER BY m.date, m.id`,
    from,
    until,
  );

/** Deletes a meeting with its items, and the actions recorded at it (the bin keeps them all). */
export const deleteMeeting = (db: DB, id: number): void => {
  run(
    db,
    'DELETE FROM action WHERE meeting_id = ? OR agenda_item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?)',
    id,
    id,
  );
  run(db, 'DELETE FROM meeting WHERE id = ?', id);
};

/** The links whose rows a meeting's or an item's delete takes with it (see deleteMeeting, deleteItem). */
export const meetingTakes = ['action.meeting_id', 'action.agenda_item_id'] as const;
export const itemTakes = ['action.agenda_item_id'] as const;

/** Records that a meeting changed (approved meetings are never touched). */
export const touchMeeting = (db: DB, id: number, now: string): void => {
  run(db, "UPDATE meeting SET updated_at = ? WHERE id = ? AND status <> 'minutes_approved'", now, id);
};

/** The latest meeting other than this one (by date, then id). */
export const latestMeetingExcept = (db: DB, id: number): { id: number; date: string } | undefined =>
  get(db, 'SELECT id, date FROM meeting WHERE id <> ? ORDER BY date DESC, id DESC LIMIT 1', id);

// ---- Agenda items

export const itemById = (db: DB, id: number): ItemRowDb | undefined =>
  get<ItemRowDb>(db, `${ITEM} WHERE id = ?`, id);

/** Which meeting an item is on (an autosave needs no more: not its 24 KB of minutes read back). */
export const itemMeetingId = (db: DB, id: number): number | undefined =>
  get<{ meeting_id: number }>(db, 'SELECT meeting_id FROM agenda_item WHERE id = ?', id)?.meeting_id;

/** A meeting's item ids in agenda order. */
export const itemIdsOfMeeting = (db: DB, meetingId: number): number[] =>
  all<{ id: number }>(
    db,
    'SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position, id',
    meetingId,
  ).map((r) => r.id);

/** The meeting's first "minutes of the last meeting" item. */
export const minutesItemOf = (db: DB, meetingId: number): number | undefined =>
  get<{ id: number }>(
    db,
    "SELECT id FROM agenda_item WHERE meeting_id = ? AND kind = 'minutes' ORDER BY position LIMIT 1",
    meetingId,
  )?.id;

export interface ItemFields {
  kind: string;
  title: string;
  presenter: string;
  purpose: string;
  minutesAllowed: number | null;
  exempt: boolean;
  exemptParagraph: number | null;
  /** The report's details for the agenda pack and a Part B item's public title; null: unchanged (update). */
  publicTitle: string | null;
  reportAuthor: string | null;
  reportPurpose: string | null;
  recommendations: string | null;
}

export const insertItem = (db: DB, meetingId: number, position: number, it: ItemFields): number =>
  run(
    db,
    `INSERT INTO agenda_item (meeting_id, position, kind, title, presenter, purpose, minutes_allowed, exempt, exempt_para,
       public_title, report_author, report_purpose, recommendations)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    meetingId,
    position,
    it.kind,
    it.title,
    it.presenter,
    it.purpose,
    it.minutesAllowed,
    it.exempt ? 1 : 0,
    it.exemptParagraph,
    it.publicTitle ?? '',
    it.reportAuthor ?? '',
    it.reportPurpose ?? '',
    it.recommendations ?? '',
  ).lastId;

/** A new item with the schema's defaults for everything but its kind and title. */
export const insertBareItem = (
  db: DB,
  meetingId: number,
  position: number,
  kind: string,
  title: string,
): number =>
  run(
    db,
    'INSERT INTO agenda_item (meeting_id, position, kind, title) VALUES (?, ?, ?, ?)',
    meetingId,
    position,
    kind,
    title,
  ).lastId;

/**
 * Updates an item's details if they are still at `baseRevision` (null: whatever they are), in one
 * statement so two processes on one file cannot both win. The new revision, or null if stale.
 */
export function updateItem(
  db: DB,
  id: number,
  it: Omit<ItemFields, 'kind'>,
  baseRevision: number | null = null,
): number | null {
  const r = run(
    db,
    `UPDATE agenda_item SET title = ?, presenter = ?, purpose = ?, minutes_allowed = ?, exempt = ?, exempt_para = ?,
       public_title = coalesce(?, public_title), report_author = coalesce(?, report_author),
       report_purpose = coalesce(?, report_purpose), recommendations = coalesce(?, recommendations),
     revision = revision + 1 WHERE id = ? AND (? IS NULL OR revision = ?)`,
    it.title,
    it.presenter,
    it.purpose,
    it.minutesAllowed,
    it.exempt ? 1 : 0,
    it.exemptParagraph,
    it.publicTitle,
    it.reportAuthor,
    it.reportPurpose,
    it.recommendations,
    id,
    baseRevision,
    baseRevision,
  );
  return r.changes === 0 ? null : itemById(db, id)!.revision;
}

export const setItemPosition = (db: DB, meetingId: number, id: number, position: number): void => {
  run(db, 'UPDATE agenda_item SET position = ? WHERE id = ? AND meeting_id = ?', position, id, meetingId);
};

/** Deletes an agenda item with its actions: an action left without its item would lose its Part B label. */
export const deleteItem = (db: DB, id: number): void => {
  run(db, 'DELETE FROM action WHERE agenda_item_id = ?', id);
  run(db, 'DELETE FROM agenda_item WHERE id = ?', id);
};

/** Takes an item off a started meeting's agenda without losing it or its minutes. */
export const withdrawItem = (db: DB, id: number): void => {
  run(db, 'UPDATE agenda_item SET withdrawn = 1 WHERE id = ?', id);
};

/** Marks an item added after the meeting started as urgent business. */
export const markItemUrgent = (db: DB, id: number): void => {
  run(db, 'UPDATE agenda_item SET urgent = 1 WHERE id = ?', id);
};

/** Records why a meeting was started before its day. */
export const setEarlyStartReason = (db: DB, id: number, reason: string): void => {
  run(db, 'UPDATE meeting SET early_start_reason = ? WHERE id = ?', reason, id);
};

/**
 * Saves an item's minutes if they are still at `baseRevision` (null: whatever they are), in one
 * statement so two processes on one file cannot both win. The new revision, or null if stale.
 */
export function saveItemMinutes(
  db: DB,
  id: number,
  doc: string,
  text: string,
  baseRevision: number | null,
): number | null {
  const r = get<{ minutes_revision: number }>(
    db,
    `UPDATE agenda_item SET minutes_doc = ?, minutes_text = ?, minutes_revision = minutes_revision + 1
     WHERE id = ? AND (? IS NULL OR minutes_revision = ?) RETURNING minutes_revision`,
    doc,
    text,
    id,
    baseRevision,
    baseRevision,
  );
  return r ? r.minutes_revision : null;
}

/** Replaces an item's links to priorities, pledges and principles. */
export function setItemLinks(
  db: DB,
  id: number,
  links: { priorityIds: Iterable<number>; pledgeIds: Iterable<number>; principleIds: Iterable<number> },
): void {
  run(db, 'DELETE FROM link WHERE agenda_item_id = ?', id);
  const sql =
    'INSERT INTO link (agenda_item_id, to_priority_id, to_pledge_id, to_principle_id) VALUES (?, ?, ?, ?)';
  for (const p of links.priorityIds) run(db, sql, id, p, null, null);
  for (const p of links.pledgeIds) run(db, sql, id, null, p, null);
  for (const p of links.principleIds) run(db, sql, id, null, null, p);
}

/** Copies one item's links onto another (a copied agenda keeps its links). */
export const copyItemLinks = (db: DB, fromItemId: number, toItemId: number): void => {
  run(
    db,
    `INSERT INTO link (agenda_item_id, to_priority_id, to_pledge_id, to_principle_id)
     SELECT ?, to_priority_id, to_pledge_id, to_principle_id FROM link WHERE agenda_item_id = ?`,
    toItemId,
    fromItemId,
  );
};

/** The item's first linked priority (an action raised on it takes that priority). */
export const firstPriorityOfItem = (db: DB, itemId: number): number | undefined =>
  get<{ p: number }>(
    db,
    'SELECT to_priority_id AS p FROM link WHERE agenda_item_id = ? AND to_priority_id IS NOT NULL ORDER BY id LIMIT 1',
    itemId,
  )?.p;

/** Replaces an item's papers, in the order given. */
export function setItemPapers(db: DB, id: number, papers: readonly { label: string; ref: string }[]): void {
  run(db, 'DELETE FROM agenda_paper WHERE agenda_item_id = ?', id);
  papers.forEach((p, i) =>
    run(
      db,
      'INSERT INTO agenda_paper (agenda_item_id, label, ref, sort) VALUES (?, ?, ?, ?)',
      id,
      p.label,
      p.ref,
      i + 1,
    ),
  );
}

// ---- Attendance and declarations

export const deleteAttendance = (db: DB, meetingId: number, memberId: number): void => {
  run(db, 'DELETE FROM attendance WHERE meeting_id = ? AND member_id = ?', meetingId, memberId);
};

export const setAttendance = (
  db: DB,
  meetingId: number,
  memberId: number,
  status: AttendanceStatus,
  substituteForMemberId: number | null,
): void => {
  run(
    db,
    `INSERT INTO attendance (meeting_id, member_id, status, substitute_for_member_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = excluded.status, substitute_for_member_id = excluded.substitute_for_member_id`,
    meetingId,
    memberId,
    status,
    substituteForMemberId,
  );
};

export const insertDeclaration = (
  db: DB,
  d: {
    meetingId: number;
    memberId: number;
    itemId: number | null;
    nature: string;
    kind?: string | null;
    withdrew?: boolean;
    dispensation?: boolean;
  },
): number =>
  run(
    db,
    'INSERT INTO declaration (meeting_id, member_id, agenda_item_id, nature, kind, withdrew, dispensation) VALUES (?, ?, ?, ?, ?, ?, ?)',
    d.meetingId,
    d.memberId,
    d.itemId,
    d.nature,
    d.kind ?? null,
    d.withdrew ? 1 : 0,
    d.dispensation ? 1 : 0,
  ).lastId;

export const declarationMeeting = (db: DB, id: number): number | undefined =>
  get<{ meeting_id: number }>(db, 'SELECT meeting_id FROM declaration WHERE id = ?', id)?.meeting_id;

export const deleteDeclaration = (db: DB, id: number): void => {
  run(db, 'DELETE FROM declaration WHERE id = ?', id);
};

// ---- Decisions and amendments

export interface DecisionRefRow {
  id: number;
  agenda_item_id: number;
  meeting_id: number;
  text: string;
}

export const decisionById = (db: DB, id: number): DecisionRefRow | undefined =>
  get<DecisionRefRow>(
    db,
    'SELECT d.id, d.agenda_item_id, a.meeting_id, d.text FROM decision d JOIN agenda_item a ON a.id = d.agenda_item_id WHERE d.id = ?',
    id,
  );

/** A decision, after the item's others. */
export const insertDecision = (db: DB, itemId: number, text: string): number =>
  run(
    db,
    `INSERT INTO decision (agenda_item_id, position, text)
     VALUES (@item, (SELECT coalesce(max(position), 0) + 1 FROM decision WHERE agenda_item_id = @item), @text)`,
    { item: itemId, text },
  ).lastId;

/** Rewords a decision if it is still at `baseRevision` (null: any); the new revision, or null if stale. */
export function updateDecision(
  db: DB,
  id: number,
  text: string,
  baseRevision: number | null = null,
): number | null {
  const r = run(
    db,
    'UPDATE decision SET text = ? WHERE id = ? AND (? IS NULL OR revision = ?)',
    text,
    id,
    baseRevision,
    baseRevision,
  );
  // The database bumps the revision (trigger decision_revision, migration 0008).
  return r.changes === 0
    ? null
    : get<{ revision: number }>(db, 'SELECT revision FROM decision WHERE id = ?', id)!.revision;
}

export const decisionNow = (db: DB, id: number): { revision: number; text: string } | undefined =>
  get<{ revision: number; text: string }>(db, 'SELECT revision, text FROM decision WHERE id = ?', id);

export const deleteDecision = (db: DB, id: number): void => {
  run(db, 'DELETE FROM decision WHERE id = ?', id);
};

export const insertAmendment = (
  db: DB,
  a: { meetingId: number; itemId: number | null; text: string; author: string; createdAt: string },
): number =>
  run(
    db,
    'INSERT INTO minutes_amendment (meeting_id, agenda_item_id, text, author, created_at) VALUES (?, ?, ?, ?, ?)',
    a.meetingId,
    a.itemId,
    a.text,
    a.author,
    a.createdAt,
  ).lastId;
