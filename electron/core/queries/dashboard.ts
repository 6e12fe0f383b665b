/** The dashboard: the next meeting, RAG counts, open and overdue actions, recent decisions. */
import type { ApiOutput } from '../../../shared/api';
import { daysOverdue } from '../../../shared/domain/overdue';
import type { DB } from '../store/board-file';
import { mostOverdue, outstandingCounts } from '../store/actions';
import { itemsOfMeeting, nextMeetingFrom, recentDecisions } from '../store/meetings';
import { bool } from '../store/sql';
import { ragCounts } from './scorecard';

/** How many of the most overdue actions the dashboard lists (it links to the rest). */
export const DASHBOARD_OVERDUE = 10;

export function dashboard(db: DB, today: string): ApiOutput<'dashboard.get'> {
  const next = nextMeetingFrom(db, today, ['minutes_draft', 'minutes_approved']);
  const items = next ? itemsOfMeeting(db, next.id) : [];
  // The same rule the scorecard screen, snapshots and exports rely on, counted from each
  // measure's latest figure as the database picks it.
  const c = ragCounts(db);
  const counts = outstandingCounts(db, today);
  const overdue = mostOverdue(db, today, DASHBOARD_OVERDUE).map((a) => ({
    id: a.id,
    description: a.description,
    owner: a.owner,
    dueDate: a.due_date!,
    daysOverdue: daysOverdue({ status: a.status, dueDate: a.due_date }, today),
    meetingDate: a.meeting_date,
    exempt: bool(a.item_exempt),
  }));
  return {
    today,
    nextMeeting: next
      ? {
          id: next.id,
          date: next.date,
          startTime: next.start_time,
          venue: next.venue,
          type: next.type,
          status: next.status,
          itemCount: items.length,
          items: items.map((i) => ({ position: i.position, title: i.title, exempt: bool(i.exempt) })),
        }
      : null,
    rag: {
      red: c.red,
      amber: c.amber,
      green: c.green,
      noTarget: c.no_target,
      noData: c.no_data,
      notRated: c.not_rated,
    },
    openActions: counts.open,
    overdueCount: counts.overdue,
    overdueActions: overdue,
    recentDecisions: recentDecisions(db, today, 6).map((d) => ({
      id: d.id,
      text: d.text,
      meetingId: d.meeting_id,
      meetingDate: d.date,
      itemTitle: d.title,
      exempt: bool(d.exempt),
    })),
  };
}
