/**
 * Chart colours and patterns shared by the measure and cohort charts (screen and Word export).
 *
 * Every colour has at least 4.5:1 contrast against white (WCAG 1.4.11 asks 3:1 for graphics),
 * and no chart relies on colour alone: lines also differ by dash and point shape, bars by
 * the fill pattern drawn by `paintPattern` and by their order in the legend and table.
 * Pure: no DOM access; `paintPattern` draws onto whatever 2D context it is handed.
 */

/** Line colours: series, target, England, statistical neighbours, region. */
export const lineColours = {
  series: '#1d4f91', // dark blue, 8.6:1
  target: '#0b0c0c', // near-black, 19:1
  england: '#912b88', // magenta-purple, 7.4:1
  neighbours: '#8a4b08', // brown, 6.6:1
  region: '#00703c', // dark green, 5.9:1
} as const;

/** Dash patterns (canvas setLineDash) so lines can be told apart in greyscale print. */
export const lineDashes = {
  series: [] as number[],
  target: [10, 5],
  england: [2, 3],
  neighbours: [8, 3, 2, 3],
  region: [4, 4],
} as const;

/** Point shapes (chart.js pointStyle). */
export const pointStyles = {
  series: 'circle',
  target: 'line',
  england: 'triangle',
  neighbours: 'rect',
  region: 'rectRot',
} as const;

/**
 * Bar fills for up to 12 categories, alternating dark and light so neighbouring stacked
 * segments differ in lightness as well as hue. Each is ≥ 4.5:1 against white.
 */
export const barColours = [
  '#1d4f91',
  '#b35c00',
  '#00703c',
  '#912b88',
  '#505a5f',
  '#8a4b08',
  '#0b6b75',
  '#a4122c',
  '#4c2c92',
  '#5d6b00',
  '#2b3a4a',
  '#9c3a00',
] as const;

export const barColour = (index: number): string => barColours[index % barColours.length] ?? '#505a5f';

export type PatternKind = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical';
const PATTERNS: readonly PatternKind[] = ['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical'];

/** The pattern for the n-th category; with barColour, no two of the first 12 look alike. */
export const barPattern = (index: number): PatternKind => PATTERNS[index % PATTERNS.length] ?? 'solid';

/** The few 2D-context members `paintPattern` uses (satisfied by DOM canvas and @napi-rs/canvas). */
export interface PatternContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
  fill(): void;
  stroke(): void;
}

/**
 * Paints one tile (size × size) of the n-th category's fill: its colour with white marks.
 * The caller makes the tile canvas and turns it into a CanvasPattern (ctx.createPattern(tile, 'repeat')).
 */
export function paintPattern(ctx: PatternContext, index: number, size = 12): void {
  ctx.fillStyle = barColour(index);
  ctx.fillRect(0, 0, size, size);
  const kind = barPattern(index);
  if (kind === 'solid') return;
  ctx.strokeStyle = '#ffffff';
  ctx.fillStyle = '#ffffff';
  ctx.lineWidth = Math.max(1, size / 8);
  ctx.beginPath();
  if (kind === 'dots') {
    ctx.arc(size / 2, size / 2, size / 6, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  if (kind === 'diagonal' || kind === 'cross') {
    ctx.moveTo(0, size);
    ctx.lineTo(size, 0);
    ctx.moveTo(-size / 2, size / 2);
    ctx.lineTo(size / 2, -size / 2);
    ctx.moveTo(size / 2, size * 1.5);
    ctx.lineTo(size * 1.5, size / 2);
  }
  if (kind === 'cross') {
    ctx.moveTo(0, 0);
    ctx.lineTo(size, size);
  }
  if (kind === 'horizontal') {
    ctx.moveTo(0, size / 2);
    ctx.lineTo(size, size / 2);
  }
  if (kind === 'vertical') {
    ctx.moveTo(size / 2, 0);
    ctx.lineTo(size / 2, size);
  }
  ctx.stroke();
}
