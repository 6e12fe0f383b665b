import { useEffect, useRef } from 'react';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { formatValue, type Unit } from '../../../shared/domain/format';
import { parsePeriod, periodLabel } from '../../../shared/domain/periods';
import { directionArrow, directionLabel, type Direction } from '../../../shared/domain/rag';

Chart.register(...registerables);
// Screen text at a readable size (the Word export sets its own).
Chart.defaults.font.size = 13;

type Point = { period: string; value: number };

/** A chart.js chart on a canvas whose accessible name is the chart's alt text. */
export function ChartCanvas({
  config,
  altText,
  height = 320,
  testId,
}: {
  config: ChartConfiguration;
  altText: string;
  height?: number;
  testId?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = new Chart(ref.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart-box" style={{ height }}>
      <canvas ref={ref} role="img" aria-label={altText} data-testid={testId} />
    </div>
  );
}

/** Compact period for table cells: 'Q2 2026-27', 'Jun 2026', '2026-27'. */
export function shortPeriod(canonical: string): string {
  const p = parsePeriod(canonical);
  if (!p) return canonical;
  if (p.kind === 'quarter') {
    const [fy, q] = p.canonical.split(' ');
    return `${q} ${fy}`;
  }
  if (p.kind === 'month') return periodLabel(canonical).replace(/^(\w{3})\w*/, '$1');
  if (p.kind === 'rolling')
    return periodLabel(canonical)
      .replace(/ months to (\w{3})\w*/, 'm to $1')
      .replace(/^(\d+)m/, '$1m');
  if (p.kind === 'academic') return `AY ${p.canonical.slice(3)}`;
  return p.canonical;
}

/**
 * A value with its period underneath, e.g. "78.4%" / "Q2 2026-27". The period is left out when
 * it is the same as `samePeriodAs` (a comparator for the same quarter as the latest value).
 */
export function ValueWithPeriod({
  point,
  unit,
  decimals,
  samePeriodAs,
}: {
  point: Point | null;
  unit: Unit;
  decimals?: number | null;
  samePeriodAs?: string | null;
}) {
  if (!point) return <span className="muted">No data</span>;
  return (
    <>
      <span className="figure">{formatValue(point.value, unit, decimals)}</span>
      {point.period !== samePeriodAs ? (
        <div className="muted small period">
          <abbr title={periodLabel(point.period)}>{shortPeriod(point.period)}</abbr>
        </div>
      ) : null}
    </>
  );
}

/**
 * Direction in words, with the arrow as decoration; a gap in the series is said in words too,
 * and so is why there is no direction.
 */
export function DirectionText({
  direction,
  latest,
  previous,
  gap,
  directionReason,
}: {
  direction: Direction;
  latest: Point | null;
  previous: Point | null;
  gap: boolean;
  directionReason?: string;
}) {
  const arrow = directionArrow(direction, latest?.value ?? null, previous?.value ?? null);
  return (
    <span className={`direction direction-${direction}`}>
      <span aria-hidden="true" className="arrow">
        {arrow}
      </span>{' '}
      {directionLabel[direction]}
      {gap && previous && direction !== 'not_comparable' ? (
        <div className="muted small">Gap: compared with {shortPeriod(previous.period)}</div>
      ) : null}
      {direction === 'not_comparable' && directionReason ? (
        <div className="muted small">{directionReason[0]!.toUpperCase() + directionReason.slice(1)}</div>
      ) : null}
    </span>
  );
}

/** Small inline trend line. Its text alternative names the span, range and latest value. */
export function Sparkline({ series, unit, title }: { series: Point[]; unit: Unit; title: string }) {
  if (series.length === 0) return <span className="muted">No data</span>;
  const w = 96;
  const h = 28;
  const pad = 3;
  const values = series.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (i: number) => (series.length === 1 ? w / 2 : pad + (i * (w - 2 * pad)) / (series.length - 1));
  const y = (v: number) => (max === min ? h / 2 : h - pad - ((v - min) * (h - 2 * pad)) / (max - min));
  const points = series.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const first = series[0]!;
  const last = series.at(-1)!;
  const label =
    `Trend for ${title}: ${series.length} ${series.length === 1 ? 'value' : 'values'} from ${periodLabel(first.period)} to ${periodLabel(last.period)}; ` +
    `lowest ${formatValue(min, unit)}, highest ${formatValue(max, unit)}, latest ${formatValue(last.value, unit)}.`;
  return (
    <svg className="sparkline" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
      <title>{label}</title>
      <polyline points={points} fill="none" stroke="#1d4f91" strokeWidth="2" />
      <circle cx={x(series.length - 1)} cy={y(last.value)} r="3" fill="#1d4f91" />
    </svg>
  );
}

/** Reads a number typed by a person: '' → null; '1,234' and '9.4%' are fine; anything else is an error. */
export function readNumber(text: string, field: string): { value: number | null; error?: string } {
  const t = text.trim().replace(/,/g, '').replace(/%$/, '');
  if (t === '') return { value: null };
  const n = Number(t);
  if (!Number.isFinite(n))
    return { value: null, error: `${field} must be a number, like 9.4 — “${text.trim()}” is not` };
  return { value: n };
}
