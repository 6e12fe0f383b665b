import { describe, expect, it } from 'vitest';
import { formatFixed, formatValue, polarityLabel, unitLabel, type Unit } from '../../../shared/domain/format';

describe('formatValue', () => {
  it.each<[number | null, Unit, string]>([
    [9.4, 'percent', '9.4%'],
    [9, 'percent', '9%'],
    [9.0, 'percent', '9%'],
    [9.44, 'percent', '9.4%'],
    [0.094 * 100, 'percent', '9.4%'],
    [100, 'percent', '100%'],
    [1234, 'number', '1,234'],
    [1234567, 'number', '1,234,567'],
    [2.35, 'number', '2.35'],
    [0, 'number', '0'],
    [-1234, 'number', '-1,234'],
    [-0.001, 'number', '0'],
    [426, 'days', '426 days'],
    [1, 'days', '1 day'],
    [0, 'days', '0 days'],
    [1234.5, 'days', '1,234.5 days'],
    [52.3, 'rate10k', '52.3 per 10,000'],
    [52, 'rate10k', '52 per 10,000'],
    [14.2, 'score', '14.2'],
    [14.25, 'score', '14.3'],
    [null, 'percent', '–'],
    [null, 'days', '–'],
    [Number.NaN, 'number', '–'],
    [Number.POSITIVE_INFINITY, 'score', '–'],
  ])('%s as %s → %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });
});

describe('labels', () => {
  it('unit labels', () => {
    expect(unitLabel).toEqual({
      percent: '%',
      number: 'Number',
      days: 'Days',
      rate10k: 'Rate per 10,000',
      score: 'Score',
    });
  });

  it('polarity labels', () => {
    expect(polarityLabel).toEqual({
      higher: 'Higher is better',
      lower: 'Lower is better',
      neither: 'Neither',
    });
  });
});

describe('formatFixed', () => {
  it('gives exactly the places asked for, whichever was asked for before (one format kept per number of places)', () => {
    const asked: [number, Unit, number, string][] = [
      [11, 'percent', 1, '11.0%'],
      [1234.5, 'number', 0, '1,235'],
      [11.25, 'percent', 2, '11.25%'],
      [426, 'days', 1, '426.0 days'],
      [1, 'days', 0, '1 day'],
      [52.34, 'rate10k', 1, '52.3 per 10,000'],
      [-0.04, 'number', 1, '0.0'],
      [-3, 'score', 2, '-3.00'],
    ];
    for (let round = 0; round < 2; round++)
      for (const [v, unit, d, text] of asked) expect(formatFixed(v, unit, d)).toBe(text);
    expect(formatFixed(null, 'number', 1)).toBe('–');
  });
});
