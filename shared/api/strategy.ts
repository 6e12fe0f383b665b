import { z } from 'zod';
import { dateIn, empty, id, isoDate, ok, polarity, rag, requiredText, text, unit } from './common';
import { command, query } from './method';
import { readersOf } from './stale';

// Strategy: priorities, pledges, the 7 Corporate Parenting Principles, links, the action plan,
// principle coverage, and new boards from templates.

export const planStatuses = ['not_started', 'on_track', 'at_risk', 'off_track', 'complete'] as const;
export const planStatus = z.enum(planStatuses);
export type PlanStatus = z.infer<typeof planStatus>;
export const planStatusLabel: Record<PlanStatus, string> = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  complete: 'Complete',
};

export const templateNames = ['blank', 'redcar', 'rutland', 'stockton', 'sthelens', 'peterborough'] as const;
export const templateName = z.enum(templateNames);
export type TemplateName = z.infer<typeof templateName>;

export const linkSubjectKinds = [
  'priority',
  'pledge',
  'plan_action',
  'measure',
  'agenda_item',
  'action',
] as const;
export const linkSubjectKind = z.enum(linkSubjectKinds);

const code = requiredText(20);
const ids = z.array(id).max(200);
const direction = z.enum(['up', 'down']);

export const linksSchema = z.object({
  priorities: z.array(z.number().int()),
  pledges: z.array(z.number().int()),
  principles: z.array(z.number().int()),
});

export const prioritySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  sort: z.number().int(),
  archived: z.boolean(),
  links: linksSchema,
});
export type Priority = z.infer<typeof prioritySchema>;

export const pledgeSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  collection: z.string(),
  sort: z.number().int(),
  archived: z.boolean(),
  /** Priorities that link to this pledge. */
  priorityIds: z.array(z.number().int()),
  /** Corporate Parenting Principles this pledge links to directly. */
  principleIds: z.array(z.number().int()),
});
export type Pledge = z.infer<typeof pledgeSchema>;

export const principleSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  shortTitle: z.string(),
  wording: z.string(),
});
export type Principle = z.infer<typeof principleSchema>;

export const planUpdateSchema = z.object({
  id: z.number().int(),
  date: z.string(),
  author: z.string(),
  text: z.string(),
});

export const planActionSchema = z.object({
  id: z.number().int(),
  priorityId: z.number().int().nullable(),
  priorityCode: z.string().nullable(),
  priorityTitle: z.string().nullable(),
  ref: z.string(),
  action: z.string(),
  whoWhere: z.string(),
  leads: z.string(),
  timescale: z.string(),
  status: planStatus,
  archived: z.boolean(),
  links: linksSchema,
  /** Newest first. */
  updates: z.array(planUpdateSchema),
});
export type PlanAction = z.infer<typeof planActionSchema>;

const moved = z.object({ position: z.number().int(), count: z.number().int() });

const priorityFields = { code, title: requiredText(300), description: text(4000) };
const pledgeFields = {
  code,
  title: requiredText(300),
  description: text(4000),
  collection: requiredText(100),
};
const planFields = {
  priorityId: id.nullable(),
  ref: text(20),
  action: requiredText(2000),
  whoWhere: text(2000),
  leads: text(1000),
  timescale: text(200),
  status: planStatus,
};

export const templateInfoSchema = z.object({
  name: templateName,
  label: z.string(),
  council: z.string(),
  description: z.string(),
  counts: z.object({
    priorities: z.number().int(),
    pledges: z.number().int(),
    planActions: z.number().int(),
    measures: z.number().int(),
  }),
});

export const strategyApi = {
  'strategy.get': query(
    'The strategy: title, period, priorities, pledges and the 7 Corporate Parenting Principles',
    empty,
    z.object({
      title: z.string(),
      period: z.string(),
      summary: z.string(),
      priorities: z.array(prioritySchema),
      pledges: z.array(pledgeSchema),
      principles: z.array(principleSchema),
    }),
  ),
  'strategy.update': command(
    'Change the strategy’s title, period or summary',
    z
      .object({
        title: requiredText(300).optional(),
        period: text(100).optional(),
        summary: text(4000).optional(),
      })
      .strict(),
    ok,
    { invalidates: readersOf('strategy') },
  ),
  'priority.create': command(
    'Add a priority',
    z.object({ ...priorityFields, description: priorityFields.description.optional() }).strict(),
    z.object({ id: z.number().int() }),
    { invalidates: readersOf('priorities') },
  ),
  'priority.update': command(
    'Change a priority’s code, title or description',
    z
      .object({
        id,
        code: code.optional(),
        title: priorityFields.title.optional(),
        description: priorityFields.description.optional(),
      })
      .strict(),
    ok,
    { invalidates: readersOf('priorities') },
  ),
  'priority.reorder': command(
    'Move a priority up or down the list',
    z.object({ id, direction }).strict(),
    moved,
    { invalidates: readersOf('priorities') },
  ),
  'priority.archive': command(
    'Archive a priority, or restore it (archived: false)',
    z.object({ id, archived: z.boolean() }).strict(),
    ok,
    { invalidates: readersOf('priorities') },
  ),
  'priority.detail': query(
    'A priority with its action plan, its measures (latest value and RAG) and the agenda items and decisions that dealt with it',
    z.object({ id }).strict(),
    z.object({
      priority: prioritySchema,
      actions: z.array(planActionSchema),
      measures: z.array(
        z.object({
          id: z.number().int(),
          code: z.string(),
          title: z.string(),
          unit,
          polarity,
          target: z.number().nullable(),
          latest: z.object({ period: z.string(), value: z.number() }).nullable(),
          rag,
        }),
      ),
      items: z.array(
        z.object({
          id: z.number().int(),
          meetingId: z.number().int(),
          meetingDate: z.string(),
          position: z.number().int(),
          title: z.string(),
          exempt: z.boolean(),
          decisions: z.array(z.object({ id: z.number().int(), text: z.string() })),
        }),
      ),
    }),
  ),
  'pledge.create': command(
    'Add a pledge or promise',
    z.object({ ...pledgeFields, description: pledgeFields.description.optional() }).strict(),
    z.object({ id: z.number().int() }),
    { invalidates: readersOf('priorities') },
  ),
  'pledge.update': command(
    'Change a pledge’s code, title, description or collection',
    z
      .object({
        id,
        code: code.optional(),
        title: pledgeFields.title.optional(),
        description: pledgeFields.description.optional(),
        collection: pledgeFields.collection.optional(),
      })
      .strict(),
    ok,
    { invalidates: readersOf('priorities') },
  ),
  'pledge.reorder': command(
    'Move a pledge up or down within its collection',
    z.object({ id, direction }).strict(),
    moved,
    { invalidates: readersOf('priorities') },
  ),
  'pledge.archive': command(
    'Archive a pledge, or restore it (archived: false)',
    z.object({ id, archived: z.boolean() }).strict(),
    ok,
    { invalidates: readersOf('priorities') },
  ),
  'links.set': command(
    'Set what a priority, pledge, plan action, measure, agenda item or action links to (each list given replaces the old one)',
    z
      .object({
        subject: z.object({ kind: linkSubjectKind, id }).strict(),
        priorities: ids.optional(),
        pledges: ids.optional(),
        principles: z
          .array(z.number().int().min(1, 'is not a principle (1–7)').max(7, 'is not a principle (1–7)'))
          .max(7)
          .optional(),
      })
      .strict(),
    linksSchema,
    { invalidates: readersOf('links') },
  ),
  'plan.list': query(
    'The action plan, optionally filtered by status, lead or priority',
    z
      .object({
        status: planStatus.optional(),
        lead: text(200).optional(),
        priorityId: id.optional(),
        includeArchived: z.boolean().optional(),
      })
      .strict(),
    z.object({ actions: z.array(planActionSchema), leads: z.array(z.string()) }),
  ),
  'plan.create': command(
    'Add an action to the action plan',
    z
      .object({
        priorityId: planFields.priorityId,
        action: planFields.action,
        ref: planFields.ref.optional(),
        whoWhere: planFields.whoWhere.optional(),
        leads: planFields.leads.optional(),
        timescale: planFields.timescale.optional(),
        status: planFields.status.optional(),
      })
      .strict(),
    z.object({ id: z.number().int() }),
    { invalidates: readersOf('plan') },
  ),
  'plan.update': command(
    'Change an action plan entry',
    z
      .object({
        id,
        priorityId: planFields.priorityId.optional(),
        action: planFields.action.optional(),
        ref: planFields.ref.optional(),
        whoWhere: planFields.whoWhere.optional(),
        leads: planFields.leads.optional(),
        timescale: planFields.timescale.optional(),
        status: planFields.status.optional(),
      })
      .strict(),
    ok,
    { invalidates: readersOf('plan') },
  ),
  'plan.archive': command(
    'Archive an action plan entry, or restore it (archived: false)',
    z.object({ id, archived: z.boolean() }).strict(),
    ok,
    { invalidates: readersOf('plan') },
  ),
  'plan.addUpdate': command(
    'Add a dated progress update to an action plan entry (optionally changing its status)',
    z
      .object({
        id,
        date: dateIn,
        author: requiredText(200),
        text: requiredText(4000),
        status: planStatus.optional(),
      })
      .strict(),
    z.object({ id: z.number().int() }),
    { invalidates: readersOf('plan') },
  ),
  'principles.coverage': query(
    'For a date range (default: this financial year), how many agenda items dealt with each principle, directly or through their priorities',
    z.object({ from: dateIn.optional(), to: dateIn.optional() }).strict(),
    z.object({
      from: isoDate,
      to: isoDate,
      meetings: z.number().int(),
      items: z.number().int(),
      principles: z.array(
        principleSchema.extend({
          total: z.number().int(),
          direct: z.number().int(),
          viaPriority: z.number().int(),
          viaPledge: z.number().int(),
          items: z.array(
            z.object({
              id: z.number().int(),
              meetingId: z.number().int(),
              meetingDate: z.string(),
              title: z.string(),
              via: z.enum(['direct', 'priority', 'pledge', 'several']),
            }),
          ),
        }),
      ),
    }),
  ),
  'board.templates': query('The templates a new board can start from', empty, z.array(templateInfoSchema)),
  'board.createFromTemplate': command(
    'Create a new board file from a template, at an absolute path or by name beside the open board (never overwrites); the open board stays open',
    z
      .object({
        template: templateName,
        file: requiredText(1000)
          .refine(
            (f) => f.startsWith('/') || /^[A-Za-z]:[\\/]/.test(f) || f.startsWith('\\\\'),
            'must be a full path, like /home/me/Board.cpb or C:\\Boards\\Board.cpb',
          )
          .refine((f) => /\.cpb$/i.test(f), 'must end in .cpb')
          .optional(),
        /** A file name alone ("Westmoor board"): written in the open board's folder, ".cpb" added. */
        name: requiredText(120)
          .refine(
            (n) => !/[\\/:*?"<>|]/.test(n) && !n.startsWith('.'),
            'must be a name for the file, without a folder (no / \\ : * ? " < > |)',
          )
          .optional(),
        authority: requiredText(200).optional(),
        boardName: requiredText(200).optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.file === undefined && v.name === undefined)
          ctx.addIssue({ code: 'custom', path: ['name'], message: 'is required' });
        if (v.file !== undefined && v.name !== undefined)
          ctx.addIssue({ code: 'custom', path: ['name'], message: 'give a name or a full path, not both' });
      }),
    z.object({ file: z.string(), template: templateName, counts: templateInfoSchema.shape.counts }),
    { invalidates: readersOf() },
  ),
};
