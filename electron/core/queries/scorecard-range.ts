/**
 * The scorecard for a reporting period: each measure's figures for periods that ended between two
 * dates (its latest and previous figure, RAG and direction among those), and the comparators
 * published for periods that ended by the last date. Rows come from the shared rules in
 * queries/scorecard, so a period's scorecard reads as the screen would have shown it.
 */
import type { Scorecard, ScorecardGroup } from '../../../shared/api/scorecard';
import { parsePeriod } from '../../../shared/domain/periods';
import type { Rag, SeriesPoint } from '../../../shared/domain/rag';
import type { DB } from '../store/board-file';
import { livePriorities } from '../store/strategy';
import { measureSeries, NO_PRIORITY, scorecardRow, type MeasureSeries } from './scorecard';

/** Whether a period ended on or after `from` and on or before `to` (either may be open). */
export function endedBetween(period: string, from: string | undefined, to: string | undefined): boolean {
  const p = parsePeriod(period);
  return p !== null && (from === undefined || p.end >= from) && (to === undefined || p.end <= to);
}

/** A measure's series cut to the period: its figures ending in it, comparators ending by its end. */
export function seriesBetween(
  s: MeasureSeries,
  from: string | undefined,
  to: string | undefined,
): MeasureSeries {
  const values = (list: SeriesPoint[]) => list.filter((v) => endedBetween(v.period, from, to));
  const published = (list: SeriesPoint[]) => list.filter((v) => endedBetween(v.period, undefined, to));
  return {
    ...s,
    values: values(s.values),
    comparators: {
      england: published(s.comparators.england),
      neighbours: published(s.comparators.neighbours),
      region: published(s.comparators.region),
    },
  };
}

export function scorecardBetween(db: DB, from: string | undefined, to: string | undefined): Scorecard {
  const counts: Record<Rag, number> = { red: 0, amber: 0, green: 0, no_target: 0, no_data: 0, not_rated: 0 };
  const groups: ScorecardGroup[] = [];
  for (const full of measureSeries(db)) {
    const s = seriesBetween(full, from, to);
    const row = scorecardRow(s);
    counts[row.rag] += 1;
    let group = groups.at(-1);
    if (!group || group.priorityId !== s.priorityId) {
      group = {
        priorityId: s.priorityId,
        priorityCode: s.priorityCode ?? '',
        priorityTitle: s.priorityTitle ?? NO_PRIORITY,
        rows: [],
      };
      groups.push(group);
    }
    group.rows.push(row);
  }
  return { groups, counts, priorities: livePriorities(db) };
}
