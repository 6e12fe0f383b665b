import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { demoSession, rowCounts } from '../helpers';

const { session } = demoSession();
afterAll(() => session.close());

describe('board.update', () => {
  it('renames the board and the authority, and audits it', async () => {
    const r = await dispatch(session, 'board.update', { authority: '  Westmoor Borough Council ', name: 'Westmoor Corporate Parenting Board' });
    expect(r).toEqual({ ok: true, value: { authority: 'Westmoor Borough Council', name: 'Westmoor Corporate Parenting Board' } });
    const info = await dispatch(session, 'app.info', {});
    expect(info.ok && info.value).toMatchObject({ authority: 'Westmoor Borough Council', name: 'Westmoor Corporate Parenting Board' });
    const audit = session.ctx().db.prepare("SELECT detail FROM audit_log WHERE action = 'board.update'").get() as { detail: string };
    expect(JSON.parse(audit.detail).from).toEqual({ authority: 'Northshire County Council', name: 'Northshire Corporate Parenting Board' });
  });

  it('refuses an empty name and changes nothing', async () => {
    const before = rowCounts(session);
    const r = await dispatch(session, 'board.update', { authority: 'X', name: '   ' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'name', message: 'must not be empty' }] } });
    expect(rowCounts(session)).toEqual(before);
  });
});
