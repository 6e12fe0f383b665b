/**
 * The labels councils, DfE and LAIT actually put on figures, and what each is read as.
 * Forms deliberately NOT accepted (each refused with a reason) are at the end.
 */
import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  familyWords,
  monthsBetweenEnds,
  needsBareYearReading,
  nextPeriod,
  parsePeriod,
  periodError,
  periodFamily,
  periodForDate,
  periodLabel,
  previousPeriod,
  readPeriod,
  samePeriodLastYear,
  type ReadOptions,
} from '../../../shared/domain/periods';

describe('council, DfE and LAIT labels', () => {
  it.each([
    // financial years, however they are written
    ['2023/24', 'year', '2023-24', '2023-04-01', '2024-03-31'],
    ['FY24/25', 'year', '2024-25', '2024-04-01', '2025-03-31'],
    ['FY 24-25', 'year', '2024-25', '2024-04-01', '2025-03-31'],
    ['FY2024/25', 'year', '2024-25', '2024-04-01', '2025-03-31'],
    ['24/25', 'year', '2024-25', '2024-04-01', '2025-03-31'],
    ['202324', 'year', '2023-24', '2023-04-01', '2024-03-31'], // DfE open data time_period
    ['Financial year 2024-25', 'year', '2024-25', '2024-04-01', '2025-03-31'],
    ['Year ending 31 March 2025', 'year', '2024-25', '2024-04-01', '2025-03-31'],
    ['Apr 2024 - Mar 2025', 'year', '2024-25', '2024-04-01', '2025-03-31'],
    ['2023-24 (p)', 'year', '2023-24', '2023-04-01', '2024-03-31'], // provisional marker
    ['2023-24 [note 3]', 'year', '2023-24', '2023-04-01', '2024-03-31'], // DfE accessible-table note
    // quarters
    ['Q1 24/25', 'quarter', '2024-25 Q1', '2024-04-01', '2024-06-30'],
    ['Q1 2024-25', 'quarter', '2024-25 Q1', '2024-04-01', '2024-06-30'],
    ['Q4 FY24/25', 'quarter', '2024-25 Q4', '2025-01-01', '2025-03-31'],
    ['Qtr 2 2024/25', 'quarter', '2024-25 Q2', '2024-07-01', '2024-09-30'],
    ['Quarter 3 2024-25', 'quarter', '2024-25 Q3', '2024-10-01', '2024-12-31'],
    ['Apr-Jun 2024', 'quarter', '2024-25 Q1', '2024-04-01', '2024-06-30'],
    ['Apr–Jun 24', 'quarter', '2024-25 Q1', '2024-04-01', '2024-06-30'],
    ['April to June 2024', 'quarter', '2024-25 Q1', '2024-04-01', '2024-06-30'],
    ['Jan-Mar 2025', 'quarter', '2024-25 Q4', '2025-01-01', '2025-03-31'],
    ['Oct 2024 - Dec 2024', 'quarter', '2024-25 Q3', '2024-10-01', '2024-12-31'],
    // academic years
    ['AY 2023/24', 'academic', 'AY 2023-24', '2023-09-01', '2024-08-31'],
    ['Academic year 2023/24', 'academic', 'AY 2023-24', '2023-09-01', '2024-08-31'],
    ['2023/24 academic year', 'academic', 'AY 2023-24', '2023-09-01', '2024-08-31'],
    ['Sep 2023 - Aug 2024', 'academic', 'AY 2023-24', '2023-09-01', '2024-08-31'],
    ['AY 2023-24', 'academic', 'AY 2023-24', '2023-09-01', '2024-08-31'],
    // calendar years
    ['CY 2024', 'calendar', 'CY 2024', '2024-01-01', '2024-12-31'],
    ['Calendar year 2024', 'calendar', 'CY 2024', '2024-01-01', '2024-12-31'],
    ['Jan-Dec 2024', 'calendar', 'CY 2024', '2024-01-01', '2024-12-31'],
    ['Year ending December 2024', 'calendar', 'CY 2024', '2024-01-01', '2024-12-31'],
    // rolling periods
    ['12 months to June 2025', 'rolling', '12 months to 2025-06', '2024-07-01', '2025-06-30'],
    ['Rolling 12 months ending 30/06/2025', 'rolling', '12 months to 2025-06', '2024-07-01', '2025-06-30'],
    ['12 months to 2025-06', 'rolling', '12 months to 2025-06', '2024-07-01', '2025-06-30'],
    ['Year to June 2025', 'rolling', '12 months to 2025-06', '2024-07-01', '2025-06-30'],
    ['12 months to March 2025', 'rolling', '12 months to 2025-03', '2024-04-01', '2025-03-31'],
    ['Jul 2024 - Jun 2025', 'rolling', '12 months to 2025-06', '2024-07-01', '2025-06-30'],
    ['6 months to Sep-24', 'rolling', '6 months to 2024-09', '2024-04-01', '2024-09-30'],
    // multi-year periods (DfE's three-year adoption figures)
    ['2019-22', 'multiyear', '2019-22', '2019-04-01', '2022-03-31'],
    ['2019/22', 'multiyear', '2019-22', '2019-04-01', '2022-03-31'],
    ['2019-2022', 'multiyear', '2019-22', '2019-04-01', '2022-03-31'],
    ['2019 to 2022', 'multiyear', '2019-22', '2019-04-01', '2022-03-31'],
    ['2019-22 (3 year average)', 'multiyear', '2019-22', '2019-04-01', '2022-03-31'],
    ['2008-2011', 'multiyear', '2008-2011', '2008-04-01', '2011-03-31'],
    ['2021-24', 'multiyear', '2021-24', '2021-04-01', '2024-03-31'],
  ])('%j → %s %s', (text, kind, canonical, start, end) => {
    expect(parsePeriod(text)).toEqual({ kind, canonical, start, end });
    // The canonical form reads back as itself.
    expect(parsePeriod(canonical)?.canonical).toBe(canonical);
  });
});

describe('labels that could mean more than one thing', () => {
  const cases: [string, ReadOptions, string, RegExp][] = [
    ['2024', { bareYear: 'ending' }, '2023-24', /year ending 31 March 2024, as DfE and LAIT label years/],
    ['2024', { bareYear: 'calendar' }, 'CY 2024', /calendar year 2024/],
    ['2024', { bareYear: 'starting' }, '2024-25', /year starting in 2024/],
    [
      '2024',
      { bareYear: 'ending', yearBasis: 'academic' },
      'AY 2023-24',
      /academic year ending in August 2024/,
    ],
    ['2024', { bareYear: 'ending', yearBasis: 'calendar' }, 'CY 2024', /calendar year 2024/],
    ['2023/24', { yearBasis: 'academic' }, 'AY 2023-24', /counts academic years/],
    ['2023-24', { yearBasis: 'academic' }, 'AY 2023-24', /counts academic years/],
    ['Q1 2024', { bareYear: 'ending' }, '2023-24 Q1', /Q1 of the financial year ending in 2024/],
    ['Q1 2024', { bareYear: 'starting' }, '2024-25 Q1', /Q1 of the financial year starting in 2024/],
    ['Q1 2024', { bareYear: 'calendar' }, '2023-24 Q4', /calendar quarter 1 of 2024/],
  ];
  it.each(cases)('%j with %j → %s, and says so', (text, opts, canonical, note) => {
    const r = readPeriod(text, opts);
    expect(r.period?.canonical).toBe(canonical);
    expect(r.period ? (r as { note: string }).note : '').toMatch(note);
  });

  it('refuses them without a reading, as ambiguous', () => {
    for (const text of ['2024', 'Q1 2024', '2024 Q3']) {
      expect(parsePeriod(text)).toBeNull();
      expect(needsBareYearReading(text)).toBe(true);
      expect(periodError(text)).toMatch(/ambiguous/);
    }
    expect(needsBareYearReading('2024-25')).toBe(false);
    expect(needsBareYearReading('xyz')).toBe(false);
  });

  it('a label that says what it is needs no note, and an explicit FY stays financial for an academic measure', () => {
    expect(readPeriod('Q1 24/25')).toEqual({ period: parsePeriod('2024-25 Q1'), note: '' });
    expect(parsePeriod('FY2023/24', { yearBasis: 'academic' })?.canonical).toBe('2023-24');
    expect(parsePeriod('2023-24 Q1', { yearBasis: 'academic' })?.canonical).toBe('2023-24 Q1');
  });
});

describe('forms not accepted', () => {
  it.each([
    ['FY24', /ambiguous: a financial year needs both its years/],
    ['FY2024', /ambiguous/],
    ['2025-27', /not a financial year: the years must be consecutive/], // a typo, or a 2-year period
    ['2019-2030', /not a financial year/], // more than five years
    ['03/04', /ambiguous: a month \(March 2004\) or the financial year 2003-04/], // refused, not guessed
    ['H1 2024-25', /not a period/], // half years
    ['Spring term 2024', /not a period/], // school terms
    ['2024-25 YTD', /not a period/], // year to date (cumulative) figures
    ['Week 12 2024', /not a period/],
    ['1 month to June 2025', /rolling period runs for 2 to 60 months/],
    ['Jun 2025 - Apr 2025', /ends before it starts/],
    ['Q5 24/25', /quarters run from Q1/],
  ])('%j is refused', (text, why) => {
    expect(parsePeriod(text)).toBeNull();
    expect(periodError(text)).toMatch(why);
  });
});

describe('like with like', () => {
  it.each([
    ['2024-25', 'year'],
    ['2024-25 Q1', 'quarter'],
    ['AY 2023-24', 'academic'],
    ['CY 2024', 'calendar'],
    ['12 months to 2025-06', 'rolling 12'],
    ['6 months to 2025-06', 'rolling 6'],
    ['2019-22', 'multiyear 36'],
    ['nonsense', ''],
  ])('%s is of family %j', (p, family) => {
    expect(periodFamily(p)).toBe(family);
  });

  it('names families in words', () => {
    expect(familyWords('2019-22')).toBe('3-year periods');
    expect(familyWords('12 months to 2025-06')).toBe('rolling 12-month periods');
    expect(familyWords('AY 2023-24')).toBe('academic years');
  });

  it.each([
    ['AY 2023-24', 'AY 2022-23', 'AY 2024-25', 'AY 2022-23'],
    ['CY 2024', 'CY 2023', 'CY 2025', 'CY 2023'],
    ['12 months to 2025-06', '12 months to 2025-05', '12 months to 2025-07', '12 months to 2024-06'],
    ['2019-22', '2018-21', '2020-23', '2018-21'],
    ['2024-25 Q2', '2024-25 Q1', '2024-25 Q3', '2023-24 Q2'],
    ['2025-06', '2025-05', '2025-07', '2024-06'],
    ['2024-25', '2023-24', '2025-26', '2023-24'],
    ['2009-12', '2008-2011', '2010-13', '2008-2011'], // 2009-12 is a month: December 2009
  ])('%s: previous %s, next %s, a year before %s', (p, prev, next, lastYear) => {
    if (p === '2009-12') {
      expect(parsePeriod(p)?.kind).toBe('month');
      expect(previousPeriod('2009-2012')).toBe(prev);
      expect(nextPeriod('2009-2012')).toBe(next);
      expect(samePeriodLastYear('2009-2012')).toBe(lastYear);
      return;
    }
    expect(previousPeriod(p)).toBe(prev);
    expect(nextPeriod(p)).toBe(next);
    expect(samePeriodLastYear(p)).toBe(lastYear);
  });

  it('measures the months between two periods’ ends', () => {
    expect(monthsBetweenEnds('2023-24', '2024-25')).toBe(12);
    expect(monthsBetweenEnds('2022-23', '2024-25')).toBe(24);
    expect(monthsBetweenEnds('2024-25 Q1', '2024-25 Q3')).toBe(6);
    expect(monthsBetweenEnds('x', '2024-25')).toBeNull();
  });

  it('sorts the kinds together by start, shorter first, and tells same-dated kinds apart', () => {
    expect(Math.sign(comparePeriods('2024-25', '12 months to 2025-03'))).toBe(-1);
    expect(Math.sign(comparePeriods('12 months to 2025-03', '2024-25'))).toBe(1);
    expect(Math.sign(comparePeriods('AY 2023-24', '2023-24 Q3'))).toBe(-1);
    expect(Math.sign(comparePeriods('2019-22', '2021-22'))).toBe(-1);
  });
});

describe('labels for people', () => {
  it.each([
    ['AY 2023-24', '2023/24 academic year'],
    ['CY 2024', '2024 (calendar year)'],
    ['12 months to 2025-06', '12 months to June 2025'],
    ['2019-22', '2019-22 (3 years to March 2022)'],
  ])('%s → %s', (p, label) => {
    expect(periodLabel(p)).toBe(label);
  });

  it('finds the academic and calendar year of a date', () => {
    expect(periodForDate('2024-08-31', 'academic')).toBe('AY 2023-24');
    expect(periodForDate('2024-09-01', 'academic')).toBe('AY 2024-25');
    expect(periodForDate('2024-03-31', 'calendar')).toBe('CY 2024');
  });
});
