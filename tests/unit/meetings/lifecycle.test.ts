import { describe, expect, it } from 'vitest';
import {
  canTransition,
  lifecycleOrder,
  transitionProblem,
  type MeetingStatus,
} from '../../../shared/api/meetings';

// Every pair of statuses: only these moves are allowed by 'meeting.setStatus'.
const allowed: [MeetingStatus, MeetingStatus][] = [
  ['draft', 'agenda_published'],
  ['agenda_published', 'draft'],
  ['agenda_published', 'in_progress'],
  ['in_progress', 'minutes_draft'],
  ['minutes_draft', 'in_progress'],
];

describe('meeting lifecycle', () => {
  const pairs = lifecycleOrder.flatMap((from) =>
    lifecycleOrder.map((to) => [from, to] as [MeetingStatus, MeetingStatus]),
  );
  it.each(pairs)('%s → %s', (from, to) => {
    const expected = allowed.some(([f, t]) => f === from && t === to);
    expect(canTransition(from, to)).toBe(expected);
    expect(transitionProblem(from, to) === null).toBe(expected);
  });

  it.each<[MeetingStatus, MeetingStatus, string]>([
    [
      'draft',
      'in_progress',
      'A meeting at “Draft agenda” can only move to “Agenda published”, not “Meeting in progress”',
    ],
    ['draft', 'draft', 'The meeting is already “Draft agenda”'],
    [
      'minutes_draft',
      'minutes_approved',
      'Minutes are approved at the next meeting, from its “minutes of the last meeting” item',
    ],
    [
      'minutes_approved',
      'minutes_draft',
      'These minutes are approved and locked; record a correction as an amendment',
    ],
    [
      'in_progress',
      'agenda_published',
      'A meeting at “Meeting in progress” can only move to “Minutes in draft”, not “Agenda published”',
    ],
    [
      'agenda_published',
      'minutes_draft',
      'A meeting at “Agenda published” can only move to “Draft agenda” or “Meeting in progress”, not “Minutes in draft”',
    ],
  ])('%s → %s is refused: %s', (from, to, message) => {
    expect(transitionProblem(from, to)).toBe(message);
  });
});
