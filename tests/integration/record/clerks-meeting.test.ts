/**
 * The clerk's meeting as councils record it (issue 15), through the API: declarations with a type
 * and withdrawal, remote attendance, late arrivals and early departures feeding the quorum item by
 * item, recorded votes, and minutes approved "subject to amendments" — and all of it in the minutes.
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

const ok = <T = unknown>(method: string, input: unknown) =>
  callOk(session, method as MethodName, input as never) as Promise<T>;
const fails = (method: string, input: unknown) => callError(session, method as MethodName, input as never);

interface Item {
  id: number;
  position: number;
  kind: string;
  title: string;
  decisions: {
    id: number;
    text: string;
    vote: {
      for: number;
      against: number;
      abstain: number;
      carried: boolean;
      castingVote: string | null;
      names: { name: string; vote: string }[];
    } | null;
  }[];
  quorum: { met: boolean; text: string; notes: string[] };
}
interface Detail {
  id: number;
  date: string;
  status: string;
  items: Item[];
  previousMeeting: { id: number } | null;
  approvalAmendments: string;
  attendance: {
    memberId: number;
    status: string;
    remote: boolean;
    arrivedAt: string | null;
    arrivedItemId: number | null;
    leftAt: string | null;
    leftItemId: number | null;
  }[];
  declarations: { member: string; kind: string | null; withdrew: boolean; dispensation: boolean }[];
  quorum: { remoteCounts: boolean };
}

const CHAIR = 1;
const OKAFOR = 2;
const RAMAN = 3;
const HARWOOD = 4;

const get = (id: number) => ok<Detail>('meeting.get', { id });
const mark = (meetingId: number, memberId: number, status = 'present') =>
  ok('attendance.set', { meetingId, memberId, status, substituteForMemberId: null });

/** The demo's upcoming meeting, started early with the three members given present. */
async function started(presentIds: number[] = [CHAIR, OKAFOR, RAMAN]): Promise<Detail> {
  const list = await ok<{ upcoming: { id: number }[] }>('meeting.list', {});
  const id = list.upcoming[0]!.id;
  await ok('meeting.setStatus', {
    id,
    status: 'in_progress',
    early: { reason: 'Moved forward by the Chair' },
  });
  for (const m of presentIds) await mark(id, m);
  return get(id);
}

const itemAt = (m: Detail, position: number) => m.items.find((it) => it.position === position)!;

const minutesText = async (meetingId: number, isPublic = false): Promise<string> => {
  const v = await ok<{ dataBase64: string }>('export.document', {
    kind: 'minutes',
    meetingId,
    public: isPublic,
  });
  return docxText(Buffer.from(v.dataBase64, 'base64'));
};

describe('declarations with a type and withdrawal', () => {
  it('need a type; a pecuniary interest in an item means withdrawing unless there is a dispensation', async () => {
    const m = await started();
    const item = itemAt(m, 7);
    const base = {
      meetingId: m.id,
      memberId: RAMAN,
      itemId: item.id,
      nature: 'Her partner owns a care provider',
    };
    expect((await fails('declaration.add', base)).issues?.map((i) => i.path)).toContain('kind');
    const stay = await fails('declaration.add', { ...base, kind: 'disclosable_pecuniary' });
    expect(stay.issues).toContainEqual({
      path: 'withdrew',
      message:
        'a member with a disclosable pecuniary interest must withdraw for the item unless they have a dispensation',
    });
    expect(
      (await fails('declaration.add', { ...base, itemId: null, kind: 'non_registrable', withdrew: true }))
        .issues,
    ).toContainEqual({ path: 'withdrew', message: 'a member withdraws for an agenda item: choose the item' });
    expect(
      (await fails('declaration.add', { ...base, kind: 'other_registrable', dispensation: true })).issues?.[0]
        ?.message,
    ).toBe('a dispensation applies only to a disclosable pecuniary interest');
    // Only someone recorded as present can withdraw.
    const absent = await fails('declaration.add', {
      ...base,
      memberId: HARWOOD,
      kind: 'disclosable_pecuniary',
      withdrew: true,
    });
    expect(absent.code).toBe('conflict');
    expect(absent.message).toMatch(
      /Cllr Tom Harwood is not recorded as present .* cannot withdraw for an item/,
    );

    await ok('declaration.add', { ...base, kind: 'disclosable_pecuniary', withdrew: true });
    await ok('declaration.add', {
      ...base,
      memberId: OKAFOR,
      kind: 'disclosable_pecuniary',
      dispensation: true,
      nature: 'Foster carer for the council',
    });
    const after = await get(m.id);
    expect(after.declarations.map((d) => [d.member, d.kind, d.withdrew, d.dispensation])).toEqual([
      ['Cllr Priya Raman', 'disclosable_pecuniary', true, false],
      ['Cllr David Okafor', 'disclosable_pecuniary', false, true],
    ]);
    const text = await minutesText(m.id);
    // Items are named by their minute numbers (CPB/26/27/36) in the council's pattern.
    const minute = /in (minute CPB\/\d\d\/\d\d\/\d+), /.exec(text)![1]!;
    expect(text).toContain(
      `Cllr Priya Raman declared a disclosable pecuniary interest in ${minute}, ${item.title}. Her partner owns a care provider. Cllr Priya Raman left the meeting for ${minute} and took no part in the discussion or vote.`,
    );
    expect(text).toContain('Cllr David Okafor remained in the meeting under a dispensation.');
  });
});

describe('quorum item by item', () => {
  it('a member who withdrew for an item does not count for it, and no decision is recorded while inquorate', async () => {
    const m = await started();
    const seven = itemAt(m, 7);
    const six = itemAt(m, 6);
    expect(seven.quorum.met).toBe(true);
    await ok('declaration.add', {
      meetingId: m.id,
      memberId: RAMAN,
      itemId: seven.id,
      nature: 'Owns shares in a provider',
      kind: 'disclosable_pecuniary',
      withdrew: true,
    });
    const after = await get(m.id);
    expect(itemAt(after, 7).quorum).toEqual({
      met: false,
      text: 'Not quorate: 2 of 3 voting elected members present (1 more needed)',
      notes: ['Cllr Priya Raman withdrew for this item'],
    });
    expect(itemAt(after, 6).quorum.met).toBe(true);
    const refused = await fails('decision.add', { itemId: seven.id, text: 'the plan be endorsed.' });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe(
      `The meeting on ${formatLong(m.date)} is not quorate for item 7 (Not quorate: 2 of 3 voting elected members present (1 more needed); Cllr Priya Raman withdrew for this item), so no decision can be recorded. Record attendance first.`,
    );
    await ok('decision.add', { itemId: six.id, text: 'the scorecard be noted.' });
    // A fourth elected member arrives: item 7 is quorate again.
    await mark(m.id, HARWOOD);
    await ok('decision.add', { itemId: seven.id, text: 'the plan be endorsed.' });
  });

  it('remote attendance does not count unless the rule in force when the meeting started says so', async () => {
    const m = await started([CHAIR, OKAFOR, HARWOOD]);
    const set = (memberId: number, remote: boolean) =>
      ok('attendance.setPresence', { meetingId: m.id, memberId, remote, arrived: null, left: null });
    await set(HARWOOD, true);
    let d = await get(m.id);
    expect(d.quorum.remoteCounts).toBe(false);
    expect(itemAt(d, 3).quorum.met).toBe(false);
    expect(itemAt(d, 3).quorum.notes).toEqual([
      'Cllr Tom Harwood is attending remotely and does not count towards the quorum',
    ]);
    // Changing the board's rule now does not change a meeting already under way...
    await ok('board.setQuorum', { count: 3, role: 'elected_member', votingOnly: true, remoteCounts: true });
    d = await get(m.id);
    expect(d.quorum.remoteCounts).toBe(false);
    expect(itemAt(d, 3).quorum.met).toBe(false);
    // ...but a meeting started after it counts remote attendance.
    const later = (
      await ok<{ id: number }>('meeting.create', {
        date: '2027-02-03',
        startTime: '10:00',
        venue: 'Online',
        chairMemberId: CHAIR,
        type: 'ordinary',
        from: 'template',
      })
    ).id;
    await ok('meeting.setStatus', { id: later, status: 'agenda_published' });
    await ok('meeting.setStatus', { id: later, status: 'in_progress', early: { reason: 'Test' } });
    for (const mb of [CHAIR, OKAFOR, HARWOOD]) await mark(later, mb);
    await ok('attendance.setPresence', {
      meetingId: later,
      memberId: HARWOOD,
      remote: true,
      arrived: null,
      left: null,
    });
    const l = await get(later);
    expect(l.quorum.remoteCounts).toBe(true);
    expect(itemAt(l, 3).quorum).toMatchObject({ met: true, notes: [] });
    expect(await minutesText(later)).toContain(
      'Cllr Tom Harwood. Under the Board’s rule, members attending remotely counted towards the quorum.',
    );
    expect(await minutesText(m.id)).toContain(
      'Cllr Tom Harwood. Members attending remotely did not count towards the quorum and did not vote.',
    );
  });

  it('a late arrival counts from the item during which they arrived; an early leaver not for the item they left during', async () => {
    const m = await started([CHAIR, RAMAN, OKAFOR]);
    const five = itemAt(m, 5);
    const eight = itemAt(m, 8);
    await ok('attendance.setPresence', {
      meetingId: m.id,
      memberId: OKAFOR,
      remote: false,
      arrived: { itemId: five.id, time: '10:20' },
      left: { itemId: eight.id, time: '11:45' },
    });
    const d = await get(m.id);
    expect(itemAt(d, 4).quorum.met).toBe(false);
    expect(itemAt(d, 4).quorum.notes).toEqual(['Cllr David Okafor had not arrived (arrived during item 5)']);
    expect(itemAt(d, 5).quorum.met).toBe(true);
    expect(itemAt(d, 7).quorum.met).toBe(true);
    expect(itemAt(d, 8).quorum.notes).toEqual(['Cllr David Okafor left during item 8']);
    expect(d.attendance.find((a) => a.memberId === OKAFOR)).toMatchObject({
      arrivedAt: '10:20',
      arrivedItemId: five.id,
      leftAt: '11:45',
      leftItemId: eight.id,
    });
    const text = await minutesText(m.id, true);
    expect(text).toContain('Arrivals and departures');
    expect(text).toMatch(/Cllr David Okafor arrived at 10:20, during minute CPB\/26\/27\/\d+\./);
    expect(text).toMatch(/Cllr David Okafor left the meeting at 11:45, during minute CPB\/26\/27\/\d+\./);
    // The minute numbers are those of items 5 and 8.
    const [arrived, left] = [...text.matchAll(/during minute CPB\/26\/27\/(\d+)/g)].map((x) => Number(x[1]));
    expect(left! - arrived!).toBe(3);

    // Leaving before arriving, a time before the arrival, and someone not present are refused.
    const backwards = await fails('attendance.setPresence', {
      meetingId: m.id,
      memberId: OKAFOR,
      remote: false,
      arrived: { itemId: eight.id },
      left: { itemId: five.id },
    });
    expect(backwards.issues).toEqual([
      { path: 'left.itemId', message: 'must be item 8 or later, when they had arrived' },
    ]);
    expect(
      (
        await fails('attendance.setPresence', {
          meetingId: m.id,
          memberId: OKAFOR,
          remote: false,
          arrived: { itemId: five.id, time: '10:20' },
          left: { itemId: eight.id, time: '09:59' },
        })
      ).issues,
    ).toEqual([{ path: 'left.time', message: 'must be 10:20 or later, when they arrived' }]);
    expect(
      (
        await fails('attendance.setPresence', {
          meetingId: m.id,
          memberId: HARWOOD,
          remote: true,
          arrived: null,
          left: null,
        })
      ).message,
    ).toMatch(/Cllr Tom Harwood is not recorded as present/);
    // Marked as apologies after all: remote, arrival and departure go.
    await mark(m.id, OKAFOR, 'apologies');
    expect((await get(m.id)).attendance.find((a) => a.memberId === OKAFOR)).toMatchObject({
      status: 'apologies',
      remote: false,
      arrivedItemId: null,
      leftItemId: null,
    });
  });

  it('arrivals and departures are recorded once the meeting has started, with the current time when none is given', async () => {
    const list = await ok<{ upcoming: { id: number }[] }>('meeting.list', {});
    const id = list.upcoming[0]!.id;
    await mark(id, OKAFOR);
    const m = await get(id);
    const e = await fails('attendance.setPresence', {
      meetingId: id,
      memberId: OKAFOR,
      remote: false,
      arrived: { itemId: itemAt(m, 2).id },
      left: null,
    });
    expect(e.message).toMatch(/Late arrivals and early departures are recorded once the meeting has started/);
    await ok('meeting.setStatus', { id, status: 'in_progress', early: { reason: 'Test' } });
    await ok('attendance.setPresence', {
      meetingId: id,
      memberId: OKAFOR,
      remote: false,
      arrived: { itemId: itemAt(m, 2).id },
      left: null,
    });
    expect((await get(id)).attendance.find((a) => a.memberId === OKAFOR)?.arrivedAt).toMatch(/^\d{2}:\d{2}$/);
  });
});

describe('recorded votes', () => {
  it('records counts and names of those entitled to vote, shows them in the minutes, and locks with them', async () => {
    const m = await started([CHAIR, OKAFOR, RAMAN, HARWOOD]);
    const seven = itemAt(m, 7);
    await ok('declaration.add', {
      meetingId: m.id,
      memberId: RAMAN,
      itemId: seven.id,
      nature: 'Owns shares in a provider',
      kind: 'disclosable_pecuniary',
      withdrew: true,
    });
    const { id: decisionId } = await ok<{ id: number }>('decision.add', {
      itemId: seven.id,
      text: 'the sufficiency strategy be approved.',
    });
    const vote = (v: Record<string, unknown>) => ({ decisionId, castingVote: null, names: [], ...v });
    // Three members may vote on item 7 (Cllr Raman withdrew).
    const tooMany = await fails('vote.record', vote({ for: 3, against: 1, abstain: 0 }));
    expect(tooMany.message).toBe(
      '4 votes were cast but only 3 members were entitled to vote on item 7 (voting members in the room, not withdrawn)',
    );
    const withdrawn = await fails(
      'vote.record',
      vote({
        for: 2,
        against: 1,
        abstain: 0,
        names: [
          { memberId: CHAIR, vote: 'for' },
          { memberId: RAMAN, vote: 'for' },
          { memberId: OKAFOR, vote: 'against' },
        ],
      }),
    );
    expect(withdrawn.message).toMatch(/^Cllr Priya Raman was not entitled to vote on item 7/);
    expect(
      (
        await fails(
          'vote.record',
          vote({ for: 2, against: 1, abstain: 0, names: [{ memberId: CHAIR, vote: 'for' }] }),
        )
      ).issues?.map((i) => i.path),
    ).toEqual(['for', 'against']);
    expect(
      (await fails('vote.record', vote({ for: 2, against: 1, abstain: 0, castingVote: 'for' }))).issues?.[0]
        ?.message,
    ).toBe('the chair has a casting vote only when the votes for and against are equal');

    await ok(
      'vote.record',
      vote({
        for: 2,
        against: 1,
        abstain: 0,
        names: [
          { memberId: CHAIR, vote: 'for' },
          { memberId: HARWOOD, vote: 'for' },
          { memberId: OKAFOR, vote: 'against' },
        ],
      }),
    );
    const d = itemAt(await get(m.id), 7).decisions[0]!;
    expect(d.vote).toEqual({
      for: 2,
      against: 1,
      abstain: 0,
      castingVote: null,
      carried: true,
      names: [
        { memberId: CHAIR, name: 'Cllr Margaret Ellison', vote: 'for' },
        { memberId: OKAFOR, name: 'Cllr David Okafor', vote: 'against' },
        { memberId: HARWOOD, name: 'Cllr Tom Harwood', vote: 'for' },
      ],
    });
    expect(await minutesText(m.id, true)).toContain(
      'On being put to the vote: For 2 (Cllr Margaret Ellison, Cllr Tom Harwood), against 1 (Cllr David Okafor), abstentions 0. The resolution was carried.',
    );

    // A tie decided by the chair's casting vote.
    await ok('vote.record', vote({ for: 1, against: 1, abstain: 1, castingVote: 'against' }));
    const tie = itemAt(await get(m.id), 7).decisions[0]!.vote!;
    expect([tie.carried, tie.castingVote, tie.names]).toEqual([false, 'against', []]);
    expect(await minutesText(m.id)).toContain(
      'The votes being equal, the Chair gave a casting vote against. The resolution was lost.',
    );
    await ok('vote.clear', { decisionId });
    expect(itemAt(await get(m.id), 7).decisions[0]!.vote).toBeNull();
    expect((await fails('vote.clear', { decisionId })).code).toBe('not_found');
  });

  it('refuses a vote on a meeting not yet under way, and any change once the minutes are approved', async () => {
    const list = await ok<{ upcoming: { id: number }[] }>('meeting.list', {});
    const upcoming = await get(list.upcoming[0]!.id);
    const held = await get(upcoming.previousMeeting!.id);
    const decided = held.items.find((it) => it.decisions.length)!;
    // The held meeting's minutes are in draft: a vote can still be recorded there.
    await ok('vote.record', { decisionId: decided.decisions[0]!.id, for: 3, against: 0, abstain: 0 });
    // Approve them at the upcoming meeting; the vote is locked with them.
    await ok('meeting.setStatus', { id: upcoming.id, status: 'in_progress', early: { reason: 'Test' } });
    for (const mb of [CHAIR, OKAFOR, RAMAN]) await mark(upcoming.id, mb);
    await ok('meeting.approveMinutes', { meetingId: held.id, atMeetingId: upcoming.id });
    const locked = await fails('vote.clear', { decisionId: decided.decisions[0]!.id });
    expect(locked.code).toBe('locked');
    const late = await fails('vote.record', {
      decisionId: decided.decisions[0]!.id,
      for: 1,
      against: 0,
      abstain: 0,
    });
    expect(late.message).toMatch(/Votes are recorded at a meeting that is in progress or has been held/);
  });
});

describe('minutes approved subject to amendments', () => {
  it('records the amendments with the approved minutes and in the approving resolution', async () => {
    const list = await ok<{ upcoming: { id: number }[] }>('meeting.list', {});
    const upcoming = await get(list.upcoming[0]!.id);
    const held = await get(upcoming.previousMeeting!.id);
    await ok('meeting.setStatus', { id: upcoming.id, status: 'in_progress', early: { reason: 'Test' } });
    for (const mb of [CHAIR, OKAFOR, RAMAN]) await mark(upcoming.id, mb);
    await ok('meeting.approveMinutes', {
      meetingId: held.id,
      atMeetingId: upcoming.id,
      amendments: 'Item 5: Cllr Okafor gave apologies and was not present',
    });
    const approved = await get(held.id);
    expect(approved.status).toBe('minutes_approved');
    expect(approved.approvalAmendments).toBe('Item 5: Cllr Okafor gave apologies and was not present');
    const resolution = (await get(upcoming.id)).items
      .find((it) => it.kind === 'minutes')!
      .decisions.at(-1)!.text;
    expect(resolution).toBe(
      `the minutes of the meeting held on ${formatLong(held.date)} be approved as a correct record, subject to the following amendments: Item 5: Cllr Okafor gave apologies and was not present.`,
    );
    const text = await minutesText(held.id, true);
    expect(text).toContain('Approved as a correct record, subject to the amendments below at the meeting on');
    expect(text).toContain('Amendments agreed on approval');
    expect(text).toContain('Item 5: Cllr Okafor gave apologies and was not present');
  });

  it('approved as a correct record says so, with no amendments', async () => {
    const list = await ok<{ upcoming: { id: number }[] }>('meeting.list', {});
    const upcoming = await get(list.upcoming[0]!.id);
    const held = await get(upcoming.previousMeeting!.id);
    await ok('meeting.setStatus', { id: upcoming.id, status: 'in_progress', early: { reason: 'Test' } });
    for (const mb of [CHAIR, OKAFOR, RAMAN]) await mark(upcoming.id, mb);
    await ok('meeting.approveMinutes', { meetingId: held.id, atMeetingId: upcoming.id, amendments: '  ' });
    expect((await get(held.id)).approvalAmendments).toBe('');
    const text = await minutesText(held.id);
    expect(text).toContain('Approved as a correct record at the meeting on');
    expect(text).not.toContain('Amendments agreed on approval');
  });
});

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** '2026-12-16' → '16 December 2026' (written out here, so the test does not use the code under test). */
function formatLong(iso: string): string {
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${months[mo - 1]} ${y}`;
}
