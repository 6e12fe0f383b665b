/**
 * Member visits through the API: recorded after the event, with who went and what they found;
 * follow-up actions in the action log; reported to the Board on an agenda; in the agenda pack and
 * the annual report; to the bin and back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/api';
import type { Session } from '../../../electron/core/session';
import { callError, callOk, demoSession } from '../../helpers';
import { docxText } from '../exports/word-text';

let session: Session;
beforeEach(() => {
  session = demoSession().session; // today 2026-11-23
});
afterEach(() => session.close());

const ok = <T = unknown>(method: string, input: unknown) =>
  callOk(session, method as MethodName, input as never) as Promise<T>;
const fails = (method: string, input: unknown) => callError(session, method as MethodName, input as never);

interface Visits {
  visits: {
    id: number;
    date: string;
    setting: string;
    announced: boolean;
    findings: string;
    members: { id: number; name: string }[];
    revision: number;
    reportedAt: { itemId: number; meetingId: number; position: number } | null;
    actions: { id: number; description: string; owner: string; status: string }[];
  }[];
  meetings: { id: number; date: string }[];
}

const visit = {
  date: '2026-11-02',
  setting: 'Oak House',
  settingKind: 'childrens_home',
  announced: false,
  findings: 'Warm, settled home. Young people asked for more say in the menu. The garden fence needs repair.',
  memberIds: [2, 3],
};
const list = () => ok<Visits>('visit.list', {});
const doc = async (input: Record<string, unknown>) => {
  const v = await ok<{ dataBase64: string }>('export.document', input);
  return docxText(Buffer.from(v.dataBase64, 'base64'));
};

describe('member visits', () => {
  it('are recorded after they happen, by named members, and changed with the revision read', async () => {
    const future = await fails('visit.create', { ...visit, date: '2026-11-30' });
    expect(future.issues).toEqual([
      { path: 'date', message: 'must be today or earlier: record a visit once it has taken place' },
    ]);
    expect((await fails('visit.create', { ...visit, memberIds: [] })).issues?.[0]).toEqual({
      path: 'memberIds',
      message: 'name at least one member who visited',
    });
    expect((await fails('visit.create', { ...visit, memberIds: [999] })).code).toBe('not_found');
    const { id } = await ok<{ id: number }>('visit.create', visit);
    const v = (await list()).visits[0]!;
    expect(v).toMatchObject({
      id,
      setting: 'Oak House',
      announced: false,
      members: [
        { id: 2, name: 'Cllr David Okafor' },
        { id: 3, name: 'Cllr Priya Raman' },
      ],
      reportedAt: null,
      actions: [],
    });
    await ok('visit.update', {
      id,
      ...visit,
      findings: 'Updated.',
      memberIds: [3],
      baseRevision: v.revision,
    });
    const stale = await fails('visit.update', { id, ...visit, baseRevision: v.revision });
    expect(stale.code).toBe('conflict');
    expect((await list()).visits[0]).toMatchObject({ findings: 'Updated.', members: [{ id: 3 }] });
    // A member who made a visit stays on the record: they cannot be removed (set "active to" instead).
    const keep = await fails('member.delete', { id: 3 });
    expect(keep.message).toMatch(/appears in the records/);
  });

  it('follow-up actions join the action log, linked to the visit', async () => {
    const { id } = await ok<{ id: number }>('visit.create', visit);
    const { id: actionId } = await ok<{ id: number }>('visit.addAction', {
      visitId: id,
      description: 'Repair the garden fence at Oak House',
      ownerMemberId: null,
      ownerName: 'Residential services manager',
      dueDate: '2026-12-18',
      urgency: 'high',
    });
    expect((await list()).visits[0]!.actions).toEqual([
      expect.objectContaining({ id: actionId, owner: 'Residential services manager', status: 'open' }),
    ]);
    const log = await ok<{ actions: { id: number; visit: unknown; meetingId: number | null }[] }>(
      'actions.list',
      {},
    );
    expect(log.actions.find((a) => a.id === actionId)).toMatchObject({
      meetingId: null,
      visit: { id, setting: 'Oak House', date: '2026-11-02' },
    });
    const text = await doc({ kind: 'actions', public: false });
    expect(text).toContain('Member visit to Oak House, 2 November 2026');
  });

  it('are reported to the Board under one agenda item, listed in the agenda pack', async () => {
    const a = await ok<{ id: number }>('visit.create', visit);
    const b = await ok<{ id: number }>('visit.create', {
      ...visit,
      date: '2026-10-12',
      setting: 'Riverside Supported Lodgings',
      settingKind: 'supported_accommodation',
      announced: true,
      findings: 'Good links with the leaving care team.',
      memberIds: [1],
    });
    const { meetings } = await list();
    const upcoming = meetings[0]!.id;
    const first = await ok<{ itemId: number; added: boolean }>('visit.reportAt', {
      meetingId: upcoming,
      visitIds: [a.id],
    });
    expect(first.added).toBe(true);
    const second = await ok<{ itemId: number; added: boolean }>('visit.reportAt', {
      meetingId: upcoming,
      visitIds: [b.id],
    });
    expect(second).toEqual({ itemId: first.itemId, added: false });
    const m = await ok<{ items: { id: number; kind: string; title: string; position: number }[] }>(
      'meeting.get',
      {
        id: upcoming,
      },
    );
    const item = m.items.find((it) => it.id === first.itemId)!;
    expect(item.title).toBe('Member visits to children’s homes and other settings');
    expect(m.items.find((it) => it.kind === 'aob')!.position).toBe(item.position + 1);
    expect((await list()).visits.map((v) => v.reportedAt?.position)).toEqual([item.position, item.position]);

    const agenda = await doc({ kind: 'agenda', meetingId: upcoming });
    expect(agenda).toContain('Visits reported: 2.');
    expect(agenda).toContain('Oak House\nChildren’s home, unannounced');
    expect(agenda).toContain('Riverside Supported Lodgings\nSupported accommodation (16–17), announced');
    expect(agenda).toContain('Young people asked for more say in the menu.');

    // A meeting under way takes no more: that would be urgent business.
    const held = (await ok<{ past: { id: number }[] }>('meeting.list', {})).past[0]!.id;
    const c = await ok<{ id: number }>('visit.create', { ...visit, setting: 'Elm Lodge' });
    const refused = await fails('visit.reportAt', { meetingId: held, visitIds: [c.id] });
    expect(refused.message).toMatch(/visits are reported on the agenda of a meeting that has not started/);
    // A visit reported at one meeting is not reported again at another.
    const other = await ok<{ id: number }>('meeting.create', {
      date: '2027-02-10',
      startTime: '10:00',
      venue: '',
      chairMemberId: 1,
      type: 'ordinary',
      from: 'template',
    });
    expect((await fails('visit.reportAt', { meetingId: other.id, visitIds: [a.id] })).message).toMatch(
      /is already reported at the meeting on/,
    );
  });

  it('are summarised in the annual report', async () => {
    await ok('visit.create', visit);
    const { id } = await ok<{ id: number }>('visit.create', {
      ...visit,
      date: '2026-06-15',
      setting: 'Elm Lodge',
      announced: true,
      findings: 'Staffing is stable.',
      memberIds: [1],
    });
    await ok('visit.addAction', {
      visitId: id,
      description: 'Share the Elm Lodge inspection report with members',
      ownerMemberId: 5,
      ownerName: '',
      dueDate: null,
      urgency: 'low',
    });
    const text = await doc({ kind: 'annual', from: '2026-04-01', to: '2027-03-31' });
    expect(text).toContain('Member visits');
    expect(text).toContain(
      'Members made 2 visits to 2 settings (1 unannounced); 3 members took part. 1 follow-up action was raised, of which 0 are complete.',
    );
    expect(text).toContain('Staffing is stable.');
    expect(text).toContain('Share the Elm Lodge inspection report with members');
    // The year before had none.
    expect(await doc({ kind: 'annual', from: '2025-04-01', to: '2026-03-31' })).toContain(
      'No member visits were recorded in this period.',
    );
  });

  it('go to the bin when deleted, with who made them, and come back', async () => {
    const { id } = await ok<{ id: number }>('visit.create', visit);
    await ok('visit.delete', { id });
    expect((await list()).visits).toEqual([]);
    const bin = await ok<{ entries: { kind: string; recordId: number; label: string; children: number }[] }>(
      'bin.list',
      {},
    );
    expect(bin.entries[0]).toMatchObject({
      kind: 'visit',
      recordId: id,
      label: 'Visit to Oak House',
      children: 2,
    });
    await ok('bin.restore', { kind: 'visit', recordId: id });
    expect((await list()).visits[0]).toMatchObject({ id, members: [{ id: 2 }, { id: 3 }] });
  });
});
