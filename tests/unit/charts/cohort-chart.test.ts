import { describe, expect, it } from 'vitest';
import {
  cohortChartAltText,
  cohortChartConfig,
  type CohortChartInput,
} from '../../../shared/charts/cohort-chart';
import { barColour, barPattern, paintPattern, type PatternContext } from '../../../shared/charts/palette';

const input: CohortChartInput = {
  breakdown: 'age_band',
  periods: ['2024-25', '2025-26'],
  categories: ['Under 1', '1–4', '5–9', '10–15', '16+'],
  counts: [
    [20, 18],
    [45, 40],
    [60, 66],
    [130, 128],
    [85, 91],
  ],
};

describe('cohortChartConfig', () => {
  it('stacks one dataset per category over the periods', () => {
    const cfg = cohortChartConfig(input, { animation: false, responsive: false });
    expect(cfg.type).toBe('bar');
    expect(cfg.data.labels).toEqual(['2024-25', '2025-26']);
    expect(cfg.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Under 1', [20, 18]],
      ['1–4', [45, 40]],
      ['5–9', [60, 66]],
      ['10–15', [130, 128]],
      ['16+', [85, 91]],
    ]);
    expect(cfg.data.datasets.map((d) => d.backgroundColor)).toEqual([0, 1, 2, 3, 4].map(barColour));
    const scales = cfg.options?.scales as { x: { stacked: boolean }; y: { stacked: boolean } };
    expect(scales.x.stacked).toBe(true);
    expect(scales.y.stacked).toBe(true);
    expect((cfg.options?.plugins?.title as { text: string }).text).toBe('Children in care by age band');
  });

  it('uses a caller’s fill for patterns', () => {
    const cfg = cohortChartConfig(input, { animation: false, responsive: true, fill: (c) => `fill-${c}` });
    expect(cfg.data.datasets[2]?.backgroundColor).toBe('fill-2');
  });

  it('describes the latest period in words', () => {
    expect(cohortChartAltText(input)).toBe(
      'Stacked bar chart of children in care by age band for 2 periods from 2024-25 to 2025-26. ' +
        'In 2025-26: Under 1 18, 1–4 40, 5–9 66, 10–15 128, 16+ 91 (total 343 children).',
    );
    expect(cohortChartAltText({ ...input, periods: [], counts: [] })).toBe(
      'Stacked bar chart of children in care by age band: no figures recorded yet.',
    );
  });
});

describe('paintPattern', () => {
  it('paints a different pattern for neighbouring categories', () => {
    const calls: string[][] = [0, 1, 2, 3].map((i) => {
      const log: string[] = [];
      const ctx: PatternContext = {
        fillStyle: '',
        strokeStyle: '',
        lineWidth: 1,
        fillRect: (...a) => log.push(`fillRect ${a.join(',')}`),
        beginPath: () => log.push('begin'),
        moveTo: (x, y) => log.push(`m ${x},${y}`),
        lineTo: (x, y) => log.push(`l ${x},${y}`),
        arc: () => log.push('arc'),
        fill: () => log.push('fill'),
        stroke: () => log.push('stroke'),
      };
      paintPattern(ctx, i, 12);
      return log;
    });
    expect(new Set(calls.map((c) => c.join('|'))).size).toBe(4);
    expect(barPattern(0)).toBe('solid');
    expect(calls[2]).toContain('arc');
  });
});
