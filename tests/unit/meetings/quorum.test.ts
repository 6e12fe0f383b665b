import { describe, expect, it } from 'vitest';
import { meetingQuorum, type AttendanceMember, type AttendanceRecord } from '../../../shared/api/meetings';
import type { QuorumRule } from '../../../shared/domain/quorum';

const cllr = (id: number, voting = true): AttendanceMember => ({ id, role: 'elected_member', voting });
const officer = (id: number): AttendanceMember => ({ id, role: 'officer', voting: false });
const rec = (
  memberId: number,
  status: AttendanceRecord['status'],
  substituteForMemberId: number | null = null,
): AttendanceRecord => ({ memberId, status, substituteForMemberId });
const rule: QuorumRule = { count: 3, role: 'elected_member', votingOnly: true };
const board = [cllr(1), cllr(2), cllr(3), cllr(4), cllr(5, false), officer(6), officer(7)];

describe('quorum from a meeting’s attendance', () => {
  it.each<[string, QuorumRule, AttendanceRecord[], boolean, number, string]>([
    [
      'nobody recorded yet',
      rule,
      [],
      false,
      0,
      'Not quorate: 0 of 3 voting elected members present (3 more needed)',
    ],
    [
      'three voting councillors present',
      rule,
      [rec(1, 'present'), rec(2, 'present'), rec(3, 'present')],
      true,
      3,
      'Quorate: 3 voting elected members present (3 needed)',
    ],
    [
      'apologies and absent do not count',
      rule,
      [rec(1, 'present'), rec(2, 'present'), rec(3, 'apologies'), rec(4, 'absent')],
      false,
      2,
      'Not quorate: 2 of 3 voting elected members present (1 more needed)',
    ],
    [
      'a non-voting councillor does not count under a voting-only rule',
      rule,
      [rec(1, 'present'), rec(2, 'present'), rec(5, 'present')],
      false,
      2,
      'Not quorate: 2 of 3 voting elected members present (1 more needed)',
    ],
    [
      'a non-voting councillor substituting for a voting one takes on the vote',
      rule,
      [rec(1, 'present'), rec(2, 'present'), rec(4, 'apologies'), rec(5, 'substitute', 4)],
      true,
      3,
      'Quorate: 3 voting elected members present (3 needed)',
    ],
    [
      'an officer substituting for a councillor is still an officer',
      rule,
      [rec(1, 'present'), rec(2, 'present'), rec(6, 'substitute', 3)],
      false,
      2,
      'Not quorate: 2 of 3 voting elected members present (1 more needed)',
    ],
    [
      'officers present do not make an elected-member quorum',
      rule,
      [rec(6, 'present'), rec(7, 'present'), rec(1, 'present')],
      false,
      1,
      'Not quorate: 1 of 3 voting elected members present (2 more needed)',
    ],
    [
      'more than enough',
      rule,
      [rec(1, 'present'), rec(2, 'present'), rec(3, 'present'), rec(4, 'present')],
      true,
      4,
      'Quorate: 4 voting elected members present (3 needed)',
    ],
    [
      'an “any member” rule counts officers',
      { count: 2, role: 'any', votingOnly: false },
      [rec(6, 'present'), rec(7, 'present')],
      true,
      2,
      'Quorate: 2 members present (2 needed)',
    ],
    [
      'a record for someone not on the board is ignored',
      rule,
      [rec(1, 'present'), rec(2, 'present'), rec(99, 'present')],
      false,
      2,
      'Not quorate: 2 of 3 voting elected members present (1 more needed)',
    ],
  ])('%s', (_name, r, attendance, met, counted, text) => {
    const q = meetingQuorum(r, board, attendance);
    expect(q.met).toBe(met);
    expect(q.counted).toBe(counted);
    expect(q.text).toBe(text);
  });
});
