/**
 * The forward plan (work programme) through the API: the standing reports, placing them in the
 * year's meetings, one-off reports, drafting an agenda from the plan, and the Word export.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/api';
import type { Session } from '../../../electron/core/session';
import { callError, callOk, demoSession } from '../../helpers';
import { docxText } from '../exports/word-text';

let session: Session;
beforeEach(() => {
  session = demoSession().session; // today 2026-11-23: the plan year 2026-27
});
afterEach(() => session.close());

const ok = <T = unknown>(method: string, input: unknown) =>
  callOk(session, method as MethodName, input as never) as Promise<T>;
const fails = (method: string, input: unknown) => callError(session, method as MethodName, input as never);

interface Plan {
  year: { start: number; label: string; from: string; to: string };
  startMonth: number;
  years: { start: number; label: string }[];
  meetings: {
    id: number;
    date: string;
    status: string;
    open: boolean;
    reports: {
      id: number;
      standingReportId: number | null;
      title: string;
      presenter: string;
      agendaItemId: number | null;
      itemPosition: number | null;
    }[];
  }[];
  standingReports: {
    id: number;
    title: string;
    frequency: string;
    dueMonth: number | null;
    archived: boolean;
    revision: number;
  }[];
}
interface Detail {
  items: { id: number; position: number; kind: string; title: string; presenter: string; purpose: string }[];
}

const plan = (year?: number) => ok<Plan>('forward.get', year === undefined ? {} : { year });
const standing = (p: Plan, title: RegExp) => p.standingReports.find((s) => title.test(s.title))!;

/** The demo's upcoming meeting and two more later in the year, each with a published agenda. */
async function withYearMeetings(): Promise<{ upcoming: number; feb: number; mar: number }> {
  const list = await ok<{ upcoming: { id: number }[] }>('meeting.list', {});
  const add = async (date: string) => {
    const { id } = await ok<{ id: number }>('meeting.create', {
      date,
      startTime: '10:00',
      venue: 'Committee Room 2',
      chairMemberId: 1,
      type: 'ordinary',
      from: 'template',
    });
    return id;
  };
  return { upcoming: list.upcoming[0]!.id, feb: await add('2027-02-10'), mar: await add('2027-03-24') };
}

describe('the forward plan', () => {
  it('starts with a default list of standing reports a clerk can change', async () => {
    const p = await plan();
    // The municipal year, from the board's first month (May unless it says otherwise).
    expect(p.year).toEqual({ start: 2026, label: '2026-27', from: '2026-05-01', to: '2027-04-30' });
    expect(p.standingReports.map((s) => s.title)).toEqual([
      'Children in Care Council update',
      'Independent Reviewing Officer (IRO) annual report',
      'Virtual School Head annual report',
      'Fostering service annual report',
      'Adoption service annual report',
      'Placement sufficiency strategy update',
      'Health of children in care annual report',
      'Care leavers (leaving care) service report',
      'Complaints and compliments annual report',
      'Private fostering annual report',
      'Member visits to children’s homes',
    ]);
    // The demo's four meetings fall in 2026-27; three were held (their plans are history).
    expect(p.meetings.map((m) => m.open)).toEqual([false, false, false, true]);

    const { id } = await ok<{ id: number }>('standingReport.create', {
      title: 'Youth justice and children in care',
      presenter: 'Head of youth justice',
      purpose: 'assurance',
      minutesAllowed: 15,
      frequency: 'annual',
      dueMonth: 2,
    });
    const s = (await plan()).standingReports.find((x) => x.id === id)!;
    await ok('standingReport.update', {
      id,
      title: 'Youth justice: children in care and care leavers',
      presenter: 'Head of youth justice',
      purpose: 'assurance',
      minutesAllowed: 15,
      frequency: 'annual',
      dueMonth: 3,
      baseRevision: s.revision,
    });
    const stale = await fails('standingReport.update', {
      id,
      title: 'From an old copy',
      presenter: '',
      purpose: 'assurance',
      minutesAllowed: null,
      frequency: 'annual',
      dueMonth: null,
      baseRevision: s.revision,
    });
    expect(stale.code).toBe('conflict');
    expect((await plan()).standingReports.find((x) => x.id === id)).toMatchObject({
      title: 'Youth justice: children in care and care leavers',
      dueMonth: 3,
    });
    expect(
      (
        await fails('standingReport.create', {
          title: 'X',
          presenter: '',
          purpose: 'assurance',
          minutesAllowed: null,
          frequency: 'annual',
          dueMonth: 13,
        })
      ).issues?.[0],
    ).toEqual({ path: 'dueMonth', message: 'must be a month, 1 to 12' });
  });

  it('runs over the board’s municipal year, from the month its year starts', async () => {
    const settings = await ok<Record<string, unknown>>('board.publishing', {});
    await ok('board.setPublishing', { ...settings, yearStartMonth: 9 });
    const p = await plan();
    expect(p.year).toEqual({ start: 2026, label: '2026-27', from: '2026-09-01', to: '2027-08-31' });
    expect(p.startMonth).toBe(9);
    // Of the demo's meetings only the late-September one and December's fall in it.
    expect(p.meetings.map((m) => m.date)).toEqual(['2026-09-30', '2026-12-16']);
    expect((await plan(2025)).meetings.map((m) => m.date)).toEqual(['2026-06-10', '2026-08-05']);
  });

  it('places each standing report at the first open meeting on or after the month it is due, once', async () => {
    const { upcoming, feb, mar } = await withYearMeetings();
    const before = await plan();
    // Retired reports are not placed.
    await ok('standingReport.setArchived', { id: standing(before, /^Private fostering/).id, archived: true });

    const r = await ok<{ added: number; meetings: number }>('forward.planYear', { year: 2026 });
    const p = await plan();
    const titles = (id: number) => p.meetings.find((m) => m.id === id)!.reports.map((x) => x.title);
    // December meeting: the CiCC (every meeting), the Virtual School Head (due November), member visits (June and December).
    expect(titles(upcoming)).toEqual([
      'Children in Care Council update',
      'Virtual School Head annual report',
      'Member visits to children’s homes',
    ]);
    // February: the CiCC and sufficiency (due January). March: the CiCC and care leavers (due March).
    expect(titles(feb)).toEqual(['Children in Care Council update', 'Placement sufficiency strategy update']);
    expect(titles(mar)).toEqual([
      'Children in Care Council update',
      'Care leavers (leaving care) service report',
    ]);
    // Reports due at meetings already held (IRO in July, fostering…) are not added after the event.
    expect(p.meetings.filter((m) => !m.open).every((m) => m.reports.length === 0)).toBe(true);
    expect(r).toEqual({ added: 7, meetings: 3, waiting: [] });
    // Planning again adds nothing.
    expect(await ok('forward.planYear', { year: 2026 })).toEqual({ added: 0, meetings: 0, waiting: [] });
    // A once-a-year report planned by hand elsewhere is not planned twice.
    const p2027 = await ok<{ added: number }>('forward.planYear', { year: 2027 });
    expect(p2027.added).toBe(0); // no meetings arranged in 2027-28 yet
  });

  it('leaves a report due after the last meeting arranged until the meeting is arranged, and names it', async () => {
    const list = await ok<{ upcoming: { id: number }[] }>('meeting.list', {});
    const upcoming = list.upcoming[0]!.id;
    const r = await ok<{ added: number; waiting: string[] }>('forward.planYear', { year: 2026 });
    expect(r).toEqual({
      added: 3,
      meetings: 1,
      waiting: ['Placement sufficiency strategy update', 'Care leavers (leaving care) service report'],
    });
    expect((await plan()).meetings.find((m) => m.id === upcoming)!.reports.map((x) => x.title)).toEqual([
      'Children in Care Council update',
      'Virtual School Head annual report',
      'Member visits to children’s homes',
    ]);
    await ok('meeting.create', {
      date: '2027-01-20',
      startTime: '14:00',
      venue: '',
      chairMemberId: 1,
      type: 'ordinary',
      from: 'template',
    });
    const again = await ok<{ added: number; waiting: string[] }>('forward.planYear', { year: 2026 });
    // The January meeting takes the CiCC and the sufficiency update; care leavers (March) still waits.
    expect(again).toEqual({ added: 2, meetings: 1, waiting: ['Care leavers (leaving care) service report'] });
  });

  it('adds, changes and removes reports for a meeting that has not started; held meetings keep their plan', async () => {
    const { upcoming } = await withYearMeetings();
    const p = await plan();
    const iro = standing(p, /^Independent Reviewing Officer/);
    const { id } = await ok<{ id: number }>('forward.addReport', {
      meetingId: upcoming,
      standingReportId: iro.id,
      presenter: 'Sam Okoro, IRO manager',
    });
    const dup = await fails('forward.addReport', { meetingId: upcoming, standingReportId: iro.id });
    expect(dup.message).toMatch(/is already planned for the meeting on/);
    expect(
      (await fails('forward.addReport', { meetingId: upcoming, standingReportId: null })).issues?.[0],
    ).toEqual({
      path: 'title',
      message: 'give the report’s title, or choose a standing report',
    });
    await ok('forward.addReport', {
      meetingId: upcoming,
      standingReportId: null,
      title: 'Ofsted focused visit: action plan',
      presenter: 'Director of Children’s Services',
      purpose: 'decision',
      minutesAllowed: 20,
    });
    await ok('forward.updateReport', {
      id,
      title: 'IRO annual report 2025-26',
      presenter: 'Sam Okoro, IRO manager',
      purpose: 'assurance',
      minutesAllowed: 25,
    });
    const reports = (await plan()).meetings.find((m) => m.id === upcoming)!.reports;
    expect(reports.map((r) => [r.title, r.presenter, r.standingReportId])).toEqual([
      ['IRO annual report 2025-26', 'Sam Okoro, IRO manager', iro.id],
      ['Ofsted focused visit: action plan', 'Director of Children’s Services', null],
    ]);
    const held = p.meetings.find((m) => !m.open)!;
    const refused = await fails('forward.addReport', { meetingId: held.id, standingReportId: iro.id });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(
      /so its plan cannot change; the plan is for meetings that have not started/,
    );
    await ok('forward.removeReport', { id });
    expect((await plan()).meetings.find((m) => m.id === upcoming)!.reports).toHaveLength(1);
  });

  it('drafts the agenda from the plan: one item per report, before any other business, once', async () => {
    const { feb } = await withYearMeetings();
    await ok('forward.planYear', { year: 2026 });
    const before = await ok<Detail>('meeting.get', { id: feb });
    const aob = before.items.find((it) => it.kind === 'aob')!.position;
    const r = await ok<{ added: number; itemIds: number[] }>('forward.draftAgenda', { meetingId: feb });
    expect(r.added).toBe(2);
    const after = await ok<Detail>('meeting.get', { id: feb });
    expect(after.items).toHaveLength(before.items.length + 2);
    expect(after.items.map((it) => it.position)).toEqual(after.items.map((_, k) => k + 1));
    const added = after.items.filter((it) => r.itemIds.includes(it.id));
    expect(added.map((it) => [it.position, it.title, it.presenter, it.purpose])).toEqual([
      [
        aob,
        'Children in Care Council update',
        'Participation lead and Children in Care Council representatives',
        'discussion',
      ],
      [aob + 1, 'Placement sufficiency strategy update', 'Head of commissioning', 'discussion'],
    ]);
    expect(after.items.find((it) => it.kind === 'aob')!.position).toBe(aob + 2);
    const planned = (await plan()).meetings.find((m) => m.id === feb)!.reports;
    expect(planned.map((p) => p.itemPosition)).toEqual([aob, aob + 1]);
    expect(await ok('forward.draftAgenda', { meetingId: feb })).toEqual({ added: 0, itemIds: [] });

    // A meeting under way is not drafted from the plan.
    await ok('meeting.setStatus', { id: feb, status: 'agenda_published' });
    await ok('meeting.setStatus', { id: feb, status: 'in_progress', early: { reason: 'Test' } });
    const e = await fails('forward.draftAgenda', { meetingId: feb });
    expect(e.message).toMatch(
      /is at “Meeting in progress”, so its agenda is no longer drafted from the plan/,
    );
  });

  it('exports to Word through the Reports machinery', async () => {
    const { upcoming } = await withYearMeetings();
    await ok('forward.planYear', { year: 2026 });
    await ok('forward.draftAgenda', { meetingId: upcoming });
    const doc = await ok<{ fileName: string; dataBase64: string }>('export.document', {
      kind: 'forward-plan',
      from: '2026-04-01',
      to: '2027-03-31',
    });
    expect(doc.fileName).toBe('Northshire CPB forward plan 1 April 2026 to 31 March 2027.docx');
    const text = await docxText(Buffer.from(doc.dataBase64, 'base64'));
    expect(text).toContain('Forward plan (work programme): 1 April 2026 to 31 March 2027');
    expect(text).toContain('Wednesday 10 February 2027, 10:00 — Committee Room 2');
    expect(text).toContain('Placement sufficiency strategy update');
    expect(text).toContain('Not yet on the agenda');
    expect(text).toMatch(
      /Virtual School Head annual report\nVirtual School Head\nFor assurance\n20 minutes\nItem \d+/,
    );
    expect(text).toContain('Standing reports');
    expect(text).toContain('June and December');
    const bad = await fails('export.document', {
      kind: 'forward-plan',
      from: '2027-04-01',
      to: '2026-04-01',
    });
    expect(bad.issues?.[0]).toEqual({ path: 'to', message: 'must be on or after the start date' });
  });
});
