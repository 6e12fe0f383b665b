import { describe, expect, it } from 'vitest';
import {
  fieldMessage,
  implausibleDate,
  issueLines,
  labelled,
  ukDatesIn,
} from '../../../renderer/components/messages';

describe('messages in the app’s words', () => {
  it('an empty field is required, whatever the API said about its format', () => {
    expect(fieldMessage('must not be empty')).toBe('is required');
    expect(fieldMessage('is not a real date', true)).toBe('is required');
    expect(fieldMessage('must be a date like 2025-06-30', true)).toBe('is required');
    expect(fieldMessage('Invalid input: expected string, received undefined')).toBe('is required');
    // A field's own message is kept, empty or not.
    expect(fieldMessage('choose one', true)).toBe('choose one');
  });

  it('dates in the form the fields show them: dd/mm/yyyy', () => {
    expect(fieldMessage('must be a date like 2025-06-30')).toBe('must be a date like 23/11/2026');
    expect(fieldMessage('must be on or after 2026-04-01')).toBe('must be on or after 01/04/2026');
    expect(ukDatesIn('from 2026-11-23 to 2027-01-05')).toBe('from 23/11/2026 to 05/01/2027');
    // Periods are not dates.
    expect(ukDatesIn('2026-27 Q2')).toBe('2026-27 Q2');
  });

  it('never a code’s name for a field: the API method and internal field names go', () => {
    expect(fieldMessage('voice.create: said must not be empty')).toBe('said must not be empty');
    expect(fieldMessage('ownerMemberId: there is no member with id 99')).toBe(
      'there is no member with id 99',
    );
    // A label a person wrote is kept.
    expect(fieldMessage('Owner: there is no member with id 99')).toBe('Owner: there is no member with id 99');
  });

  it('leads with the field’s label', () => {
    expect(labelled('Due date', 'is required')).toBe('Due date is required');
    expect(labelled('Due date', 'must be a date like 23/11/2026')).toBe(
      'Due date: must be a date like 23/11/2026',
    );
    expect(labelled('Owner', 'Owner: there is no member')).toBe('Owner: there is no member');
  });

  it('lists one line per field, labelled by the form, without internal names', () => {
    expect(
      issueLines(
        [
          { path: 'dueDate', message: 'must be a date like 2025-06-30' },
          { path: 'dueDate', message: 'is not a real date' },
          { path: 'text', message: 'must not be empty' },
          { path: 'itemId', message: 'Invalid input: expected number, received undefined' },
        ],
        { dueDate: 'Due date', text: 'RESOLVED that…' },
      ),
    ).toEqual([
      'Due date: must be a date like 23/11/2026',
      'RESOLVED that… is required',
      'Something required is missing',
    ]);
  });

  it('finds dates a person probably did not mean', () => {
    expect(implausibleDate('2001-01-01', '2026-11-28')).toBe('past');
    expect(implausibleDate('2025-11-27', '2026-11-28')).toBe('past');
    expect(implausibleDate('2025-11-28', '2026-11-28')).toBeNull();
    expect(implausibleDate('2031-11-28', '2026-11-28')).toBeNull();
    expect(implausibleDate('2031-11-29', '2026-11-28')).toBe('future');
    expect(implausibleDate('', '2026-11-28')).toBeNull();
  });
});
