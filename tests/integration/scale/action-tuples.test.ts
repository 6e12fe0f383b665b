import { afterAll, describe, expect, it } from 'vitest';
import {
  actionById,
  allActions,
  allActionUpdates,
  updatesOfActions,
} from '../../../electron/core/store/actions';
import { demoSession } from '../../helpers';

// The whole log (the action log document) is read as tuples and named in code, by column
// position: every row must equal the same action read with the driver's own column names.
describe('the whole action log read as tuples', () => {
  const { session } = demoSession();
  afterAll(() => session.close());
  const db = session.ctx().db;

  it('every action equals the same action read by name, field for field', () => {
    const rows = allActions(db);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row).toStrictEqual(actionById(db, row.id));
    // Some rows carry the wording as agreed and a latest update: those columns are mapped too.
    expect(rows.some((r) => r.lu_id !== null)).toBe(true);
    expect(rows.some((r) => r.agreed_description !== null)).toBe(true);
  });

  it('every update equals the same update read by name, in the same order', () => {
    const ids = allActions(db).map((a) => a.id);
    const named = updatesOfActions(db, ids);
    expect(named.length).toBeGreaterThan(0);
    expect(allActionUpdates(db)).toStrictEqual(named);
  });
});
