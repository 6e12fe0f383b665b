import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  daysBetween,
  formatDate,
  formatDateWithDay,
  formatShortDate,
  formatTime,
  formatTimestamp,
  isIsoDate,
  isoToUkDate,
  parseUkDate,
  todayIso,
  ukDateError,
} from '../../../shared/domain/dates';

describe('date formatting (en-GB)', () => {
  it.each([
    ['2017-11-21', '21 November 2017', '21 Nov 2017', 'Tuesday 21 November 2017'],
    ['2025-06-01', '1 June 2025', '1 Jun 2025', 'Sunday 1 June 2025'],
    ['2024-02-29', '29 February 2024', '29 Feb 2024', 'Thursday 29 February 2024'],
    ['2025-03-30', '30 March 2025', '30 Mar 2025', 'Sunday 30 March 2025'], // clocks go forward
    ['2025-09-09', '9 September 2025', '9 Sep 2025', 'Tuesday 9 September 2025'],
  ])('%s', (iso, long, short, withDay) => {
    expect(formatDate(iso)).toBe(long);
    expect(formatShortDate(iso)).toBe(short);
    expect(formatDateWithDay(iso)).toBe(withDay);
  });

  it.each([
    [null, '–'],
    ['', '–'],
    ['2017-02-29', '2017-02-29'], // not a real date: shown as given
    ['21/11/2017', '21/11/2017'],
  ])('formatDate(%j) → %s', (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });
});

describe('formatTime', () => {
  it.each([
    ['14:05', '14:05'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
    ['9:5', '9:5'], // not HH:MM: returned unchanged
    ['24:00', '24:00'],
    [null, '–'],
  ])('%j → %s', (input, expected) => {
    expect(formatTime(input)).toBe(expected);
  });
});

describe('formatTimestamp', () => {
  it.each([
    ['2017-11-21T14:05', '21 November 2017, 14:05'],
    ['2017-11-21T14:05:59', '21 November 2017, 14:05'],
    ['2017-11-21 14:05:00', '21 November 2017, 14:05'],
    ['2017-11-21T14:05:00.123Z', '21 November 2017, 14:05'], // UTC instant shown as UK time (GMT in winter)
    ['2025-06-30T23:30:00Z', '1 July 2025, 00:30'], // British Summer Time
    ['2017-11-21T23:30:00+01:00', '21 November 2017, 22:30'],
    ['2017-11-21', '2017-11-21'],
    ['2017-11-21T25:00', '2017-11-21T25:00'],
    [null, '–'],
  ])('%j → %s', (input, expected) => {
    expect(formatTimestamp(input)).toBe(expected);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2025-06-15', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-04-31', false],
    ['2025-6-15', false],
    ['15/06/2025', false],
    ['2025-06-15T00:00', false],
  ])('%s → %s', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });
});

describe('addDaysIso / daysBetween', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-03-29', 2, '2025-03-31'], // across the clock change
    ['2025-10-25', 2, '2025-10-27'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-06-15', 0, '2025-06-15'],
    ['2025-06-15', 365, '2026-06-15'],
  ])('%s + %i → %s', (from, n, to) => {
    expect(addDaysIso(from, n)).toBe(to);
    expect(daysBetween(from, to)).toBe(n);
  });

  it('throws on an invalid date', () => {
    expect(() => addDaysIso('2025-02-30', 1)).toThrow('"2025-02-30" is not a date');
  });
});

describe('todayIso', () => {
  it.each([
    [new Date(2025, 5, 15, 0, 5), '2025-06-15'], // just after local midnight
    [new Date(2025, 11, 31, 23, 59), '2025-12-31'],
    [new Date(2024, 1, 29, 12, 0), '2024-02-29'],
  ])('%s → %s', (now, expected) => {
    expect(todayIso(now)).toBe(expected);
  });
});

describe('parseUkDate (dates typed by a clerk)', () => {
  it.each([
    ['23/11/2026', '2026-11-23'],
    ['23/11/26', '2026-11-23'],
    ['1/2/2026', '2026-02-01'],
    ['01/02/2026', '2026-02-01'], // day first, never US order
    ['23-11-2026', '2026-11-23'],
    ['23.11.2026', '2026-11-23'],
    ['23 11 2026', '2026-11-23'],
    [' 23 / 11 / 2026 ', '2026-11-23'],
    ['20112026', '2026-11-20'], // typed without separators (once read as 12026-02-01)
    ['23 November 2026', '2026-11-23'],
    ['23 november 2026', '2026-11-23'],
    ['23 Nov 2026', '2026-11-23'],
    ['23 Sept 2026', '2026-09-23'],
    ['23rd Nov. 2026', '2026-11-23'],
    ['Monday 23 November 2026', '2026-11-23'],
    ['23-Nov-26', '2026-11-23'],
    ['2026-11-23', '2026-11-23'], // ISO still accepted
    ['29/02/2024', '2024-02-29'], // leap year
    ['31/12/2026', '2026-12-31'],
  ])('%j → %s', (text, iso) => {
    expect(parseUkDate(text)).toBe(iso);
    expect(ukDateError(text)).toBe('');
  });

  it.each([
    ['31/02/2026', '"31/02/2026" is not a real date'],
    ['29/02/2025', '"29/02/2025" is not a real date'],
    ['23/13/2026', '"23/13/2026" is not a real date'],
    ['00/11/2026', '"00/11/2026" is not a real date'],
    ['2026-02-30', '"2026-02-30" is not a real date'],
    ['31 April 2026', '"31 April 2026" is not a real date'],
    ['23/11/12026', '"23/11/12026" is not a date. Enter a date like 23/11/2026'],
    ['23/11/0026', '"23/11/0026": the year must be between 1900 and 2199'],
    ['23 Novembre 2026', '"23 Novembre 2026" is not a date. Enter a date like 23/11/2026'],
    ['next Tuesday', '"next Tuesday" is not a date. Enter a date like 23/11/2026'],
    ['23/11', '"23/11" is not a date. Enter a date like 23/11/2026'],
    ['2311202', '"2311202" is not a date. Enter a date like 23/11/2026'],
    ['', 'Enter a date like 23/11/2026'],
    ['   ', 'Enter a date like 23/11/2026'],
  ])('%j → null (%s)', (text, message) => {
    expect(parseUkDate(text)).toBeNull();
    expect(ukDateError(text)).toBe(message);
  });

  it.each([
    ['2026-11-23', '23/11/2026'],
    ['2026-02-01', '01/02/2026'],
    ['', ''],
    ['23/11/2026', '23/11/2026'],
  ])('isoToUkDate(%j) → %j', (iso, shown) => {
    expect(isoToUkDate(iso)).toBe(shown);
    if (shown) expect(parseUkDate(shown)).toBe(parseUkDate(iso));
  });
});
