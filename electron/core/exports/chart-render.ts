/**
 * Charts for the Word documents: the same chart.js configurations the screens draw
 * (shared/charts), rendered once to PNG in Node on @napi-rs/canvas with animation and
 * responsiveness off. Node only: nothing outside electron/core/exports imports chart.js here.
 */
import { deflateSync } from 'node:zlib';
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
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
import { formatValue } from '../../../shared/domain/format';
import { releaseNative } from '../host/memory';
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

/**
 * One canvas per chart size, drawn on again and again: a report of sixty charts then holds one
 * drawing surface of each size at a time, not sixty awaiting the garbage collector (their memory
 * is the canvas library's, outside the JavaScript heap, so the collector does not hurry for it).
 */
const canvases = new Map<string, Canvas>();
function canvasOf(width: number, height: number): Canvas {
  const key = `${width}x${height}`;
  let canvas = canvases.get(key);
  if (!canvas) {
    canvas = createCanvas(width, height);
    canvases.set(key, canvas);
  } else {
    // chart.js sizes it for its pixel ratio; start each chart from the size asked for, blank.
    canvas.width = width;
    canvas.height = height;
  }
  return canvas;
}

/**
 * Call between charts, from an async loop: the pixels the canvas library handed over for the last
 * chart (getImageData: its own memory, freed only on a later turn of the event loop, after a
 * collection) are let go before the next is drawn, so a report holds one chart's pixels at a time.
 */
export function releaseCharts(): Promise<void> {
  return releaseNative();
}

function render(
  config: ChartConfiguration,
  width: number,
  height: number,
  /** Called once the chart is laid out, before it is drawn (it may change the options and update). */
  adjust?: (chart: Chart) => void,
): Buffer {
  register();
  const canvas = canvasOf(width, height); // chart.js scales it by devicePixelRatio
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
    adjust?.(chart);
    chart.draw();
    const { data, width: w, height: h } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return rgbPng(w, h, data);
  } finally {
    chart.destroy();
  }
}

// ---- PNG without an alpha channel -----------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** The unfiltered rows of the last size drawn, written over for the next chart of that size. */
let scratch: Buffer | null = null;

/**
 * The chart (drawn on white) as an RGB PNG. With no alpha channel the PDF can take the image data
 * as it is, rather than pulling the alpha out pixel by pixel; Word takes it the same either way.
 */
export function rgbPng(width: number, height: number, rgba: Uint8ClampedArray | Uint8Array): Buffer {
  const size = height * (1 + width * 3);
  // Every byte is written below, so a chart's rows can reuse the last one's (deflateSync copies).
  const raw = scratch?.length === size ? scratch : (scratch = Buffer.allocUnsafe(size));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    raw[row] = 0; // no filter
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      const to = row + 1 + x * 3;
      raw[to] = rgba[from]!;
      raw[to + 1] = rgba[from + 1]!;
      raw[to + 2] = rgba[from + 2]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // truecolour, no alpha
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface MeasureChartPng extends Png {
  /** Where the vertical axis starts when it is not at zero (so the document can say so); else null. */
  axisFrom: number | null;
}

/**
 * One measure's chart. The vertical axis fits the data (see yAxisRange); when that means it does
 * not start at zero, the chart says so under its title, and `axisFrom` says where it starts.
 */
export function measureChartPng(
  input: MeasureChartInput,
  name: string,
  opts: { height?: number } = {},
): MeasureChartPng {
  // A tall plot area: the y-axis fits the data, the legend sits underneath on one line.
  const width = 720;
  const height = opts.height ?? 340;
  const config = measureChartConfig(input, {
    animation: false,
    responsive: false,
    oneLineLabels: true,
  }) as unknown as ChartConfiguration;
  let axisFrom: number | null = null;
  const data = render(config, width, height, (chart) => {
    const y = chart.scales.y;
    if (!y || !(y.min > 0)) return;
    axisFrom = y.min;
    const subtitle = chart.options.plugins?.subtitle;
    if (subtitle) {
      subtitle.text = `${String(subtitle.text)} · Axis starts at ${formatValue(y.min, input.unit)}, not zero`;
      chart.update('none');
    }
  });
  return { data, width, height, alt: measureChartAltText(input), name, axisFrom };
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
