import { z } from 'zod';
import {
  actionStatus,
  baseRevision,
  dateIn,
  id,
  isoDate,
  requiredText,
  revision,
  text,
  urgency,
} from './common';
import { command, query } from './method';
import { readersOf } from './stale';

/** One dated progress update on an action. */
export const actionUpdateSchema = z.object({
  id: z.number().int(),
  actionId: z.number().int(),
  date: isoDate,
  author: z.string(),
  text: z.string(),
  /** The meeting at which it was recorded as matters arising, if any. */
  meetingId: z.number().int().nullable(),
  meetingDate: z.string().nullable(),
  createdAt: z.string(),
});
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;

/** One row of the action log: the action, where it came from, and its computed overdue state. */
export const actionRowSchema = z.object({
  id: z.number().int(),
  description: z.string(),
  /** Who owns it, as shown: the member's name or the free-text owner. */
  owner: z.string(),
  ownerMemberId: z.number().int().nullable(),
  dueDate: z.string().nullable(),
  urgency,
  status: actionStatus,
  priorityId: z.number().int().nullable(),
  priorityTitle: z.string().nullable(),
  meetingId: z.number().int().nullable(),
  meetingDate: z.string().nullable(),
  agendaItemId: z.number().int().nullable(),
  itemPosition: z.number().int().nullable(),
  itemTitle: z.string().nullable(),
  /** Part B: recorded on an exempt item (kept if the item is later removed); label it "Part B (exempt)". */
  exempt: z.boolean(),
  /** The member visit it follows up, when it arose from one rather than a meeting. */
  visit: z.object({ id: z.number().int(), setting: z.string(), date: isoDate }).nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** Send it back as action.update's baseRevision: a change from an older copy is refused. */
  revision,
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  /** Minuted at a meeting whose minutes are approved: the wording is fixed. */
  wordingLocked: z.boolean(),
  latestUpdate: actionUpdateSchema.nullable(),
  updateCount: z.number().int(),
});
export type ActionRow = z.infer<typeof actionRowSchema>;

export const actionWithUpdatesSchema = actionRowSchema.extend({ updates: z.array(actionUpdateSchema) });
export type ActionWithUpdates = z.infer<typeof actionWithUpdatesSchema>;

/** Who owns an action: a member of the board, or someone named in free text ("Democratic Services"). */
export const actionOwnerInput = z.union([
  z.object({ memberId: id }).strict(),
  z.object({ name: requiredText(200) }).strict(),
]);

/** The action log's filter choices, from the whole log, and what an action can be given. */
export const actionChoices = z.object({
  /** Everyone who owns an action, as the log names them. */
  owners: z.array(z.string()),
  /** Meetings that have actions, newest first. */
  meetings: z.array(z.object({ id: z.number().int(), date: isoDate })),
  priorities: z.array(z.object({ id: z.number().int(), code: z.string(), title: z.string() })),
  members: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** The next meeting not yet held (today or later), whose matters arising the clerk prepares. */
  nextMeeting: z.object({ id: z.number().int(), date: isoDate }).nullable(),
});
export type ActionChoices = z.infer<typeof actionChoices>;

/** How the action log can be ordered. */
export const actionSorts = ['meeting', 'due', 'owner', 'urgency', 'status', 'latest', 'description'] as const;
export const actionSort = z.enum(actionSorts);
export type ActionSort = z.infer<typeof actionSort>;

/** Status filter: one status, or 'outstanding' (open or in progress). */
export const actionStatusFilter = z.enum(['open', 'in_progress', 'complete', 'closed', 'outstanding']);

export const actionsApi = {
  'actions.list': query(
    'The action log across every meeting, filtered, sorted and paged by the database; overdue is computed from the due date and status',
    z
      .object({
        owner: requiredText(200).optional(),
        urgency: urgency.optional(),
        status: actionStatusFilter.optional(),
        meetingId: id.optional(),
        priorityId: id.optional(),
        overdue: z.boolean().optional(),
        /** The order: the meeting it came from (the default), due date, owner, urgency, status, latest update or wording. */
        sort: actionSort.optional(),
        /** Newest, latest or last first. */
        desc: z.boolean().optional(),
        /** The page: skip `offset` matching actions and return at most `limit` (all when no limit). */
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        /** false: leave out the filter choices (a screen that has them from actions.choices); default true. */
        choices: z.boolean().optional(),
      })
      .strict(),
    z.object({
      today: isoDate,
      /** The page of matching actions. */
      actions: z.array(actionRowSchema),
      /** How many actions match the filters in all, and how many of those are overdue. */
      total: z.number().int(),
      overdueCount: z.number().int(),
      offset: z.number().int(),
      /** Choices for the filters, from the whole log (left out with `choices: false`). */
      ...actionChoices.partial().shape,
    }),
  ),
  'actions.choices': query(
    'What the action log can be filtered by and an action given to: owners, meetings, priorities, members, and the next meeting',
    z.object({}).strict(),
    actionChoices,
  ),
  'action.get': query(
    'One action with all its updates, newest first',
    z.object({ id }).strict(),
    actionWithUpdatesSchema,
  ),
  'action.update': command(
    'Change an action’s status, due date, owner, priority or linked strategy priority (the wording only while its minutes are not approved)',
    z
      .object({
        id,
        description: requiredText(1000).optional(),
        status: actionStatus.optional(),
        dueDate: dateIn.nullable().optional(),
        owner: actionOwnerInput.optional(),
        urgency: urgency.optional(),
        priorityId: id.nullable().optional(),
        baseRevision,
      })
      .strict(),
    actionWithUpdatesSchema,
    { invalidates: readersOf('actions', 'links') },
  ),
  'action.addUpdate': command(
    'Record a dated progress update on an action (at a meeting when recorded as matters arising), optionally changing its status',
    z
      .object({
        actionId: id,
        text: requiredText(2000),
        date: dateIn.optional(),
        author: text(200).optional(),
        meetingId: id.nullable().optional(),
        status: actionStatus.optional(),
      })
      .strict(),
    actionWithUpdatesSchema,
    { invalidates: readersOf('actions') },
  ),
  'actions.mattersArising': query(
    'Matters arising for a meeting: the open actions of earlier meetings with their updates, and those completed at this meeting',
    z.object({ meetingId: id }).strict(),
    z.object({
      meeting: z.object({ id: z.number().int(), date: isoDate, status: z.string(), locked: z.boolean() }),
      today: isoDate,
      /** Still open or in progress. */
      open: z.array(actionWithUpdatesSchema),
      /** Marked complete or closed by an update recorded at this meeting. */
      completedHere: z.array(actionWithUpdatesSchema),
    }),
  ),
};
