/**
 * A meeting's record: details, agenda items with their papers, links, minutes, decisions and
 * actions, attendance, declarations and amendments. The meeting screen and the agenda, minutes
 * and annual report documents all read this one record. It is loaded in a fixed number of
 * queries, one per table, whatever the number of items.
 */
import { ApiError } from '../../../shared/api/errors';
import type { ItemKind, MeetingStatus, Purpose } from '../../../shared/api/meetings';
import type { AttendanceStatus, MemberRole, QuorumRule } from '../../../shared/domain/quorum';
import type { DeclarationKind, Vote } from '../../../shared/api/meetings';
import { itemQuorum, type ItemQuorumState } from '../../../shared/domain/item-quorum';
import { votersOfMeeting, votesOfMeeting } from '../store/record';
import type { DB } from '../store/board-file';
import { actionsOfMeeting } from '../store/actions';
import { boardRow } from '../store/board';
import {
  amendmentsOfMeeting,
  attendanceOfMeeting,
  decisionsOfMeeting,
  declarationsOfMeeting,
  itemsOfMeeting,
  linksOfMeetingItems,
  meetingBefore,
  meetingById,
  membersOfMeeting,
  papersOfMeeting,
} from '../store/meetings';
import { bool } from '../store/sql';
import { livePledges, livePriorities, principleOptions, type OptionRow } from '../store/strategy';
import { withLatest, type ActionRecord } from './actions';
import { quorumRuleOf } from './quorum';

export interface RecordItem {
  id: number;
  position: number;
  kind: ItemKind;
  title: string;
  presenter: string;
  purpose: Purpose;
  minutesAllowed: number | null;
  exempt: boolean;
  /** The Schedule 12A paragraph (1–7) a Part B item is exempt under; null if not recorded. */
  exemptParagraph: number | null;
  /** What public documents call a Part B item ('' = a neutral title naming the paragraph). */
  publicTitle: string;
  /** The report for the agenda pack: its author, its purpose and the recommendations (one a line). */
  reportAuthor: string;
  reportPurpose: string;
  recommendations: string;
  priorityIds: number[];
  pledgeIds: number[];
  principleIds: number[];
  /** Linked priorities as documents name them ("P2 Stable homes"), in strategy order. */
  priorities: string[];
  papers: { label: string; ref: string }[];
  minutesDoc: Record<string, unknown> | null;
  minutesText: string;
  revision: number;
  minutesRevision: number;
  decisions: { id: number; text: string; revision: number; vote: Vote | null }[];
  /** As agreed at the meeting (see ActionRecord.agreed): what the minutes show. */
  actions: ActionRecord[];
  withdrawn: boolean;
  urgent: boolean;
}

export interface RecordAttendance {
  memberId: number;
  status: AttendanceStatus;
  substituteForMemberId: number | null;
  name: string;
  role: MemberRole;
  jobTitle: string;
  organisation: string;
  voting: boolean;
  /** The name of the member a substitute attended for. */
  substituteFor: string | null;
  /** Attended remotely (by video or telephone). */
  remote: boolean;
  /** Arrived late: the time as minuted and the item during which. */
  arrivedAt: string | null;
  arrivedItemId: number | null;
  /** Left early: the time as minuted and the item during which. */
  leftAt: string | null;
  leftItemId: number | null;
}

export interface RecordDeclaration {
  id: number;
  memberId: number;
  member: string;
  itemId: number | null;
  itemPosition: number | null;
  itemTitle: string | null;
  itemExempt: boolean;
  nature: string;
  /** null: made before types were recorded. */
  kind: DeclarationKind | null;
  withdrew: boolean;
  dispensation: boolean;
}

export interface RecordAmendment {
  id: number;
  itemId: number | null;
  itemPosition: number | null;
  itemTitle: string | null;
  itemExempt: boolean;
  text: string;
  author: string;
  createdAt: string;
}

export interface MeetingRecord {
  id: number;
  date: string;
  startTime: string;
  venue: string;
  type: 'ordinary' | 'extraordinary';
  status: MeetingStatus;
  chairMemberId: number | null;
  chair: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  approvedAtMeeting: { id: number; date: string } | null;
  /** Approved "subject to amendments": the amendments ('' for a correct record). */
  approvalAmendments: string;
  earlyStartReason: string;
  /** When the meeting closed (HH:MM), recorded when it ended; null if not recorded. */
  closingTime: string | null;
  /** The day its agenda was published, if recorded. */
  publishedOn: string | null;
  /** The earlier meeting whose minutes this meeting's "minutes" item approves. */
  previousMeeting: {
    id: number;
    date: string;
    status: MeetingStatus;
    approvedAtMeetingId: number | null;
  } | null;
  quorum: QuorumRule;
  items: RecordItem[];
  /** Actions recorded against the meeting but none of its items (e.g. the item was removed); Part B ones keep their flag. */
  meetingActions: ActionRecord[];
  /** Members who could be recorded at the meeting: active on its date, or already recorded. */
  members: {
    id: number;
    name: string;
    role: MemberRole;
    organisation: string;
    jobTitle: string;
    voting: boolean;
  }[];
  attendance: RecordAttendance[];
  declarations: RecordDeclaration[];
  amendments: RecordAmendment[];
  /** Whether the meeting was quorate for each item (by item id): arrivals, departures, withdrawals, remote. */
  itemQuorum: Map<number, ItemQuorumState>;
  linkOptions: { priorities: OptionRow[]; pledges: OptionRow[]; principles: OptionRow[] };
}

function parseDoc(doc: string): Record<string, unknown> | null {
  if (doc === '') return null;
  try {
    return JSON.parse(doc) as Record<string, unknown>;
  } catch {
    return null; // the plain text stored beside it still reads
  }
}

/** Groups rows by a key, keeping their order. */
function groupBy<T>(rows: readonly T[], key: (r: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

/** The action as the meeting agreed it: the minutes show this, not later changes in the action log. */
const asAgreed = (a: ActionRecord): ActionRecord => ({
  ...a,
  description: a.agreed.description,
  owner: a.agreed.owner,
  ownerMemberId: a.agreed.ownerMemberId,
  dueDate: a.agreed.dueDate,
  urgency: a.agreed.urgency,
  priorityId: a.agreed.priorityId,
  priorityCode: a.agreed.priorityCode,
  priorityTitle: a.agreed.priorityTitle,
});

export function meetingRecord(db: DB, id: number, today: string): MeetingRecord {
  const m = meetingById(db, id);
  if (!m) throw new ApiError('not_found', `There is no meeting with id ${id}`);
  const links = groupBy(linksOfMeetingItems(db, id), (l) => l.agenda_item_id);
  const papers = groupBy(papersOfMeeting(db, id), (p) => p.agenda_item_id);
  const decisions = groupBy(decisionsOfMeeting(db, id), (d) => d.agenda_item_id);
  const votes = new Map(votesOfMeeting(db, id).map((v) => [v.decision_id, v]));
  const voters = groupBy(votersOfMeeting(db, id), (v) => v.decision_id);
  const voteOf = (decisionId: number): Vote | null => {
    const v = votes.get(decisionId);
    if (!v) return null;
    return {
      for: v.votes_for,
      against: v.votes_against,
      abstain: v.abstentions,
      castingVote: v.casting_vote,
      carried: v.votes_for > v.votes_against || (v.votes_for === v.votes_against && v.casting_vote === 'for'),
      names: (voters.get(decisionId) ?? []).map((x) => ({
        memberId: x.member_id,
        name: x.name,
        vote: x.vote,
      })),
    };
  };
  const actions = withLatest(actionsOfMeeting(db, id), today).map(asAgreed);
  const actionsByItem = groupBy(
    actions.filter((a) => a.agendaItemId !== null),
    (a) => a.agendaItemId!,
  );
  const ids = (list: (number | null)[]) => list.filter((x): x is number => x !== null).sort((a, b) => a - b);

  const items = itemsOfMeeting(db, id).map((i): RecordItem => {
    const mine = links.get(i.id) ?? [];
    return {
      id: i.id,
      position: i.position,
      kind: i.kind,
      title: i.title,
      presenter: i.presenter,
      purpose: i.purpose,
      minutesAllowed: i.minutes_allowed,
      exempt: bool(i.exempt),
      exemptParagraph: i.exempt_para,
      publicTitle: i.public_title,
      reportAuthor: i.report_author,
      reportPurpose: i.report_purpose,
      recommendations: i.recommendations,
      priorityIds: ids(mine.map((l) => l.to_priority_id)),
      pledgeIds: ids(mine.map((l) => l.to_pledge_id)),
      principleIds: ids(mine.map((l) => l.to_principle_id)),
      priorities: mine
        .filter((l) => l.to_priority_id !== null)
        .map((l) => `${l.priority_code} ${l.priority_title}`),
      papers: (papers.get(i.id) ?? []).map((p) => ({ label: p.label, ref: p.ref })),
      minutesDoc: parseDoc(i.minutes_doc),
      minutesText: i.minutes_text,
      revision: i.revision,
      minutesRevision: i.minutes_revision,
      decisions: (decisions.get(i.id) ?? []).map((d) => ({
        id: d.id,
        text: d.text,
        revision: d.revision,
        vote: voteOf(d.id),
      })),
      actions: actionsByItem.get(i.id) ?? [],
      withdrawn: bool(i.withdrawn),
      urgent: bool(i.urgent),
    };
  });
  const itemIds = new Set(items.map((it) => it.id));
  const prev = meetingBefore(db, m);
  const quorum = quorumRuleOf(m, m.quorum_count !== null ? undefined : boardRow(db));
  const members = membersOfMeeting(db, m).map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    organisation: r.organisation,
    jobTitle: r.job_title,
    voting: bool(r.voting),
  }));
  const attendance = attendanceOfMeeting(db, id).map((a): RecordAttendance => ({
    memberId: a.member_id,
    status: a.status,
    substituteForMemberId: a.substitute_for_member_id,
    name: a.name,
    role: a.role,
    jobTitle: a.job_title,
    organisation: a.organisation,
    voting: bool(a.voting),
    substituteFor: a.substitute_for,
    remote: bool(a.remote),
    arrivedAt: a.arrived_at,
    arrivedItemId: a.arrived_item_id,
    leftAt: a.left_at,
    leftItemId: a.left_item_id,
  }));
  const declarations = declarationsOfMeeting(db, id).map((d): RecordDeclaration => ({
    id: d.id,
    memberId: d.member_id,
    member: d.member,
    itemId: d.agenda_item_id,
    itemPosition: d.item_position,
    itemTitle: d.item_title,
    itemExempt: bool(d.item_exempt),
    nature: d.nature,
    kind: d.kind,
    withdrew: bool(d.withdrew),
    dispensation: bool(d.dispensation),
  }));
  const places = items.map((it) => ({ id: it.id, position: it.position }));
  const itemQuorumMap = new Map(
    items.map((it) => [it.id, itemQuorum(quorum, members, attendance, declarations, places, it.id)]),
  );

  return {
    id: m.id,
    date: m.date,
    startTime: m.start_time,
    venue: m.venue,
    type: m.type,
    status: m.status,
    chairMemberId: m.chair_member_id,
    chair: m.chair,
    approvedAt: m.approved_at,
    approvedBy: m.approved_by,
    approvedAtMeeting:
      m.approved_at_meeting_id !== null && m.approved_at_date !== null
        ? { id: m.approved_at_meeting_id, date: m.approved_at_date }
        : null,
    approvalAmendments: m.approval_amendments,
    earlyStartReason: m.early_start_reason,
    closingTime: m.closing_time,
    publishedOn: m.published_on,
    previousMeeting: prev
      ? {
          id: prev.id,
          date: prev.date,
          status: prev.status,
          approvedAtMeetingId: prev.approved_at_meeting_id,
        }
      : null,
    quorum,
    items,
    meetingActions: actions.filter((a) => a.agendaItemId === null || !itemIds.has(a.agendaItemId)),
    members,
    attendance,
    declarations,
    amendments: amendmentsOfMeeting(db, id).map((x) => ({
      id: x.id,
      itemId: x.agenda_item_id,
      itemPosition: x.item_position,
      itemTitle: x.item_title,
      itemExempt: bool(x.item_exempt),
      text: x.text,
      author: x.author,
      createdAt: x.created_at,
    })),
    itemQuorum: itemQuorumMap,
    linkOptions: {
      priorities: livePriorities(db),
      pledges: livePledges(db),
      principles: principleOptions(db),
    },
  };
}
