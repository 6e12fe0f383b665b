/** RAG and direction as the board reads them: on the figure as shown, like with like, never across a long gap. */
import { describe, expect, it } from 'vitest';
import { comparatorFor } from '../../../shared/domain/comparators';
import type { Unit } from '../../../shared/domain/format';
import { formatValue } from '../../../shared/domain/format';
import {
  asDisplayed,
  defaultSimilarBand,
  defaultTolerance,
  directionArrow,
  directionOfTravel,
  ragStatus,
  type Polarity,
} from '../../../shared/domain/rag';

describe('RAG on the figure as displayed', () => {
  it.each([
    // value, target, tolerance, polarity, unit, decimals → shown, RAG
    [94.96, 95, 0, 'higher', 'percent', null, '95%', 'green'], // shows 95%: met
    [94.94, 95, 0, 'higher', 'percent', null, '94.9%', 'red'],
    [94.94, 95, 0, 'higher', 'percent', 0, '95%', 'green'], // a measure shown in whole per cent
    [94.4, 95, 0.5, 'higher', 'percent', 0, '94%', 'red'], // 94 is 1 short: beyond the band
    [10.04, 10, 0, 'lower', 'percent', null, '10%', 'green'],
    [428.4, 426, 21.3, 'lower', 'days', 0, '428 days', 'amber'], // A1 just over: amber, not red
    [426.4, 426, 0, 'lower', 'days', 0, '426 days', 'green'],
    [426.6, 426, 0, 'lower', 'days', 0, '427 days', 'red'],
    [52.34, 52.3, 0, 'higher', 'rate10k', null, '52.3 per 10,000', 'green'],
    [0.094 * 100, 9.4, 0, 'higher', 'percent', null, '9.4%', 'green'],
    [-0.04, 0, 0, 'lower', 'number', 1, '0', 'green'],
  ] as const)(
    '%s against %s (band %s, %s is better, %s, %s dp) shows %s and is %s',
    (value, target, tolerance, polarity, unit, decimals, shown, rag) => {
      expect(formatValue(value, unit, decimals)).toBe(shown);
      expect(ragStatus({ value, target, tolerance, polarity, unit, decimals })).toBe(rag);
    },
  );

  it('rounds half away from zero, as a person would', () => {
    expect(asDisplayed(94.95, 'percent')).toBe(95);
    expect(asDisplayed(-2.25, 'percent')).toBe(-2.3);
    expect(asDisplayed(2.345, 'number')).toBe(2.35);
    expect(asDisplayed(427.5, 'days', 0)).toBe(428);
  });
});

describe('default amber bands (editable per measure)', () => {
  it.each([
    ['percent', 95, null, 2],
    ['percent', null, null, 0],
    ['days', 426, 0, 21],
    ['days', 426, null, 21.3],
    ['rate10k', 60, null, 3],
    ['score', 14, null, 0.7],
    ['number', 40, null, 2],
  ] as const)('%s with target %s (%s dp) → %s', (unit, target, decimals, band) => {
    expect(defaultTolerance(unit as Unit, target, decimals)).toBe(band);
  });
});

describe('direction: a "similar" band', () => {
  const s = (...pts: [string, number][]) => pts.map(([period, value]) => ({ period, value }));
  it.each([
    ['95.00 → 95.01', 95, 95.01, 'higher', 'percent', null, 'similar'],
    ['95 → 95.5', 95, 95.5, 'higher', 'percent', null, 'similar'],
    ['95 → 95.6', 95, 95.6, 'higher', 'percent', null, 'improving'],
    ['95 → 94.4', 95, 94.4, 'higher', 'percent', null, 'worsening'],
    ['95 → 95.3, band 0', 95, 95.3, 'higher', 'percent', 0, 'improving'],
    ['95 → 96, band 1 (set on the measure)', 95, 96, 'higher', 'percent', 1, 'similar'],
    ['426 → 428 days', 426, 428, 'lower', 'days', null, 'similar'],
    ['426 → 429 days', 426, 429, 'lower', 'days', null, 'worsening'],
    ['300 → 301 children', 300, 301, 'neither', 'number', null, 'up'],
    ['equal', 12, 12, 'lower', 'percent', null, 'no_change'],
  ] as const)('%s (%s is better) → %s', (_n, a, b, polarity, unit, band, direction) => {
    const r = directionOfTravel(s(['2024-25 Q1', a], ['2024-25 Q2', b]), polarity as Polarity, {
      unit,
      similarBand: band,
    });
    expect(r.direction).toBe(direction);
    expect(r.reason).toBe('');
  });

  it('a similar change is drawn level', () => {
    expect(directionArrow('similar', 95.01, 95)).toBe('→');
  });

  it('has a default band for every unit', () => {
    expect(defaultSimilarBand).toEqual({ percent: 0.5, number: 0, days: 2, rate10k: 0.5, score: 0.1 });
  });
});

describe('direction: like with like, never across a long gap', () => {
  const s = (...pts: [string, number][]) => pts.map(([period, value]) => ({ period, value }));
  it.each([
    [
      'two years apart',
      s(['2022-23', 60], ['2024-25', 70]),
      undefined,
      'not_comparable',
      /figure before, for 2022-23, is more than a year older than the latest \(2024-25\)/,
    ],
    [
      'five quarters apart',
      s(['2023-24 Q1', 60], ['2024-25 Q2', 70]),
      undefined,
      'not_comparable',
      /more than a year older/,
    ],
    ['four quarters apart is fine', s(['2023-24 Q2', 60], ['2024-25 Q2', 70]), undefined, 'improving', /^$/],
    [
      'a quarter after a year: not compared',
      s(['2023-24', 60], ['2024-25 Q1', 70]),
      'quarter',
      'not_comparable',
      /no earlier figure for quarters to compare with \(the one before, 2023-24, is for financial years\)/,
    ],
    [
      'the headline quarter against the quarter before, not the newer-looking annual figure',
      s(['2024-25 Q3', 60], ['2024-25', 80], ['2024-25 Q4', 66]),
      'quarter',
      'improving',
      /^$/,
    ],
    [
      'three-year figures against three-year figures',
      s(['2018-21', 480], ['2019-22', 470]),
      'year', // an annual measure holding only DfE's three-year figures
      'worsening',
      /^$/,
    ],
    [
      'rolling 12 months, refreshed quarterly',
      s(['12 months to 2025-03', 12], ['12 months to 2025-06', 9]),
      undefined,
      'worsening',
      /^$/,
    ],
    ['nothing before', s(['2024-25', 5]), undefined, 'not_comparable', /no earlier figure to compare with/],
  ] as const)('%s', (_n, series, family, direction, reason) => {
    const r = directionOfTravel(series, 'higher', { unit: 'percent', family });
    expect(r.direction).toBe(direction);
    expect(r.reason).toMatch(reason);
  });

  it('picks the headline figure of the measure’s own reporting period', () => {
    const r = directionOfTravel(s(['2024-25 Q4', 66], ['2024-25', 80]), 'higher', { family: 'year' });
    expect(r.latest).toEqual({ period: '2024-25', value: 80 });
  });

  it('overlapping rolling windows are not a gap; a skipped quarter is', () => {
    expect(directionOfTravel(s(['12 months to 2025-03', 1], ['12 months to 2025-06', 2]), 'higher').gap).toBe(
      false,
    );
    expect(directionOfTravel(s(['2024-25 Q1', 1], ['2024-25 Q3', 2]), 'higher').gap).toBe(true);
  });

  it('compares with the same period last year when it was recorded', () => {
    const r = directionOfTravel(
      s(['2023-24 Q2', 70], ['2023-24 Q3', 71], ['2024-25 Q1', 74.2], ['2024-25 Q2', 74]),
      'higher',
      { unit: 'percent' },
    );
    expect(r.direction).toBe('similar');
    expect(r.lastYear).toEqual({ period: '2023-24 Q2', value: 70 });
    expect(r.lastYearDirection).toBe('improving');
    expect(directionOfTravel(s(['2024-25 Q2', 74]), 'higher').lastYear).toBeNull();
  });
});

describe('the one comparator rule', () => {
  const eng = [
    { period: '2022-23', value: 480 },
    { period: '2023-24', value: 470 },
    { period: '2023-24 Q4', value: 475 },
    { period: '2024-25 Q1', value: 460 },
  ];
  it.each([
    ['2024-25 Q1', { period: '2024-25 Q1', value: 460 }], // same period
    ['2024-25 Q2', { period: '2024-25 Q1', value: 460 }], // latest published before it
    ['2023-24', { period: '2023-24', value: 470 }], // same end: the same kind wins over Q4
    ['2023-24 Q4', { period: '2023-24 Q4', value: 475 }],
    ['2023-24 Q3', { period: '2022-23', value: 480 }], // the year 2023-24 had not ended
    ['2021-22', null],
  ] as const)('beside a local figure for %s → %j', (period, expected) => {
    expect(comparatorFor(eng, period)).toEqual(expected);
  });
});
