/**
 * The rules of the record (issue 11), through the API: a meeting starts on its day unless an
 * override is recorded; minutes are approved at a meeting under way, quorate, by its chair; no
 * decision while inquorate; a started meeting's agenda changes are recorded, not deleted; and
 * once approved, nothing reachable through the API changes what the minutes show.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/api';
import type { Session } from '../../../electron/core/session';
import { callError, callOk, demoSession } from '../../helpers';
import { docxText } from '../exports/word-text';

let session: Session;
beforeEach(() => {
  session = demoSession().session;
});
afterEach(() => session.close());

// Loosely typed on purpose: these tests read only the fields they check, through local interfaces.
const ok = <T = unknown>(method: string, input: unknown) =>
  callOk(session, method as MethodName, input as never) as Promise<T>;
const fails = (method: string, input: unknown) => callError(session, method as MethodName, input as never);

interface Item {
  id: number;
  position: number;
  kind: string;
  title: string;
  presenter: string;
  purpose: string;
  minutesAllowed: number | null;
  exempt: boolean;
  exemptParagraph: number | null;
  priorityIds: number[];
  pledgeIds: number[];
  principleIds: number[];
  papers: { label: string; ref: string }[];
  minutesText: string;
  decisions: { id: number; text: string }[];
  actions: { id: number; description: string; owner: string; dueDate: string | null; urgency: string }[];
  withdrawn: boolean;
  urgent: boolean;
}
interface Detail {
  id: number;
  date: string;
  status: string;
  earlyStartReason: string;
  approvedBy: string | null;
  items: Item[];
  previousMeeting: { id: number } | null;
}

/** The demo board's upcoming meeting (agenda published, about three weeks ahead) and the one before it. */
async function meetings(): Promise<{ upcoming: Detail; held: Detail }> {
  const list = await ok<{ upcoming: { id: number }[] }>('meeting.list', {});
  const upcoming = await ok<Detail>('meeting.get', { id: list.upcoming[0]!.id });
  const held = await ok<Detail>('meeting.get', { id: upcoming.previousMeeting!.id });
  return { upcoming, held };
}

const present = (meetingId: number, memberId: number) =>
  ok('attendance.set', { meetingId, memberId, status: 'present', substituteForMemberId: null });

async function startEarly(id: number): Promise<void> {
  await ok('meeting.setStatus', {
    id,
    status: 'in_progress',
    early: { reason: 'Moved forward by the Chair' },
  });
}

const minutesText = async (meetingId: number, isPublic: boolean): Promise<string> => {
  const v = await ok<{ dataBase64: string }>('export.document', {
    kind: 'minutes',
    meetingId,
    public: isPublic,
  });
  return docxText(Buffer.from(v.dataBase64, 'base64'));
};

describe('lifecycle rules', () => {
  it('a meeting cannot start before its day without a reason, which is then kept in the record', async () => {
    const { upcoming } = await meetings();
    const e = await fails('meeting.setStatus', { id: upcoming.id, status: 'in_progress' });
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(
      /cannot be started before its day .* give the reason; it is kept with the minutes/,
    );
    expect((await ok<Detail>('meeting.get', { id: upcoming.id })).status).toBe('agenda_published');

    await startEarly(upcoming.id);
    const after = await ok<Detail>('meeting.get', { id: upcoming.id });
    expect(after.status).toBe('in_progress');
    expect(after.earlyStartReason).toBe('Moved forward by the Chair');
    // Minutes say who was there: attendance first.
    for (const m of [1, 2, 3]) await present(upcoming.id, m);
    expect(await minutesText(upcoming.id, true)).toContain('Started early\nMoved forward by the Chair');
  });

  it('minutes are approved only at a meeting under way, quorate, by its chair (not the login)', async () => {
    const { upcoming, held } = await meetings();
    const approve = () => fails('meeting.approveMinutes', { meetingId: held.id, atMeetingId: upcoming.id });
    // Not yet held: the finding was minutes approved at a meeting weeks ahead.
    expect((await approve()).message).toMatch(
      /only be approved at a meeting that is in progress or has been held/,
    );
    await startEarly(upcoming.id);
    // Under way but nobody recorded: not quorate.
    expect((await approve()).message).toMatch(
      /is not quorate for item \d+ \(Not quorate: 0 of 3 .*\), so it cannot approve minutes/,
    );
    // Quorate, but the chair (member 1) is not recorded as present.
    for (const m of [2, 3]) await present(upcoming.id, m);
    await ok('attendance.set', {
      meetingId: upcoming.id,
      memberId: 4,
      status: 'present',
      substituteForMemberId: null,
    });
    await ok('attendance.set', {
      meetingId: upcoming.id,
      memberId: 1,
      status: 'apologies',
      substituteForMemberId: null,
    });
    expect((await approve()).message).toMatch(/the chair of the meeting on .* is not recorded as present/);
    await present(upcoming.id, 1);
    const r = await ok<{ approvedBy: string }>('meeting.approveMinutes', {
      meetingId: held.id,
      atMeetingId: upcoming.id,
    });
    expect(r.approvedBy).toBe('Cllr Margaret Ellison (Chair)');
    expect(r.approvedBy).not.toContain('test'); // the session's login
  });

  it('refuses a decision while the meeting is not quorate', async () => {
    const { upcoming } = await meetings();
    await startEarly(upcoming.id);
    const item = upcoming.items[6]!;
    const e = await fails('decision.add', { itemId: item.id, text: 'RESOLVED that the plan be endorsed.' });
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/is not quorate .* so no decision can be recorded\. Record attendance first\./);
    for (const m of [1, 2, 3]) await present(upcoming.id, m);
    await ok('decision.add', { itemId: item.id, text: 'RESOLVED that the plan be endorsed.' });
  });

  it('once started, removing an item withdraws it (minutes kept) and an added item is urgent business', async () => {
    const { upcoming } = await meetings();
    await startEarly(upcoming.id);
    const item = upcoming.items[6]!;
    await ok('item.saveMinutes', {
      itemId: item.id,
      doc: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Discussed at length.' }] }],
      },
    });
    await ok('item.remove', { itemId: item.id });
    const after = await ok<Detail>('meeting.get', { id: upcoming.id });
    const kept = after.items.find((i) => i.id === item.id)!;
    expect(kept.withdrawn).toBe(true);
    expect(kept.minutesText).toBe('Discussed at length.');
    expect((await fails('item.remove', { itemId: item.id })).message).toMatch(/is already withdrawn/);

    const { id: urgentId } = await ok<{ id: number }>('item.add', {
      meetingId: upcoming.id,
      title: 'Ofsted focused visit letter',
      kind: 'other',
      afterPosition: null,
    });
    const withUrgent = await ok<Detail>('meeting.get', { id: upcoming.id });
    expect(withUrgent.items.find((i) => i.id === urgentId)!.urgent).toBe(true);

    for (const m of [1, 2, 3]) await present(upcoming.id, m);
    const text = await minutesText(upcoming.id, false);
    expect(text).toContain('This item was withdrawn after the meeting started.');
    expect(text).toContain('Urgent business: added to the agenda after the meeting started.');
    expect(text).toContain('Discussed at length.');
  });

  it('before the meeting starts, removing an item still deletes it and adding one is ordinary', async () => {
    const { upcoming } = await meetings();
    await ok('item.remove', { itemId: upcoming.items[6]!.id });
    const { id } = await ok<{ id: number }>('item.add', {
      meetingId: upcoming.id,
      title: 'Another item',
      kind: 'other',
      afterPosition: null,
    });
    const after = await ok<Detail>('meeting.get', { id: upcoming.id });
    expect(after.items.some((i) => i.id === upcoming.items[6]!.id)).toBe(false);
    expect(after.items.find((i) => i.id === id)!.urgent).toBe(false);
  });
});

describe('approved means frozen, all of it', () => {
  it('after approval, nothing reachable through the API changes the exported minutes', async () => {
    const { upcoming, held } = await meetings();
    await startEarly(upcoming.id);
    for (const m of [1, 2, 3]) await present(upcoming.id, m);
    await ok('meeting.approveMinutes', { meetingId: held.id, atMeetingId: upcoming.id });
    const confidential = await minutesText(held.id, false);
    const publicText = await minutesText(held.id, true);

    const record = await ok<Detail>('meeting.get', { id: held.id });
    const withAction = record.items.find((i) => i.actions.length > 0)!;
    const action = withAction.actions[0]!;
    const item = record.items[3]!;

    // Links of an approved item: refused with a clear message (and by the database).
    const links = await fails('links.set', {
      subject: { kind: 'agenda_item', id: item.id },
      priorities: [],
      principles: [1, 2, 3],
    });
    expect(links.code).toBe('locked');
    expect(links.message).toMatch(/whose minutes are approved and locked, so its links cannot change/);
    expect(
      (
        await fails('item.update', {
          itemId: item.id,
          title: 'Changed',
          presenter: item.presenter,
          purpose: item.purpose,
          minutesAllowed: item.minutesAllowed,
          exempt: true,
          exemptParagraph: 1,
          priorityIds: [],
          pledgeIds: [],
          principleIds: [],
          papers: [],
        })
      ).code,
    ).toBe('locked');
    const decision = record.items.flatMap((i) => i.decisions)[0]!;
    expect(
      (await fails('decision.update', { id: decision.id, text: 'RESOLVED that something else' })).code,
    ).toBe('locked');
    expect((await fails('decision.delete', { id: decision.id })).code).toBe('locked');
    expect((await fails('item.remove', { itemId: item.id })).code).toBe('locked');
    expect((await fails('action.update', { id: action.id, description: 'Reworded' })).code).toBe('locked');
    expect((await fails('meeting.deleteAction', { id: action.id })).code).toBe('locked');

    // The action lives on in the action log: a new owner, date, urgency and priority, updates, done.
    const updated = await ok<{ owner: string; dueDate: string; urgency: string }>('action.update', {
      id: action.id,
      owner: { name: 'Someone new' },
      dueDate: '2027-06-30',
      urgency: action.urgency === 'high' ? 'low' : 'high',
      priorityId: null,
    });
    expect(updated.owner).toBe('Someone new');
    expect(updated.dueDate).toBe('2027-06-30');
    await ok('action.addUpdate', { actionId: action.id, text: 'Handed over to the new owner.' });
    await ok('action.update', { id: action.id, status: 'complete' });
    await ok('links.set', { subject: { kind: 'action', id: action.id }, principles: [1] });

    // The minutes still show the action as agreed.
    const after = await ok<Detail>('meeting.get', { id: held.id });
    const shown = after.items.find((i) => i.id === withAction.id)!.actions[0]!;
    expect(shown).toMatchObject({
      description: action.description,
      owner: action.owner,
      dueDate: action.dueDate,
    });
    expect(await minutesText(held.id, false)).toBe(confidential);
    expect(await minutesText(held.id, true)).toBe(publicText);
  });
});
