/** Timing and reporting for `npm run bench`: figures, not tests. Nothing here asserts a time. */

export interface Timing {
  median: number;
  p95: number;
  p99: number;
  n: number;
}

/** Runs fn n times (after `warm` unmeasured runs) and returns the median, p95 and p99 in milliseconds. */
export async function timeIt(n: number, fn: (i: number) => unknown, warm = 1): Promise<Timing> {
  for (let i = 0; i < warm; i++) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { median: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), n };
}

export const round = (x: number) => Math.round(x * 100) / 100;

/** One figure at both sizes: ours, the same-run baseline (when there is one), and its budget. */
export interface Figure {
  what: string;
  unit: 'ms' | 'KB' | 'MB' | 'count';
  /** The demo board (1×) and the generated archive (20 years). */
  small: number | null;
  large: number | null;
  /** What the same work costs done bare (raw SQL, bare UPDATE, bare docx…), measured in this run. */
  baseline?: { what: string; small: number | null; large: number | null };
  /** The budget at 20 years, and whether it holds (null: not applicable). */
  budget?: { text: string; ok: boolean | null };
}

const fmt = (v: number | null, unit: Figure['unit']) => {
  if (v === null) return '—';
  if (unit === 'count') return String(v);
  const n = v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
  return `${n} ${unit}`;
};
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? '—' : `${(a / b).toFixed(2)}×`;

/** The report: one line per figure, both sizes, ratios to the baseline and between the sizes, the budget. */
export function report(title: string, figures: Figure[], notes: string[] = []): string {
  const rows = figures.map((f) => [
    f.what,
    fmt(f.small, f.unit),
    f.baseline ? `${fmt(f.baseline.small, f.unit)} (${ratio(f.small, f.baseline.small)})` : '',
    fmt(f.large, f.unit),
    f.baseline ? `${fmt(f.baseline.large, f.unit)} (${ratio(f.large, f.baseline.large)})` : '',
    ratio(f.large, f.small),
    f.budget ? `${f.budget.ok === null ? '  ' : f.budget.ok ? 'ok' : 'NO'} ${f.budget.text}` : '',
  ]);
  const head = [
    'figure',
    '1× (demo)',
    'raw at 1× (ours/raw)',
    '20 years',
    'raw at 20 y (ours/raw)',
    '20y/1×',
    'budget at 20 years',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' │ ');
  const baselines = figures.filter((f) => f.baseline).map((f) => `  ${f.what}: raw = ${f.baseline!.what}`);
  return [
    '',
    title,
    line(head),
    widths.map((w) => '─'.repeat(w)).join('─┼─'),
    ...rows.map(line),
    '',
    'Baselines (measured in the same run, on the same file):',
    ...baselines,
    ...(notes.length ? ['', ...notes] : []),
    '',
  ].join('\n');
}
