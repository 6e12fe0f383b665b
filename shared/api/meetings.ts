import { z } from 'zod';
import {
  baseRevision,
  id,
  isoDate,
  dateIn,
  meetingStatus,
  memberRole,
  ok,
  okRevision,
  requiredText,
  revision,
  text,
  time24,
  urgency,
} from './common';
import { command, query } from './method';
import { readersOf } from './stale';
import { quorumState, type QuorumAttendee, type QuorumRule, type QuorumState } from '../domain/quorum';

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const itemKinds = [
  'welcome',
  'declarations',
  'minutes',
  'action_log',
  'voice',
  'scorecard',
  'priority',
  'aob',
  'next_meeting',
  'other',
] as const;
export const itemKind = z.enum(itemKinds);
export type ItemKind = (typeof itemKinds)[number];
export const purposes = ['decision', 'discussion', 'information', 'assurance'] as const;
export const purpose = z.enum(purposes);
export type Purpose = (typeof purposes)[number];
export const meetingTypes = ['ordinary', 'extraordinary'] as const;
export const meetingType = z.enum(meetingTypes);
export const attendanceStatuses = ['present', 'apologies', 'absent', 'substitute'] as const;
export const attendanceStatus = z.enum(attendanceStatuses);
export type MeetingStatus = z.infer<typeof meetingStatus>;

export const purposeLabels: Record<Purpose, string> = {
  decision: 'For decision',
  discussion: 'For discussion',
  information: 'For information',
  assurance: 'For assurance',
};

export const meetingStatusLabels: Record<MeetingStatus, string> = {
  draft: 'Draft agenda',
  agenda_published: 'Agenda published',
  in_progress: 'Meeting in progress',
  minutes_draft: 'Minutes in draft',
  minutes_approved: 'Minutes approved (locked)',
};

/** The three kinds of interest in the model code of conduct (and most councils' own codes). */
export const declarationKinds = ['disclosable_pecuniary', 'other_registrable', 'non_registrable'] as const;
export const declarationKind = z.enum(declarationKinds);
export type DeclarationKind = (typeof declarationKinds)[number];
export const declarationKindLabels: Record<DeclarationKind, string> = {
  disclosable_pecuniary: 'Disclosable pecuniary interest',
  other_registrable: 'Other registrable interest',
  non_registrable: 'Non-registrable interest',
};

export const attendanceLabels: Record<(typeof attendanceStatuses)[number], string> = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
  substitute: 'Substitute for…',
};

/** The standard agenda of a Corporate Parenting Board meeting, in order. */
export const standardAgenda: readonly {
  kind: ItemKind;
  title: string;
  presenter: string;
  purpose: Purpose;
  minutesAllowed: number;
}[] = [
  {
    kind: 'welcome',
    title: 'Welcome and apologies',
    presenter: 'Chair',
    purpose: 'information',
    minutesAllowed: 5,
  },
  {
    kind: 'declarations',
    title: 'Declarations of interest',
    presenter: 'Chair',
    purpose: 'information',
    minutesAllowed: 2,
  },
  {
    kind: 'minutes',
    title: 'Minutes of the last meeting and matters arising',
    presenter: 'Chair',
    purpose: 'decision',
    minutesAllowed: 10,
  },
  { kind: 'action_log', title: 'Action log', presenter: '', purpose: 'assurance', minutesAllowed: 10 },
  { kind: 'voice', title: 'Voice of the child', presenter: '', purpose: 'discussion', minutesAllowed: 20 },
  {
    kind: 'scorecard',
    title: 'Performance scorecard',
    presenter: '',
    purpose: 'assurance',
    minutesAllowed: 20,
  },
  { kind: 'priority', title: 'Priority items', presenter: '', purpose: 'discussion', minutesAllowed: 30 },
  { kind: 'aob', title: 'Any other business', presenter: 'Chair', purpose: 'information', minutesAllowed: 5 },
  {
    kind: 'next_meeting',
    title: 'Date of next meeting',
    presenter: 'Chair',
    purpose: 'information',
    minutesAllowed: 2,
  },
];

// ---------------------------------------------------------------------------------------------
// Lifecycle: draft → agenda published → in progress → minutes draft → minutes approved.
// Approval is not a plain status change: it happens from the next meeting ('meeting.approveMinutes').

const transitions: Record<MeetingStatus, readonly MeetingStatus[]> = {
  draft: ['agenda_published'],
  agenda_published: ['draft', 'in_progress'],
  in_progress: ['minutes_draft'],
  minutes_draft: ['in_progress'],
  minutes_approved: [],
};

/** Whether 'meeting.setStatus' may move a meeting from one status to another. */
export function canTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return transitions[from].includes(to);
}

/** The reason a status change is refused, in words; null when allowed. */
export function transitionProblem(from: MeetingStatus, to: MeetingStatus): string | null {
  if (canTransition(from, to)) return null;
  if (from === to) return `The meeting is already “${meetingStatusLabels[to]}”`;
  if (from === 'minutes_approved')
    return 'These minutes are approved and locked; record a correction as an amendment';
  if (to === 'minutes_approved')
    return 'Minutes are approved at the next meeting, from its “minutes of the last meeting” item';
  const next = transitions[from].map((s) => `“${meetingStatusLabels[s]}”`).join(' or ');
  return `A meeting at “${meetingStatusLabels[from]}” can only move to ${next}, not “${meetingStatusLabels[to]}”`;
}

export const lifecycleOrder: readonly MeetingStatus[] = [
  'draft',
  'agenda_published',
  'in_progress',
  'minutes_draft',
  'minutes_approved',
];

// ---------------------------------------------------------------------------------------------
// Quorum from a meeting's attendance (the rule and the count are in shared/domain/quorum.ts).

export interface AttendanceMember {
  id: number;
  role: QuorumAttendee['role'];
  voting: boolean;
}
export interface AttendanceRecord {
  memberId: number;
  status: QuorumAttendee['status'];
  substituteForMemberId: number | null;
}

/**
 * Who counts towards the quorum. A substitute counts as in the room and takes on the vote of
 * the member they attend for (standing orders: a substitute has the same rights as the member
 * replaced); a substitute's role is their own.
 */
export function quorumAttendees(
  members: readonly AttendanceMember[],
  attendance: readonly AttendanceRecord[],
): QuorumAttendee[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  return members.map((m) => {
    const a = attendance.find((x) => x.memberId === m.id);
    const replaced =
      a?.status === 'substitute' && a.substituteForMemberId !== null
        ? byId.get(a.substituteForMemberId)
        : undefined;
    return {
      memberId: m.id,
      role: m.role,
      voting: m.voting || Boolean(replaced?.voting),
      status: a?.status ?? null,
    };
  });
}

export function meetingQuorum(
  rule: QuorumRule,
  members: readonly AttendanceMember[],
  attendance: readonly AttendanceRecord[],
): QuorumState {
  return quorumState(rule, quorumAttendees(members, attendance));
}

// ---------------------------------------------------------------------------------------------
// Minutes documents: TipTap (ProseMirror) JSON limited to what the clerk's editor can make.

export const minutesNodeTypes = [
  'doc',
  'paragraph',
  'text',
  'bulletList',
  'orderedList',
  'listItem',
  'hardBreak',
] as const;
export const minutesMarkTypes = ['bold', 'italic'] as const;

export interface MinutesNode {
  type: (typeof minutesNodeTypes)[number];
  text?: string;
  marks?: { type: (typeof minutesMarkTypes)[number] }[];
  attrs?: Record<string, string | number | boolean | null>;
  content?: MinutesNode[];
}

const MAX_DEPTH = 24;

/** Checks a minutes document; returns the first problem in words (with its path), or null. */
export function minutesDocProblem(doc: unknown): string | null {
  const walk = (n: unknown, path: string, depth: number): string | null => {
    if (depth > MAX_DEPTH) return `${path}: nested too deeply`;
    if (typeof n !== 'object' || n === null || Array.isArray(n)) return `${path}: must be an object`;
    const node = n as Record<string, unknown>;
    for (const k of Object.keys(node)) {
      if (!['type', 'text', 'marks', 'attrs', 'content'].includes(k))
        return `${path}: unexpected field “${k}”`;
    }
    const type = node.type;
    if (typeof type !== 'string' || !(minutesNodeTypes as readonly string[]).includes(type)) {
      return `${path}: “${String(type)}” is not allowed in minutes (allowed: ${minutesNodeTypes.join(', ')})`;
    }
    if (depth === 0 && type !== 'doc') return `${path}: the top node must be “doc”`;
    if (depth > 0 && type === 'doc') return `${path}: “doc” may only be the top node`;
    if (type === 'text') {
      if (typeof node.text !== 'string' || node.text === '')
        return `${path}: a text node needs non-empty text`;
      if (node.content !== undefined) return `${path}: a text node has no content`;
    } else if (node.text !== undefined) return `${path}: only text nodes carry text`;
    if (node.marks !== undefined) {
      if (type !== 'text' || !Array.isArray(node.marks))
        return `${path}.marks: only text nodes carry marks, as a list`;
      for (const [i, m] of node.marks.entries()) {
        const mt = (m as { type?: unknown } | null)?.type;
        if (
          typeof m !== 'object' ||
          m === null ||
          Object.keys(m).some((k) => k !== 'type' && k !== 'attrs') ||
          typeof mt !== 'string' ||
          !(minutesMarkTypes as readonly string[]).includes(mt)
        ) {
          return `${path}.marks.${i}: only bold and italic are allowed`;
        }
      }
    }
    if (node.attrs !== undefined) {
      if (typeof node.attrs !== 'object' || node.attrs === null || Array.isArray(node.attrs))
        return `${path}.attrs: must be an object`;
      for (const [k, v] of Object.entries(node.attrs)) {
        if (v !== null && !['string', 'number', 'boolean'].includes(typeof v))
          return `${path}.attrs.${k}: must be a plain value`;
      }
    }
    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) return `${path}.content: must be a list`;
      for (const [i, c] of node.content.entries()) {
        const p = walk(c, `${path}.content.${i}`, depth + 1);
        if (p) return p;
      }
    }
    return null;
  };
  return walk(doc, 'doc', 0);
}

const docJson = new WeakMap<object, string>();

/**
 * A minutes document as stored (its JSON): made once per document object, so the size check of
 * an autosave and the save itself do not each serialise 12,000 characters.
 */
export function minutesDocJson(doc: object): string {
  let json = docJson.get(doc);
  if (json === undefined) {
    json = JSON.stringify(doc);
    docJson.set(doc, json);
  }
  return json;
}

export const minutesDocSchema = z
  .record(z.string(), z.unknown())
  .superRefine((v, ctx) => {
    const problem = minutesDocProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .refine((v) => minutesDocJson(v).length <= 1_000_000, 'is too long (over a million characters)');

/** Plain text of a minutes document: paragraphs on lines, "- " bullets, "1. " numbered items. */
export function minutesDocText(doc: MinutesNode | null | undefined): string {
  if (!doc) return '';
  const lines: string[] = [];
  const inline = (n: MinutesNode): string =>
    (n.content ?? [])
      .map((c) => (c.type === 'text' ? (c.text ?? '') : c.type === 'hardBreak' ? '\n' : inline(c)))
      .join('');
  const block = (n: MinutesNode, indent: string): void => {
    if (n.type === 'paragraph') lines.push(indent + inline(n));
    else if (n.type === 'bulletList' || n.type === 'orderedList') {
      const start = typeof n.attrs?.start === 'number' ? n.attrs.start : 1;
      (n.content ?? []).forEach((li, i) => {
        const marker = n.type === 'bulletList' ? '- ' : `${start + i}. `;
        const children = li.content ?? [];
        children.forEach((c, k) => {
          if (k === 0 && c.type === 'paragraph') lines.push(indent + marker + inline(c));
          else block(c, `${indent}  `);
        });
      });
    } else for (const c of n.content ?? []) block(c, indent);
  };
  block(doc, '');
  return lines.join('\n').trimEnd();
}

/** "RESOLVED that the Board notes…" → "the Board notes…" (the word RESOLVED is added on display). */
export function resolutionText(input: string): string {
  return input
    .trim()
    .replace(/^resolved[\s,:—-]*(that\b)?[\s,:—-]*/i, '')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Shapes

export const meetingSummary = z.object({
  id: z.number().int(),
  date: isoDate,
  startTime: z.string(),
  venue: z.string(),
  type: meetingType,
  status: meetingStatus,
  chair: z.string().nullable(),
  itemCount: z.number().int(),
  approvedAt: z.string().nullable(),
  approvedAtMeetingDate: z.string().nullable(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const paperSchema = z.object({
  label: requiredText(200),
  ref: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(2000)
    .refine(
      (r) =>
        /^https:\/\/[^\s]+$/i.test(r) ||
        r.startsWith('/') ||
        /^[A-Za-z]:[\\/]/.test(r) ||
        r.startsWith('\\\\'),
      'must be an https:// link or a full file path (e.g. C:\\Papers\\report.pdf or \\\\server\\share\\report.pdf)',
    ),
});

/** A recorded vote on a decision: counts, the chair's casting vote on a tie, and names where recorded. */
export const voteSchema = z.object({
  for: z.number().int(),
  against: z.number().int(),
  abstain: z.number().int(),
  castingVote: z.enum(['for', 'against']).nullable(),
  carried: z.boolean(),
  names: z.array(
    z.object({
      memberId: z.number().int(),
      name: z.string(),
      vote: z.enum(['for', 'against', 'abstain']),
    }),
  ),
});
export type Vote = z.infer<typeof voteSchema>;

export const decisionSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  revision,
  /** The recorded vote, where the board voted on it. */
  vote: voteSchema.nullable(),
});
export const meetingActionSchema = z.object({
  id: z.number().int(),
  description: z.string(),
  ownerMemberId: z.number().int().nullable(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  urgency,
  status: z.string(),
  /** Send it back as action.update's baseRevision. */
  revision,
});

export const agendaItemSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  kind: itemKind,
  title: z.string(),
  presenter: z.string(),
  purpose,
  minutesAllowed: z.number().int().nullable(),
  exempt: z.boolean(),
  /** The Schedule 12A paragraph (1–7) a Part B item is exempt under; null if not recorded. */
  exemptParagraph: z.number().int().nullable(),
  /** What public documents call a Part B item; '' gives a neutral title naming the paragraph. */
  publicTitle: z.string(),
  /** The report for the agenda pack: author, purpose and recommendations (one a line). */
  reportAuthor: z.string(),
  reportPurpose: z.string(),
  recommendations: z.string(),
  priorityIds: z.array(z.number().int()),
  pledgeIds: z.array(z.number().int()),
  principleIds: z.array(z.number().int()),
  papers: z.array(z.object({ label: z.string(), ref: z.string() })),
  minutesDoc: z.record(z.string(), z.unknown()).nullable(),
  minutesText: z.string(),
  /** The item's details' revision (title, presenter…): send it back as item.update's baseRevision. */
  revision,
  /** The minutes' own revision: send it back as item.saveMinutes' baseRevision. */
  minutesRevision: revision,
  decisions: z.array(decisionSchema),
  actions: z.array(meetingActionSchema),
  /** Taken off the agenda after the meeting started: kept, with its minutes, shown as withdrawn. */
  withdrawn: z.boolean(),
  /** Added after the meeting started: urgent business. */
  urgent: z.boolean(),
  /** Whether the meeting is quorate for this item (arrivals, departures, withdrawals, remote attendance). */
  quorum: z.object({ met: z.boolean(), text: z.string(), notes: z.array(z.string()) }),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const meetingDetail = z.object({
  id: z.number().int(),
  date: isoDate,
  startTime: z.string(),
  venue: z.string(),
  type: meetingType,
  status: meetingStatus,
  chairMemberId: z.number().int().nullable(),
  chair: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAtMeeting: z.object({ id: z.number().int(), date: isoDate }).nullable(),
  /** Approved "subject to amendments": the amendments agreed ('' when approved as a correct record). */
  approvalAmendments: z.string(),
  /** Why the meeting was started before its day ('' when it was not): part of the record. */
  earlyStartReason: z.string(),
  /** When the meeting closed (HH:MM), recorded when it ends; null if not recorded. */
  closingTime: z.string().nullable(),
  /** The board's today: a meeting dated later needs a reason to start early. */
  today: isoDate,
  /** The earlier meeting whose minutes this meeting's "minutes" item approves. */
  previousMeeting: z
    .object({
      id: z.number().int(),
      date: isoDate,
      status: meetingStatus,
      approvedAtMeetingId: z.number().int().nullable(),
    })
    .nullable(),
  items: z.array(agendaItemSchema),
  members: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      role: memberRole,
      organisation: z.string(),
      jobTitle: z.string(),
      voting: z.boolean(),
    }),
  ),
  attendance: z.array(
    z.object({
      memberId: z.number().int(),
      status: attendanceStatus,
      substituteForMemberId: z.number().int().nullable(),
      /** Attending remotely (by video or telephone). */
      remote: z.boolean(),
      /** When they arrived late ('HH:MM') and the item during which they arrived. */
      arrivedAt: z.string().nullable(),
      arrivedItemId: z.number().int().nullable(),
      /** When they left early and the item during which they left. */
      leftAt: z.string().nullable(),
      leftItemId: z.number().int().nullable(),
    }),
  ),
  quorum: z.object({
    count: z.number().int(),
    role: z.union([memberRole, z.literal('any')]),
    votingOnly: z.boolean(),
    /** Whether members attending remotely count towards the quorum. */
    remoteCounts: z.boolean(),
  }),
  declarations: z.array(
    z.object({
      id: z.number().int(),
      memberId: z.number().int(),
      member: z.string(),
      itemId: z.number().int().nullable(),
      itemPosition: z.number().int().nullable(),
      nature: z.string(),
      /** null: made before types were recorded. */
      kind: declarationKind.nullable(),
      /** Withdrew from the meeting for the item (does not count towards its quorum or vote on it). */
      withdrew: z.boolean(),
      /** Stayed under a dispensation despite a disclosable pecuniary interest. */
      dispensation: z.boolean(),
    }),
  ),
  amendments: z.array(
    z.object({
      id: z.number().int(),
      itemId: z.number().int().nullable(),
      itemTitle: z.string().nullable(),
      text: z.string(),
      author: z.string(),
      createdAt: z.string(),
    }),
  ),
  linkOptions: z.object({
    priorities: z.array(z.object({ id: z.number().int(), code: z.string(), title: z.string() })),
    pledges: z.array(z.object({ id: z.number().int(), code: z.string(), title: z.string() })),
    principles: z.array(z.object({ id: z.number().int(), code: z.string(), title: z.string() })),
  }),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

const meetingFields = {
  date: dateIn,
  startTime: time24,
  venue: text(300),
  chairMemberId: id.nullable(),
  type: meetingType,
};

const idList = z.array(id).max(200);

// ---------------------------------------------------------------------------------------------
// The API

export const meetingsApi = {
  'meeting.list': query(
    'Upcoming and past meetings',
    z.object({}).strict(),
    z.object({ upcoming: z.array(meetingSummary), past: z.array(meetingSummary), today: isoDate }),
  ),
  'meeting.get': query(
    'One meeting: details, agenda, attendance, declarations, minutes, decisions, actions',
    z.object({ id }).strict(),
    meetingDetail,
  ),
  'meeting.create': command(
    'A new meeting, its agenda from the standard template or copied from the last meeting',
    z.object({ ...meetingFields, from: z.enum(['template', 'copy_last']) }).strict(),
    z.object({ id: z.number().int(), copiedFrom: z.number().int().nullable() }),
    { invalidates: readersOf('meetings', 'agenda', 'links') },
  ),
  'meeting.update': command(
    'Change a meeting’s date, time, venue, chair or type (and, once it has ended, its closing time)',
    z
      .object({
        id,
        ...meetingFields,
        /** When the meeting closed; omitted: unchanged. Set when the meeting ends. */
        closingTime: time24.nullable().optional(),
      })
      .strict(),
    ok,
    { invalidates: readersOf('meetings') },
  ),
  'meeting.setStatus': command(
    'Move a meeting along its lifecycle (publish the agenda, start, end)',
    z
      .object({
        id,
        status: meetingStatus,
        /** Starting before the meeting's day needs a reason, kept with the meeting. */
        early: z
          .object({ reason: requiredText(500) })
          .strict()
          .optional(),
      })
      .strict(),
    z.object({ status: meetingStatus }),
    { invalidates: readersOf('meetings') },
  ),
  'meeting.delete': command(
    'Delete a meeting whose agenda is still a draft or only published (it goes to the bin with its items)',
    z.object({ id }).strict(),
    ok,
    {
      invalidates: readersOf(
        'meetings',
        'agenda',
        'minutes',
        'decisions',
        'actions',
        'snapshots',
        'voice',
        'bin',
      ),
    },
  ),
  'meeting.approveMinutes': command(
    'Approve an earlier meeting’s minutes at this meeting, as a correct record or subject to amendments: they lock',
    z
      .object({
        meetingId: id,
        atMeetingId: id,
        /** Approved "subject to the following amendments": what they are. Absent or empty: a correct record. */
        amendments: text(5000).optional(),
      })
      .strict(),
    z.object({ approvedAt: z.string(), approvedBy: z.string() }),
    { invalidates: readersOf('meetings', 'actions') },
  ),
  'minutes.amend': command(
    'Record a correction to approved minutes (text, who, when)',
    z.object({ meetingId: id, itemId: id.nullable(), text: requiredText(5000) }).strict(),
    z.object({ id: z.number().int() }),
    { audits: 'meeting', invalidates: readersOf('meetingRecord') },
  ),

  'item.add': command(
    'Add an agenda item at the end (or after a position)',
    z
      .object({
        meetingId: id,
        title: requiredText(300),
        kind: itemKind,
        afterPosition: z.number().int().min(0).nullable(),
      })
      .strict(),
    z.object({ id: z.number().int() }),
    { invalidates: readersOf('agenda') },
  ),
  'item.remove': command(
    'Remove an agenda item (it goes to the bin; the rest are renumbered)',
    z.object({ itemId: id }).strict(),
    ok,
    { invalidates: readersOf('agenda', 'minutes', 'decisions', 'actions', 'links', 'bin') },
  ),
  'item.reorder': command(
    'Put a meeting’s agenda items in a new order (every item once); positions renumbered from 1',
    z.object({ meetingId: id, itemIds: idList.min(1, 'must list the items') }).strict(),
    ok,
    { audits: 'meeting', invalidates: readersOf('agenda') },
  ),
  'item.update': command(
    'Change an agenda item: title, presenter, purpose, time allowed, links, Part B, papers',
    z
      .object({
        itemId: id,
        title: requiredText(300),
        presenter: text(200),
        purpose,
        minutesAllowed: z
          .number()
          .int('must be whole minutes')
          .min(1, 'must be at least 1 minute')
          .max(600, 'must be at most 600 minutes')
          .nullable(),
        exempt: z.boolean(),
        /** A Part B item's Schedule 12A paragraph, 1 to 7 (Part 1 of the Schedule). */
        exemptParagraph: z
          .number()
          .int('must be a paragraph from 1 to 7')
          .min(1, 'must be a paragraph from 1 to 7')
          .max(7, 'must be a paragraph from 1 to 7 (Part 1 of Schedule 12A)')
          .nullable(),
        /** What public documents call a Part B item. Omitted (here and below): unchanged. */
        publicTitle: text(300).optional(),
        reportAuthor: text(200).optional(),
        reportPurpose: text(2000).optional(),
        recommendations: text(4000).optional(),
        priorityIds: idList,
        pledgeIds: idList,
        principleIds: z.array(z.number().int().min(1).max(7, 'there are 7 principles')).max(7),
        papers: z.array(paperSchema).max(50),
        baseRevision,
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.exempt && v.exemptParagraph === null) {
          ctx.addIssue({
            code: 'custom',
            path: ['exemptParagraph'],
            message: 'a Part B item must say which paragraph of Schedule 12A applies',
          });
        }
      }),
    okRevision,
    { invalidates: readersOf('agenda', 'links') },
  ),
  'item.saveMinutes': command(
    'Autosave the minutes of one item (TipTap JSON; the core derives the plain text for search)',
    z.object({ itemId: id, doc: minutesDocSchema, baseRevision }).strict(),
    z.object({ savedAt: z.string(), revision }),
    { invalidates: readersOf('minutes') },
  ),

  'attendance.set': command(
    'Record one member’s attendance (null clears it)',
    z
      .object({
        meetingId: id,
        memberId: id,
        status: attendanceStatus.nullable(),
        substituteForMemberId: id.nullable(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.status === 'substitute' && v.substituteForMemberId === null) {
          ctx.addIssue({
            code: 'custom',
            path: ['substituteForMemberId'],
            message: 'say whom the substitute is attending for',
          });
        }
        if (v.status !== 'substitute' && v.substituteForMemberId !== null) {
          ctx.addIssue({
            code: 'custom',
            path: ['substituteForMemberId'],
            message: 'only a substitute attends for someone else',
          });
        }
        if (v.substituteForMemberId !== null && v.substituteForMemberId === v.memberId) {
          ctx.addIssue({
            code: 'custom',
            path: ['substituteForMemberId'],
            message: 'a member cannot substitute for themselves',
          });
        }
      }),
    ok,
    { audits: 'meeting', invalidates: readersOf('meetingRecord') },
  ),
  'declaration.add': command(
    'Record a declaration of interest: its type, and whether the member withdrew for the item',
    z
      .object({
        meetingId: id,
        memberId: id,
        itemId: id.nullable(),
        nature: requiredText(1000),
        kind: declarationKind,
        withdrew: z.boolean().default(false),
        dispensation: z.boolean().default(false),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.withdrew && v.itemId === null)
          ctx.addIssue({
            code: 'custom',
            path: ['withdrew'],
            message: 'a member withdraws for an agenda item: choose the item',
          });
        if (v.dispensation && v.kind !== 'disclosable_pecuniary')
          ctx.addIssue({
            code: 'custom',
            path: ['dispensation'],
            message: 'a dispensation applies only to a disclosable pecuniary interest',
          });
        if (v.dispensation && v.withdrew)
          ctx.addIssue({
            code: 'custom',
            path: ['dispensation'],
            message: 'a member with a dispensation stays for the item; untick “withdrew”',
          });
        if (v.kind === 'disclosable_pecuniary' && v.itemId !== null && !v.withdrew && !v.dispensation)
          ctx.addIssue({
            code: 'custom',
            path: ['withdrew'],
            message:
              'a member with a disclosable pecuniary interest must withdraw for the item unless they have a dispensation',
          });
      }),
    z.object({ id: z.number().int() }),
    { invalidates: readersOf('meetingRecord') },
  ),
  'declaration.remove': command('Remove a declaration recorded in error', z.object({ id }).strict(), ok, {
    invalidates: readersOf('meetingRecord'),
  }),

  'decision.add': command(
    'Record a decision (“RESOLVED that …”) on an item, optionally about one measure (the scorecard item)',
    z.object({ itemId: id, text: requiredText(5000), measureId: id.nullable().optional() }).strict(),
    z.object({ id: z.number().int() }),
    { invalidates: readersOf('decisions') },
  ),
  'decision.update': command(
    'Reword a decision',
    z.object({ id, text: requiredText(5000), baseRevision }).strict(),
    okRevision,
    {
      invalidates: readersOf('decisions'),
    },
  ),
  'decision.delete': command(
    'Delete a decision recorded in error (it goes to the bin)',
    z.object({ id }).strict(),
    ok,
    {
      invalidates: readersOf('decisions', 'bin'),
    },
  ),

  'meeting.addAction': command(
    'Record an action arising from an agenda item (it joins the action log)',
    z
      .object({
        itemId: id,
        description: requiredText(2000),
        ownerMemberId: id.nullable(),
        ownerName: text(200),
        dueDate: dateIn.nullable(),
        urgency,
        /** The measure the action is about, when agreed on the scorecard item. */
        measureId: id.nullable().optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.ownerMemberId === null && v.ownerName.trim() === '')
          ctx.addIssue({
            code: 'custom',
            path: ['ownerName'],
            message: 'choose a member or type who owns the action',
          });
      }),
    z.object({ id: z.number().int() }),
    { audits: 'action', invalidates: readersOf('actions') },
  ),
  'meeting.deleteAction': command(
    'Delete an action recorded in error at a meeting whose minutes are not yet approved (it goes to the bin)',
    z.object({ id }).strict(),
    ok,
    { audits: 'action', invalidates: readersOf('actions', 'bin') },
  ),
};
