/**
 * The rows behind `cpb dump`, already in the dump's key names. Loosely typed on purpose: the dump
 * passes columns through as they are, so a new column appears in it without a second edit here.
 */
import type { DB } from './board-file';
import { all } from './sql';

export type DumpRow = Record<string, unknown>;

/** Which column of `link` holds the subject for each kind of thing that links out. */
export type LinkColumn = 'priority_id' | 'pledge_id' | 'plan_action_id' | 'measure_id' | 'agenda_item_id';

export const linkTargets = (db: DB, column: LinkColumn, id: number): DumpRow[] =>
  all<DumpRow>(db, `SELECT to_priority_id, to_pledge_id, to_principle_id FROM link WHERE ${column} = ?`, id);

export const priorities = (db: DB): DumpRow[] =>
  all<DumpRow>(db, 'SELECT id, code, title, description, sort, archived FROM priority ORDER BY sort, id');

export const pledges = (db: DB): DumpRow[] =>
  all<DumpRow>(
    db,
    'SELECT id, code, title, description, collection, sort, archived FROM pledge ORDER BY collection, sort, id',
  );

export const principles = (db: DB): DumpRow[] =>
  all<DumpRow>(db, 'SELECT id, code, short_title AS shortTitle, wording FROM principle ORDER BY id');

export const planActions = (db: DB): DumpRow[] =>
  all<DumpRow>(
    db,
    `SELECT id, priority_id AS priorityId, ref, action, who_where AS whoWhere, leads, timescale, status, archived
                               FROM plan_action ORDER BY sort, id`,
  );

export const planUpdates = (db: DB, planActionId: unknown): DumpRow[] =>
  all<DumpRow>(
    db,
    'SELECT date, author, text FROM plan_update WHERE plan_action_id = ? ORDER BY date DESC, id DESC',
    planActionId,
  );

export const measures = (db: DB): DumpRow[] =>
  all<DumpRow>(
    db,
    `SELECT id, code, title, definition, numerator_definition AS numerator, denominator_definition AS denominator,
                               dfe_ref AS dfeRef, age_band AS ageBand, unit, polarity, target, tolerance, decimals,
                               similar_band AS similarBand, frequency, year_basis AS yearBasis, owner, source,
                               priority_id AS priorityId, commentary_working AS commentaryWorking, commentary_worried AS commentaryWorried,
                               commentary_next AS commentaryNext, archived FROM measure ORDER BY sort, code`,
  );

export const measureValues = (db: DB, measureId: unknown): (DumpRow & { period: string })[] =>
  all<DumpRow & { period: string }>(
    db,
    'SELECT period, value, numerator, denominator, note FROM measure_value WHERE measure_id = ?',
    measureId,
  );

export const noFigures = (db: DB, measureId: unknown): DumpRow[] =>
  all<DumpRow>(
    db,
    'SELECT kind, period, symbol, note FROM no_figure WHERE measure_id = ? ORDER BY kind, period',
    measureId,
  );

export const comparators = (db: DB, measureId: unknown): DumpRow[] =>
  all<DumpRow>(
    db,
    'SELECT kind, period, value FROM comparator WHERE measure_id = ? ORDER BY kind, period',
    measureId,
  );

export const cohort = (db: DB): DumpRow[] =>
  all<DumpRow>(
    db,
    'SELECT period, breakdown, category, count FROM cohort_value ORDER BY period, breakdown, sort, category',
  );

export const meetings = (db: DB): DumpRow[] =>
  all<DumpRow>(
    db,
    `SELECT id, date, start_time AS startTime, venue, chair_member_id AS chairMemberId, type, status,
                               approved_at AS approvedAt, approved_by AS approvedBy FROM meeting ORDER BY date, id`,
  );

export const attendance = (db: DB, meetingId: unknown): DumpRow[] =>
  all<DumpRow>(
    db,
    `SELECT a.member_id AS memberId, mb.name, a.status, a.substitute_for_member_id AS substituteForMemberId
                          FROM attendance a JOIN member mb ON mb.id = a.member_id WHERE a.meeting_id = ? ORDER BY mb.sort, mb.name`,
    meetingId,
  );

export const declarations = (db: DB, meetingId: unknown): DumpRow[] =>
  all<DumpRow>(
    db,
    'SELECT member_id AS memberId, agenda_item_id AS agendaItemId, nature FROM declaration WHERE meeting_id = ?',
    meetingId,
  );

export const agendaItems = (db: DB, meetingId: unknown): DumpRow[] =>
  all<DumpRow>(
    db,
    `SELECT id, position, kind, title, presenter, purpose, minutes_allowed AS minutesAllowed, exempt,
                     exempt_para AS exemptParagraph, public_title AS publicTitle, report_author AS reportAuthor,
                     report_purpose AS reportPurpose, recommendations, minutes_text AS minutes
              FROM agenda_item WHERE meeting_id = ? ORDER BY position`,
    meetingId,
  );

export const papers = (db: DB, itemId: unknown): DumpRow[] =>
  all<DumpRow>(db, 'SELECT label, ref FROM agenda_paper WHERE agenda_item_id = ? ORDER BY sort, id', itemId);

export const decisions = (db: DB, itemId: unknown): DumpRow[] =>
  all<DumpRow>(db, 'SELECT id, text FROM decision WHERE agenda_item_id = ? ORDER BY position, id', itemId);

export const itemActions = (db: DB, itemId: unknown): DumpRow[] =>
  all<DumpRow>(db, 'SELECT id, description FROM action WHERE agenda_item_id = ? ORDER BY id', itemId);

export const amendments = (db: DB, meetingId: unknown): DumpRow[] =>
  all<DumpRow>(
    db,
    'SELECT agenda_item_id AS agendaItemId, text, author, created_at AS createdAt FROM minutes_amendment WHERE meeting_id = ? ORDER BY id',
    meetingId,
  );

export const actions = (db: DB): DumpRow[] =>
  all<DumpRow>(
    db,
    `SELECT a.id, a.meeting_id AS meetingId, a.agenda_item_id AS agendaItemId, a.description,
                              coalesce(mb.name, a.owner_name) AS owner, a.due_date AS dueDate, a.urgency AS priority, a.status,
                              a.priority_id AS priorityId, a.completed_at AS completedAt
                            FROM action a LEFT JOIN member mb ON mb.id = a.owner_member_id ORDER BY a.id`,
  );

export const actionUpdates = (db: DB, actionId: unknown): DumpRow[] =>
  all<DumpRow>(
    db,
    'SELECT date, author, text FROM action_update WHERE action_id = ? ORDER BY date DESC, id DESC',
    actionId,
  );

export const voice = (db: DB): DumpRow[] =>
  all<DumpRow>(
    db,
    `SELECT id, said, did, said_date AS saidDate, did_date AS didDate, source, priority_id AS priorityId,
                            meeting_id AS meetingId, status FROM voice_entry ORDER BY said_date, id`,
  );

export const snapshots = (db: DB): DumpRow[] =>
  all<DumpRow>(
    db,
    'SELECT id, meeting_id AS meetingId, title, taken_at AS takenAt FROM snapshot ORDER BY id',
  );
