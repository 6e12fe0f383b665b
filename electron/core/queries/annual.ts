/**
 * What the annual report reads for a date range: the meetings held (each as its full record),
 * every action, the principles and which agenda items touched them, every measure's series and
 * the "you said, we did" entries. The same records the screens read, gathered in one place.
 */
import type { DB } from '../store/board-file';
import { heldMeetingIds } from '../store/meetings';
import { principleItemLinks, principles, type CoverageLinkRow } from '../store/strategy';
import { voiceEntriesBetween } from '../store/voice';
import { actionsForPeriod } from '../store/actions';
import { withUpdates, type ActionRecord } from './actions';
import { board, type Board } from './board';
import { meetingRecord, type MeetingRecord } from './meeting';
import { measureSeries, type MeasureSeries } from './scorecard';

export interface AnnualFigures {
  board: Board;
  /** Meetings held (in progress, minutes in draft or approved) in the range, oldest first. */
  meetings: MeetingRecord[];
  actions: ActionRecord[];
  principles: { id: number; code: string; shortTitle: string; wording: string }[];
  /** Which principle each agenda item touched, and by which route (all meetings). */
  coverage: CoverageLinkRow[];
  series: MeasureSeries[];
  voice: {
    said: string;
    did: string;
    saidDate: string;
    didDate: string | null;
    source: string;
    status: 'open' | 'in_progress' | 'done';
    priority: string | null;
  }[];
}

export function annualFigures(db: DB, today: string, from: string, to: string): AnnualFigures {
  return {
    board: board(db),
    meetings: heldMeetingIds(db, from, to).map((id) => meetingRecord(db, id, today)),
    // Only what the report lists: completed in the period, or outstanding and raised by its end.
    actions: withUpdates(db, actionsForPeriod(db, from, to), today),
    principles: principles(db).map((p) => ({
      id: p.id,
      code: p.code,
      shortTitle: p.short_title,
      wording: p.wording,
    })),
    coverage: principleItemLinks(db),
    series: measureSeries(db),
    voice: voiceEntriesBetween(db, from, to).map((v) => ({
      said: v.said,
      did: v.did,
      saidDate: v.said_date,
      didDate: v.did_date,
      source: v.source,
      status: v.status,
      priority: v.priority,
    })),
  };
}
