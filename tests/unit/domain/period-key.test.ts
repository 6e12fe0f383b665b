import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePeriodKeys, periodKeyEnd, periodSortKey } from '../../../shared/domain/period-key';
import { comparePeriods, parsePeriod } from '../../../shared/domain/periods';

// Sortable period keys (stored by migration 0010): comparing keys as plain strings must give
// exactly comparePeriods' order, whatever the labels, so the database can sort and filter periods.

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Labels of every kind parsePeriod reads, in canonical and messy forms, and some it cannot read. */
const label = fc.oneof(
  fc
    .record({ y: fc.integer({ min: 1990, max: 2060 }) })
    .map(({ y }) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`),
  fc
    .record({ y: fc.integer({ min: 1990, max: 2060 }), q: fc.integer({ min: 1, max: 4 }) })
    .map(({ y, q }) => `${y}-${String((y + 1) % 100).padStart(2, '0')} Q${q}`),
  fc
    .record({ y: fc.integer({ min: 1990, max: 2060 }), q: fc.integer({ min: 1, max: 4 }) })
    .map(({ y, q }) => `Q${q} ${y}/${String((y + 1) % 100).padStart(2, '0')}`),
  fc
    .record({ y: fc.integer({ min: 2012, max: 2060 }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`),
  fc.constantFrom(
    'June 2015',
    'Sept 2019',
    '31/03/2016',
    'AY 2023-24',
    'CY 2024',
    '12 months to 2025-03',
    '2019-22',
    'not a period',
    'Q9 2025-26',
    '',
    'zzz',
    '2025',
  ),
);

describe('sortable period keys', () => {
  it('order periods exactly as comparePeriods does (property)', () => {
    fc.assert(
      fc.property(label, label, (a, b) => {
        expect(sign(comparePeriodKeys(a, b))).toBe(sign(comparePeriods(a, b)));
      }),
      { numRuns: 2000, seed: 17 },
    );
  });

  it('sort a list the same way as comparePeriods, plain string order on the keys', () => {
    fc.assert(
      fc.property(fc.array(label, { maxLength: 40 }), (list) => {
        const byKey = [...list].sort((a, b) => {
          const ka = periodSortKey(a);
          const kb = periodSortKey(b);
          return ka < kb ? -1 : ka > kb ? 1 : 0;
        });
        const byLabel = [...list].sort(comparePeriods);
        expect(byKey.map(periodSortKey)).toEqual(byLabel.map(periodSortKey));
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('are the start and end dates of a readable period, and mark an unreadable one to sort last', () => {
    // start/end/kind (the kind's place in periodKinds: year 0, quarter 1, month 2, academic 3 …).
    expect(periodSortKey('2025-26 Q1')).toBe('2025-04-01/2025-06-30/1');
    expect(periodSortKey('Q1 2025/26')).toBe('2025-04-01/2025-06-30/1');
    expect(periodSortKey('2025-26')).toBe('2025-04-01/2026-03-31/0');
    expect(periodSortKey('2025-06')).toBe('2025-06-01/2025-06-30/2');
    expect(periodSortKey('AY 2023-24')).toBe('2023-09-01/2024-08-31/3');
    expect(periodSortKey('not a period')).toBe('~not a period');
    expect(periodKeyEnd(periodSortKey('2025-26 Q4'))).toBe(parsePeriod('2025-26 Q4')!.end);
    expect(periodKeyEnd(periodSortKey('nonsense'))).toBeNull();
    expect(['2025-26', '2025-26 Q1', '2025-04', 'nonsense'].sort(comparePeriodKeys)).toEqual([
      '2025-04',
      '2025-26 Q1',
      '2025-26',
      'nonsense',
    ]);
  });
});
