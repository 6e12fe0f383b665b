import type { ApiInput, MethodName } from '../../../shared/api';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { demoSession, rowCounts, callOk } from '../../helpers';

const { session } = demoSession();
afterAll(() => session.close());

const ok = <M extends MethodName>(method: M, input: ApiInput<M>) => callOk(session, method, input);
async function fails(name: string, input: unknown) {
  const before = rowCounts(session);
  const r = await dispatch(session, name, input);
  expect(r.ok, `${name} accepted ${JSON.stringify(input)}`).toBe(false);
  expect(rowCounts(session)).toEqual(before);
  return (r as { ok: false; error: { code: string; message: string } }).error;
}

const newMeasure = {
  code: 'T1',
  title: 'Test measure',
  unit: 'percent',
  polarity: 'higher',
  target: 80,
  tolerance: 5,
  frequency: 'quarterly',
  owner: 'Performance team',
  source: 'Case system',
  priorityId: 1,
  links: { priorities: [], pledges: [], principles: [5] },
} satisfies ApiInput<'measure.create'>;

describe('measures', () => {
  let id = 0;

  it('creates, reads and lists a measure', async () => {
    id = (await ok('measure.create', newMeasure)).id;
    const m = await ok('measure.get', { id });
    expect(m).toMatchObject({
      code: 'T1',
      title: 'Test measure',
      unit: 'percent',
      target: 80,
      tolerance: 5,
      priorityId: 1,
      archived: false,
    });
    expect(m.links.principles.map((p) => p.id)).toEqual([5]);
    expect(m.status).toMatchObject({ rag: 'no_data', direction: 'not_comparable', latest: null });
    const list = await ok('measure.list', {});
    expect(list.map((x) => x.code)).toContain('T1');
  });

  it('records values under canonical periods and rates them', async () => {
    expect(
      await ok('measure.setValue', {
        measureId: id,
        period: 'Q1 2025/26',
        value: 70,
        numerator: 70,
        denominator: 100,
      }),
    ).toEqual({ period: '2025-26 Q1' });
    await ok('measure.setValue', { measureId: id, period: '2025-26 Q2', value: 77, note: 'Provisional' });
    let m = await ok('measure.get', { id });
    expect(m.values).toEqual([
      { period: '2025-26 Q1', value: 70, numerator: 70, denominator: 100, note: '' },
      { period: '2025-26 Q2', value: 77, numerator: null, denominator: null, note: 'Provisional' },
    ]);
    expect(m.status).toMatchObject({
      rag: 'amber',
      direction: 'improving',
      latest: { period: '2025-26 Q2', value: 77 },
    });
    // Correcting a value replaces it.
    await ok('measure.setValue', { measureId: id, period: '2025-26 Q2', value: 81 });
    m = await ok('measure.get', { id });
    expect(m.values).toHaveLength(2);
    expect(m.status.rag).toBe('green');
    // Changing the target changes the RAG; it is never stored.
    await ok('measure.update', { id, target: 90 });
    expect((await ok('measure.get', { id })).status.rag).toBe('red');
    await ok('measure.update', { id, polarity: 'neither' });
    expect((await ok('measure.get', { id })).status).toMatchObject({
      rag: 'not_rated',
      direction: 'up',
    });
    await ok('measure.deleteValue', { measureId: id, period: '2025-26 Q2' });
    expect((await ok('measure.get', { id })).values.map((v) => v.period)).toEqual(['2025-26 Q1']);
  });

  it('keeps comparators and commentary', async () => {
    await ok('measure.setComparator', { measureId: id, kind: 'england', period: '2024-25', value: 72.5 });
    await ok('measure.setCommentary', { id, working: 'Good', worried: 'Staffing', next: 'Recruit' });
    const m = await ok('measure.get', { id });
    expect(m.comparators.england).toEqual([{ period: '2024-25', value: 72.5 }]);
    expect(m.commentary).toEqual({ working: 'Good', worried: 'Staffing', next: 'Recruit' });
    await ok('measure.setComparator', { measureId: id, kind: 'england', period: '2024-25', value: null });
    expect((await ok('measure.get', { id })).comparators.england).toEqual([]);
  });

  it('archives and restores', async () => {
    await ok('measure.archive', { id, archived: true });
    expect((await ok('measure.list', {})).map((x) => x.code)).not.toContain('T1');
    expect((await ok('measure.list', { includeArchived: true })).map((x) => x.code)).toContain('T1');
    await ok('measure.archive', { id, archived: false });
  });

  it.each([
    [
      'measure.create',
      { ...newMeasure, code: 'a1' },
      'conflict',
      'code: another measure already uses the code "a1" (Average days between entering care and moving in with an adoptive family)',
    ],
    ['measure.create', { ...newMeasure, code: 'T9', unit: 'percentage' }, 'invalid_input', 'unit'],
    [
      'measure.create',
      { ...newMeasure, code: 'T9', tolerance: -1 },
      'invalid_input',
      'tolerance must be zero or more',
    ],
    ['measure.create', { ...newMeasure, code: '  ' }, 'invalid_input', 'code must not be empty'],
    [
      'measure.create',
      { ...newMeasure, code: 'T9', priorityId: 999 },
      'not_found',
      'priorityId: there is no priority with id 999',
    ],
    [
      'measure.create',
      { ...newMeasure, code: 'T9', links: { priorities: [], pledges: [999], principles: [] } },
      'not_found',
      'links.pledges: there is no pledge with id 999',
    ],
    [
      'measure.create',
      { ...newMeasure, code: 'T9', links: { priorities: [], pledges: [], principles: [8] } },
      'invalid_input',
      'principles run from 1 to 7',
    ],
    ['measure.update', { id: 9999, target: 5 }, 'not_found', 'There is no measure with id 9999'],
    [
      'measure.setValue',
      { measureId: 1, period: '2025-26 Q5', value: 5 },
      'invalid_input',
      'quarters run from Q1 (April–June) to Q4 (January–March)',
    ],
    [
      'measure.setValue',
      { measureId: 1, period: '2025-06', value: 5 },
      'invalid_input',
      'period: V1 is reported quarterly, so give a quarter such as 2025-26 Q1 (or a year) (not "2025-06")',
    ],
    [
      'measure.setValue',
      { measureId: 1, period: '2025-26 Q1', value: '9.4%' },
      'invalid_input',
      'value must be a number',
    ],
    [
      'measure.setValue',
      { measureId: 1, period: '2025-26 Q1', value: 5, denominator: 0 },
      'invalid_input',
      'denominator must be more than 0',
    ],
    [
      'measure.setValue',
      { measureId: 1, period: '2025-26 Q1', value: 50, numerator: 40, denominator: 100 },
      'invalid_input',
      'value: 40 out of 100 is 40.0%, not 50%',
    ],
    [
      'measure.deleteValue',
      { measureId: 1, period: '2010-11 Q1' },
      'not_found',
      'V1 has no value for 2010-11 Q1',
    ],
    ['measure.setCommentary', { id: 1, working: 'x', worried: 'y' }, 'invalid_input', 'next'],
    ['measure.update', { id: 1, frequency: 'annual' }, 'conflict', 'frequency: V1 has a value for'],
  ] as const)('%s refuses %j', async (name, input, code, message) => {
    const e = await fails(name, input);
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
  });
});

describe('cohort', () => {
  it('gives every breakdown as categories × periods with totals', async () => {
    const c = await ok('cohort.get', {});
    expect(c.periods).toHaveLength(5);
    expect(c.breakdowns.map((b) => b.breakdown)).toEqual([
      'age_band',
      'gender',
      'legal_status',
      'placement_type',
      'ethnicity',
      'time_in_care',
    ]);
    const age = c.breakdowns[0]!;
    expect(age.categories).toEqual(['Under 1', '1–4', '5–9', '10–15', '16+']);
    // The demo's totals at the end of the last five quarters.
    expect(age.totals).toEqual([312, 318, 324, 331, 336]);
    for (const b of c.breakdowns) expect(b.totals).toEqual(age.totals);
  });

  it('sets and removes a count', async () => {
    await ok('cohort.setValue', { period: 'Q1 2030/31', breakdown: 'gender', category: 'Male', count: 12 });
    const c = await ok('cohort.get', { breakdown: 'gender' });
    expect(c.periods.at(-1)).toBe('2030-31 Q1');
    expect(c.breakdowns[0]!.counts[0]!.at(-1)).toBe(12);
    expect(c.breakdowns[0]!.counts[1]!.at(-1)).toBeNull();
    await ok('cohort.setValue', { period: '2030-31 Q1', breakdown: 'gender', category: 'Male', count: null });
    expect((await ok('cohort.get', {})).periods).toHaveLength(5);
    const e = await fails('cohort.setValue', {
      period: '2030-31 Q1',
      breakdown: 'gender',
      category: 'Male',
      count: -1,
    });
    expect(e.message).toContain('count must be zero or more');
  });
});
