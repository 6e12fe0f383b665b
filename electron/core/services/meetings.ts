import { ApiError } from '../../../shared/api';
import {
  meetingStatusLabels,
  standardAgenda,
  transitionProblem,
  type MeetingDetail,
  type MeetingStatus,
} from '../../../shared/api/meetings';
import { formatDate } from '../../../shared/domain/dates';
import type { HandlerGroup } from '../handler-types';
import { audit, type Ctx } from '../context';
import { FIX_QUORUM_RULE } from '../store/meetings';
import { meetingRecord } from '../queries/meeting';

export interface MeetingRow {
  id: number;
  date: string;
  start_time: string;
  venue: string;
  chair_member_id: number | null;
  type: 'ordinary' | 'extraordinary';
  status: MeetingStatus;
  approved_at: string | null;
  approved_by: string | null;
  approved_at_meeting_id: number | null;
}

export function meetingRow(ctx: Ctx, id: number): MeetingRow {
  const m = ctx.db
    .prepare(
      'SELECT id, date, start_time, venue, chair_member_id, type, status, approved_at, approved_by, approved_at_meeting_id FROM meeting WHERE id = ?',
    )
    .get(id) as MeetingRow | undefined;
  if (!m) throw new ApiError('not_found', `There is no meeting with id ${id}`);
  return m;
}

export interface ItemRow {
  id: number;
  meeting_id: number;
  position: number;
  kind: string;
  title: string;
}

export function itemRow(ctx: Ctx, itemId: number): ItemRow {
  const r = ctx.db
    .prepare('SELECT id, meeting_id, position, kind, title FROM agenda_item WHERE id = ?')
    .get(itemId) as ItemRow | undefined;
  if (!r) throw new ApiError('not_found', `There is no agenda item with id ${itemId}`);
  return r;
}

function isLockError(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return (
    typeof err?.code === 'string' &&
    err.code.startsWith('SQLITE_CONSTRAINT') &&
    /approved and locked/.test(err.message ?? '')
  );
}

export function lockedMessage(m: { date: string }): string {
  return `The minutes of the meeting on ${formatDate(m.date)} are approved and locked; record a correction as an amendment`;
}

/**
 * Runs a write against one meeting. The database's triggers refuse any change to approved
 * minutes; this turns that refusal into a 'locked' error that names the meeting.
 */
export function editing<T>(ctx: Ctx, meetingId: number, write: () => T): T {
  try {
    return ctx.db.transaction(write)();
  } catch (e) {
    if (isLockError(e)) {
      const m = ctx.db.prepare('SELECT date FROM meeting WHERE id = ?').get(meetingId) as
        { date: string } | undefined;
      throw new ApiError(
        'locked',
        m ? lockedMessage(m) : 'These minutes are approved and locked; record a correction as an amendment',
      );
    }
    throw e;
  }
}

export function touch(ctx: Ctx, meetingId: number): void {
  ctx.db
    .prepare("UPDATE meeting SET updated_at = ? WHERE id = ? AND status <> 'minutes_approved'")
    .run(ctx.now().toISOString(), meetingId);
}

/** The meeting before this one (by date, then id): the one whose minutes this meeting approves. */
export function previousMeeting(ctx: Ctx, m: { id: number; date: string }) {
  return ctx.db
    .prepare(
      `SELECT id, date, status, approved_at_meeting_id FROM meeting
       WHERE date < @date OR (date = @date AND id < @id) ORDER BY date DESC, id DESC LIMIT 1`,
    )
    .get({ date: m.date, id: m.id }) as
    { id: number; date: string; status: MeetingStatus; approved_at_meeting_id: number | null } | undefined;
}

function memberExists(ctx: Ctx, id: number, field: string): string {
  const m = ctx.db.prepare('SELECT name FROM member WHERE id = ?').get(id) as { name: string } | undefined;
  if (!m) throw new ApiError('not_found', `${field}: there is no member with id ${id}`);
  return m.name;
}

function minutesTitle(prevDate: string | null): string {
  return prevDate
    ? `Minutes of the meeting held on ${formatDate(prevDate)} and matters arising`
    : 'Minutes of the last meeting and matters arising';
}

/** The meeting screen's view of the meeting record (the same record the documents print). */
export function getMeeting(ctx: Ctx, id: number): MeetingDetail {
  const r = meetingRecord(ctx.db, id, ctx.today());
  return {
    id: r.id,
    date: r.date,
    startTime: r.startTime,
    venue: r.venue,
    type: r.type,
    status: r.status,
    chairMemberId: r.chairMemberId,
    chair: r.chair,
    approvedAt: r.approvedAt,
    approvedBy: r.approvedBy,
    approvedAtMeeting: r.approvedAtMeeting,
    previousMeeting: r.previousMeeting,
    items: r.items.map((i) => ({
      id: i.id,
      position: i.position,
      kind: i.kind,
      title: i.title,
      presenter: i.presenter,
      purpose: i.purpose,
      minutesAllowed: i.minutesAllowed,
      exempt: i.exempt,
      exemptParagraph: i.exemptParagraph,
      priorityIds: i.priorityIds,
      pledgeIds: i.pledgeIds,
      principleIds: i.principleIds,
      papers: i.papers,
      minutesDoc: i.minutesDoc,
      minutesText: i.minutesText,
      decisions: i.decisions,
      actions: i.actions.map((a) => ({
        id: a.id,
        description: a.description,
        ownerMemberId: a.ownerMemberId,
        owner: a.owner,
        dueDate: a.dueDate,
        urgency: a.urgency,
        status: a.status,
      })),
    })),
    members: r.members,
    attendance: r.attendance.map((a) => ({
      memberId: a.memberId,
      status: a.status,
      substituteForMemberId: a.substituteForMemberId,
    })),
    quorum: r.quorum,
    declarations: r.declarations.map((d) => ({
      id: d.id,
      memberId: d.memberId,
      member: d.member,
      itemId: d.itemId,
      itemPosition: d.itemPosition,
      nature: d.nature,
    })),
    amendments: r.amendments.map((x) => ({
      id: x.id,
      itemId: x.itemId,
      itemTitle: x.itemTitle,
      text: x.text,
      author: x.author,
      createdAt: x.createdAt,
    })),
    linkOptions: r.linkOptions,
  };
}

function insertItem(
  ctx: Ctx,
  meetingId: number,
  position: number,
  it: {
    kind: string;
    title: string;
    presenter: string;
    purpose: string;
    minutesAllowed: number | null;
    exempt?: number;
    exemptParagraph?: string;
  },
): number {
  const info = ctx.db
    .prepare(
      `INSERT INTO agenda_item (meeting_id, position, kind, title, presenter, purpose, minutes_allowed, exempt, exempt_paragraph)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      meetingId,
      position,
      it.kind,
      it.title,
      it.presenter,
      it.purpose,
      it.minutesAllowed,
      it.exempt ?? 0,
      it.exemptParagraph ?? '',
    );
  return Number(info.lastInsertRowid);
}

type MeetingHandlers =
  | 'meeting.list'
  | 'meeting.get'
  | 'meeting.create'
  | 'meeting.update'
  | 'meeting.setStatus'
  | 'meeting.delete'
  | 'attendance.set'
  | 'declaration.add'
  | 'declaration.remove';

export const meetingsHandlers: HandlerGroup<MeetingHandlers> = {
  'meeting.list': (ctx) => {
    const today = ctx.today();
    const rows = ctx.db
      .prepare(
        `SELECT m.id, m.date, m.start_time, m.venue, m.type, m.status, mb.name AS chair, m.approved_at,
                (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id) AS item_count,
                (SELECT date FROM meeting x WHERE x.id = m.approved_at_meeting_id) AS approved_at_date
         FROM meeting m LEFT JOIN member mb ON mb.id = m.chair_member_id ORDER BY m.date, m.start_time, m.id`,
      )
      .all() as {
      id: number;
      date: string;
      start_time: string;
      venue: string;
      type: 'ordinary';
      status: MeetingStatus;
      chair: string | null;
      approved_at: string | null;
      item_count: number;
      approved_at_date: string | null;
    }[];
    const summaries = rows.map((r) => ({
      id: r.id,
      date: r.date,
      startTime: r.start_time,
      venue: r.venue,
      type: r.type,
      status: r.status,
      chair: r.chair,
      itemCount: r.item_count,
      approvedAt: r.approved_at,
      approvedAtMeetingDate: r.approved_at_date,
    }));
    const isUpcoming = (s: (typeof summaries)[number]) =>
      s.date >= today && s.status !== 'minutes_draft' && s.status !== 'minutes_approved';
    return {
      today,
      upcoming: summaries.filter(isUpcoming),
      past: summaries.filter((s) => !isUpcoming(s)).reverse(),
    };
  },

  'meeting.get': (ctx, input) => getMeeting(ctx, input.id),

  'meeting.create': (ctx, input) => {
    if (input.chairMemberId !== null) memberExists(ctx, input.chairMemberId, 'chairMemberId');
    return ctx.db.transaction(() => {
      const now = ctx.now().toISOString();
      const info = ctx.db
        .prepare(
          `INSERT INTO meeting (date, start_time, venue, chair_member_id, type, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'draft', ?, ?)`,
        )
        .run(input.date, input.startTime, input.venue, input.chairMemberId, input.type, now, now);
      const id = Number(info.lastInsertRowid);
      const prev = previousMeeting(ctx, { id, date: input.date });
      let copiedFrom: number | null = null;
      if (input.from === 'template') {
        standardAgenda.forEach((it, i) =>
          insertItem(ctx, id, i + 1, {
            ...it,
            title: it.kind === 'minutes' ? minutesTitle(prev?.date ?? null) : it.title,
          }),
        );
      } else {
        const source =
          prev ??
          (ctx.db
            .prepare('SELECT id, date FROM meeting WHERE id <> ? ORDER BY date DESC, id DESC LIMIT 1')
            .get(id) as { id: number; date: string } | undefined);
        if (!source)
          throw new ApiError(
            'conflict',
            'There is no earlier meeting to copy the agenda from; start from the standard template',
          );
        copiedFrom = source.id;
        const items = ctx.db
          .prepare(
            `SELECT id, kind, title, presenter, purpose, minutes_allowed, exempt, exempt_paragraph FROM agenda_item
             WHERE meeting_id = ? ORDER BY position`,
          )
          .all(source.id) as {
          id: number;
          kind: string;
          title: string;
          presenter: string;
          purpose: string;
          minutes_allowed: number | null;
          exempt: number;
          exempt_paragraph: string;
        }[];
        const copyLinks = ctx.db.prepare(
          `INSERT INTO link (agenda_item_id, to_priority_id, to_pledge_id, to_principle_id)
           SELECT ?, to_priority_id, to_pledge_id, to_principle_id FROM link WHERE agenda_item_id = ?`,
        );
        items.forEach((it, i) => {
          const title =
            it.kind === 'minutes' && /^Minutes of the/.test(it.title)
              ? minutesTitle(prev?.date ?? null)
              : it.title;
          const newId = insertItem(ctx, id, i + 1, {
            kind: it.kind,
            title,
            presenter: it.presenter,
            purpose: it.purpose,
            minutesAllowed: it.minutes_allowed,
            exempt: it.exempt,
            exemptParagraph: it.exempt_paragraph,
          });
          copyLinks.run(newId, it.id);
        });
      }
      audit(ctx, 'create', 'meeting', id, { date: input.date, from: input.from, copiedFrom });
      return { id, copiedFrom };
    })();
  },

  'meeting.update': (ctx, input) => {
    const m = meetingRow(ctx, input.id);
    if (input.chairMemberId !== null) memberExists(ctx, input.chairMemberId, 'chairMemberId');
    editing(ctx, m.id, () => {
      ctx.db
        .prepare(
          'UPDATE meeting SET date = ?, start_time = ?, venue = ?, chair_member_id = ?, type = ?, updated_at = ? WHERE id = ?',
        )
        .run(
          input.date,
          input.startTime,
          input.venue,
          input.chairMemberId,
          input.type,
          ctx.now().toISOString(),
          m.id,
        );
    });
    return { ok: true as const };
  },

  'meeting.setStatus': (ctx, input) => {
    const m = meetingRow(ctx, input.id);
    if (m.status === 'minutes_approved') throw new ApiError('locked', lockedMessage(m));
    const problem = transitionProblem(m.status, input.status);
    if (problem) throw new ApiError('conflict', problem);
    editing(ctx, m.id, () => {
      // Once a meeting starts, the quorum rule in force that day stays with it.
      const fix =
        input.status === 'draft' || input.status === 'agenda_published' ? '' : `, ${FIX_QUORUM_RULE}`;
      ctx.db
        .prepare(`UPDATE meeting SET status = ?, updated_at = ?${fix} WHERE id = ?`)
        .run(input.status, ctx.now().toISOString(), m.id);
      audit(ctx, 'set_status', 'meeting', m.id, { from: m.status, to: input.status });
    });
    return { status: input.status };
  },

  'meeting.delete': (ctx, input) => {
    const m = meetingRow(ctx, input.id);
    if (m.status !== 'draft' && m.status !== 'agenda_published') {
      throw new ApiError(
        'conflict',
        `A meeting at “${meetingStatusLabels[m.status]}” has a record and cannot be deleted`,
      );
    }
    editing(ctx, m.id, () => {
      ctx.db.prepare('DELETE FROM meeting WHERE id = ?').run(m.id);
      audit(ctx, 'delete', 'meeting', m.id, { date: m.date });
    });
    return { ok: true as const };
  },

  'attendance.set': (ctx, input) => {
    const m = meetingRow(ctx, input.meetingId);
    memberExists(ctx, input.memberId, 'memberId');
    if (input.substituteForMemberId !== null)
      memberExists(ctx, input.substituteForMemberId, 'substituteForMemberId');
    editing(ctx, m.id, () => {
      if (input.status === null) {
        ctx.db
          .prepare('DELETE FROM attendance WHERE meeting_id = ? AND member_id = ?')
          .run(m.id, input.memberId);
      } else {
        ctx.db
          .prepare(
            `INSERT INTO attendance (meeting_id, member_id, status, substitute_for_member_id) VALUES (?, ?, ?, ?)
             ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = excluded.status, substitute_for_member_id = excluded.substitute_for_member_id`,
          )
          .run(m.id, input.memberId, input.status, input.substituteForMemberId);
      }
      touch(ctx, m.id);
    });
    return { ok: true as const };
  },

  'declaration.add': (ctx, input) => {
    const m = meetingRow(ctx, input.meetingId);
    memberExists(ctx, input.memberId, 'memberId');
    if (input.itemId !== null && itemRow(ctx, input.itemId).meeting_id !== m.id) {
      throw new ApiError('conflict', `itemId: agenda item ${input.itemId} belongs to another meeting`);
    }
    const id = editing(ctx, m.id, () => {
      const info = ctx.db
        .prepare(
          'INSERT INTO declaration (meeting_id, member_id, agenda_item_id, nature) VALUES (?, ?, ?, ?)',
        )
        .run(m.id, input.memberId, input.itemId, input.nature);
      touch(ctx, m.id);
      return Number(info.lastInsertRowid);
    });
    return { id };
  },

  'declaration.remove': (ctx, input) => {
    const d = ctx.db.prepare('SELECT meeting_id FROM declaration WHERE id = ?').get(input.id) as
      { meeting_id: number } | undefined;
    if (!d) throw new ApiError('not_found', `There is no declaration with id ${input.id}`);
    editing(ctx, d.meeting_id, () => {
      ctx.db.prepare('DELETE FROM declaration WHERE id = ?').run(input.id);
      touch(ctx, d.meeting_id);
    });
    return { ok: true as const };
  },
};
