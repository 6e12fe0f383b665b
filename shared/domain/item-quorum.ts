/**
 * Quorum item by item. Who is in the room changes during a meeting: a member arrives late or
 * leaves early, withdraws for an item in which they declared an interest, or attends remotely.
 * The rule chosen: a member counts for an item if they are in the room when the item concludes
 * (when its decisions are taken) — one who arrived during the item counts for it, one who left
 * during it does not; a member who withdrew for the item does not count for it; a member attending
 * remotely counts only where the quorum rule says so. The same function is used by the live
 * screen (as the clerk records) and by the core (which refuses a decision on an inquorate item).
 */
import {
  quorumState,
  type AttendanceStatus,
  type MemberRole,
  type QuorumAttendee,
  type QuorumRule,
  type QuorumState,
} from './quorum';

export interface PresenceMember {
  id: number;
  name: string;
  role: MemberRole;
  voting: boolean;
}

/** One member's attendance at a meeting, with when they arrived or left and whether remotely. */
export interface Presence {
  memberId: number;
  status: AttendanceStatus;
  substituteForMemberId: number | null;
  remote?: boolean;
  /** The item during which they arrived (they count from it). */
  arrivedItemId?: number | null;
  /** The item during which they left (they no longer count from it). */
  leftItemId?: number | null;
}

/** A declaration, as far as quorum and voting care: whether the member withdrew for an item. */
export interface Withdrawal {
  memberId: number;
  itemId: number | null;
  withdrew: boolean;
}

export interface AgendaPlace {
  id: number;
  position: number;
}

const inAttendance = (s: AttendanceStatus) => s === 'present' || s === 'substitute';

/** Why a member recorded as in attendance is not in the room for an item; null when they are. */
export function absenceFromItem(
  p: Presence,
  item: AgendaPlace,
  items: readonly AgendaPlace[],
  declarations: readonly Withdrawal[],
): { reason: 'not_yet_arrived' | 'left' | 'withdrew'; position: number } | null {
  const position = (id: number | null | undefined) =>
    id === null || id === undefined ? undefined : items.find((x) => x.id === id)?.position;
  const arrived = position(p.arrivedItemId);
  if (arrived !== undefined && arrived > item.position)
    return { reason: 'not_yet_arrived', position: arrived };
  const left = position(p.leftItemId);
  if (left !== undefined && left <= item.position) return { reason: 'left', position: left };
  if (declarations.some((d) => d.memberId === p.memberId && d.itemId === item.id && d.withdrew))
    return { reason: 'withdrew', position: item.position };
  return null;
}

export interface ItemQuorumState extends QuorumState {
  /** Who would count but does not for this item, in words ("Cllr A withdrew for this item"). */
  notes: string[];
}

/**
 * Whether the meeting is quorate for an item (`itemId` null: for the meeting as a whole, counting
 * everyone recorded as in attendance, and leaving out only remote attendance the rule does not count).
 */
export function itemQuorum(
  rule: QuorumRule,
  members: readonly PresenceMember[],
  attendance: readonly Presence[],
  declarations: readonly Withdrawal[],
  items: readonly AgendaPlace[],
  itemId: number | null,
): ItemQuorumState {
  const byId = new Map(members.map((m) => [m.id, m]));
  const item = itemId === null ? undefined : items.find((x) => x.id === itemId);
  const notes: string[] = [];
  const attendees: QuorumAttendee[] = [];
  for (const m of members) {
    const a = attendance.find((x) => x.memberId === m.id);
    const replaced =
      a?.status === 'substitute' && a.substituteForMemberId !== null
        ? byId.get(a.substituteForMemberId)
        : undefined;
    const voting = m.voting || Boolean(replaced?.voting);
    const matches = (rule.role === 'any' || m.role === rule.role) && (!rule.votingOnly || voting);
    let status: AttendanceStatus | null = a?.status ?? null;
    if (a && inAttendance(a.status) && item) {
      const away = absenceFromItem(a, item, items, declarations);
      if (away) {
        status = 'absent';
        if (matches)
          notes.push(
            away.reason === 'withdrew'
              ? `${m.name} withdrew for this item`
              : away.reason === 'left'
                ? `${m.name} left during item ${away.position}`
                : `${m.name} had not arrived (arrived during item ${away.position})`,
          );
      }
    }
    if (status !== null && inAttendance(status) && a?.remote && !rule.remoteCounts && matches)
      notes.push(`${m.name} is attending remotely and does not count towards the quorum`);
    attendees.push({ memberId: m.id, role: m.role, voting, status, remote: Boolean(a?.remote) });
  }
  return { ...quorumState(rule, attendees), notes };
}

/**
 * The members entitled to vote on an item: voting members (or substitutes for one) in the room
 * when it concludes, who did not withdraw for it, and not attending remotely unless the rule
 * counts remote attendance.
 */
export function votersForItem(
  rule: Pick<QuorumRule, 'remoteCounts'>,
  members: readonly PresenceMember[],
  attendance: readonly Presence[],
  declarations: readonly Withdrawal[],
  items: readonly AgendaPlace[],
  itemId: number,
): PresenceMember[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const item = items.find((x) => x.id === itemId);
  if (!item) return [];
  return members.filter((m) => {
    const a = attendance.find((x) => x.memberId === m.id);
    if (!a || !inAttendance(a.status)) return false;
    const replaced = a.status === 'substitute' && a.substituteForMemberId !== null;
    const voting = m.voting || (replaced && Boolean(byId.get(a.substituteForMemberId!)?.voting));
    if (!voting) return false;
    if (a.remote && !rule.remoteCounts) return false;
    return absenceFromItem(a, item, items, declarations) === null;
  });
}
