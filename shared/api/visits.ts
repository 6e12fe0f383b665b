/**
 * Member visits: elected members' visits to the council's children's homes and other settings
 * (e.g. Regulation 44-style visits), what they found and what is to be done, reported to the board
 * and summarised in the annual report. A visit names the setting, never a child.
 */
import { z } from 'zod';
import {
  actionStatus,
  baseRevision,
  id,
  isoDate,
  meetingStatus,
  ok,
  okRevision,
  requiredText,
  revision,
  text,
  urgency,
} from './common';
import { command, query } from './method';
import { readersOf } from './stale';

export const settingKinds = [
  'childrens_home',
  'supported_accommodation',
  'residential_family_centre',
  'secure_childrens_home',
  'short_breaks',
  'other',
] as const;
export const settingKind = z.enum(settingKinds);
export type SettingKind = (typeof settingKinds)[number];
export const settingKindLabels: Record<SettingKind, string> = {
  childrens_home: 'Children’s home',
  supported_accommodation: 'Supported accommodation (16–17)',
  residential_family_centre: 'Residential family centre',
  secure_childrens_home: 'Secure children’s home',
  short_breaks: 'Short breaks home',
  other: 'Other setting',
};

export const visitSchema = z.object({
  id: z.number().int(),
  date: isoDate,
  setting: z.string(),
  settingKind,
  announced: z.boolean(),
  findings: z.string(),
  members: z.array(z.object({ id: z.number().int(), name: z.string() })),
  revision,
  /** The agenda item it is reported to the board under, if any. */
  reportedAt: z
    .object({
      itemId: z.number().int(),
      meetingId: z.number().int(),
      meetingDate: isoDate,
      position: z.number().int(),
    })
    .nullable(),
  /** Follow-up actions (they are in the action log too). */
  actions: z.array(
    z.object({
      id: z.number().int(),
      description: z.string(),
      owner: z.string(),
      dueDate: z.string().nullable(),
      status: actionStatus,
      overdue: z.boolean(),
    }),
  ),
});
export type Visit = z.infer<typeof visitSchema>;

const visitFields = {
  date: isoDate,
  setting: requiredText(200),
  settingKind,
  announced: z.boolean(),
  findings: text(10_000),
  memberIds: z.array(id).min(1, 'name at least one member who visited').max(20),
};

export const visitsApi = {
  'visit.list': query(
    'Member visits, newest first, with their follow-up actions and where they were reported; the members and meetings to choose from',
    z.object({}).strict(),
    z.object({
      today: isoDate,
      visits: z.array(visitSchema),
      members: z.array(z.object({ id: z.number().int(), name: z.string() })),
      /** Meetings whose agenda can still take a report of visits (not yet started). */
      meetings: z.array(z.object({ id: z.number().int(), date: isoDate, status: meetingStatus })),
    }),
  ),
  'visit.create': command(
    'Record a member visit: date, setting (no child’s name), who visited, announced or not, findings',
    z.object(visitFields).strict(),
    z.object({ id: z.number().int() }),
    { invalidates: readersOf('visits') },
  ),
  'visit.update': command(
    'Change a member visit',
    z.object({ id, ...visitFields, baseRevision }).strict(),
    okRevision,
    { invalidates: readersOf('visits') },
  ),
  'visit.delete': command(
    'Delete a visit recorded in error (it goes to the bin; its follow-up actions stay in the action log)',
    z.object({ id }).strict(),
    ok,
    { invalidates: readersOf('visits', 'actions', 'bin') },
  ),
  'visit.addAction': command(
    'Record a follow-up action from a visit: it joins the action log, linked to the visit',
    z
      .object({
        visitId: id,
        description: requiredText(2000),
        ownerMemberId: id.nullable(),
        ownerName: text(200),
        dueDate: isoDate.nullable(),
        urgency,
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
    { audits: 'action', invalidates: readersOf('visits', 'actions') },
  ),
  'visit.reportAt': command(
    'Report visits to a meeting: they are listed under one “Member visits” agenda item (added before any other business if the agenda has none)',
    z
      .object({ meetingId: id, visitIds: z.array(id).min(1, 'choose the visits to report').max(100) })
      .strict(),
    z.object({ itemId: z.number().int(), added: z.boolean() }),
    { audits: 'meeting', invalidates: readersOf('visits', 'agenda', 'forwardPlan') },
  ),
};
