import { ApiError } from '../../../shared/api';
import {
  meetingStatusLabels,
  standardAgenda,
  transitionProblem,
  type MeetingDetail,
} from '../../../shared/api/meetings';
import { formatDate } from '../../../shared/domain/dates';
import type { HandlerGroup } from '../handler-types';
import type { Ctx } from '../context';
import { memberRow } from '../store/board';
import {
  copyItemLinks,
  declarationMeeting,
  deleteAttendance,
  deleteDeclaration,
  deleteMeeting,
  meetingTakes,
  insertDeclaration,
  insertItem,
  insertMeeting,
  itemById,
  itemsOfMeeting,
  latestMeetingExcept,
  meetingBefore,
  meetingById,
  meetingSummaries,
  setAttendance,
  setClosingTime,
  setEarlyStartReason,
  setPublishedOn,
  setMeetingStatus,
  touchMeeting,
  updateMeeting,
  itemMeetingId,
  type ItemRowDb,
  type MeetingRowDb,
} from '../store/meetings';
import { meetingRecord } from '../queries/meeting';
import { toBin } from './to-bin';
import { earlyStartReason, mustBeInAttendance } from './record-rules';
import type { ItemQuorumState } from '../../../shared/domain/item-quorum';
import { clearPresence } from '../store/record';

export type MeetingRow = MeetingRowDb;

/** HH:MM on this machine's clock (the meeting room's). */
const localTime = (d: Date) =>
  `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

const hasEnded = (m: MeetingRow) => m.status === 'minutes_draft' || m.status === 'minutes_approved';

export function meetingRow(ctx: Ctx, id: number): MeetingRow {
  const m = meetingById(ctx.db, id);
  if (!m) throw new ApiError('not_found', `There is no meeting with id ${id}`);
  return m;
}

export type ItemRow = ItemRowDb;

const noItem = (itemId: number) => new ApiError('not_found', `There is no agenda item with id ${itemId}`);

export function itemRow(ctx: Ctx, itemId: number): ItemRow {
  const r = itemById(ctx.db, itemId);
  if (!r) throw noItem(itemId);
  return r;
}

/** The meeting an item is on, without reading the item's minutes (an autosave needs no more). */
export function itemMeeting(ctx: Ctx, itemId: number): number {
  const meetingId = itemMeetingId(ctx.db, itemId);
  if (meetingId === undefined) throw noItem(itemId);
  return meetingId;
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
      const m = meetingById(ctx.db, meetingId);
      throw new ApiError(
        'locked',
        m ? lockedMessage(m) : 'These minutes are approved and locked; record a correction as an amendment',
      );
    }
    throw e;
  }
}

export function touch(ctx: Ctx, meetingId: number): void {
  touchMeeting(ctx.db, meetingId, ctx.now().toISOString());
}

/** The meeting before this one (by date, then id): the one whose minutes this meeting approves. */
export const previousMeeting = (ctx: Ctx, m: { id: number; date: string }) => meetingBefore(ctx.db, m);

function memberExists(ctx: Ctx, id: number, field: string): string {
  const m = memberRow(ctx.db, id);
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
    approvalAmendments: r.approvalAmendments,
    earlyStartReason: r.earlyStartReason,
    closingTime: r.closingTime,
    today: ctx.today(),
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
      publicTitle: i.publicTitle,
      reportAuthor: i.reportAuthor,
      reportPurpose: i.reportPurpose,
      recommendations: i.recommendations,
      priorityIds: i.priorityIds,
      pledgeIds: i.pledgeIds,
      principleIds: i.principleIds,
      papers: i.papers,
      minutesDoc: i.minutesDoc,
      minutesText: i.minutesText,
      revision: i.revision,
      minutesRevision: i.minutesRevision,
      decisions: i.decisions,
      actions: i.actions.map((a) => ({
        id: a.id,
        description: a.description,
        ownerMemberId: a.ownerMemberId,
        owner: a.owner,
        dueDate: a.dueDate,
        urgency: a.urgency,
        status: a.status,
        revision: a.revision,
      })),
      withdrawn: i.withdrawn,
      urgent: i.urgent,
      quorum: itemQuorumView(r.itemQuorum.get(i.id)),
    })),
    members: r.members,
    attendance: r.attendance.map((a) => ({
      memberId: a.memberId,
      status: a.status,
      substituteForMemberId: a.substituteForMemberId,
      remote: a.remote,
      arrivedAt: a.arrivedAt,
      arrivedItemId: a.arrivedItemId,
      leftAt: a.leftAt,
      leftItemId: a.leftItemId,
    })),
    quorum: { ...r.quorum, remoteCounts: Boolean(r.quorum.remoteCounts) },
    declarations: r.declarations.map((d) => ({
      id: d.id,
      memberId: d.memberId,
      member: d.member,
      itemId: d.itemId,
      itemPosition: d.itemPosition,
      nature: d.nature,
      kind: d.kind,
      withdrew: d.withdrew,
      dispensation: d.dispensation,
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

const itemQuorumView = (q: ItemQuorumState | undefined) =>
  q ? { met: q.met, text: q.text, notes: q.notes } : { met: false, text: '', notes: [] };

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
    const rows = meetingSummaries(ctx.db);
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
    const id = insertMeeting(ctx.db, input, now);
    const prev = previousMeeting(ctx, { id, date: input.date });
    let copiedFrom: number | null = null;
    if (input.from === 'template') {
      standardAgenda.forEach((it, i) =>
        insertItem(ctx.db, id, i + 1, {
          ...it,
          title: it.kind === 'minutes' ? minutesTitle(prev?.date ?? null) : it.title,
          exempt: false,
          exemptParagraph: null,
          publicTitle: null,
          reportAuthor: null,
          reportPurpose: null,
          recommendations: null,
        }),
      );
    } else {
      const source = prev ?? latestMeetingExcept(ctx.db, id);
      if (!source)
        throw new ApiError(
          'conflict',
          'There is no earlier meeting to copy the agenda from; start from the standard template',
        );
      copiedFrom = source.id;
      const items = itemsOfMeeting(ctx.db, source.id);
      items.forEach((it, i) => {
        const title =
          it.kind === 'minutes' && /^Minutes of the/.test(it.title)
            ? minutesTitle(prev?.date ?? null)
            : it.title;
        const newId = insertItem(ctx.db, id, i + 1, {
          kind: it.kind,
          title,
          presenter: it.presenter,
          purpose: it.purpose,
          minutesAllowed: it.minutes_allowed,
          exempt: it.exempt === 1,
          exemptParagraph: it.exempt_para,
          // The Part B title policy and a standing report's author carry over; this meeting's report does not.
          publicTitle: it.public_title,
          reportAuthor: it.report_author,
          reportPurpose: null,
          recommendations: null,
        });
        copyItemLinks(ctx.db, it.id, newId);
      });
    }
    return { id, copiedFrom };
  },

  'meeting.update': (ctx, input) => {
    const m = meetingRow(ctx, input.id);
    if (input.chairMemberId !== null) memberExists(ctx, input.chairMemberId, 'chairMemberId');
    if (input.closingTime != null && !hasEnded(m))
      throw new ApiError(
        'conflict',
        `closingTime: the meeting on ${formatDate(m.date)} has not ended yet; its closing time is recorded when it ends`,
      );
    onMeeting(ctx, m.id, () => {
      updateMeeting(ctx.db, m.id, input, ctx.now().toISOString());
      if (input.closingTime !== undefined) setClosingTime(ctx.db, m.id, input.closingTime);
    });
    return { ok: true as const };
  },

  'meeting.setStatus': (ctx, input) => {
    const m = meetingRow(ctx, input.id);
    if (m.status === 'minutes_approved') throw new ApiError('locked', lockedMessage(m));
    const problem = transitionProblem(m.status, input.status);
    if (problem) throw new ApiError('conflict', problem);
    const early =
      m.status === 'agenda_published' && input.status === 'in_progress'
        ? earlyStartReason(ctx, m, input.early)
        : '';
    onMeeting(ctx, m.id, () => {
      if (early !== '') setEarlyStartReason(ctx.db, m.id, early);
      // The record keeps when the agenda was published and when the meeting closed.
      if (input.status === 'agenda_published') setPublishedOn(ctx.db, m.id, ctx.today());
      if (m.status === 'in_progress' && input.status === 'minutes_draft')
        setClosingTime(ctx.db, m.id, localTime(ctx.now()));
      // Once a meeting starts, the quorum rule in force that day stays with it.
      const fix = input.status !== 'draft' && input.status !== 'agenda_published';
      setMeetingStatus(ctx.db, m.id, input.status, ctx.now().toISOString(), fix);
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
      toBin(ctx, 'meeting', m.id, `Meeting of ${formatDate(m.date)}`, '', meetingTakes);
      deleteMeeting(ctx.db, m.id);
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
        deleteAttendance(ctx.db, m.id, input.memberId);
      } else {
        setAttendance(ctx.db, m.id, input.memberId, input.status, input.substituteForMemberId);
        // Only someone in attendance attends remotely, arrives late or leaves early.
        if (input.status === 'apologies' || input.status === 'absent')
          clearPresence(ctx.db, m.id, input.memberId);
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
    if (input.withdrew) mustBeInAttendance(ctx, m, input.memberId, 'withdraw for an item');
    const id = onMeeting(ctx, m.id, () => {
      const newId = insertDeclaration(ctx.db, {
        meetingId: m.id,
        memberId: input.memberId,
        itemId: input.itemId,
        nature: input.nature,
        kind: input.kind,
        withdrew: input.withdrew,
        dispensation: input.dispensation,
      });
      touch(ctx, m.id);
      return newId;
    });
    return { id };
  },

  'declaration.remove': (ctx, input) => {
    const meetingId = declarationMeeting(ctx.db, input.id);
    if (meetingId === undefined)
      throw new ApiError('not_found', `There is no declaration with id ${input.id}`);
    onMeeting(ctx, meetingId, () => {
      deleteDeclaration(ctx.db, input.id);
      touch(ctx, meetingId);
    });
    return { ok: true as const };
  },
};
