/** The scorecard summary table shared by the agenda pack and the scorecard report. */
import { periodLabel } from '../../../shared/domain/periods';
import { directionArrow, directionLabel, ragLabel, type Rag } from '../../../shared/domain/rag';
import { rowFormat, type ScoreRow } from './score-rows';
import { b, h2, h3, p, ragCell, table, type Block } from './kit';

export const direction = (r: ScoreRow) => {
  const arrow = directionArrow(r.direction, r.value, r.previousValue);
  return arrow === '–' ? directionLabel[r.direction] : `${arrow} ${directionLabel[r.direction]}`;
};

const RAG_ORDER: Rag[] = ['red', 'amber', 'green', 'no_target', 'no_data', 'not_rated'];

/** "3 red, 4 amber, 9 green, 1 not rated" — the counts in words. */
export function ragCounts(rows: ScoreRow[]): string {
  const parts = RAG_ORDER.flatMap((rag) => {
    const n = rows.filter((r) => r.rag === rag).length;
    return n ? [`${n} ${ragLabel[rag].toLowerCase()}`] : [];
  });
  return parts.length ? parts.join(', ') : 'no measures';
}

/** Groups rows by priority, keeping the order they came in. */
export function byPriority(rows: ScoreRow[]): [string, ScoreRow[]][] {
  const groups = new Map<string, ScoreRow[]>();
  for (const r of rows) groups.set(r.priorityTitle, [...(groups.get(r.priorityTitle) ?? []), r]);
  return [...groups.entries()];
}

/** The summary: RAG counts, then a table per priority (headed at Heading 2, or 3 inside a report's own section). */
export function summaryTables(rows: ScoreRow[], opts: { headingLevel?: 2 | 3 } = {}): Block[] {
  const out: Block[] = [p([b('RAG ratings: '), `${ragCounts(rows)} (${rows.length} measures).`])];
  for (const [priority, list] of byPriority(rows)) {
    out.push(opts.headingLevel === 3 ? h3(priority) : h2(priority));
    out.push(
      table(
        ['Code', 'Measure', 'Period', 'Value', 'Target', 'RAG', 'Direction'],
        list.map((r) => {
          const fmt = rowFormat(r);
          return [
            r.code,
            r.title,
            r.period ? periodLabel(r.period) : 'No data',
            fmt(r.value),
            r.target === null ? 'No target' : fmt(r.target),
            ragCell(r.rag),
            direction(r),
          ];
        }),
        [9, 29, 17, 10, 10, 10, 15],
        { keepTogether: list.length <= 8 },
      ),
    );
  }
  return out;
}
