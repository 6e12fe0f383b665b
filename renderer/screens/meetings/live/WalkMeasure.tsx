import { useMemo, type ReactNode } from 'react';
import type { FiguresBasis, WalkMeasure } from '../../../../shared/api/walk';
import {
  measureChartAltText,
  measureChartConfig,
  type MeasureChartInput,
} from '../../../../shared/charts/measure-chart';
import { formatValue } from '../../../../shared/domain/format';
import { comparePeriods, periodLabel } from '../../../../shared/domain/periods';
import { useApi } from '../../../api/hooks';
import { DialogBox } from '../../../components/forms';
import { RagChip } from '../../../components/RagChip';
import { ChartCanvas, DirectionText, Sparkline } from '../../scorecard/parts';

/**
 * One measure as the meeting sees it: RAG in words, the figure against its target, direction of
 * travel in words, a sparkline, and a button that opens its chart with the comparators.
 */
export function WalkMeasureLine({
  m,
  onChart,
  children,
}: {
  m: WalkMeasure;
  onChart: (m: WalkMeasure) => void;
  children?: ReactNode;
}) {
  return (
    <li className="walk-measure" data-testid={`walk-measure-${m.code}`}>
      <div className="walk-measure-head">
        <RagChip rag={m.rag} />{' '}
        <strong>
          {m.code} {m.title}
        </strong>
      </div>
      <div className="walk-measure-figures">
        <span>
          {m.latest ? (
            <>
              <strong>{formatValue(m.latest.value, m.unit, m.decimals)}</strong>{' '}
              <span className="muted small">{periodLabel(m.latest.period)}</span>
            </>
          ) : (
            'No data'
          )}
          {m.target !== null ? ` · target ${formatValue(m.target, m.unit, m.decimals)}` : ' · no target'}
          {m.england !== null
            ? ` · England ${formatValue(m.england, m.unit, m.decimals)}${m.englandPeriod && m.englandPeriod !== m.latest?.period ? ` (${periodLabel(m.englandPeriod)})` : ''}`
            : ''}
        </span>
        <DirectionText
          direction={m.direction}
          latest={m.latest}
          previous={m.previous}
          gap={m.gap}
          directionReason={m.directionReason}
        />
        <Sparkline series={m.series} unit={m.unit} title={`${m.code} ${m.title}`} />
        {m.measureId !== null ? (
          <button type="button" className="secondary small" onClick={() => onChart(m)}>
            Chart of {m.code}
          </button>
        ) : null}
      </div>
      {children}
    </li>
  );
}

/**
 * The measure's chart with England, statistical neighbours and region, as on the measure screen
 * (shared/charts). Frozen figures: the series stops at the period the meeting saw.
 */
export function MeasureChartDialog({
  m,
  basis,
  onClose,
}: {
  m: WalkMeasure | null;
  basis: FiguresBasis;
  onClose: () => void;
}) {
  const q = useApi('measure.get', { id: m?.measureId ?? 0 }, { enabled: m?.measureId != null });
  const input = useMemo((): MeasureChartInput | null => {
    if (!m || !q.data) return null;
    const upTo = m.latest?.period;
    const upToLatest = <T extends { period: string }>(list: readonly T[]) =>
      upTo ? list.filter((p) => comparePeriods(p.period, upTo) <= 0) : [...list];
    const series = upToLatest(q.data.values).map((v) =>
      // The meeting's figure for its latest period, even if corrected since.
      v.period === upTo && m.latest ? { period: v.period, value: m.latest.value } : v,
    );
    return {
      title: `${m.code} ${m.title}`,
      unit: m.unit,
      polarity: m.polarity,
      target: m.target,
      series,
      comparators: {
        england: upToLatest(q.data.comparators.england),
        neighbours: upToLatest(q.data.comparators.neighbours),
        region: upToLatest(q.data.comparators.region),
      },
    };
  }, [m, q.data]);
  const config = useMemo(
    () => (input ? measureChartConfig(input, { animation: false, responsive: true }) : null),
    [input],
  );
  return (
    <DialogBox title={m ? `${m.code} ${m.title}` : 'Chart'} isOpen={m !== null} onClose={onClose}>
      {m ? (
        <p>
          <RagChip rag={m.rag} />{' '}
          {basis === 'frozen' ? 'As frozen for this meeting' : 'Figures for periods ended before the meeting'}
          {m.latest ? `: ${formatValue(m.latest.value, m.unit)} in ${periodLabel(m.latest.period)}` : ''}.
        </p>
      ) : null}
      {q.error ? <p role="alert">{q.error.message}</p> : null}
      {input && config ? (
        <ChartCanvas config={config} altText={measureChartAltText(input)} height={300} testId="walk-chart" />
      ) : (
        <p aria-live="polite">Loading the chart…</p>
      )}
      <div className="toolbar">
        {m?.measureId != null ? (
          <a href={`#/scorecard/measure/${m.measureId}`} className="button secondary">
            Open the measure
          </a>
        ) : null}
        <button type="button" autoFocus onClick={onClose}>
          Close (Escape)
        </button>
      </div>
    </DialogBox>
  );
}
