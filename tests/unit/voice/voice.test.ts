import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiInput, MethodName } from '../../../shared/api';
import type { Session } from '../../../electron/core/session';
import { demoSession, rowCounts, callOk, callError } from '../../helpers';

let session: Session;
beforeEach(() => {
  session = demoSession('2026-11-23').session;
});
afterEach(() => session.close());

const ok = <M extends MethodName>(method: M, input: ApiInput<M>) => callOk(session, method, input);
async function refused(method: MethodName, input: Record<string, unknown>) {
  const before = rowCounts(session);
  const error = await callError(session, method, input);
  expect(rowCounts(session)).toEqual(before);
  return error;
}

describe('you said, we did', () => {
  it('lists the demo’s four entries, newest first, with their priority and meeting', async () => {
    const l = await ok('voice.list', {});
    expect(l.entries).toHaveLength(4);
    expect(l.entries[0]).toMatchObject({
      said: 'We want to see our brothers and sisters more often, especially in the school holidays.',
      status: 'open',
      did: '',
      didDate: null,
      source: 'Children in Care Council',
      meetingDate: '2026-12-16',
    });
    expect(l.entries.map((e) => e.status)).toEqual(['open', 'done', 'done', 'in_progress']);
    expect((await ok('voice.list', { status: 'done' })).entries).toHaveLength(2);
    expect(l.meetings).toHaveLength(4);
    expect(l.priorities.length).toBeGreaterThan(0);
  });

  it('creates, updates and deletes an entry, auditing each', async () => {
    const l = await ok('voice.list', {});
    const created = await ok('voice.create', {
      said: '  We want wifi in every children’s home.  ',
      saidDate: '2026-11-10',
      priorityId: l.priorities[0]!.id,
      meetingId: l.meetings[0]!.id,
    });
    expect(created).toMatchObject({
      said: 'We want wifi in every children’s home.',
      status: 'open',
      source: 'Children in Care Council',
      did: '',
      didDate: null,
    });
    const updated = await ok('voice.update', {
      id: created.id,
      did: 'Wifi installed in all five homes.',
      didDate: '2026-11-20',
      status: 'done',
      source: 'Care Leavers Forum',
    });
    expect(updated).toMatchObject({
      did: 'Wifi installed in all five homes.',
      didDate: '2026-11-20',
      status: 'done',
      source: 'Care Leavers Forum',
    });
    const cleared = await ok('voice.update', { id: created.id, priorityId: null, meetingId: null });
    expect(cleared).toMatchObject({
      priorityId: null,
      meetingId: null,
      priorityTitle: null,
      meetingDate: null,
    });
    expect(await ok('voice.delete', { id: created.id })).toEqual({ ok: true });
    expect((await ok('voice.list', {})).entries).toHaveLength(4);
    const audit = session
      .ctx()
      .db.prepare("SELECT action FROM audit_log WHERE entity = 'voice' AND entity_id = ? ORDER BY id")
      .all(created.id) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual([
      'voice.create',
      'voice.update',
      'voice.update',
      'voice.delete',
    ]);
  });

  it('refuses bad input with the field and the reason, writing nothing', async () => {
    let e = await refused('voice.create', { said: '   ', saidDate: '2026-11-10' });
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([{ path: 'said', message: 'must not be empty' }]);
    e = await refused('voice.create', { said: 'x', saidDate: '10/11/2026' });
    expect(e.issues?.[0]).toEqual({ path: 'saidDate', message: 'must be a date like 2025-06-30' });
    e = await refused('voice.create', { said: 'x', saidDate: '2026-11-10', status: 'finished' });
    expect(e.issues?.[0]?.path).toBe('status');
    e = await refused('voice.create', { said: 'x', saidDate: '2026-11-10', didDate: '2026-11-01', did: 'y' });
    expect(e).toMatchObject({
      code: 'invalid_input',
      issues: [
        {
          path: 'didDate',
          message: '“We did” date 1 November 2026 is before the “you said” date 10 November 2026',
        },
      ],
    });
    e = await refused('voice.create', { said: 'x', saidDate: '2026-11-10', status: 'done' });
    expect(e.issues).toEqual([{ path: 'did', message: 'An entry marked done must say what the board did' }]);
    e = await refused('voice.create', { said: 'x', saidDate: '2026-11-10', priorityId: 999 });
    expect(e.issues).toEqual([{ path: 'priorityId', message: 'there is no strategy priority with id 999' }]);
    e = await refused('voice.update', { id: 999, said: 'x' });
    expect(e).toMatchObject({
      code: 'not_found',
      message: 'There is no “You said, we did” entry with id 999',
    });
    e = await refused('voice.delete', { id: 999 });
    expect(e.code).toBe('not_found');
    // An update that would break a rule across fields is refused too.
    const first = (await ok('voice.list', {})).entries[0]!;
    e = await refused('voice.update', { id: first.id, status: 'done' });
    expect(e.issues?.[0]?.path).toBe('did');
  });
});
