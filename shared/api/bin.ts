import { z } from 'zod';
import { id } from './common';
import { command, query } from './method';
import { readersOf, type BoardData } from './stale';

/** The kinds of record that go to the bin when deleted. */
export const binKinds = [
  'meeting',
  'item',
  'decision',
  'action',
  'member',
  'measure',
  'voice',
  'visit',
] as const;
export const binKind = z.enum(binKinds);
export type BinKind = z.infer<typeof binKind>;
export const binKindLabels: Record<BinKind, string> = {
  meeting: 'Meeting',
  item: 'Agenda item',
  decision: 'Decision',
  action: 'Action',
  member: 'Member',
  measure: 'Measure',
  voice: '“You said, we did” entry',
  visit: 'Member visit',
};

export const binEntrySchema = z.object({
  id: z.number().int(),
  kind: binKind,
  recordId: z.number().int(),
  /** What it was: a meeting's date, an item's title, a decision's first words. */
  label: z.string(),
  /** Where it was: the meeting an item or decision belonged to. */
  context: z.string(),
  deletedAt: z.string(),
  deletedBy: z.string(),
  /** Rows that went with it (a meeting's items, minutes, decisions…). */
  children: z.number().int(),
});
export type BinEntry = z.infer<typeof binEntrySchema>;

/** Everything a restore can bring back, so every screen that shows any of it refreshes. */
const everything: BoardData[] = [
  'members',
  'meetings',
  'agenda',
  'minutes',
  'meetingRecord',
  'decisions',
  'actions',
  'measures',
  'snapshots',
  'links',
  'voice',
  'bin',
  'visits',
  'forwardPlan',
];

export const binApi = {
  'bin.list': query(
    'What is in the bin (deleted records that can be restored), newest first',
    z.object({}).strict(),
    z.object({ entries: z.array(binEntrySchema) }),
  ),
  'bin.restore': command(
    'Restore a deleted record (with everything deleted with it) from the bin',
    z.object({ kind: binKind, recordId: id }).strict(),
    z.object({ kind: binKind, id: z.number().int() }),
    { invalidates: readersOf(...everything) },
  ),
  'bin.purge': command(
    'Empty the bin of records deleted more than a number of days ago',
    z
      .object({
        olderThanDays: z.number().int().min(0, 'must be 0 or more').max(3650, 'must be at most 3650'),
      })
      .strict(),
    z.object({ purged: z.number().int() }),
    { invalidates: readersOf('bin') },
  ),
};
