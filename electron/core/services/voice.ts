import { ApiError } from '../../../shared/api';
import type { VoiceEntry } from '../../../shared/api/voice';
import { DEFAULT_VOICE_SOURCE } from '../../../shared/api/voice';
import { formatDate } from '../../../shared/domain/dates';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import { rowExists } from '../store/sql';
import { livePriorities } from '../store/strategy';
import {
  countVoiceEntries,
  deleteVoiceEntry,
  insertVoiceEntry,
  meetingDates,
  updateVoiceEntry,
  voiceEntries,
  voiceEntry,
  voicePosition,
  type VoiceFields,
  type VoiceRow,
} from '../store/voice';
import { toBin } from './to-bin';

// "You said, we did": what young people said, what the board did about it, and when.

const toEntry = (r: VoiceRow): VoiceEntry => ({
  id: r.id,
  said: r.said,
  did: r.did,
  saidDate: r.said_date,
  didDate: r.did_date,
  source: r.source,
  priorityId: r.priority_id,
  priorityTitle: r.priority_title,
  meetingId: r.meeting_id,
  meetingDate: r.meeting_date,
  status: r.status,
});

function getEntry(ctx: Ctx, id: number): VoiceEntry {
  const r = voiceEntry(ctx.db, id);
  if (!r) throw new ApiError('not_found', `There is no “You said, we did” entry with id ${id}`);
  return toEntry(r);
}

type Fields = VoiceFields;

/** The rules across fields; every problem is named by its field. */
function check(ctx: Ctx, f: Fields): void {
  const issues: { path: string; message: string }[] = [];
  if (f.didDate !== null && f.didDate < f.saidDate) {
    issues.push({
      path: 'didDate',
      message: `“We did” date ${formatDate(f.didDate)} is before the “you said” date ${formatDate(f.saidDate)}`,
    });
  }
  if (f.status === 'done' && f.did.trim() === '') {
    issues.push({ path: 'did', message: 'An entry marked done must say what the board did' });
  }
  if (f.didDate !== null && f.did.trim() === '') {
    issues.push({ path: 'did', message: 'A “we did” date needs a description of what the board did' });
  }
  if (f.priorityId !== null && !rowExists(ctx.db, 'priority', f.priorityId)) {
    issues.push({ path: 'priorityId', message: `there is no strategy priority with id ${f.priorityId}` });
  }
  if (f.meetingId !== null && !rowExists(ctx.db, 'meeting', f.meetingId)) {
    issues.push({ path: 'meetingId', message: `there is no meeting with id ${f.meetingId}` });
  }
  if (issues.length > 0) {
    throw new ApiError('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
}

export const voiceHandlers: HandlerGroup<'voice.list' | 'voice.create' | 'voice.update' | 'voice.delete'> = {
  'voice.list': (ctx, input) => {
    const { offset: asked = 0, limit, focus, ...filter } = input;
    // Opened at one entry (a search hit): the page that holds it.
    const at = focus !== undefined ? voicePosition(ctx.db, filter, focus) : null;
    const offset = at !== null && limit !== undefined ? Math.floor(at / limit) * limit : asked;
    const rows = voiceEntries(ctx.db, filter, offset, limit ?? -1);
    const priorities = livePriorities(ctx.db);
    const meetings = meetingDates(ctx.db);
    return {
      entries: rows.map(toEntry),
      total: countVoiceEntries(ctx.db, filter),
      offset,
      priorities,
      meetings,
    };
  },

  'voice.create': (ctx, input) => {
    const f: Fields = {
      said: input.said,
      did: input.did ?? '',
      saidDate: input.saidDate,
      didDate: input.didDate ?? null,
      source: input.source ?? DEFAULT_VOICE_SOURCE,
      priorityId: input.priorityId ?? null,
      meetingId: input.meetingId ?? null,
      status: input.status ?? 'open',
    };
    check(ctx, f);
    return getEntry(ctx, insertVoiceEntry(ctx.db, f));
  },

  'voice.update': (ctx, input) => {
    const b = getEntry(ctx, input.id);
    const f: Fields = {
      said: input.said ?? b.said,
      did: input.did ?? b.did,
      saidDate: input.saidDate ?? b.saidDate,
      didDate: input.didDate !== undefined ? input.didDate : b.didDate,
      source: input.source ?? b.source,
      priorityId: input.priorityId !== undefined ? input.priorityId : b.priorityId,
      meetingId: input.meetingId !== undefined ? input.meetingId : b.meetingId,
      status: input.status ?? b.status,
    };
    check(ctx, f);
    updateVoiceEntry(ctx.db, input.id, f);
    return getEntry(ctx, input.id);
  },

  'voice.delete': (ctx, { id }) => {
    const b = getEntry(ctx, id); // not_found for an unknown entry
    toBin(ctx, 'voice', id, b.said, `Said ${formatDate(b.saidDate)}`);
    deleteVoiceEntry(ctx.db, id);
    return { ok: true as const };
  },
};
