/**
 * Minute numbers (CPB/26/27/14): they run through the municipal year across the meetings held in
 * it, one per agenda item in the order the minutes print them (Part A, then Part B) and one for
 * the resolution excluding the press and public before the Part B items. Approved minutes keep the
 * numbers fixed when they were approved; the others are worked out from the meetings before them,
 * the same way every time.
 */
import { minuteSeries, municipalYearRange } from '../../../shared/domain/publishing';
import type { DB } from '../store/board-file';
import { publishingRow } from '../store/board';
import { meetingMinuteFields, minuteChain } from '../store/meetings';

export interface MinuteNumbering {
  /** 'CPB/26/27' */
  series: string;
  /** The number of the meeting's first minute. */
  start: number;
}

export function minuteNumbering(db: DB, meetingId: number): MinuteNumbering {
  const m = meetingMinuteFields(db, meetingId);
  if (!m) throw new Error(`There is no meeting with id ${meetingId}`);
  if (m.minute_series !== null && m.minute_start !== null)
    return { series: m.minute_series, start: m.minute_start };
  const settings = publishingRow(db);
  const startMonth = settings?.year_start_month ?? 5;
  const series = minuteSeries(settings?.minute_prefix ?? 'CPB', m.date, startMonth);
  const { from, until } = municipalYearRange(m.date, startMonth);
  let next = 1;
  for (const e of minuteChain(db, from, until)) {
    if (e.date > m.date || (e.date === m.date && e.id >= m.id)) break;
    // A meeting whose numbers were fixed (approved) sets the count; the others follow on from it.
    const start = e.minute_series === series && e.minute_start !== null ? e.minute_start : next;
    next = start + e.minute_count;
  }
  return { series, start: next };
}
