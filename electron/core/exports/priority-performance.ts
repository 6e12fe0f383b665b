/**
 * "Performance against this priority": under each agenda item linked to a priority, in the agenda
 * pack and the minutes, that priority's measures as the meeting saw them — its frozen scorecard,
 * or, when none was frozen, the figures for periods that ended before it (said so in words) —
 * never today's figures. The rows come from queries/priority-context (meetingPerformance).
 */
import type { WalkMeasure } from '../../../shared/api/walk';
import { measureFormat } from '../../../shared/domain/format';
import { periodLabel } from '../../../shared/domain/periods';
import { directionArrow, directionLabel } from '../../../shared/domain/rag';
import { b, i, p, ragCell, spacer, table, type Block } from './kit';

export interface MeetingPerformance {
  frozen: boolean;
  /** Priority id → its measures' rows, worst first. */
  byPriority: Map<number, WalkMeasure[]>;
  priorityNames: Map<number, string>;
}

const direction = (r: WalkMeasure) => {
  const arrow = directionArrow(r.direction, r.latest?.value ?? null, r.previous?.value ?? null);
  return arrow === '–' ? directionLabel[r.direction] : `${arrow} ${directionLabel[r.direction]}`;
};

/** The table(s) for one item: one per linked priority that has measures. */
export function priorityPerformanceBlocks(perf: MeetingPerformance, priorityIds: number[]): Block[] {
  const linked = priorityIds.filter((id) => (perf.byPriority.get(id) ?? []).length > 0);
  if (linked.length === 0) return [];
  const out: Block[] = [
    p(
      [
        b('Performance against this priority'),
        i(
          perf.frozen
            ? ' (the scorecard frozen for this meeting)'
            : ' (no scorecard was frozen for this meeting: the latest figures for periods that ended before it)',
        ),
      ],
      { keepNext: true },
    ),
  ];
  for (const [k, id] of linked.entries()) {
    if (k > 0) out.push(spacer());
    if (linked.length > 1) out.push(p(b(perf.priorityNames.get(id) ?? ''), { keepNext: true }));
    out.push(
      table(
        ['Code', 'Measure', 'Period', 'Value', 'Target', 'RAG', 'Direction'],
        perf.byPriority.get(id)!.map((r) => {
          // Every figure of a measure with the same decimal places, as in the scorecard report.
          const fmt = measureFormat(
            r.unit,
            [...r.series.map((v) => v.value), r.target, r.england, r.neighbours, r.region],
            r.decimals,
          );
          return [
            r.code,
            r.title,
            r.latest ? periodLabel(r.latest.period) : 'No data',
            fmt(r.latest?.value ?? null),
            r.target === null ? 'No target' : fmt(r.target),
            ragCell(r.rag),
            direction(r),
          ];
        }),
        [9, 29, 17, 10, 10, 10, 15],
        { keepTogether: true },
      ),
    );
  }
  out.push(spacer());
  return out;
}
