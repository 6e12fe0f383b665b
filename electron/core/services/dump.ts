import { comparePeriods } from '../../../shared/domain/periods';
import type { Ctx } from '../context';
import { board } from '../queries/board';

type Row = Record<string, unknown>;

const all = (ctx: Ctx, sql: string, ...args: unknown[]) => ctx.db.prepare(sql).all(...args) as Row[];

function linksOf(ctx: Ctx, column: string, id: number) {
  const rows = all(
    ctx,
    `SELECT to_priority_id, to_pledge_id, to_principle_id FROM link WHERE ${column} = ?`,
    id,
  );
  return {
    priorities: rows.filter((r) => r.to_priority_id != null).map((r) => r.to_priority_id as number),
    pledges: rows.filter((r) => r.to_pledge_id != null).map((r) => r.to_pledge_id as number),
    principles: rows.filter((r) => r.to_principle_id != null).map((r) => r.to_principle_id as number),
  };
}

/** The whole board as one JSON-able object (`cpb dump`): the stable keys of PRODUCT.md. */
export function dumpBoard(ctx: Ctx) {
  const b = board(ctx.db);
  const strategy = ctx.db.prepare('SELECT title, period, summary FROM strategy WHERE id = 1').get() as
    Row | undefined;
  const priorities = all(
    ctx,
    'SELECT id, code, title, description, sort, archived FROM priority ORDER BY sort, id',
  ).map((p) => ({
    ...p,
    archived: p.archived === 1,
    links: linksOf(ctx, 'priority_id', p.id as number),
  }));
  const pledges = all(
    ctx,
    'SELECT id, code, title, description, collection, sort, archived FROM pledge ORDER BY collection, sort, id',
  ).map((p) => ({
    ...p,
    archived: p.archived === 1,
    links: linksOf(ctx, 'pledge_id', p.id as number),
  }));
  const principles = all(
    ctx,
    'SELECT id, code, short_title AS shortTitle, wording FROM principle ORDER BY id',
  );
  const actionPlan = all(
    ctx,
    `SELECT id, priority_id AS priorityId, ref, action, who_where AS whoWhere, leads, timescale, status, archived
                               FROM plan_action ORDER BY sort, id`,
  ).map((a) => ({
    ...a,
    archived: a.archived === 1,
    links: linksOf(ctx, 'plan_action_id', a.id as number),
    updates: all(
      ctx,
      'SELECT date, author, text FROM plan_update WHERE plan_action_id = ? ORDER BY date DESC, id DESC',
      a.id,
    ),
  }));
  const measures = all(
    ctx,
    `SELECT id, code, title, definition, unit, polarity, target, tolerance, frequency, owner, source,
                               priority_id AS priorityId, commentary_working AS commentaryWorking, commentary_worried AS commentaryWorried,
                               commentary_next AS commentaryNext, archived FROM measure ORDER BY sort, code`,
  ).map((m) => ({
    ...m,
    archived: m.archived === 1,
    links: linksOf(ctx, 'measure_id', m.id as number),
    values: (
      all(
        ctx,
        'SELECT period, value, numerator, denominator, note FROM measure_value WHERE measure_id = ?',
        m.id,
      ) as {
        period: string;
      }[]
    ).sort((x, y) => comparePeriods(x.period, y.period)),
    comparators: all(
      ctx,
      'SELECT kind, period, value FROM comparator WHERE measure_id = ? ORDER BY kind, period',
      m.id,
    ),
  }));
  const cohort = all(
    ctx,
    'SELECT period, breakdown, category, count FROM cohort_value ORDER BY period, breakdown, sort, category',
  );
  const meetings = all(
    ctx,
    `SELECT id, date, start_time AS startTime, venue, chair_member_id AS chairMemberId, type, status,
                               approved_at AS approvedAt, approved_by AS approvedBy FROM meeting ORDER BY date, id`,
  ).map((m) => ({
    ...m,
    attendance: all(
      ctx,
      `SELECT a.member_id AS memberId, mb.name, a.status, a.substitute_for_member_id AS substituteForMemberId
                          FROM attendance a JOIN member mb ON mb.id = a.member_id WHERE a.meeting_id = ? ORDER BY mb.sort, mb.name`,
      m.id,
    ),
    declarations: all(
      ctx,
      'SELECT member_id AS memberId, agenda_item_id AS agendaItemId, nature FROM declaration WHERE meeting_id = ?',
      m.id,
    ),
    items: all(
      ctx,
      `SELECT id, position, kind, title, presenter, purpose, minutes_allowed AS minutesAllowed, exempt,
                     exempt_paragraph AS exemptParagraph, minutes_text AS minutes FROM agenda_item WHERE meeting_id = ? ORDER BY position`,
      m.id,
    ).map((i) => ({
      ...i,
      exempt: i.exempt === 1,
      links: linksOf(ctx, 'agenda_item_id', i.id as number),
      papers: all(
        ctx,
        'SELECT label, ref FROM agenda_paper WHERE agenda_item_id = ? ORDER BY sort, id',
        i.id,
      ),
      decisions: all(
        ctx,
        'SELECT id, text FROM decision WHERE agenda_item_id = ? ORDER BY position, id',
        i.id,
      ),
      actions: all(ctx, 'SELECT id, description FROM action WHERE agenda_item_id = ? ORDER BY id', i.id),
    })),
    amendments: all(
      ctx,
      'SELECT agenda_item_id AS agendaItemId, text, author, created_at AS createdAt FROM minutes_amendment WHERE meeting_id = ? ORDER BY id',
      m.id,
    ),
  }));
  const actions = all(
    ctx,
    `SELECT a.id, a.meeting_id AS meetingId, a.agenda_item_id AS agendaItemId, a.description,
                              coalesce(mb.name, a.owner_name) AS owner, a.due_date AS dueDate, a.urgency AS priority, a.status,
                              a.priority_id AS priorityId, a.completed_at AS completedAt
                            FROM action a LEFT JOIN member mb ON mb.id = a.owner_member_id ORDER BY a.id`,
  ).map((a) => ({
    ...a,
    updates: all(
      ctx,
      'SELECT date, author, text FROM action_update WHERE action_id = ? ORDER BY date DESC, id DESC',
      a.id,
    ),
  }));
  const voice = all(
    ctx,
    `SELECT id, said, did, said_date AS saidDate, did_date AS didDate, source, priority_id AS priorityId,
                            meeting_id AS meetingId, status FROM voice_entry ORDER BY said_date, id`,
  );
  const snapshots = all(
    ctx,
    'SELECT id, meeting_id AS meetingId, title, taken_at AS takenAt FROM snapshot ORDER BY id',
  );
  return {
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    board: {
      authority: b.authority,
      name: b.name,
      quorum: b.quorum,
      members: b.members,
    },
    strategy: {
      title: strategy?.title ?? '',
      period: strategy?.period ?? '',
      priorities,
      pledges,
      principles,
      actionPlan,
    },
    measures,
    cohort,
    meetings,
    actions,
    voice,
    snapshots,
  };
}
