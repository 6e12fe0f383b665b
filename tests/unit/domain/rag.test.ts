import { describe, expect, it } from 'vitest';
import {
  directionArrow,
  directionLabel,
  directionOfTravel,
  ragLabel,
  ragStatus,
  type Polarity,
} from '../../../shared/domain/rag';

describe('ragStatus', () => {
  it.each([
    // higher is better, target 90, tolerance 5
    [95, 90, 5, 'higher', 'green'],
    [90, 90, 5, 'higher', 'green'],
    [87, 90, 5, 'higher', 'amber'],
    [85, 90, 5, 'higher', 'amber'],
    [84.9, 90, 5, 'higher', 'red'],
    [89.99, 90, 0, 'higher', 'red'], // tolerance 0: anything worse is red
    // lower is better, target 10, tolerance 2
    [8, 10, 2, 'lower', 'green'],
    [10, 10, 2, 'lower', 'green'],
    [12, 10, 2, 'lower', 'amber'],
    [12.1, 10, 2, 'lower', 'red'],
    [10.01, 10, 0, 'lower', 'red'],
    [10, 10, 0, 'lower', 'green'], // exactly on target, no tolerance
    [90, 90, 0, 'higher', 'green'],
    [8, 10, 2, 'higher', 'amber'], // the tolerance edge, higher is better
    [7.99, 10, 2, 'higher', 'red'],
    [0, 0, 0, 'lower', 'green'], // a target of zero is still a target
    [1, 0, 0, 'lower', 'red'],
    [0, null, 0, 'lower', 'no_target'],
    // floating point: 0.094 * 100 is 9.399999999999999
    [0.094 * 100, 9.4, 0, 'higher', 'green'],
    [0.094 * 100, 9.4, 0, 'lower', 'green'],
    [0.7 * 100 - 5, 65, 0, 'lower', 'green'],
    // no target, no data, not rated
    [50, null, 5, 'higher', 'no_target'],
    [null, 90, 5, 'higher', 'no_data'],
    [null, null, 5, 'lower', 'no_data'],
    [Number.NaN, 90, 5, 'higher', 'no_data'],
    [50, 90, 5, 'neither', 'not_rated'],
    [null, null, 0, 'neither', 'not_rated'],
  ] as const)('value %s, target %s, tolerance %s, %s → %s', (value, target, tolerance, polarity, rag) => {
    expect(ragStatus({ value, target, tolerance, polarity })).toBe(rag);
  });

  it('labels every status', () => {
    expect(ragLabel).toEqual({
      red: 'Red',
      amber: 'Amber',
      green: 'Green',
      no_target: 'No target',
      no_data: 'No data',
      not_rated: 'Not rated',
    });
  });
});

describe('directionOfTravel', () => {
  const s = (...pts: [string, number][]) => pts.map(([period, value]) => ({ period, value }));

  it.each([
    ['higher, rising', s(['2025-26 Q1', 60], ['2025-26 Q2', 65]), 'higher', 'improving', false],
    ['higher, falling', s(['2025-26 Q1', 60], ['2025-26 Q2', 55]), 'higher', 'worsening', false],
    ['lower, falling', s(['2025-04', 12], ['2025-05', 10]), 'lower', 'improving', false],
    ['lower, rising', s(['2025-04', 12], ['2025-05', 14]), 'lower', 'worsening', false],
    ['neither, rising', s(['2024-25', 300], ['2025-26', 320]), 'neither', 'up', false],
    ['neither, falling', s(['2024-25', 300], ['2025-26', 280]), 'neither', 'down', false],
    ['equal within epsilon', s(['2024-25', 9.4], ['2025-26', 0.094 * 100]), 'higher', 'no_change', false],
    ['gap (Q2 missing)', s(['2025-26 Q1', 60], ['2025-26 Q3', 70]), 'higher', 'improving', true],
    ['gap across years', s(['2024-25 Q3', 60], ['2025-26 Q1', 50]), 'higher', 'worsening', true],
    ['no gap across years', s(['2024-25 Q4', 60], ['2025-26 Q1', 50]), 'higher', 'worsening', false],
    ['neither, unchanged', s(['2024-25', 300], ['2025-26', 300]), 'neither', 'no_change', false],
    ['lower, unchanged', s(['2025-04', 12], ['2025-05', 12]), 'lower', 'no_change', false],
    ['neither, one year missing', s(['2023-24', 300], ['2024-25', 280]), 'neither', 'down', false],
    ['monthly gap', s(['2025-04', 12], ['2025-06', 10]), 'lower', 'improving', true],
    ['annual, no gap', s(['2024-25', 50], ['2025-26', 52]), 'higher', 'improving', false],
  ] as const)('%s → %s', (_name, series, polarity: Polarity, direction, gap) => {
    const r = directionOfTravel(series, polarity);
    expect(r.direction).toBe(direction);
    expect(r.gap).toBe(gap);
    expect(r.latest).toEqual(series[series.length - 1]);
    expect(r.previous).toEqual(series[series.length - 2]);
  });

  it('sorts an unsorted series and compares the last two', () => {
    const r = directionOfTravel(
      s(['2025-26 Q3', 40], ['2025-26 Q1', 90], ['2025-26 Q4', 35], ['2025-26 Q2', 50]),
      'lower',
    );
    expect(r).toMatchObject({
      direction: 'improving',
      latest: { period: '2025-26 Q4', value: 35 },
      previous: { period: '2025-26 Q3', value: 40 },
      gap: false,
      reason: '',
    });
  });

  it.each([
    ['empty', s()],
    ['one point', s(['2025-26', 5])],
    ['second point unreadable', s(['2025-26', 5], ['garbage', 6])],
  ])('%s → not comparable', (_name, series) => {
    const r = directionOfTravel(series, 'higher');
    expect(r.direction).toBe('not_comparable');
    expect(r.previous).toBeNull();
    expect(r.gap).toBe(false);
  });

  it('keeps the single latest point when not comparable', () => {
    expect(directionOfTravel(s(['2025-06', 7]), 'higher').latest).toEqual({ period: '2025-06', value: 7 });
  });
});

describe('direction labels and arrows', () => {
  it('labels every direction', () => {
    expect(directionLabel).toEqual({
      improving: 'Improving',
      worsening: 'Worsening',
      similar: 'Similar',
      no_change: 'No change',
      up: 'Up',
      down: 'Down',
      not_comparable: 'Not comparable',
    });
  });

  it.each([
    ['improving', 10, 12, '↓'], // lower is better and fell: improving, but the figure went down
    ['improving', 12, 10, '↑'],
    ['worsening', 14, 12, '↑'],
    ['up', 5, 4, '↑'],
    ['down', 4, 5, '↓'],
    ['no_change', 9.4, 0.094 * 100, '→'],
    ['not_comparable', 5, null, '–'],
    ['not_comparable', null, null, '–'],
    ['improving', null, 5, '–'],
  ] as const)('%s, %s vs %s → %s', (d, latest, previous, arrow) => {
    expect(directionArrow(d, latest, previous)).toBe(arrow);
  });
});
