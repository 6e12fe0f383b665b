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
  todayIso,
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

  it('defaults to now', () => {
    expect(isIsoDate(todayIso())).toBe(true);
  });
});
