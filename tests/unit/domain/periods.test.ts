import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  nextPeriod,
  parsePeriod,
  periodError,
  periodForDate,
  periodLabel,
  previousPeriod,
  sortPeriods,
} from '../../../shared/domain/periods';

describe('parsePeriod', () => {
  it.each([
    // financial years
    ['2025-26', 'year', '2025-26', '2025-04-01', '2026-03-31'],
    ['2025/26', 'year', '2025-26', '2025-04-01', '2026-03-31'],
    ['2025-2026', 'year', '2025-26', '2025-04-01', '2026-03-31'],
    ['2025/2026', 'year', '2025-26', '2025-04-01', '2026-03-31'],
    ['FY2025-26', 'year', '2025-26', '2025-04-01', '2026-03-31'],
    ['fy 2025/26', 'year', '2025-26', '2025-04-01', '2026-03-31'],
    ['  2025–26  ', 'year', '2025-26', '2025-04-01', '2026-03-31'], // en dash, padded
    ['1999-00', 'year', '1999-00', '1999-04-01', '2000-03-31'],
    ['2011-12', 'year', '2011-12', '2011-04-01', '2012-03-31'], // ambiguous: read as a financial year
    // quarters
    ['2025-26 Q1', 'quarter', '2025-26 Q1', '2025-04-01', '2025-06-30'],
    ['2025-26 Q2', 'quarter', '2025-26 Q2', '2025-07-01', '2025-09-30'],
    ['2025-26 Q3', 'quarter', '2025-26 Q3', '2025-10-01', '2025-12-31'],
    ['2025-26 Q4', 'quarter', '2025-26 Q4', '2026-01-01', '2026-03-31'],
    ['Q1 2025-26', 'quarter', '2025-26 Q1', '2025-04-01', '2025-06-30'],
    ['q4 2023/24', 'quarter', '2023-24 Q4', '2024-01-01', '2024-03-31'],
    ['2025/26 Q1', 'quarter', '2025-26 Q1', '2025-04-01', '2025-06-30'],
    ['2025-26q2', 'quarter', '2025-26 Q2', '2025-07-01', '2025-09-30'],
    ['Q3 FY2025-2026', 'quarter', '2025-26 Q3', '2025-10-01', '2025-12-31'],
    // months
    ['2025-06', 'month', '2025-06', '2025-06-01', '2025-06-30'],
    ['2016-03', 'month', '2016-03', '2016-03-01', '2016-03-31'],
    ['Jun-15', 'month', '2015-06', '2015-06-01', '2015-06-30'],
    ['jun 15', 'month', '2015-06', '2015-06-01', '2015-06-30'],
    ['June 2015', 'month', '2015-06', '2015-06-01', '2015-06-30'],
    ['Mar 2016', 'month', '2016-03', '2016-03-01', '2016-03-31'],
    ['Sept 2015', 'month', '2015-09', '2015-09-01', '2015-09-30'],
    ['Feb-24', 'month', '2024-02', '2024-02-01', '2024-02-29'],
    ['Feb-23', 'month', '2023-02', '2023-02-01', '2023-02-28'],
    ['Dec-99', 'month', '1999-12', '1999-12-01', '1999-12-31'],
    ['03/2016', 'month', '2016-03', '2016-03-01', '2016-03-31'],
    ['3/2016', 'month', '2016-03', '2016-03-01', '2016-03-31'],
    ['2016-03-31', 'month', '2016-03', '2016-03-01', '2016-03-31'],
    ['31/03/2016', 'month', '2016-03', '2016-03-01', '2016-03-31'],
  ])('%j → %s %s', (text, kind, canonical, start, end) => {
    expect(parsePeriod(text)).toEqual({ kind, canonical, start, end });
    expect(periodError(text)).toBe('');
  });

  it.each([
    ['2025-27', '"2025-27" is not a financial year: the years must be consecutive, e.g. 2025-26'],
    ['2025-2027', '"2025-2027" is not a financial year: the years must be consecutive, e.g. 2025-26'],
    ['2025/24', '"2025/24" is not a financial year: the years must be consecutive, e.g. 2025-26'],
    ['2016-13', '"2016-13" is not a financial year: the years must be consecutive, e.g. 2016-17'],
    ['2025-27 Q1', '"2025-27 Q1" is not a financial year: the years must be consecutive, e.g. 2025-26'],
    ['2016-00', '"2016-00" is not a month: months run from 01 to 12'],
    ['13/2016', '"13/2016" is not a month: months run from 01 to 12'],
    [
      '2025-26 Q5',
      '"2025-26 Q5" is not a financial quarter: quarters run from Q1 (April–June) to Q4 (January–March)',
    ],
    [
      'Q0 2025-26',
      '"Q0 2025-26" is not a financial quarter: quarters run from Q1 (April–June) to Q4 (January–March)',
    ],
    ['2016-03 Q1', '"2016-03 Q1" is not a financial quarter: write it as 2025-26 Q1'],
    ['2016-02-30', '"2016-02-30" is not a real date'],
    [
      '42156',
      '"42156" looks like a spreadsheet date number, not a period: format the cell as text or a date, or use 2025-26, 2025-26 Q1 or 2025-06',
    ],
    [
      '42156.5',
      '"42156.5" looks like a spreadsheet date number, not a period: format the cell as text or a date, or use 2025-26, 2025-26 Q1 or 2025-06',
    ],
    [
      '2025',
      '"2025" is not a period: a year on its own is ambiguous; use a financial year such as 2024-25 (the year ending 31 March 2025, as DfE and LAIT label it) or say how the years are written',
    ],
    ['Jux-15', '"Jux-15" is not a period: "JUX" is not a month name; use 2025-26, 2025-26 Q1 or 2025-06'],
    ['xyz', '"xyz" is not a period: use 2025-26, 2025-26 Q1 or 2025-06'],
    ['  ', 'No period given: use 2025-26, 2025-26 Q1 or 2025-06'],
    ['1850-51', '"1850-51" is out of range: years must be between 1900 and 2099'],
  ])('%j is rejected', (text, message) => {
    expect(parsePeriod(text)).toBeNull();
    expect(periodError(text)).toBe(message);
  });
});

describe('comparePeriods / sortPeriods', () => {
  it.each([
    ['2025-26 Q1', '2025-26 Q2', -1],
    ['2025-26 Q4', '2025-26 Q1', 1],
    ['2025-04', '2025-26 Q1', -1], // same start, month is shorter
    ['2025-26 Q1', '2025-26', -1], // same start, quarter is shorter
    ['2025-26', '2025-26', 0],
    ['2024-25', '2025-04', -1],
    ['2026-03', '2025-26 Q4', 1], // starts later
    ['nonsense', '2025-26', 1], // unreadable sorts last
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(sign);
    expect(Math.sign(comparePeriods(b, a))).toBe(-sign || 0);
  });

  it('sorts a mixed list chronologically without changing the input', () => {
    const input = ['2025-26 Q2', '2024-25', '2025-26', '2025-04', '2025-26 Q1', '2024-25 Q4'];
    expect(sortPeriods(input)).toEqual([
      '2024-25',
      '2024-25 Q4',
      '2025-04',
      '2025-26 Q1',
      '2025-26',
      '2025-26 Q2',
    ]);
    expect(input[0]).toBe('2025-26 Q2');
  });
});

describe('previousPeriod / nextPeriod', () => {
  it.each([
    ['2025-26 Q1', '2024-25 Q4', '2025-26 Q2'],
    ['2025-26 Q4', '2025-26 Q3', '2026-27 Q1'],
    ['2025-01', '2024-12', '2025-02'],
    ['2025-12', '2025-11', '2026-01'],
    ['2025-26', '2024-25', '2026-27'],
    ['1999-00', '1998-99', '2000-01'],
  ])('%s: previous %s, next %s', (p, prev, next) => {
    expect(previousPeriod(p)).toBe(prev);
    expect(nextPeriod(p)).toBe(next);
  });

  it('throws a readable error for an unreadable period', () => {
    expect(() => previousPeriod('2025-27')).toThrow('the years must be consecutive');
  });
});

describe('periodLabel', () => {
  it.each([
    ['2025-26 Q1', 'Q1 2025-26 (Apr–Jun 2025)'],
    ['2025-26 Q3', 'Q3 2025-26 (Oct–Dec 2025)'],
    ['2025-26 Q4', 'Q4 2025-26 (Jan–Mar 2026)'],
    ['2025-06', 'June 2025'],
    ['2025-26', '2025-26'],
    ['not a period', 'not a period'],
  ])('%s → %s', (p, label) => {
    expect(periodLabel(p)).toBe(label);
  });
});

describe('periodForDate', () => {
  it.each([
    ['2025-04-01', 'year', '2025-26'],
    ['2026-03-31', 'year', '2025-26'],
    ['2026-04-01', 'year', '2026-27'],
    ['2025-04-01', 'quarter', '2025-26 Q1'],
    ['2025-09-30', 'quarter', '2025-26 Q2'],
    ['2025-12-25', 'quarter', '2025-26 Q3'],
    ['2026-02-14', 'quarter', '2025-26 Q4'],
    ['2024-02-29', 'month', '2024-02'],
  ] as const)('%s as %s → %s', (date, kind, expected) => {
    expect(periodForDate(date, kind)).toBe(expected);
  });

  it('throws on an invalid date', () => {
    expect(() => periodForDate('2025-02-30', 'month')).toThrow();
  });
});
