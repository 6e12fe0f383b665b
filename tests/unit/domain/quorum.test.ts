import { describe, expect, it } from 'vitest';
import {
  describeQuorumRule,
  quorumState,
  roleLabel,
  type QuorumAttendee,
  type QuorumRule,
} from '../../../shared/domain/quorum';

const member = (
  memberId: number,
  role: QuorumAttendee['role'],
  status: QuorumAttendee['status'],
  voting = true,
): QuorumAttendee => ({ memberId, role, voting, status });

const threeVotingCllrs: QuorumRule = { count: 3, role: 'elected_member', votingOnly: true };

describe('quorumState', () => {
  it.each<
    [string, QuorumRule, QuorumAttendee[], { met: boolean; counted: number; short: number; text: string }]
  >([
    [
      'exactly quorate',
      threeVotingCllrs,
      [
        member(1, 'elected_member', 'present'),
        member(2, 'elected_member', 'present'),
        member(3, 'elected_member', 'present'),
      ],
      { met: true, counted: 3, short: 0, text: 'Quorate: 3 voting elected members present (3 needed)' },
    ],
    [
      'one short; apologies, absent and unrecorded do not count',
      threeVotingCllrs,
      [
        member(1, 'elected_member', 'present'),
        member(2, 'elected_member', 'present'),
        member(3, 'elected_member', 'apologies'),
        member(4, 'elected_member', 'absent'),
        member(5, 'elected_member', null),
      ],
      {
        met: false,
        counted: 2,
        short: 1,
        text: 'Not quorate: 2 of 3 voting elected members present (1 more needed)',
      },
    ],
    [
      'a substitute counts in their own right',
      threeVotingCllrs,
      [
        member(1, 'elected_member', 'present'),
        member(2, 'elected_member', 'present'),
        member(9, 'elected_member', 'substitute'),
      ],
      { met: true, counted: 3, short: 0, text: 'Quorate: 3 voting elected members present (3 needed)' },
    ],
    [
      'officers, young people and non-voting members are filtered out',
      threeVotingCllrs,
      [
        member(1, 'elected_member', 'present'),
        member(2, 'elected_member', 'present', false),
        member(3, 'officer', 'present'),
        member(4, 'young_person', 'present'),
        member(5, 'partner_agency', 'substitute'),
      ],
      {
        met: false,
        counted: 1,
        short: 2,
        text: 'Not quorate: 1 of 3 voting elected members present (2 more needed)',
      },
    ],
    [
      'more than enough',
      threeVotingCllrs,
      [1, 2, 3, 4].map((id) => member(id, 'elected_member', 'present')),
      { met: true, counted: 4, short: 0, text: 'Quorate: 4 voting elected members present (3 needed)' },
    ],
    [
      'any role, voting or not',
      { count: 4, role: 'any', votingOnly: false },
      [
        member(1, 'elected_member', 'present'),
        member(2, 'officer', 'present', false),
        member(3, 'young_person', 'substitute', false),
        member(4, 'adviser', 'apologies'),
      ],
      { met: false, counted: 3, short: 1, text: 'Not quorate: 3 of 4 members present (1 more needed)' },
    ],
    [
      'singular wording',
      { count: 1, role: 'young_person', votingOnly: false },
      [member(1, 'young_person', 'present', false)],
      { met: true, counted: 1, short: 0, text: 'Quorate: 1 young person present (1 needed)' },
    ],
    [
      'nobody in',
      { count: 2, role: 'partner_agency', votingOnly: false },
      [],
      {
        met: false,
        counted: 0,
        short: 2,
        text: 'Not quorate: 0 of 2 partner agency representatives present (2 more needed)',
      },
    ],
    [
      'the same member listed twice counts once',
      { count: 2, role: 'any', votingOnly: true },
      [member(1, 'elected_member', 'present'), member(1, 'elected_member', 'present')],
      {
        met: false,
        counted: 1,
        short: 1,
        text: 'Not quorate: 1 of 2 voting members present (1 more needed)',
      },
    ],
  ])('%s', (_name, rule, attendees, expected) => {
    expect(quorumState(rule, attendees)).toEqual({ ...expected, required: rule.count });
  });
});

describe('describeQuorumRule', () => {
  it.each<[QuorumRule, string]>([
    [threeVotingCllrs, '3 voting elected members'],
    [{ count: 1, role: 'elected_member', votingOnly: true }, '1 voting elected member'],
    [{ count: 5, role: 'any', votingOnly: false }, '5 members'],
    [{ count: 2, role: 'officer', votingOnly: false }, '2 officers'],
    [{ count: 2, role: 'young_person', votingOnly: false }, '2 young people'],
    [{ count: 2, role: 'adviser', votingOnly: true }, '2 voting advisers'],
  ])('%j → %s', (rule, text) => {
    expect(describeQuorumRule(rule)).toBe(text);
  });

  it('labels roles', () => {
    expect(roleLabel.young_person).toBe('Young person (Children in Care Council)');
    expect(roleLabel.partner_agency).toBe('Partner agency');
    expect(roleLabel.elected_member).toBe('Elected member');
  });
});
