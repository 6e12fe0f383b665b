import { describe, expect, it } from 'vitest';
import {
  measureChartAltText,
  measureChartConfig,
  shortPeriodLabel,
  yAxisRange,
  type MeasureChartInput,
} from '../../../shared/charts/measure-chart';
import { barColours, lineColours, lineDashes } from '../../../shared/charts/palette';

const opts = { animation: false as const, responsive: false };

const base: MeasureChartInput = {
  title: 'Care leavers in education, employment or training',
  unit: 'percent',
  polarity: 'higher',
  target: 60,
  series: [
    { period: '2025-26 Q2', value: 55 },
    { period: '2025-26 Q1', value: 52.5 },
    { period: '2025-26 Q4', value: 58 },
  ],
  comparators: {
    england: [
      { period: '2024-25 Q4', value: 56 },
      { period: '2025-26 Q4', value: 57 },
    ],
    neighbours: [{ period: '2025-26 Q4', value: 54 }],
  },
};

/** WCAG relative luminance contrast against white. */
function contrastOnWhite(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (l + 0.05);
}

describe('measureChartConfig', () => {
  it('puts series, target and comparators on one sorted set of en-GB period labels', () => {
    const cfg = measureChartConfig(base, opts);
    expect(cfg.type).toBe('line');
    expect(cfg.data.labels).toEqual([
      ['Q4 2024-25', '(Jan–Mar 2025)'],
      ['Q1 2025-26', '(Apr–Jun 2025)'],
      ['Q2 2025-26', '(Jul–Sep 2025)'],
      ['Q3 2025-26', '(Oct–Dec 2025)'],
      ['Q4 2025-26', '(Jan–Mar 2026)'],
    ]);
    const ds = cfg.data.datasets;
    expect(ds.map((d) => d.label)).toEqual([
      'Care leavers in education, employment or training',
      'Target (60%)',
      'England',
      'Statistical neighbours',
    ]);
    // Q3 missing: a gap, not interpolated.
    expect(ds[0]?.data).toEqual([null, 52.5, 55, null, 58]);
    expect(ds[0]?.spanGaps).toBe(false);
    expect(ds[1]?.data).toEqual([60, 60, 60, 60, 60]);
    expect(ds[1]?.borderDash).toEqual([10, 5]);
    expect(ds[2]?.data).toEqual([56, null, null, null, 57]);
    expect(ds[3]?.data).toEqual([null, null, null, null, 54]);
    expect(cfg.options?.animation).toBe(false);
    expect(cfg.options?.responsive).toBe(false);
  });

  it('leaves out the target line when there is no target, and unreadable points', () => {
    const cfg = measureChartConfig(
      { ...base, target: null, comparators: {}, series: [...base.series, { period: 'Spring', value: 1 }] },
      opts,
    );
    expect(cfg.data.datasets.map((d) => d.label)).toEqual([
      'Care leavers in education, employment or training',
    ]);
    expect(cfg.data.labels).toHaveLength(4); // Q1–Q4, Q3 a gap
  });

  it('keeps a mixed set of period kinds as it is', () => {
    const cfg = measureChartConfig(
      { ...base, comparators: { england: [{ period: '2024-25', value: 50 }] } },
      opts,
    );
    expect(cfg.data.labels).toEqual([
      '2024-25',
      ['Q1 2025-26', '(Apr–Jun 2025)'],
      ['Q2 2025-26', '(Jul–Sep 2025)'],
      ['Q4 2025-26', '(Jan–Mar 2026)'],
    ]);
  });

  it('formats axis ticks and tooltips in the measure’s unit', () => {
    const cfg = measureChartConfig({ ...base, unit: 'days', polarity: 'lower', target: 426 }, opts);
    const y = cfg.options?.scales?.y as { ticks: { callback: (v: number) => string } };
    expect(y.ticks.callback(426)).toBe('426 days');
  });

  it('fits the y-axis to the data with about 10% padding instead of starting at zero', () => {
    // Values 52.5–60 (series, target, comparators): spread 7.5, padding 0.75.
    const y = measureChartConfig(base, opts).options?.scales?.y as Record<string, unknown>;
    expect(y.beginAtZero).toBe(false);
    expect(y.min).toBeUndefined();
    expect(y.suggestedMin).toBeCloseTo(51.75);
    expect(y.suggestedMax).toBeCloseTo(60.75);
    // The target counts even when it is outside the series.
    expect(yAxisRange({ ...base, target: 70, comparators: {} })).toEqual({
      suggestedMin: 50.75,
      suggestedMax: 71.75,
    });
    // Days: 380–426, no zero floor.
    expect(
      yAxisRange({
        ...base,
        unit: 'days',
        target: 426,
        comparators: {},
        series: [{ period: '2025-26', value: 380 }],
      }),
    ).toEqual({
      suggestedMin: 375.4,
      suggestedMax: 430.6,
    });
  });

  it('keeps 0 as the floor only when values come near it, and never runs a percentage past 100%', () => {
    expect(
      yAxisRange({
        ...base,
        target: 10,
        comparators: {},
        series: [
          { period: '2025-26 Q1', value: 2 },
          { period: '2025-26 Q2', value: 4 },
        ],
      }),
    ).toEqual({
      min: 0,
      suggestedMax: 10.8,
    });
    expect(
      yAxisRange({
        ...base,
        target: 95,
        comparators: {},
        series: [
          { period: '2025-26 Q1', value: 97 },
          { period: '2025-26 Q2', value: 99.5 },
        ],
      }),
    ).toEqual({
      suggestedMin: 94.55,
      max: 100,
    });
    // One flat value: a band around it rather than a zero-height axis.
    expect(
      yAxisRange({
        ...base,
        unit: 'number',
        target: null,
        comparators: {},
        series: [{ period: '2025-26', value: 300 }],
      }),
    ).toEqual({
      suggestedMin: 297,
      suggestedMax: 303,
    });
    expect(yAxisRange({ ...base, target: null, comparators: {}, series: [] })).toEqual({});
  });

  it('draws legend keys as short lines in each line’s dash, not as marker shapes', () => {
    const legend = measureChartConfig(base, opts).options?.plugins?.legend as {
      position: string;
      labels: Record<string, unknown>;
    };
    expect(legend.position).toBe('bottom');
    expect(legend.labels).toMatchObject({ usePointStyle: true, pointStyle: 'line' });
    // chart.js takes each key's dash from its dataset, so the key matches the line.
    expect(measureChartConfig(base, opts).data.datasets.map((d) => d.borderDash)).toEqual([
      [],
      [10, 5],
      [2, 3],
      [8, 3, 2, 3],
    ]);
  });

  it('puts period labels on one line for the Word export: in full when few, else the short form', () => {
    const many = measureChartConfig(base, { ...opts, oneLineLabels: true });
    expect(many.data.labels).toEqual(['Q4 2024-25', 'Q1 2025-26', 'Q2 2025-26', 'Q3 2025-26', 'Q4 2025-26']);
    expect((many.options?.scales?.x as { ticks: { maxRotation: number } }).ticks.maxRotation).toBe(0);
    const few = measureChartConfig({ ...base, comparators: {} }, { ...opts, oneLineLabels: true });
    expect(few.data.labels).toEqual([
      'Q1 2025-26 (Apr–Jun 2025)',
      'Q2 2025-26 (Jul–Sep 2025)',
      'Q3 2025-26 (Oct–Dec 2025)',
      'Q4 2025-26 (Jan–Mar 2026)',
    ]);
    expect(shortPeriodLabel('2025-06')).toBe('June 2025');
    // A short legend name for the series (the export uses the council's name).
    expect(
      measureChartConfig({ ...base, seriesLabel: 'Northshire County Council' }, opts).data.datasets[0]?.label,
    ).toBe('Northshire County Council');
    expect(shortPeriodLabel('2025-26')).toBe('2025-26');
  });

  it('uses colours with at least 4.5:1 contrast and a different dash for every line', () => {
    for (const c of [...Object.values(lineColours), ...barColours])
      expect(contrastOnWhite(c)).toBeGreaterThanOrEqual(4.5);
    const dashes = Object.values(lineDashes).map((d) => JSON.stringify(d));
    expect(new Set(dashes).size).toBe(dashes.length);
  });
});

describe('measureChartAltText', () => {
  it('describes the series and the latest value against target', () => {
    expect(measureChartAltText(base)).toBe(
      'Line chart of Care leavers in education, employment or training (higher is better): ' +
        '3 values from Q1 2025-26 (Apr–Jun 2025) to Q4 2025-26 (Jan–Mar 2026). ' +
        'The latest value, 58% for Q4 2025-26 (Jan–Mar 2026), is 2 percentage points below the target of 60%, worse than target. ' +
        // The short period form inside brackets: no nested brackets.
        'Comparators: England 57% (Q4 2025-26); Statistical neighbours 54% (Q4 2025-26).',
    );
  });

  it.each([
    [
      { unit: 'days', polarity: 'lower', target: 426, series: [{ period: '2025-26', value: 400 }] },
      'The latest value, 400 days for 2025-26, is 26 days below the target of 426 days, better than target.',
    ],
    [
      { unit: 'number', polarity: 'neither', target: 300, series: [{ period: '2025-06', value: 310 }] },
      'The latest value, 310 for June 2025, is 10 above the target of 300.',
    ],
    [
      {
        unit: 'percent',
        polarity: 'higher',
        target: 9.4,
        series: [{ period: '2025-06', value: 0.094 * 100 }],
      },
      'The latest value, 9.4% for June 2025, meets the target of 9.4%.',
    ],
    [
      { unit: 'score', polarity: 'higher', target: null, series: [{ period: '2025-06', value: 14.2 }] },
      'The latest value, 14.2 for June 2025, has no target to compare with.',
    ],
  ] as const)('%#', (over, sentence) => {
    expect(measureChartAltText({ ...base, comparators: {}, ...over })).toContain(sentence);
  });

  it('says when nothing is recorded', () => {
    expect(measureChartAltText({ ...base, series: [], comparators: {} })).toBe(
      'Line chart of Care leavers in education, employment or training: no values recorded yet.',
    );
  });
});
