/**
 * Charts for the Word documents: the same chart.js configurations the screens draw
 * (shared/charts), rendered once to PNG in Node on @napi-rs/canvas with animation and
 * responsiveness off. Node only: nothing outside electron/core/exports imports chart.js here.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import {
  cohortChartAltText,
  cohortChartConfig,
  type CohortChartInput,
} from '../../../shared/charts/cohort-chart';
import {
  measureChartAltText,
  measureChartConfig,
  type MeasureChartInput,
} from '../../../shared/charts/measure-chart';
import { paintPattern } from '../../../shared/charts/palette';
import type { Png } from './kit';

let registered = false;
function register(): void {
  if (registered) return;
  Chart.register(...registerables);
  Chart.defaults.font.family = 'Arial, Liberation Sans, DejaVu Sans, sans-serif';
  registered = true;
}

/** A white background behind the chart (PNG transparency turns black in some viewers). */
const whiteBackground = {
  id: 'cpbWhiteBackground',
  beforeDraw(chart: Chart) {
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

const SCALE = 2; // drawn at twice the size shown, so it prints sharply

function render(config: ChartConfiguration, width: number, height: number): Buffer {
  register();
  const canvas = createCanvas(width, height); // chart.js scales it by devicePixelRatio
  const ctx = canvas.getContext('2d');
  const chart = new Chart(
    ctx as unknown as CanvasRenderingContext2D,
    {
      ...config,
      options: { ...config.options, animation: false, responsive: false, devicePixelRatio: SCALE },
      plugins: [...(config.plugins ?? []), whiteBackground],
    } as ChartConfiguration,
  );
  try {
    chart.draw();
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}

export function measureChartPng(input: MeasureChartInput, name: string): Png {
  // A tall plot area: the y-axis fits the data, the legend sits underneath on one line.
  const width = 720;
  const height = 340;
  const config = measureChartConfig(input, {
    animation: false,
    responsive: false,
    oneLineLabels: true,
  }) as unknown as ChartConfiguration;
  return { data: render(config, width, height), width, height, alt: measureChartAltText(input), name };
}

function patternFill(index: number): CanvasPattern {
  const size = 12;
  const tile = createCanvas(size, size);
  paintPattern(tile.getContext('2d') as SKRSContext2D, index, size);
  const host = createCanvas(1, 1).getContext('2d');
  return host.createPattern(tile, 'repeat') as unknown as CanvasPattern;
}

export function cohortChartPng(input: CohortChartInput, name: string): Png {
  const width = 640;
  const height = 320;
  const config = cohortChartConfig(input, {
    animation: false,
    responsive: false,
    fill: patternFill,
  }) as unknown as ChartConfiguration;
  return { data: render(config, width, height), width, height, alt: cohortChartAltText(input), name };
}
