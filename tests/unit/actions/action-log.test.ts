import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiInput, MethodName } from '../../../shared/api';
import { Session } from '../../../electron/core/session';
import { demoSession, rowCounts, callOk, callError } from '../../helpers';

// The demo board pinned to 2026-11-23: meetings on 10 June, 5 August and 30 September 2026
// (the first two approved) and 16 December 2026 (agenda published); 13 actions.

let session: Session;
beforeEach(() => {
  session = demoSession('2026-11-23').session;
});
afterEach(() => session.close());

const ok = <M extends MethodName>(method: M, input: ApiInput<M>) => callOk(session, method, input);
const fails = (method: MethodName, input: Record<string, unknown>) => callError(session, method, input);

const meetingId = (date: string) =>
  (session.ctx().db.prepare('SELECT id FROM meeting WHERE date = ?').get(date) as { id: number }).id;

describe('action log', () => {
  it('lists every action with its source meeting, item and computed overdue days', async () => {
    const all = await ok('actions.list', {});
    expect(all.today).toBe('2026-11-23');
    expect(all.actions).toHaveLength(13);
    const fullCouncil = all.actions.find((a) =>
      a.description.startsWith('Arrange for the Children in Care Council'),
    )!;
    expect(fullCouncil).toMatchObject({
      owner: 'Helen Marsh',
      status: 'in_progress',
      dueDate: '2026-08-19',
      overdue: true,
      daysOverdue: 96,
      meetingDate: '2026-06-10',
      itemPosition: 5,
      itemTitle: 'Voice of the child: Children in Care Council update',
      wordingLocked: true,
      updateCount: 2,
    });
    expect(fullCouncil.latestUpdate?.date).toBe('2026-09-30');
    expect(all.owners).toContain('Democratic Services');
    expect(all.nextMeeting?.date).toBe('2026-12-16');
    expect(all.meetings.map((m) => m.date)).toEqual(['2026-09-30', '2026-08-05', '2026-06-10']);
  });

  it('overdue table: exactly the demo’s four overdue actions, with their days', async () => {
    const overdue = await ok('actions.list', { overdue: true });
    expect(overdue.actions.map((a) => [a.owner, a.daysOverdue])).toEqual([
      ['Helen Marsh', 96], // due 19 August 2026, in progress
      ['Anita Kowalski', 26], // due 28 October 2026, open
      ['Helen Marsh', 5], // due 18 November 2026, in progress
      ['IRO Service Manager', 26], // due 28 October 2026, open
    ]);
    // Due in the future, or complete/closed past the due date: never overdue.
    const notOverdue = await ok('actions.list', { overdue: false });
    expect(notOverdue.actions).toHaveLength(9);
    expect(notOverdue.actions.every((a) => a.daysOverdue === 0)).toBe(true);
  });

  it('overdue follows today: a day later each is one day more overdue; on the due date it is not overdue', async () => {
    const file = session.ctx().file;
    const reopenOn = (today: string) => {
      session.close();
      process.env.CPB_TODAY = today;
      session = new Session('test');
      session.open(file);
    };
    reopenOn('2026-11-24');
    const later = await ok('actions.list', { overdue: true });
    expect(later.actions.map((a) => a.daysOverdue)).toEqual([97, 27, 6, 27]);
    reopenOn('2026-11-18');
    const onDueDate = await ok('actions.list', { overdue: true });
    expect(onDueDate.actions.map((a) => a.daysOverdue)).toEqual([91, 21, 21]);
  });

  it('filters by owner, priority, status, meeting and strategy priority', async () => {
    expect((await ok('actions.list', { owner: 'gareth lowe' })).actions).toHaveLength(3);
    expect((await ok('actions.list', { urgency: 'high' })).actions).toHaveLength(4);
    expect((await ok('actions.list', { status: 'open' })).actions).toHaveLength(4);
    expect((await ok('actions.list', { status: 'in_progress' })).actions).toHaveLength(3);
    expect((await ok('actions.list', { status: 'outstanding' })).actions).toHaveLength(7);
    expect((await ok('actions.list', { status: 'complete' })).actions).toHaveLength(5);
    expect((await ok('actions.list', { status: 'closed' })).actions).toHaveLength(1);
    expect((await ok('actions.list', { meetingId: meetingId('2026-09-30') })).actions).toHaveLength(5);
    const combined = await ok('actions.list', {
      urgency: 'high',
      status: 'outstanding',
      overdue: true,
    });
    expect(combined.actions.map((a) => a.owner)).toEqual(['IRO Service Manager']);
    const voicePriority = (await ok('actions.list', {})).priorities.find(
      (p) => p.title === 'Listen to us and act on what we say',
    )!;
    expect((await ok('actions.list', { priorityId: voicePriority.id })).actions).toHaveLength(3);
    expect((await ok('actions.list', { owner: 'Nobody at all' })).actions).toHaveLength(0);
  });

  it('records a dated update with its author, newest first, and audits it', async () => {
    const before = await ok('action.get', { id: 1 });
    expect(before.updates.map((u) => u.date)).toEqual(['2026-09-30', '2026-08-05']);
    const after = await ok('action.addUpdate', {
      actionId: 1,
      text: 'Slot confirmed for the January Full Council.',
      author: 'Helen Marsh',
    });
    expect(after.updates).toHaveLength(3);
    expect(after.updates[0]).toMatchObject({
      date: '2026-11-23',
      author: 'Helen Marsh',
      text: 'Slot confirmed for the January Full Council.',
      meetingId: null,
    });
    expect(after.latestUpdate?.text).toBe('Slot confirmed for the January Full Council.');
    // No author given: the action's owner is the author.
    const dated = await ok('action.addUpdate', {
      actionId: 11,
      text: 'Trajectory drafted.',
      date: '2026-11-20',
    });
    expect(dated.updates[0]).toMatchObject({ author: 'IRO Service Manager', date: '2026-11-20' });
    const audit = session
      .ctx()
      .db.prepare(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'action.addUpdate' AND entity = 'action'",
      )
      .get() as { n: number };
    expect(audit.n).toBe(2);
  });

  it('changes status, due date, owner and priority; completing stamps completed_at and reopening clears it', async () => {
    const done = await ok('action.update', { id: 11, status: 'complete' });
    expect(done.status).toBe('complete');
    expect(done.completedAt).not.toBeNull();
    expect(done.overdue).toBe(false);
    const reopened = await ok('action.update', {
      id: 11,
      status: 'in_progress',
      dueDate: '2026-12-31',
      urgency: 'low',
      owner: { name: 'Head of Quality Assurance' },
    });
    expect(reopened).toMatchObject({
      status: 'in_progress',
      completedAt: null,
      dueDate: '2026-12-31',
      urgency: 'low',
      owner: 'Head of Quality Assurance',
      overdue: false,
    });
    const toMember = await ok('action.update', { id: 11, owner: { memberId: 5 } });
    expect(toMember.owner).toBe('Helen Marsh');
    const cleared = await ok('action.update', { id: 11, dueDate: null });
    expect(cleared.dueDate).toBeNull();
    // Wording may change while the minutes are a draft…
    expect(
      (await ok('action.update', { id: 11, description: 'Explain the fall in IRO visits.' })).description,
    ).toBe('Explain the fall in IRO visits.');
  });

  it('refuses to reword an action minuted at an approved meeting, with a clear message, and writes nothing', async () => {
    const before = rowCounts(session);
    const e = await fails('action.update', { id: 1, description: 'Something else', status: 'complete' });
    expect(e.code).toBe('locked');
    expect(e.message).toBe(
      'Description: this action was minuted at the meeting on 10 June 2026, whose minutes are approved, so its wording cannot be changed. Record an update instead.',
    );
    expect(rowCounts(session)).toEqual(before);
    expect((await ok('action.get', { id: 1 })).status).toBe('in_progress');
    // Its progress still rolls on.
    expect((await ok('action.update', { id: 1, status: 'complete' })).status).toBe('complete');
  });

  it('says which thing does not exist', async () => {
    expect(await fails('action.get', { id: 999 })).toMatchObject({
      code: 'not_found',
      message: 'There is no action with id 999',
    });
    expect(await fails('action.update', { id: 1, owner: { memberId: 999 } })).toMatchObject({
      code: 'not_found',
      message: 'Owner: there is no member with id 999',
    });
    expect(await fails('action.addUpdate', { actionId: 1, text: 'x', meetingId: 999 })).toMatchObject({
      code: 'not_found',
    });
    const e = await fails('action.addUpdate', { actionId: 1, text: '   ' });
    expect(e.code).toBe('invalid_input');
    expect(e.issues?.[0]).toMatchObject({ path: 'text', message: 'must not be empty' });
    expect((await fails('action.update', { id: 1, dueDate: '2026-02-30' })).issues?.[0]).toMatchObject({
      path: 'dueDate',
      message: 'is not a real date',
    });
  });
});

describe('matters arising', () => {
  it('lists the open actions of earlier meetings for the upcoming meeting: exactly seven', async () => {
    const m = await ok('actions.mattersArising', { meetingId: meetingId('2026-12-16') });
    expect(m.meeting).toMatchObject({ date: '2026-12-16', locked: false });
    expect(m.open.map((a) => [a.meetingDate, a.status, a.owner])).toEqual([
      ['2026-06-10', 'in_progress', 'Helen Marsh'],
      ['2026-08-05', 'in_progress', 'Gareth Lowe'],
      ['2026-08-05', 'open', 'Anita Kowalski'],
      ['2026-09-30', 'open', 'Dr Fiona Blake'],
      ['2026-09-30', 'in_progress', 'Helen Marsh'],
      ['2026-09-30', 'open', 'IRO Service Manager'],
      ['2026-09-30', 'open', 'Gareth Lowe'],
    ]);
    expect(m.open.filter((a) => a.overdue)).toHaveLength(4);
    expect(m.open[0]!.updates.map((u) => u.date)).toEqual(['2026-09-30', '2026-08-05']);
    expect(m.completedHere).toEqual([]);
  });

  it('only actions from meetings before this one: three for 30 September 2026, none for the first meeting', async () => {
    const third = await ok('actions.mattersArising', { meetingId: meetingId('2026-09-30') });
    expect(third.open.map((a) => a.description)).toEqual([
      'Arrange for the Children in Care Council to present to Full Council.',
      'Review the pocket money and savings policy with the Children in Care Council.',
      'Report attendance and exclusion figures for children in care to the Board each term.',
    ]);
    const first = await ok('actions.mattersArising', { meetingId: meetingId('2026-06-10') });
    expect(first.open).toEqual([]);
  });

  it('an update recorded at the meeting shows there; completing it drops it out of the open list', async () => {
    const next = meetingId('2026-12-16');
    await ok('action.addUpdate', {
      actionId: 7,
      text: 'Autumn term figures circulated with the papers.',
      meetingId: next,
    });
    let m = await ok('actions.mattersArising', { meetingId: next });
    const a7 = m.open.find((a) => a.id === 7)!;
    expect(a7.latestUpdate).toMatchObject({
      text: 'Autumn term figures circulated with the papers.',
      meetingId: next,
      meetingDate: '2026-12-16',
    });

    await ok('action.addUpdate', {
      actionId: 11,
      text: 'Explained; trajectory agreed.',
      meetingId: next,
      status: 'complete',
    });
    m = await ok('actions.mattersArising', { meetingId: next });
    expect(m.open).toHaveLength(6);
    expect(m.open.some((a) => a.id === 11)).toBe(false);
    expect(m.completedHere.map((a) => [a.id, a.status])).toEqual([[11, 'complete']]);
    expect((await ok('actions.list', { overdue: true })).actions).toHaveLength(3);
  });

  it('no updates may be recorded at a meeting whose minutes are approved', async () => {
    const before = rowCounts(session);
    const e = await fails('action.addUpdate', {
      actionId: 1,
      text: 'Late note.',
      meetingId: meetingId('2026-08-05'),
    });
    expect(e).toMatchObject({ code: 'locked' });
    expect(e.message).toContain('5 August 2026');
    expect(rowCounts(session)).toEqual(before);
    expect(await fails('actions.mattersArising', { meetingId: 999 })).toMatchObject({
      code: 'not_found',
      message: 'There is no meeting with id 999',
    });
  });
});
