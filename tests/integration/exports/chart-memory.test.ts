/**
 * Issue 17: a report's charts hold one chart's pixels at a time. Reading a drawn chart's pixels
 * (getImageData) takes ~4 MB of the canvas library's own memory at 1440×680, which Node frees only
 * on a later turn of the event loop, after a collection; drawn back to back, sixty charts kept
 * ~240 MB until the document was finished (the annual report's and scorecard's peak at twenty
 * years). With releaseCharts() between charts, as the annual report and scorecard do, the process
 * grows by about one chart's worth, not by one per chart.
 */
import { describe, expect, it } from 'vitest';
import { measureChartPng, releaseCharts } from '../../../electron/core/exports/chart-render';

const CHARTS = 40;
const MB = 1024 * 1024;

function quarters(from: number, base: number): { period: string; value: number }[] {
  const out: { period: string; value: number }[] = [];
  for (let y = from; y < from + 5; y++)
    for (let q = 1; q <= 4; q++)
      out.push({
        period: `${y}-${String((y + 1) % 100).padStart(2, '0')} Q${q}`,
        value: base + ((y * 4 + q) % 7),
      });
  return out;
}

function draw(i: number): number {
  const png = measureChartPng(
    {
      title: `M${i} Children visited on time`,
      unit: 'percent',
      polarity: 'higher',
      target: 60,
      series: quarters(2020, 50 + (i % 20)),
      comparators: {
        england: quarters(2020, 55),
        neighbours: quarters(2020, 52),
        region: quarters(2020, 53),
      },
    },
    `Trend M${i}`,
    { height: 300 },
  );
  return png.data.length;
}

describe('charts in a long report', () => {
  it(`${CHARTS} charts drawn with releaseCharts() between them leave the process less than a third as large as their pixels`, async () => {
    draw(0); // the library, fonts and the canvas itself, once
    await releaseCharts();
    const before = process.memoryUsage.rss();
    let bytes = 0;
    for (let i = 1; i <= CHARTS; i++) {
      bytes += draw(i);
      await releaseCharts();
    }
    const grown = (process.memoryUsage.rss() - before) / MB;
    const pixels = (CHARTS * 1440 * 680 * 4) / MB; // what they took before: ~150 MB
    expect(bytes).toBeGreaterThan(CHARTS * 1000); // each is a real PNG
    expect(grown).toBeLessThan(pixels / 3);
  }, 60_000);
});
