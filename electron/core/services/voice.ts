import { ApiError } from '../../../shared/api';
import type { VoiceEntry, VoiceStatus } from '../../../shared/api/voice';
import { DEFAULT_VOICE_SOURCE } from '../../../shared/api/voice';
import { formatDate } from '../../../shared/domain/dates';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';

// "You said, we did": what young people said, what the board did about it, and when.

interface Row {
  id: number;
  said: string;
  did: string;
  said_date: string;
  did_date: string | null;
  source: string;
  priority_id: number | null;
  priority_title: string | null;
  meeting_id: number | null;
  meeting_date: string | null;
  status: VoiceStatus;
}

const SELECT = `
  SELECT v.id, v.said, v.did, v.said_date, v.did_date, v.source, v.priority_id, p.title AS priority_title,
         v.meeting_id, m.date AS meeting_date, v.status
  FROM voice_entry v LEFT JOIN priority p ON p.id = v.priority_id LEFT JOIN meeting m ON m.id = v.meeting_id`;

const toEntry = (r: Row): VoiceEntry => ({
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
  const r = ctx.db.prepare(`${SELECT} WHERE v.id = ?`).get(id) as Row | undefined;
  if (!r) throw new ApiError('not_found', `There is no “You said, we did” entry with id ${id}`);
  return toEntry(r);
}

interface Fields {
  said: string;
  did: string;
  saidDate: string;
  didDate: string | null;
  source: string;
  priorityId: number | null;
  meetingId: number | null;
  status: VoiceStatus;
}

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
  if (f.priorityId !== null && !ctx.db.prepare('SELECT 1 FROM priority WHERE id = ?').get(f.priorityId)) {
    issues.push({ path: 'priorityId', message: `there is no strategy priority with id ${f.priorityId}` });
  }
  if (f.meetingId !== null && !ctx.db.prepare('SELECT 1 FROM meeting WHERE id = ?').get(f.meetingId)) {
    issues.push({ path: 'meetingId', message: `there is no meeting with id ${f.meetingId}` });
  }
  if (issues.length > 0) {
    throw new ApiError('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
}

export const voiceHandlers: HandlerGroup<'voice.list' | 'voice.create' | 'voice.update' | 'voice.delete'> = {
  'voice.list': (ctx, input) => {
    const rows = (
      input.status
        ? ctx.db
            .prepare(`${SELECT} WHERE v.status = ? ORDER BY v.said_date DESC, v.id DESC`)
            .all(input.status)
        : ctx.db.prepare(`${SELECT} ORDER BY v.said_date DESC, v.id DESC`).all()
    ) as Row[];
    const priorities = ctx.db
      .prepare('SELECT id, code, title FROM priority WHERE archived = 0 ORDER BY sort, id')
      .all() as {
      id: number;
      code: string;
      title: string;
    }[];
    const meetings = ctx.db.prepare('SELECT id, date FROM meeting ORDER BY date DESC').all() as {
      id: number;
      date: string;
    }[];
    return { entries: rows.map(toEntry), priorities, meetings };
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
    const r = ctx.db
      .prepare(
        `INSERT INTO voice_entry (said, did, said_date, did_date, source, priority_id, meeting_id, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(f.said, f.did, f.saidDate, f.didDate, f.source, f.priorityId, f.meetingId, f.status);
    return getEntry(ctx, Number(r.lastInsertRowid));
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
    ctx.db
      .prepare(
        `UPDATE voice_entry SET said = ?, did = ?, said_date = ?, did_date = ?, source = ?, priority_id = ?, meeting_id = ?, status = ?
         WHERE id = ?`,
      )
      .run(f.said, f.did, f.saidDate, f.didDate, f.source, f.priorityId, f.meetingId, f.status, input.id);
    return getEntry(ctx, input.id);
  },

  'voice.delete': (ctx, { id }) => {
    getEntry(ctx, id); // not_found for an unknown entry
    ctx.db.prepare('DELETE FROM voice_entry WHERE id = ?').run(id);
    return { ok: true as const };
  },
};
