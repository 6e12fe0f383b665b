import { describe, expect, it } from 'vitest';
import { itemQuorum, votersForItem, type Presence } from '../../../shared/domain/item-quorum';
import type { QuorumRule } from '../../../shared/domain/quorum';

const rule: QuorumRule = { count: 3, role: 'elected_member', votingOnly: true };
const members = [
  { id: 1, name: 'Cllr A', role: 'elected_member' as const, voting: true },
  { id: 2, name: 'Cllr B', role: 'elected_member' as const, voting: true },
  { id: 3, name: 'Cllr C', role: 'elected_member' as const, voting: true },
  { id: 4, name: 'Cllr D', role: 'elected_member' as const, voting: true },
  { id: 5, name: 'Officer E', role: 'officer' as const, voting: false },
];
/** Items 11..16 at positions 1..6. */
const items = [1, 2, 3, 4, 5, 6].map((position) => ({ id: 10 + position, position }));
const present = (memberId: number, extra: Partial<Presence> = {}): Presence => ({
  memberId,
  status: 'present',
  substituteForMemberId: null,
  ...extra,
});

describe('quorum item by item', () => {
  const cases: {
    name: string;
    attendance: Presence[];
    withdrawals?: { memberId: number; itemId: number | null; withdrew: boolean }[];
    remoteCounts?: boolean;
    itemId: number | null;
    met: boolean;
    counted: number;
    notes: string[];
  }[] = [
    {
      name: 'three present',
      attendance: [present(1), present(2), present(3)],
      itemId: 13,
      met: true,
      counted: 3,
      notes: [],
    },
    {
      name: 'a member who withdrew for this item',
      attendance: [present(1), present(2), present(3)],
      withdrawals: [{ memberId: 3, itemId: 13, withdrew: true }],
      itemId: 13,
      met: false,
      counted: 2,
      notes: ['Cllr C withdrew for this item'],
    },
    {
      name: 'withdrawal for another item does not matter',
      attendance: [present(1), present(2), present(3)],
      withdrawals: [{ memberId: 3, itemId: 14, withdrew: true }],
      itemId: 13,
      met: true,
      counted: 3,
      notes: [],
    },
    {
      name: 'a declaration without withdrawal does not matter',
      attendance: [present(1), present(2), present(3)],
      withdrawals: [{ memberId: 3, itemId: 13, withdrew: false }],
      itemId: 13,
      met: true,
      counted: 3,
      notes: [],
    },
    {
      name: 'arrived during this item: counts',
      attendance: [present(1), present(2), present(3, { arrivedItemId: 13 })],
      itemId: 13,
      met: true,
      counted: 3,
      notes: [],
    },
    {
      name: 'arrives during a later item: not yet',
      attendance: [present(1), present(2), present(3, { arrivedItemId: 14 })],
      itemId: 13,
      met: false,
      counted: 2,
      notes: ['Cllr C had not arrived (arrived during item 4)'],
    },
    {
      name: 'left during this item: does not count',
      attendance: [present(1), present(2), present(3, { leftItemId: 13 })],
      itemId: 13,
      met: false,
      counted: 2,
      notes: ['Cllr C left during item 3'],
    },
    {
      name: 'left during a later item: still counts',
      attendance: [present(1), present(2), present(3, { leftItemId: 14 })],
      itemId: 13,
      met: true,
      counted: 3,
      notes: [],
    },
    {
      name: 'remote: not counted by default',
      attendance: [present(1), present(2), present(3, { remote: true })],
      itemId: 13,
      met: false,
      counted: 2,
      notes: ['Cllr C is attending remotely and does not count towards the quorum'],
    },
    {
      name: 'remote: counted where the rule says so',
      attendance: [present(1), present(2), present(3, { remote: true })],
      remoteCounts: true,
      itemId: 13,
      met: true,
      counted: 3,
      notes: [],
    },
    {
      name: 'the meeting as a whole ignores arrivals and withdrawals, not remote attendance',
      attendance: [present(1), present(2, { remote: true }), present(3, { leftItemId: 11 })],
      withdrawals: [{ memberId: 1, itemId: 12, withdrew: true }],
      itemId: null,
      met: false,
      counted: 2,
      notes: ['Cllr B is attending remotely and does not count towards the quorum'],
    },
    {
      name: 'someone outside the rule is not named',
      attendance: [present(1), present(2), present(3), present(5, { remote: true })],
      itemId: 13,
      met: true,
      counted: 3,
      notes: [],
    },
  ];
  it.each(cases)('$name', (c) => {
    const q = itemQuorum(
      { ...rule, remoteCounts: c.remoteCounts },
      members,
      c.attendance,
      c.withdrawals ?? [],
      items,
      c.itemId,
    );
    expect([q.met, q.counted, q.notes]).toEqual([c.met, c.counted, c.notes]);
  });
});

describe('who may vote on an item', () => {
  it('voting members (and substitutes for one) in the room, not withdrawn, not remote', () => {
    const voters = votersForItem(
      {},
      [...members, { id: 6, name: 'Sub F', role: 'adviser', voting: false }],
      [
        present(1),
        present(2, { remote: true }),
        present(3, { arrivedItemId: 15 }),
        present(4),
        present(5),
        { memberId: 6, status: 'substitute', substituteForMemberId: 3 },
      ],
      [{ memberId: 4, itemId: 13, withdrew: true }],
      items,
      13,
    );
    expect(voters.map((v) => v.name)).toEqual(['Cllr A', 'Sub F']);
    expect(
      votersForItem({ remoteCounts: true }, members, [present(2, { remote: true })], [], items, 13),
    ).toHaveLength(1);
    expect(votersForItem({}, members, [present(1)], [], items, 99)).toEqual([]);
  });
});
