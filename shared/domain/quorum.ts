/**
 * Live quorum for the clerk's attendance screen. A board's standing orders say e.g.
 * "3 elected members"; only those actually in the room (present, or attending as a
 * substitute) and matching the rule's role/voting filter count.
 */
export type MemberRole = 'elected_member' | 'officer' | 'partner_agency' | 'young_person' | 'adviser';

export interface QuorumRule {
  count: number;
  role: MemberRole | 'any';
  votingOnly: boolean;
  /**
   * Whether members attending remotely count. Absent or false: they do not (in England remote
   * attendees of a local authority committee do not count towards its quorum).
   */
  remoteCounts?: boolean;
}

export type AttendanceStatus = 'present' | 'apologies' | 'absent' | 'substitute';

export interface QuorumAttendee {
  memberId: number;
  role: MemberRole;
  voting: boolean;
  status: AttendanceStatus | null;
  /** Attending remotely (by video or telephone): counted only where the rule says so. */
  remote?: boolean;
}

export interface QuorumState {
  met: boolean;
  counted: number;
  required: number;
  /** How many more are needed; 0 when quorate. */
  short: number;
  text: string;
}

export const roleLabel: Record<MemberRole, string> = {
  elected_member: 'Elected member',
  officer: 'Officer',
  partner_agency: 'Partner agency',
  young_person: 'Young person (Children in Care Council)',
  adviser: 'Adviser',
};

/** Lower-case nouns for running text ("3 voting elected members"). */
const roleNouns: Record<MemberRole | 'any', { one: string; other: string }> = {
  any: { one: 'member', other: 'members' },
  elected_member: { one: 'elected member', other: 'elected members' },
  officer: { one: 'officer', other: 'officers' },
  partner_agency: { one: 'partner agency representative', other: 'partner agency representatives' },
  young_person: { one: 'young person', other: 'young people' },
  adviser: { one: 'adviser', other: 'advisers' },
};

/** 'elected member' / 'elected members' agreeing with `count`. */
export function roleNoun(role: MemberRole | 'any', count: number): string {
  const noun = roleNouns[role];
  return count === 1 ? noun.one : noun.other;
}

const ruleNoun = (rule: QuorumRule, count: number): string =>
  `${rule.votingOnly ? 'voting ' : ''}${roleNoun(rule.role, count)}`;

const requiredOf = (rule: QuorumRule): number =>
  Number.isFinite(rule.count) ? Math.max(0, Math.ceil(rule.count)) : 0;

/** '3 voting elected members'. */
export function describeQuorumRule(rule: QuorumRule): string {
  const n = requiredOf(rule);
  return `${n} ${ruleNoun(rule, n)}`;
}

export function quorumState(rule: QuorumRule, attendees: readonly QuorumAttendee[]): QuorumState {
  const required = requiredOf(rule);
  const inRoom = new Set<number>();
  for (const a of attendees) {
    if (a.status !== 'present' && a.status !== 'substitute') continue;
    if (a.remote && !rule.remoteCounts) continue;
    if (rule.role !== 'any' && a.role !== rule.role) continue;
    if (rule.votingOnly && !a.voting) continue;
    inRoom.add(a.memberId); // a member listed twice is still one person
  }
  const counted = inRoom.size;
  const short = Math.max(0, required - counted);
  const met = short === 0;
  let text: string;
  if (!met) {
    text = `Not quorate: ${counted} of ${required} ${ruleNoun(rule, required)} present (${short} more needed)`;
  } else {
    // "3 present (3 needed)", not "3 of 3": the latter reads as if every such member came.
    text = `Quorate: ${counted} ${ruleNoun(rule, counted)} present (${required} needed)`;
  }
  return { met, counted, required, short, text };
}
