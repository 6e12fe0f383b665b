/**
 * Overdue is computed, never stored: an action is overdue when it is still open or in
 * progress and its due date has passed. Due today is not overdue.
 */
import { daysBetween, isIsoDate } from './dates';

export type ActionStatus = 'open' | 'in_progress' | 'complete' | 'closed';

export interface OverdueInput {
  status: ActionStatus;
  dueDate: string | null;
}

export const actionStatusLabels: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  complete: 'Complete',
  closed: 'Closed',
};

const isDone = (status: ActionStatus): boolean => status === 'complete' || status === 'closed';

/** `today` and `dueDate` are ISO dates 'YYYY-MM-DD' (string order is date order). */
export function isOverdue(a: OverdueInput, today: string): boolean {
  if (isDone(a.status) || a.dueDate === null) return false;
  if (!isIsoDate(a.dueDate) || !isIsoDate(today)) return false;
  return a.dueDate < today;
}

/** Whole days past the due date; 0 when not overdue. */
export function daysOverdue(a: OverdueInput, today: string): number {
  return isOverdue(a, today) && a.dueDate !== null ? daysBetween(a.dueDate, today) : 0;
}

/**
 * 'Open — overdue by 12 days'. `overdue` is the number of days overdue (from daysOverdue),
 * or a boolean when the count is not wanted ('In progress — overdue'). Complete and closed
 * actions are never shown as overdue.
 */
export function actionStatusLabel(status: ActionStatus, overdue: number | boolean): string {
  const label = actionStatusLabels[status];
  if (isDone(status) || overdue === false || overdue === 0) return label;
  if (overdue === true || !Number.isFinite(overdue) || overdue < 0) return `${label} — overdue`;
  const days = Math.round(overdue);
  return `${label} — overdue by ${days} ${days === 1 ? 'day' : 'days'}`;
}
