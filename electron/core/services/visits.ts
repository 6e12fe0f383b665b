/**
 * Member visits. A visit is recorded after it took place (its date is today or earlier), names
 * the setting and the members who went, and what they found; follow-up actions join the action
 * log linked to it. Visits are reported to the board under one "Member visits" agenda item of a
 * meeting that has not started, and summarised in the annual report.
 */
import { ApiError } from '../../../shared/api';
import { meetingStatusLabels } from '../../../shared/api/meetings';
import type { Visit } from '../../../shared/api/visits';
import { formatDate } from '../../../shared/domain/dates';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import { allVisitRecords } from '../queries/visits';
import { activeOn, members as allMembers } from '../queries/board';
import { memberRow } from '../store/board';
import { insertItem, itemsOfMeeting } from '../store/meetings';
import { meetingSummaries } from '../store/meetings';
import {
  deleteVisit,
  insertVisit,
  insertVisitAction,
  setVisitItem,
  setVisitMembers,
  updateVisit,
  visitById,
  visitsItemOfMeeting,
  type VisitRowDb,
} from '../store/visits';
import { renumber } from './agenda';
import { meetingRow, onMeeting, touch } from './meetings';
import { baseOf, staleSave } from './revisions';
import { toBin } from './to-bin';

export const VISITS_ITEM_TITLE = 'Member visits to children’s homes and other settings';

function visitRow(ctx: Ctx, id: number): VisitRowDb {
  const v = visitById(ctx.db, id);
  if (!v) throw new ApiError('not_found', `There is no member visit with id ${id}`);
  return v;
}

function checkFields(ctx: Ctx, input: { date: string; memberIds: readonly number[] }): void {
  if (input.date > ctx.today())
    throw new ApiError(
      'invalid_input',
      `date: a visit is recorded after it has taken place; ${formatDate(input.date)} is after today (${formatDate(ctx.today())})`,
      [{ path: 'date', message: 'must be today or earlier: record a visit once it has taken place' }],
    );
  for (const [i, id] of input.memberIds.entries())
    if (!memberRow(ctx.db, id))
      throw new ApiError('not_found', `memberIds.${i}: there is no member with id ${id}`);
}

/** Every visit as the screen shows it: who went, where it was reported, its follow-up actions. */
export function visitList(ctx: Ctx): Visit[] {
  return allVisitRecords(ctx.db, ctx.today()).map((v) => ({
    ...v,
    reportedAt: v.reportedAt
      ? {
          itemId: v.reportedAt.itemId,
          meetingId: v.reportedAt.meetingId,
          meetingDate: v.reportedAt.meetingDate,
          position: v.reportedAt.position,
        }
      : null,
    actions: v.actions.map((a) => ({
      id: a.id,
      description: a.description,
      owner: a.owner,
      dueDate: a.dueDate,
      status: a.status,
      overdue: a.overdue,
    })),
  }));
}

type VisitHandlers =
  'visit.list' | 'visit.create' | 'visit.update' | 'visit.delete' | 'visit.addAction' | 'visit.reportAt';

export const visitsHandlers: HandlerGroup<VisitHandlers> = {
  'visit.list': (ctx) => {
    const today = ctx.today();
    return {
      today,
      visits: visitList(ctx),
      members: allMembers(ctx.db)
        .filter((m) => activeOn(m, today))
        .map((m) => ({ id: m.id, name: m.name })),
      meetings: meetingSummaries(ctx.db)
        .filter((m) => m.status === 'draft' || m.status === 'agenda_published')
        .map((m) => ({ id: m.id, date: m.date, status: m.status })),
    };
  },

  'visit.create': (ctx, input) => {
    checkFields(ctx, input);
    const id = insertVisit(ctx.db, input, ctx.now().toISOString());
    setVisitMembers(ctx.db, id, input.memberIds);
    return { id };
  },

  'visit.update': (ctx, input) => {
    visitRow(ctx, input.id);
    checkFields(ctx, input);
    const revision = updateVisit(ctx.db, input.id, input, baseOf(input));
    if (revision === null)
      throw staleSave(
        'this visit',
        visitList(ctx).find((v) => v.id === input.id),
      );
    setVisitMembers(ctx.db, input.id, input.memberIds);
    return { ok: true as const, revision };
  },

  'visit.delete': (ctx, input) => {
    const v = visitRow(ctx, input.id);
    toBin(ctx, 'visit', v.id, `Visit to ${v.setting}`, formatDate(v.visit_date));
    deleteVisit(ctx.db, v.id);
    return { ok: true as const };
  },

  'visit.addAction': (ctx, input) => {
    const v = visitRow(ctx, input.visitId);
    let ownerName = input.ownerName.trim();
    if (input.ownerMemberId !== null) {
      if (!memberRow(ctx.db, input.ownerMemberId))
        throw new ApiError('not_found', `ownerMemberId: there is no member with id ${input.ownerMemberId}`);
      ownerName = '';
    }
    const id = insertVisitAction(ctx.db, {
      description: input.description,
      ownerMemberId: input.ownerMemberId,
      ownerName,
      dueDate: input.dueDate,
      urgency: input.urgency,
      visitId: v.id,
      createdAt: ctx.now().toISOString(),
    });
    return { id };
  },

  'visit.reportAt': (ctx, input) => {
    const m = meetingRow(ctx, input.meetingId);
    if (m.status !== 'draft' && m.status !== 'agenda_published')
      throw new ApiError(
        'conflict',
        `The meeting on ${formatDate(m.date)} is at “${meetingStatusLabels[m.status]}”: visits are reported on the agenda of a meeting that has not started`,
      );
    const visits = input.visitIds.map((id) => visitRow(ctx, id));
    for (const v of visits)
      if (v.agenda_item_id !== null && v.meeting_id !== m.id)
        throw new ApiError(
          'conflict',
          `The visit to ${v.setting} on ${formatDate(v.visit_date)} is already reported at the meeting on ${formatDate(v.meeting_date)}`,
        );
    return onMeeting(ctx, m.id, () => {
      let itemId = visitsItemOfMeeting(ctx.db, m.id);
      const added = itemId === undefined;
      if (itemId === undefined) {
        const items = itemsOfMeeting(ctx.db, m.id);
        const closing = items.findIndex((it) => it.kind === 'aob' || it.kind === 'next_meeting');
        const at = closing < 0 ? items.length : closing;
        itemId = insertItem(ctx.db, m.id, 20_000, {
          kind: 'other',
          title: VISITS_ITEM_TITLE,
          presenter: '',
          purpose: 'information',
          minutesAllowed: 10,
          exempt: false,
          exemptParagraph: null,
          publicTitle: null,
          reportAuthor: null,
          reportPurpose: null,
          recommendations: null,
        });
        const ids = items.map((it) => it.id);
        renumber(ctx, m.id, [...ids.slice(0, at), itemId, ...ids.slice(at)]);
      }
      for (const v of visits) setVisitItem(ctx.db, v.id, itemId);
      touch(ctx, m.id);
      return { itemId, added };
    });
  },
};
