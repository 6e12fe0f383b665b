import type { ApiInput, MethodName } from '../../../shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/core/session';
import { standardAgenda } from '../../../shared/api/meetings';
import { demoSession, rowCounts, callOk, callError } from '../../helpers';

let session: Session;
beforeAll(() => {
  session = demoSession().session;
});
afterAll(() => session.close());

const ok = <M extends MethodName>(method: M, input: ApiInput<M>) => callOk(session, method, input);
const fails = (method: MethodName, input: Record<string, unknown>) => callError(session, method, input);
const db = () => session.ctx().db;

const doc = (...paras: string[]) => ({
  type: 'doc',
  content: paras.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
});

describe('meetings through the API', () => {
  it('lists the demo board’s meetings as upcoming and past', async () => {
    const list = await ok('meeting.list', {});
    expect(list.upcoming.map((m) => m.status)).toEqual(['agenda_published']);
    expect(list.past.map((m) => m.status)).toEqual(['minutes_draft', 'minutes_approved', 'minutes_approved']);
    expect(list.past[0]!.date > list.past[1]!.date).toBe(true);
  });

  it('creates a meeting from the standard template with the 9 standard items in order', async () => {
    const { id } = await ok('meeting.create', {
      date: '2027-02-10',
      startTime: '14:00',
      venue: 'Room 1',
      chairMemberId: 1,
      type: 'ordinary',
      from: 'template',
    });
    const m = await ok('meeting.get', { id });
    expect(m.status).toBe('draft');
    expect(m.items.map((i) => i.kind)).toEqual([
      'welcome',
      'declarations',
      'minutes',
      'action_log',
      'voice',
      'scorecard',
      'priority',
      'aob',
      'next_meeting',
    ]);
    expect(m.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(m.items[0]!.title).toBe('Welcome and apologies');
    expect(m.items[2]!.title).toMatch(
      /^Minutes of the meeting held on \d{1,2} \w+ \d{4} and matters arising$/,
    );
    expect(m.items.slice(3).map((i) => i.title)).toEqual(standardAgenda.slice(3).map((s) => s.title));
  });

  it('reorders items, renumbering positions in one go, and refuses an incomplete order', async () => {
    const { id } = await ok('meeting.create', {
      date: '2027-03-10',
      startTime: '10:00',
      venue: '',
      chairMemberId: null,
      type: 'ordinary',
      from: 'template',
    });
    const before = await ok('meeting.get', { id });
    const ids = before.items.map((i) => i.id);
    const moved = [ids[0]!, ids[1]!, ids[6]!, ids[2]!, ids[3]!, ids[4]!, ids[5]!, ids[7]!, ids[8]!];
    await ok('item.reorder', { meetingId: id, itemIds: moved });
    const after = await ok('meeting.get', { id });
    expect(after.items.map((i) => i.id)).toEqual(moved);
    expect(after.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(after.items[2]!.kind).toBe('priority');
    const e = await fails('item.reorder', { meetingId: id, itemIds: moved.slice(1) });
    expect(e.code).toBe('conflict');
    expect(e.message).toContain(`missing ${moved[0]}`);
    // Remove renumbers, add goes after a position.
    await ok('item.remove', { itemId: moved[2]! });
    const { id: added } = await ok('item.add', {
      meetingId: id,
      title: 'Fostering campaign',
      kind: 'priority',
      afterPosition: 1,
    });
    const last = await ok('meeting.get', { id });
    expect(last.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(last.items[1]!.id).toBe(added);
  });

  it('copies the last meeting’s agenda with its links but not its minutes', async () => {
    const list = await ok('meeting.list', {});
    const last = await ok('meeting.get', { id: list.upcoming[0]!.id });
    const { id, copiedFrom } = await ok('meeting.create', {
      date: '2026-12-20',
      startTime: '10:00',
      venue: 'Room 2',
      chairMemberId: 1,
      type: 'extraordinary',
      from: 'copy_last',
    });
    expect(copiedFrom).toBe(last.id);
    const copy = await ok('meeting.get', { id });
    expect(
      copy.items.map((i) => [i.kind, i.title === last.items[i.position - 1]!.title || i.kind === 'minutes']),
    ).toEqual(last.items.map((i) => [i.kind, true]));
    expect(copy.items.map((i) => i.priorityIds)).toEqual(last.items.map((i) => i.priorityIds));
    expect(copy.items[2]!.title).toContain(last.date.slice(0, 4));
    expect(copy.items.every((i) => i.minutesText === '' && i.papers.length === 0)).toBe(true);
  });

  it('validates lifecycle transitions', async () => {
    const { id } = await ok('meeting.create', {
      date: '2027-04-14',
      startTime: '10:00',
      venue: '',
      chairMemberId: null,
      type: 'ordinary',
      from: 'template',
    });
    const e = await fails('meeting.setStatus', { id, status: 'in_progress' });
    expect(e.code).toBe('conflict');
    expect(e.message).toBe(
      'A meeting at “Draft agenda” can only move to “Agenda published”, not “Meeting in progress”',
    );
    expect((await fails('meeting.setStatus', { id, status: 'minutes_approved' })).message).toContain(
      'approved at the next meeting',
    );
    for (const s of ['agenda_published', 'in_progress', 'minutes_draft'] as const)
      await ok('meeting.setStatus', {
        id,
        status: s,
        ...(s === 'in_progress' ? { early: { reason: 'Rehearsal of the lifecycle' } } : {}),
      });
    expect((await ok('meeting.get', { id })).status).toBe('minutes_draft');
  });

  it('saves minutes, rejects a document with disallowed nodes and writes nothing', async () => {
    const list = await ok('meeting.list', {});
    const m = await ok('meeting.get', { id: list.upcoming[0]!.id });
    const item = m.items[0]!;
    await ok('item.saveMinutes', {
      itemId: item.id,
      doc: doc('The Chair welcomed everyone.'),
    });
    expect((await ok('meeting.get', { id: m.id })).items[0]!.minutesText).toBe(
      'The Chair welcomed everyone.',
    );
    const before = rowCounts(session);
    const bad = { type: 'doc', content: [{ type: 'heading', content: [{ type: 'text', text: 'x' }] }] };
    const e = await fails('item.saveMinutes', { itemId: item.id, doc: bad });
    expect(e.code).toBe('invalid_input');
    expect(e.message).toContain('“heading” is not allowed');
    const e2 = await fails('item.saveMinutes', {
      itemId: item.id,
      doc: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link' }] }] }],
      },
    });
    expect(e2.message).toContain('only bold and italic');
    expect(rowCounts(session)).toEqual(before);
    expect((await ok('meeting.get', { id: m.id })).items[0]!.minutesText).toBe(
      'The Chair welcomed everyone.',
    );
  });

  it('approval locks the earlier minutes in the database; amendments are recorded with an audit row', async () => {
    const list = await ok('meeting.list', {});
    const next = await ok('meeting.get', { id: list.upcoming[0]!.id });
    const earlier = next.previousMeeting!;
    expect(earlier.status).toBe('minutes_draft');
    const earlierBefore = await ok('meeting.get', { id: earlier.id });
    const item = earlierBefore.items[3]!;
    // Before approval the minutes can still change; an amendment is refused.
    expect(
      (await fails('minutes.amend', { meetingId: earlier.id, itemId: null, text: 'Too early' })).code,
    ).toBe('conflict');
    // Cannot approve at an earlier meeting.
    const older = list.past.find((p) => p.status === 'minutes_approved')!;
    expect(
      (await fails('meeting.approveMinutes', { meetingId: earlier.id, atMeetingId: older.id })).message,
    ).toMatch(/comes before the meeting on .*; approve minutes at a later meeting$/);

    // Minutes are approved at a meeting that is under way and quorate, with its chair present.
    await ok('meeting.setStatus', { id: next.id, status: 'in_progress', early: { reason: 'Test' } });
    for (const memberId of [1, 2, 3])
      await ok('attendance.set', {
        meetingId: next.id,
        memberId,
        status: 'present',
        substituteForMemberId: null,
      });
    const audits = (db().prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const r = await ok('meeting.approveMinutes', {
      meetingId: earlier.id,
      atMeetingId: next.id,
    });
    expect(r.approvedBy).toBe('Cllr Margaret Ellison (Chair)');
    const after = await ok('meeting.get', { id: earlier.id });
    expect(after.status).toBe('minutes_approved');
    expect(after.approvedAtMeeting).toEqual({ id: next.id, date: next.date });
    const nextAfter = await ok('meeting.get', { id: next.id });
    const minutesItem = nextAfter.items.find((i) => i.kind === 'minutes')!;
    expect(minutesItem.decisions.at(-1)!.text).toMatch(
      /^the minutes of the meeting held on .* be approved as a correct record\.$/,
    );
    const approveAudit = db()
      .prepare(
        "SELECT actor, action, entity, entity_id, detail FROM audit_log WHERE action = 'meeting.approveMinutes'",
      )
      .all() as { detail: string }[];
    expect(approveAudit).toEqual([
      {
        actor: 'test',
        action: 'meeting.approveMinutes',
        entity: 'meeting',
        entity_id: earlier.id,
        detail: expect.any(String),
      },
    ]);
    // Who approved: the Chair of the meeting that approved them (the actor is the clerk who recorded it).
    expect(JSON.parse(approveAudit[0]!.detail)).toMatchObject({
      input: { meetingId: earlier.id, atMeetingId: next.id },
      result: { approvedBy: 'Cllr Margaret Ellison (Chair)' },
    });

    // Locked: the API says so clearly, the database refuses a direct UPDATE too, nothing changes.
    const before = rowCounts(session);
    const e = await fails('item.saveMinutes', { itemId: item.id, doc: doc('Rewritten') });
    expect(e.code).toBe('locked');
    expect(e.message).toMatch(
      /^The minutes of the meeting on \d{1,2} \w+ \d{4} are approved and locked; record a correction as an amendment$/,
    );
    expect(() =>
      db().prepare('UPDATE agenda_item SET minutes_text = ? WHERE id = ?').run('Rewritten', item.id),
    ).toThrow(/approved and locked/);
    expect((await fails('decision.add', { itemId: item.id, text: 'RESOLVED that nothing' })).code).toBe(
      'locked',
    );
    expect(
      (
        await fails('attendance.set', {
          meetingId: earlier.id,
          memberId: 1,
          status: 'absent',
          substituteForMemberId: null,
        })
      ).code,
    ).toBe('locked');
    expect(
      (
        await fails('meeting.addAction', {
          itemId: item.id,
          description: 'x',
          ownerMemberId: 1,
          ownerName: '',
          dueDate: null,
          urgency: 'low',
        })
      ).code,
    ).toBe('locked');
    expect(
      (
        await fails('item.reorder', {
          meetingId: earlier.id,
          itemIds: after.items.map((i) => i.id).reverse(),
        })
      ).code,
    ).toBe('locked');
    expect((await fails('meeting.setStatus', { id: earlier.id, status: 'in_progress' })).code).toBe('locked');
    expect(rowCounts(session)).toEqual(before);
    expect((await ok('meeting.get', { id: earlier.id })).items[3]!.minutesText).toBe(item.minutesText);

    const { id: amendId } = await ok('minutes.amend', {
      meetingId: earlier.id,
      itemId: item.id,
      text: 'Item 4: “new attendance system” should read “new attendance and exclusions system”.',
    });
    const amended = await ok('meeting.get', { id: earlier.id });
    expect(amended.amendments).toEqual([
      expect.objectContaining({
        text: 'Item 4: “new attendance system” should read “new attendance and exclusions system”.',
        author: 'test',
      }),
    ]);
    const row = db()
      .prepare("SELECT actor, entity, entity_id, detail FROM audit_log WHERE action = 'minutes.amend'")
      .get() as { actor: string; entity: string; entity_id: number; detail: string };
    expect(row.actor).toBe('test');
    expect(row.entity).toBe('meeting');
    expect(row.entity_id).toBe(earlier.id);
    expect(JSON.parse(row.detail).result.id).toBe(amendId);
    expect((db().prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(audits + 2);
  });

  it('records attendance, declarations, decisions and actions at a meeting', async () => {
    const { id } = await ok('meeting.create', {
      date: '2027-05-12',
      startTime: '10:00',
      venue: '',
      chairMemberId: 1,
      type: 'ordinary',
      from: 'template',
    });
    const m = await ok('meeting.get', { id });
    await ok('attendance.set', {
      meetingId: id,
      memberId: 2,
      status: 'present',
      substituteForMemberId: null,
    });
    await ok('attendance.set', {
      meetingId: id,
      memberId: 6,
      status: 'substitute',
      substituteForMemberId: 5,
    });
    const bad = await fails('attendance.set', {
      meetingId: id,
      memberId: 6,
      status: 'substitute',
      substituteForMemberId: null,
    });
    expect(bad.code).toBe('invalid_input');
    await ok('declaration.add', {
      meetingId: id,
      memberId: 3,
      itemId: m.items[6]!.id,
      nature: 'Foster carer',
      kind: 'non_registrable',
    });
    const { id: dId } = await ok('decision.add', {
      itemId: m.items[6]!.id,
      text: 'RESOLVED that the Board endorses the plan.',
    });
    expect((db().prepare('SELECT text FROM decision WHERE id = ?').get(dId) as { text: string }).text).toBe(
      'the Board endorses the plan.',
    );
    await ok('meeting.addAction', {
      itemId: m.items[6]!.id,
      description: 'Report back',
      ownerMemberId: null,
      ownerName: 'Fostering Service Manager',
      dueDate: '2027-06-30',
      urgency: 'high',
    });
    const e = await fails('meeting.addAction', {
      itemId: m.items[6]!.id,
      description: 'Report back',
      ownerMemberId: null,
      ownerName: ' ',
      dueDate: null,
      urgency: 'high',
    });
    expect(e.issues).toEqual([{ path: 'ownerName', message: 'choose a member or type who owns the action' }]);
    const after = await ok('meeting.get', { id });
    expect(after.attendance).toHaveLength(2);
    expect(after.declarations).toEqual([
      expect.objectContaining({ member: 'Cllr Priya Raman', itemPosition: 7, nature: 'Foster carer' }),
    ]);
    expect(after.items[6]!.actions).toEqual([
      expect.objectContaining({
        description: 'Report back',
        owner: 'Fostering Service Manager',
        urgency: 'high',
        status: 'open',
      }),
    ]);
  });
});
