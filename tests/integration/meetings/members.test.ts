import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import type { Session } from '../../../electron/core/session';
import { demoSession, rowCounts } from '../../helpers';

let session: Session;
beforeAll(() => {
  session = demoSession().session;
});
afterAll(() => session.close());

const call = (method: string, input: unknown) => dispatch(session, method, input);

describe('members and the quorum rule', () => {
  it('adds, changes and removes a member; the audit log records each', async () => {
    const r = await call('member.create', {
      name: 'Cllr Sam Iqbal',
      role: 'elected_member',
      jobTitle: 'Councillor',
      organisation: 'Northshire County Council',
      voting: true,
      activeFrom: '2026-12-01',
      activeTo: null,
    });
    expect(r.ok).toBe(true);
    const m = (r as { value: { id: number; name: string; voting: boolean; activeFrom: string } }).value;
    expect(m).toMatchObject({ name: 'Cllr Sam Iqbal', voting: true, activeFrom: '2026-12-01' });
    const u = await call('member.update', {
      id: m.id,
      name: 'Cllr Sam Iqbal',
      role: 'elected_member',
      jobTitle: 'Vice-Chair',
      organisation: 'Northshire County Council',
      voting: false,
      activeFrom: '2026-12-01',
      activeTo: '2027-05-31',
    });
    expect((u as { value: { jobTitle: string; voting: boolean; activeTo: string } }).value).toMatchObject({
      jobTitle: 'Vice-Chair',
      voting: false,
      activeTo: '2027-05-31',
    });
    expect((await call('member.delete', { id: m.id })).ok).toBe(true);
    const board = await call('board.get', {});
    expect(
      (board as { value: { members: { name: string }[] } }).value.members.map((x) => x.name),
    ).not.toContain('Cllr Sam Iqbal');
    const actions = session
      .ctx()
      .db.prepare("SELECT action FROM audit_log WHERE entity = 'member' AND entity_id = ? ORDER BY id")
      .all(m.id);
    expect(actions).toEqual([
      { action: 'member.create' },
      { action: 'member.update' },
      { action: 'member.delete' },
    ]);
  });

  it('refuses "active to" before "active from", naming the field, and writes nothing', async () => {
    const before = rowCounts(session);
    const r = await call('member.create', {
      name: 'X',
      role: 'officer',
      jobTitle: '',
      organisation: '',
      voting: false,
      activeFrom: '2026-12-01',
      activeTo: '2026-11-01',
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.issues).toEqual([{ path: 'activeTo', message: 'must be on or after "active from"' }]);
    expect(rowCounts(session)).toEqual(before);
  });

  it('will not remove a member who is in the record; suggests an end date', async () => {
    const r = await call('member.delete', { id: 1 });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'Cllr Margaret Ellison appears in the records of past meetings or the action log, so cannot be removed; set an “active to” date instead',
      },
    });
  });

  it.each([
    [{ count: 4, role: 'elected_member', votingOnly: true }, true],
    [{ count: 2, role: 'any', votingOnly: false }, true],
    [{ count: 0, role: 'any', votingOnly: false }, false],
    [{ count: 2.5, role: 'officer', votingOnly: false }, false],
    [{ count: 3, role: 'chair', votingOnly: false }, false],
  ])('setQuorum %j → accepted %s', async (rule, accepted) => {
    const r = await call('board.setQuorum', rule);
    expect(r.ok).toBe(accepted);
    const b = (await call('board.get', {})) as { value: { quorum: unknown } };
    // Remote attendance is not counted unless the board says so (it was not set here).
    if (accepted) expect(b.value.quorum).toEqual({ ...rule, remoteCounts: false });
    else expect(b.value.quorum).not.toEqual(rule);
  });
});
