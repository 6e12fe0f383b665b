import type { ActionRow } from '../../../shared/api/actions';
import { formatDate } from '../../../shared/domain/dates';
import { actionStatusLabels, type ActionStatus } from '../../../shared/domain/overdue';

export const urgencyLabels: Record<ActionRow['urgency'], string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};
export { actionStatusLabels };

export const statusOptions: { id: ActionStatus; label: string }[] = (
  Object.keys(actionStatusLabels) as ActionStatus[]
).map((id) => ({
  id,
  label: actionStatusLabels[id],
}));

/** 'Overdue by 12 days' / 'Overdue by 1 day'; '' when not overdue. */
export function overdueWords(a: Pick<ActionRow, 'overdue' | 'daysOverdue'>): string {
  if (!a.overdue) return '';
  return `Overdue by ${a.daysOverdue} ${a.daysOverdue === 1 ? 'day' : 'days'}`;
}

/** 'From 30 September 2026, item 6: Performance scorecard'; 'From the member visit to Oak House on 2 October 2026'. */
export function sourceWords(
  a: Pick<ActionRow, 'meetingDate' | 'itemPosition' | 'itemTitle' | 'exempt'> & {
    visit?: ActionRow['visit'];
  },
): string {
  const partB = a.exempt ? ' · Part B (exempt)' : '';
  if (!a.meetingDate && a.visit)
    return `From the member visit to ${a.visit.setting} on ${formatDate(a.visit.date)}`;
  if (!a.meetingDate) return `Not from a meeting${partB}`;
  const item = a.itemPosition !== null && a.itemTitle ? `, item ${a.itemPosition}: ${a.itemTitle}` : '';
  return `From ${formatDate(a.meetingDate)}${item}${partB}`;
}
