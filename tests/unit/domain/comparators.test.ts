import { describe, expect, it } from 'vitest';
import { comparatorFor } from '../../../shared/domain/comparators';

const eng = [
  { period: '2025-26 Q3', value: 10 },
  { period: '2026-27 Q1', value: 12 },
  { period: '2025-26 Q4', value: 11 },
  { period: '2026-27 Q2', value: 13 },
];

describe('comparatorFor: the comparator beside a local figure', () => {
  it.each([
    ['2026-27 Q2', 13], // same period
    ['2026-27 Q1', 12], // a later comparator is never used
    ['2026-27 Q3', 13], // comparators lag behind: the latest published before it
    ['2025-26 Q4', 11],
    ['2025-26 Q3', 10],
    ['2025-26 Q2', null], // nothing that old: none, not the latest available
  ])('local figure for %s → %s', (period, expected) => {
    expect(comparatorFor(eng, period)?.value ?? null).toBe(expected);
  });

  it('shows none without a local figure, or with an unreadable period', () => {
    expect(comparatorFor(eng, null)).toBeNull();
    expect(comparatorFor(eng, 'sometime')).toBeNull();
  });

  it('ignores comparators with unreadable periods', () => {
    expect(comparatorFor([{ period: 'later', value: 99 }, ...eng], '2026-27 Q2')?.value).toBe(13);
    expect(comparatorFor([], '2026-27 Q2')).toBeNull();
  });
});
