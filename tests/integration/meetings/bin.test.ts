import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/core/session';
import type { MethodName } from '../../../shared/api';
import { callError, callOk, demoSession } from '../../helpers';

/**
 * Deleting sends a record to the bin: it is gone from every read, and restoring it brings it
 * back exactly, with everything deleted with it.
 */
let session: Session;
beforeAll(() => {
  session = demoSession().session;
});
afterAll(() => session.close());

// Loosely typed on purpose: each call states the shape it reads.
const ok = <T = unknown>(method: string, input: unknown) =>
  callOk(session, method as MethodName, input as never) as Promise<T>;
const fails = (method: string, input: unknown) => callError(session, method as MethodName, input as never);

interface Detail {
  id: number;
  items: {
    id: number;
    title: string;
    position: number;
    decisions: { id: number }[];
    actions: { id: number }[];
  }[];
}
interface BinList {
  entries: { id: number; kind: string; recordId: number; label: string; context: string; children: number }[];
}

/** Every row of every ordinary table except the bin and the audit log, for "back exactly". */
function board(): Record<string, unknown[]> {
  const db = session.ctx().db;
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' AND name NOT IN ('bin', 'audit_log') ORDER BY name",
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).all()]),
  );
}
/** Rows restored without their original id (attendance) compare by content, not rowid order. */
const sorted = (b: Record<string, unknown[]>) =>
  Object.fromEntries(Object.entries(b).map(([k, rows]) => [k, rows.map((r) => JSON.stringify(r)).sort()]));

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const hits = async (q: string) => (await ok<{ total: number }>('search.query', { q })).total;

async function newMeeting(date: string): Promise<Detail> {
  const { id } = await ok<{ id: number }>('meeting.create', {
    date,
    startTime: '10:00',
    venue: 'Room 1',
    chairMemberId: 1,
    type: 'ordinary',
    from: 'template',
  });
  return ok<Detail>('meeting.get', { id });
}

describe('the bin', () => {
  it('bins a meeting with its items, minutes, decisions and actions, and restores it exactly', async () => {
    const m = await newMeeting('2027-02-10');
    const item = m.items[2]!;
    await ok('item.saveMinutes', { itemId: item.id, doc: doc('Zanzibarish minutes') });
    await ok('decision.add', { itemId: item.id, text: 'RESOLVED that the quokka plan is agreed' });
    await ok('meeting.addAction', {
      itemId: item.id,
      description: 'Write to the wombat panel',
      ownerMemberId: 1,
      ownerName: '',
      dueDate: '2027-03-01',
      urgency: 'high',
    });
    await ok('attendance.set', {
      meetingId: m.id,
      memberId: 1,
      status: 'present',
      substituteForMemberId: null,
    });
    await ok('meeting.setStatus', { id: m.id, status: 'agenda_published' });
    const before = board();
    const actionsBefore = (await ok<{ actions: unknown[] }>('actions.list', {})).actions.length;
    expect(await hits('Zanzibarish')).toBe(1);

    await ok('meeting.delete', { id: m.id });

    // Gone from every read.
    expect((await fails('meeting.get', { id: m.id })).code).toBe('not_found');
    const list = await ok<{ upcoming: { id: number }[]; past: { id: number }[] }>('meeting.list', {});
    expect([...list.upcoming, ...list.past].map((x) => x.id)).not.toContain(m.id);
    expect(await hits('Zanzibarish')).toBe(0);
    expect(await hits('quokka')).toBe(0);
    expect(await hits('wombat')).toBe(0);
    expect((await ok<{ actions: unknown[] }>('actions.list', {})).actions.length).toBe(actionsBefore - 1);
    const dash = JSON.stringify(await ok('dashboard.get', {}));
    expect(dash).not.toContain('quokka');
    expect(dash).not.toContain('wombat');

    // In the bin, named, with what went with it.
    const bin = await ok<BinList>('bin.list', {});
    const entry = bin.entries.find((e) => e.kind === 'meeting' && e.recordId === m.id)!;
    expect(entry.label).toBe('Meeting of 10 February 2027');
    expect(entry.children).toBeGreaterThan(m.items.length);

    expect(await ok('bin.restore', { kind: 'meeting', recordId: m.id })).toEqual({
      kind: 'meeting',
      id: m.id,
    });
    expect(sorted(board())).toEqual(sorted(before));
    expect(await hits('Zanzibarish')).toBe(1);
    expect(await hits('wombat')).toBe(1);
    expect((await ok<{ actions: unknown[] }>('actions.list', {})).actions.length).toBe(actionsBefore);
    expect(
      (await ok<BinList>('bin.list', {})).entries.some((e) => e.recordId === m.id && e.kind === 'meeting'),
    ).toBe(false);
    // Restored once only.
    expect((await fails('bin.restore', { kind: 'meeting', recordId: m.id })).code).toBe('not_found');
  });

  it('bins an agenda item and puts it back in its place', async () => {
    const m = await newMeeting('2027-02-17');
    const item = m.items[3]!;
    await ok('decision.add', { itemId: item.id, text: 'RESOLVED that the platypus review goes ahead' });
    const before = board();
    await ok('item.remove', { itemId: item.id });
    const after = await ok<Detail>('meeting.get', { id: m.id });
    expect(after.items.map((i) => i.id)).not.toContain(item.id);
    expect(after.items.map((i) => i.position)).toEqual(after.items.map((_, n) => n + 1));
    expect(await hits('platypus')).toBe(0);
    const e = (await ok<BinList>('bin.list', {})).entries[0]!;
    expect(e).toMatchObject({
      kind: 'item',
      recordId: item.id,
      label: item.title,
      context: 'Meeting of 17 February 2027',
    });

    await ok('bin.restore', { kind: 'item', recordId: item.id });
    const back = await ok<Detail>('meeting.get', { id: m.id });
    expect(back.items.map((i) => i.id)).toEqual(m.items.map((i) => i.id));
    const { meeting: meetingsNow, ...restNow } = board();
    const { meeting: meetingsBefore, ...restBefore } = before;
    expect(sorted(restNow)).toEqual(sorted(restBefore));
    expect(meetingsNow!.length).toBe(meetingsBefore!.length);
    expect(await hits('platypus')).toBe(1);
  });

  it('bins a decision, an action, a member, a measure and a voice entry, and restores each', async () => {
    const m = await newMeeting('2027-02-24');
    const item = m.items[2]!;
    const { id: decisionId } = await ok<{ id: number }>('decision.add', {
      itemId: item.id,
      text: 'RESOLVED that the narwhal report is noted',
    });
    const { id: actionId } = await ok<{ id: number }>('meeting.addAction', {
      itemId: item.id,
      description: 'Chase the axolotl figures',
      ownerMemberId: null,
      ownerName: 'Head of Service',
      dueDate: null,
      urgency: 'low',
    });
    const member = await ok<{ id: number }>('member.create', {
      name: 'Pat Newcombe',
      role: 'officer',
      jobTitle: '',
      organisation: '',
      voting: false,
      activeFrom: null,
      activeTo: null,
    });
    const { id: measureId } = await ok<{ id: number }>('measure.create', {
      code: 'ZZ1',
      title: 'Pangolin measure',
      unit: 'number',
      polarity: 'higher',
    });
    await ok('measure.setValue', { measureId, period: '2026-27 Q1', value: 4 });
    const voice = await ok<{ id: number }>('voice.create', {
      said: 'We want more capybaras',
      saidDate: '2026-10-01',
    });

    const cases: [string, string, unknown, number, string][] = [
      ['decision', 'decision.delete', { id: decisionId }, decisionId, 'narwhal'],
      ['action', 'meeting.deleteAction', { id: actionId }, actionId, 'axolotl'],
      ['member', 'member.delete', { id: member.id }, member.id, 'Newcombe'],
      ['measure', 'measure.delete', { id: measureId }, measureId, 'Pangolin'],
      ['voice', 'voice.delete', { id: voice.id }, voice.id, 'capybaras'],
    ];
    for (const [kind, method, input, recordId, word] of cases) {
      const before = board();
      await ok(method, input);
      expect(JSON.stringify(board()), kind).not.toContain(word);
      expect(await hits(word), kind).toBe(0);
      const entry = (await ok<BinList>('bin.list', {})).entries[0]!;
      expect(entry, kind).toMatchObject({ kind, recordId });
      await ok('bin.restore', { kind, recordId });
      const { meeting: a, ...now } = board();
      const { meeting: b, ...then } = before;
      expect(sorted(now), kind).toEqual(sorted(then));
      expect(a!.length).toBe(b!.length);
    }
    expect(await hits('Pangolin')).toBeGreaterThan(0);
    expect(await hits('capybaras')).toBe(1);
  });

  it('still refuses to delete what approved minutes contain, and leaves nothing in the bin', async () => {
    const list = await ok<{ past: { id: number; status: string }[] }>('meeting.list', {});
    const approved = list.past.find((x) => x.status === 'minutes_approved')!;
    const binned = (await ok<BinList>('bin.list', {})).entries.length;
    expect((await fails('meeting.delete', { id: approved.id })).code).toBe('conflict');
    const d = await ok<Detail>('meeting.get', { id: approved.id });
    const withDecision = d.items.find((i) => i.decisions.length > 0)!;
    expect((await fails('decision.delete', { id: withDecision.decisions[0]!.id })).code).toBe('locked');
    expect((await fails('item.remove', { itemId: d.items[0]!.id })).code).toBe('locked');
    expect((await ok<BinList>('bin.list', {})).entries.length).toBe(binned);
  });

  it('says what to restore first when a decision’s item is itself in the bin', async () => {
    const m = await newMeeting('2027-03-03');
    const item = m.items[2]!;
    const { id } = await ok<{ id: number }>('decision.add', {
      itemId: item.id,
      text: 'RESOLVED that the yak survey runs',
    });
    await ok('decision.delete', { id });
    await ok('item.remove', { itemId: item.id });
    const e = await fails('bin.restore', { kind: 'decision', recordId: id });
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('restore that from the bin first');
    await ok('bin.restore', { kind: 'item', recordId: item.id });
    await ok('bin.restore', { kind: 'decision', recordId: id });
    expect(await hits('yak')).toBe(1);
  });

  it('restores under a new number when the old one has been reused', async () => {
    const m = await newMeeting('2027-03-10');
    await ok('meeting.delete', { id: m.id });
    const reused = await newMeeting('2027-03-11');
    expect(reused.id).toBe(m.id); // SQLite hands out the highest id again
    const r = await ok<{ id: number }>('bin.restore', { kind: 'meeting', recordId: m.id });
    expect(r.id).not.toBe(m.id);
    const back = await ok<Detail>('meeting.get', { id: r.id });
    expect(back.items.map((i) => i.title)).toEqual(m.items.map((i) => i.title));
    expect((await ok<Detail>('meeting.get', { id: reused.id })).items.length).toBe(reused.items.length);
  });

  it('purges entries older than a number of days', async () => {
    const n = (await ok<BinList>('bin.list', {})).entries.length;
    expect(await ok('bin.purge', { olderThanDays: 30 })).toEqual({ purged: 0 });
    expect((await ok<BinList>('bin.list', {})).entries.length).toBe(n);
    expect((await ok<{ purged: number }>('bin.purge', { olderThanDays: 0 })).purged).toBe(n);
  });
});
