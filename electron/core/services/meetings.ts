import { ApiError } from '../../../shared/api';
import {
  meetingStatusLabels,
  standardAgenda,
  transitionProblem,
  type MeetingStatus,
} from '../../../shared/api/meetings';
import { formatDate } from '../../../shared/domain/dates';
import type { HandlerGroup } from '../handler-types';
import type { Ctx } from '../context';
import { FIX_QUORUM_RULE, quorumRuleFor } from './quorum-rule';

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
 * Runs writes to one meeting's record (inside the command's transaction, which `dispatch` opens).
 * The database's triggers refuse any change to approved minutes; this turns that refusal into a
 * 'locked' error that names the meeting.
 */
export function onMeeting<T>(ctx: Ctx, meetingId: number, write: () => T): T {
  try {
    return write();
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

type Row = Record<string, unknown>;

export function getMeeting(ctx: Ctx, id: number) {
  const m = meetingRow(ctx, id);
  const all = (sql: string, ...args: unknown[]) => ctx.db.prepare(sql).all(...args) as Row[];
  const items = all(
    `SELECT id, position, kind, title, presenter, purpose, minutes_allowed, exempt, exempt_paragraph, minutes_doc, minutes_text
     FROM agenda_item WHERE meeting_id = ? ORDER BY position`,
    id,
  ).map((i) => {
    const links = all(
      'SELECT to_priority_id, to_pledge_id, to_principle_id FROM link WHERE agenda_item_id = ?',
      i.id,
    );
    const pick = (k: string) =>
      links
        .filter((l) => l[k] != null)
        .map((l) => l[k] as number)
        .sort((a, b) => a - b);
    return {
      id: i.id as number,
      position: i.position as number,
      kind: i.kind as 'other',
      title: i.title as string,
      presenter: i.presenter as string,
      purpose: i.purpose as 'information',
      minutesAllowed: (i.minutes_allowed as number | null) ?? null,
      exempt: i.exempt === 1,
      exemptParagraph: i.exempt_paragraph as string,
      priorityIds: pick('to_priority_id'),
      pledgeIds: pick('to_pledge_id'),
      principleIds: pick('to_principle_id'),
      papers: all('SELECT label, ref FROM agenda_paper WHERE agenda_item_id = ? ORDER BY sort, id', i.id) as {
        label: string;
        ref: string;
      }[],
      minutesDoc: i.minutes_doc ? (JSON.parse(i.minutes_doc as string) as Record<string, unknown>) : null,
      minutesText: i.minutes_text as string,
      decisions: all(
        'SELECT id, text FROM decision WHERE agenda_item_id = ? ORDER BY position, id',
        i.id,
      ) as { id: number; text: string }[],
      actions: (
        all(
          `SELECT a.id, a.description, a.owner_member_id, coalesce(mb.name, a.owner_name) AS owner, a.due_date, a.urgency, a.status
           FROM action a LEFT JOIN member mb ON mb.id = a.owner_member_id WHERE a.agenda_item_id = ? ORDER BY a.id`,
          i.id,
        ) as {
          id: number;
          description: string;
          owner_member_id: number | null;
          owner: string;
          due_date: string | null;
          urgency: 'high';
          status: string;
        }[]
      ).map((a) => ({
        id: a.id,
        description: a.description,
        ownerMemberId: a.owner_member_id,
        owner: a.owner,
        dueDate: a.due_date,
        urgency: a.urgency,
        status: a.status,
      })),
    };
  });
  const attendance = (
    all('SELECT member_id, status, substitute_for_member_id FROM attendance WHERE meeting_id = ?', id) as {
      member_id: number;
      status: 'present';
      substitute_for_member_id: number | null;
    }[]
  ).map((a) => ({
    memberId: a.member_id,
    status: a.status,
    substituteForMemberId: a.substitute_for_member_id,
  }));
  const members = (
    all(
      `SELECT id, name, role, organisation, job_title, voting FROM member
       WHERE ((active_from IS NULL OR active_from <= @date) AND (active_to IS NULL OR active_to >= @date))
          OR id IN (SELECT member_id FROM attendance WHERE meeting_id = @id)
          OR id IN (SELECT substitute_for_member_id FROM attendance WHERE meeting_id = @id)
          OR id IN (SELECT member_id FROM declaration WHERE meeting_id = @id)
       ORDER BY sort, name`,
      { id, date: m.date },
    ) as {
      id: number;
      name: string;
      role: 'officer';
      organisation: string;
      job_title: string;
      voting: number;
    }[]
  ).map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    organisation: r.organisation,
    jobTitle: r.job_title,
    voting: r.voting === 1,
  }));
  const prev = previousMeeting(ctx, m);
  const approvedAt = m.approved_at_meeting_id
    ? (ctx.db.prepare('SELECT id, date FROM meeting WHERE id = ?').get(m.approved_at_meeting_id) as
        { id: number; date: string } | undefined)
    : undefined;
  const chair = m.chair_member_id
    ? (ctx.db.prepare('SELECT name FROM member WHERE id = ?').get(m.chair_member_id) as
        { name: string } | undefined)
    : undefined;
  const opts = (sql: string) => all(sql) as { id: number; code: string; title: string }[];
  return {
    id: m.id,
    date: m.date,
    startTime: m.start_time,
    venue: m.venue,
    type: m.type,
    status: m.status,
    chairMemberId: m.chair_member_id,
    chair: chair?.name ?? null,
    approvedAt: m.approved_at,
    approvedBy: m.approved_by,
    approvedAtMeeting: approvedAt ?? null,
    previousMeeting: prev
      ? {
          id: prev.id,
          date: prev.date,
          status: prev.status,
          approvedAtMeetingId: prev.approved_at_meeting_id,
        }
      : null,
    items,
    members,
    attendance,
    quorum: quorumRuleFor(ctx.db, m.id),
    declarations: (
      all(
        `SELECT d.id, d.member_id, mb.name, d.agenda_item_id, a.position, d.nature FROM declaration d
         JOIN member mb ON mb.id = d.member_id LEFT JOIN agenda_item a ON a.id = d.agenda_item_id
         WHERE d.meeting_id = ? ORDER BY d.id`,
        id,
      ) as {
        id: number;
        member_id: number;
        name: string;
        agenda_item_id: number | null;
        position: number | null;
        nature: string;
      }[]
    ).map((d) => ({
      id: d.id,
      memberId: d.member_id,
      member: d.name,
      itemId: d.agenda_item_id,
      itemPosition: d.position,
      nature: d.nature,
    })),
    amendments: (
      all(
        `SELECT am.id, am.agenda_item_id, a.title, am.text, am.author, am.created_at FROM minutes_amendment am
         LEFT JOIN agenda_item a ON a.id = am.agenda_item_id WHERE am.meeting_id = ? ORDER BY am.id`,
        id,
      ) as {
        id: number;
        agenda_item_id: number | null;
        title: string | null;
        text: string;
        author: string;
        created_at: string;
      }[]
    ).map((a) => ({
      id: a.id,
      itemId: a.agenda_item_id,
      itemTitle: a.title,
      text: a.text,
      author: a.author,
      createdAt: a.created_at,
    })),
    linkOptions: {
      priorities: opts('SELECT id, code, title FROM priority WHERE archived = 0 ORDER BY sort, id'),
      pledges: opts('SELECT id, code, title FROM pledge WHERE archived = 0 ORDER BY collection, sort, id'),
      principles: opts('SELECT id, code, short_title AS title FROM principle ORDER BY id'),
    },
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
    return { id, copiedFrom };
  },

  'meeting.update': (ctx, input) => {
    const m = meetingRow(ctx, input.id);
    if (input.chairMemberId !== null) memberExists(ctx, input.chairMemberId, 'chairMemberId');
    onMeeting(ctx, m.id, () => {
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
    onMeeting(ctx, m.id, () => {
      // Once a meeting starts, the quorum rule in force that day stays with it.
      const fix =
        input.status === 'draft' || input.status === 'agenda_published' ? '' : `, ${FIX_QUORUM_RULE}`;
      ctx.db
        .prepare(`UPDATE meeting SET status = ?, updated_at = ?${fix} WHERE id = ?`)
        .run(input.status, ctx.now().toISOString(), m.id);
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
    onMeeting(ctx, m.id, () => {
      ctx.db.prepare('DELETE FROM meeting WHERE id = ?').run(m.id);
    });
    return { ok: true as const };
  },

  'attendance.set': (ctx, input) => {
    const m = meetingRow(ctx, input.meetingId);
    memberExists(ctx, input.memberId, 'memberId');
    if (input.substituteForMemberId !== null)
      memberExists(ctx, input.substituteForMemberId, 'substituteForMemberId');
    onMeeting(ctx, m.id, () => {
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
    const id = onMeeting(ctx, m.id, () => {
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
    onMeeting(ctx, d.meeting_id, () => {
      ctx.db.prepare('DELETE FROM declaration WHERE id = ?').run(input.id);
      touch(ctx, d.meeting_id);
    });
    return { ok: true as const };
  },
};
