import { describe, expect, it } from 'vitest';
import { actionStatusLabel, daysOverdue, isOverdue, type ActionStatus } from '../../../shared/domain/overdue';

const TODAY = '2025-06-15';

describe('isOverdue / daysOverdue', () => {
  it.each([
    ['open', '2025-06-03', true, 12],
    ['in_progress', '2025-06-14', true, 1],
    ['open', '2025-06-15', false, 0], // due today is not overdue
    ['open', '2025-06-16', false, 0],
    ['open', null, false, 0],
    ['complete', '2025-01-01', false, 0],
    ['closed', '2025-01-01', false, 0],
    ['open', '2024-06-15', true, 365],
    ['open', 'soon', false, 0], // unreadable due date is not treated as overdue
  ] as const)('%s due %s → overdue %s (%i days)', (status, dueDate, overdue, days) => {
    expect(isOverdue({ status, dueDate }, TODAY)).toBe(overdue);
    expect(daysOverdue({ status, dueDate }, TODAY)).toBe(days);
  });

  it('counts days across a clock change and a leap day', () => {
    expect(daysOverdue({ status: 'open', dueDate: '2024-02-28' }, '2024-04-01')).toBe(33);
  });
});

describe('actionStatusLabel', () => {
  it.each<[ActionStatus, number | boolean, string]>([
    ['open', 12, 'Open — overdue by 12 days'],
    ['open', 1, 'Open — overdue by 1 day'],
    ['in_progress', 3, 'In progress — overdue by 3 days'],
    ['in_progress', true, 'In progress — overdue'],
    ['open', 0, 'Open'],
    ['open', false, 'Open'],
    ['in_progress', false, 'In progress'],
    ['complete', 12, 'Complete'],
    ['closed', true, 'Closed'],
  ])('%s, %s → %s', (status, overdue, label) => {
    expect(actionStatusLabel(status, overdue)).toBe(label);
  });
});
