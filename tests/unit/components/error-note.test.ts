import { describe, expect, it } from 'vitest';
import { humanisePath, issueOf, userMessage } from '../../../renderer/components/forms';
import { ApiError } from '../../../shared/api';

describe('error wording shown to users', () => {
  it('turns API paths into readable field names', () => {
    expect(humanisePath('saidDate')).toBe('Said date');
    expect(humanisePath('items.0.title')).toBe('Title');
    expect(humanisePath('owner.name')).toBe('Name');
    expect(humanisePath('said')).toBe('Said');
  });

  it('drops the API method name from a message', () => {
    expect(userMessage('voice.create: said must not be empty')).toBe('said must not be empty');
    expect(userMessage('meeting.setStatus: the minutes are approved')).toBe('the minutes are approved');
    expect(userMessage('A file called x.cpb already exists')).toBe('A file called x.cpb already exists');
  });

  it('finds the message for one field', () => {
    const e = new ApiError('invalid_input', 'voice.create: said must not be empty', [
      { path: 'said', message: 'must not be empty' },
    ]);
    expect(issueOf(e, 'said')).toBe('must not be empty');
    expect(issueOf(e, 'saidDate')).toBeUndefined();
    expect(issueOf(null, 'said')).toBeUndefined();
  });
});
