import { afterAll, describe, expect, it } from 'vitest';
import { api, methodNames } from '../../shared/api';
import { dispatch } from '../../electron/core/dispatch';
import { demoSession, rowCounts } from '../helpers';

const { session } = demoSession();
afterAll(() => session.close());

/** Inputs that no method accepts: wrong types at the top level, and every field of the right shape set wrongly. */
function badInputs(name: (typeof methodNames)[number]): unknown[] {
  const schema = api[name].input as unknown as { shape?: Record<string, unknown> };
  const bad: unknown[] = [42, 'text', [1, 2], true];
  const keys = schema.shape ? Object.keys(schema.shape) : [];
  bad.push(keys.length ? Object.fromEntries(keys.map((k) => [k, { not: 'valid' }])) : { unexpected: 1 });
  return bad;
}

describe('every API method rejects invalid input clearly and writes nothing', () => {
  it.each(methodNames)('%s', async (name) => {
    const before = rowCounts(session);
    for (const input of badInputs(name)) {
      const r = await dispatch(session, name, input);
      expect(r.ok, `${name} accepted ${JSON.stringify(input)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_input');
        expect(r.error.message).toContain(name);
        expect(r.error.issues?.length).toBeGreaterThan(0);
      }
    }
    expect(rowCounts(session)).toEqual(before);
  });

  it('names an unknown method', async () => {
    const r = await dispatch(session, 'board.nonsense', {});
    expect(r).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'There is no API method called "board.nonsense"' },
    });
  });
});
