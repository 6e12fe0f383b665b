/**
 * "Performance against this priority": under each agenda item linked to a priority, in the agenda
 * pack and the minutes, that priority's measures as the meeting saw them — its frozen scorecard,
 * or, when none was frozen, the figures for periods that ended before it (said so in words) —
 * never today's figures.
 */
import { formatValue } from '../../../shared/domain/format';
import { periodLabel } from '../../../shared/domain/periods';
import type { DB } from '../store/board-file';
import { currentScorecard, meetingSnapshot, type ScoreRow } from './data';
import { b, i, p, ragCell, table, type Block } from './kit';
import { direction } from './scorecard-summary';

export interface MeetingPerformance {
  frozen: boolean;
  /** Priority id → its measures' rows, worst first. */
  byPriority: Map<number, ScoreRow[]>;
  priorities: Map<number, string>;
}

const ragOrder = { red: 0, amber: 1, green: 2, no_target: 3, no_data: 4, not_rated: 5 } as const;

export function meetingPerformance(db: DB, meeting: { id: number; date: string }): MeetingPerformance {
  const snap = meetingSnapshot(db, meeting.id);
  const rows = snap ? snap.rows : currentScorecard(db, { endedBefore: meeting.date });
  // A measure belongs to its priority and to any priority it is linked to (as on the strategy screen).
  const owners = db
    .prepare(
      `SELECT id AS measure, priority_id AS priority FROM measure WHERE priority_id IS NOT NULL
       UNION SELECT measure_id, to_priority_id FROM link WHERE measure_id IS NOT NULL AND to_priority_id IS NOT NULL`,
    )
    .all() as { measure: number; priority: number }[];
  const byPriority = new Map<number, ScoreRow[]>();
  for (const o of owners) {
    const r = rows.find((x) => x.measureId === o.measure);
    if (r) byPriority.set(o.priority, [...(byPriority.get(o.priority) ?? []), r]);
  }
  const order = new Map(rows.map((r, k) => [r, k]));
  for (const [k, list] of byPriority)
    byPriority.set(
      k,
      list.sort((a, b) => ragOrder[a.rag] - ragOrder[b.rag] || order.get(a)! - order.get(b)!),
    );
  const priorities = new Map(
    (
      db.prepare('SELECT id, code, title FROM priority').all() as {
        id: number;
        code: string;
        title: string;
      }[]
    ).map((x) => [x.id, `${x.code} ${x.title}`]),
  );
  return { frozen: snap !== null, byPriority, priorities };
}

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
  for (const id of linked) {
    if (linked.length > 1) out.push(p(b(perf.priorities.get(id) ?? ''), { keepNext: true }));
    out.push(
      table(
        ['Code', 'Measure', 'Period', 'Value', 'Target', 'RAG', 'Direction'],
        perf.byPriority
          .get(id)!
          .map((r) => [
            r.code,
            r.title,
            r.period ? periodLabel(r.period) : 'No data',
            formatValue(r.value, r.unit),
            r.target === null ? 'No target' : formatValue(r.target, r.unit),
            ragCell(r.rag),
            direction(r),
          ]),
        [7, 31, 17, 10, 10, 10, 15],
      ),
    );
  }
  return out;
}
