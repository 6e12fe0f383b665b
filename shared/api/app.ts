import { z } from 'zod';
import { empty, isoDate, meetingStatus, memberRole, requiredText } from './common';
import { command, query } from './method';
import { readersOf } from './stale';

export const boardInfo = z.object({
  file: z.string(),
  schemaVersion: z.number().int(),
  authority: z.string(),
  name: z.string(),
  today: isoDate,
  /** 'read-only': the file, its folder or its drive cannot be written here; the window hides its edit controls. */
  access: z.enum(['read-write', 'read-only']),
  /** Why the board is read-only, in words for the banner (null when it can be changed). */
  readOnlyReason: z.string().nullable(),
  /**
   * The file's check: a board opened today already answers first and is quick-checked just after
   * ('checking', then 'sound'); 'damaged' when that check failed — nothing more can be saved to it,
   * and the window offers the board's backups.
   */
  check: z.enum(['checking', 'sound', 'damaged']),
  /** What the check found wrong, in words (null unless damaged). */
  damage: z.string().nullable(),
});

export const memberSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: memberRole,
  jobTitle: z.string(),
  organisation: z.string(),
  voting: z.boolean(),
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const appApi = {
  'app.info': query('Which board file is open, and today’s date', empty, boardInfo),
  'board.get': query(
    'The board: authority, name, quorum rule and members',
    empty,
    z.object({
      authority: z.string(),
      name: z.string(),
      quorum: z.object({
        count: z.number().int(),
        role: z.union([memberRole, z.literal('any')]),
        votingOnly: z.boolean(),
        remoteCounts: z.boolean(),
      }),
      members: z.array(memberSchema),
      /** The logo as a data: URL (PNG or JPEG), or null. */
      logo: z.string().nullable(),
    }),
  ),
  'board.setLogo': command(
    'Set the board’s logo (PNG or JPEG, at most 1 MB) shown in every Word document’s header, or remove it with null',
    z
      .object({
        logo: z
          .object({
            mime: z.enum(['image/png', 'image/jpeg'], { message: 'must be a PNG or JPEG image' }),
            dataBase64: z.string().min(1, 'the file is empty').max(1_400_000, 'must be at most 1 MB'),
          })
          .strict()
          .nullable(),
      })
      .strict(),
    z.object({ logo: z.string().nullable() }),
    { invalidates: readersOf('logo') },
  ),
  'board.update': command(
    'Rename the board or its authority (as shown in every header and document)',
    z.object({ authority: requiredText(200), name: requiredText(200) }).strict(),
    z.object({ authority: z.string(), name: z.string() }),
    { invalidates: readersOf('boardNames') },
  ),
  'dashboard.get': query(
    'The dashboard: next meeting, RAG counts, overdue actions, recent decisions',
    empty,
    z.object({
      today: isoDate,
      nextMeeting: z
        .object({
          id: z.number().int(),
          date: isoDate,
          startTime: z.string(),
          venue: z.string(),
          type: z.enum(['ordinary', 'extraordinary']),
          status: meetingStatus,
          itemCount: z.number().int(),
          items: z.array(z.object({ position: z.number().int(), title: z.string(), exempt: z.boolean() })),
        })
        .nullable(),
      rag: z.object({
        red: z.number().int(),
        amber: z.number().int(),
        green: z.number().int(),
        noTarget: z.number().int(),
        noData: z.number().int(),
        notRated: z.number().int(),
      }),
      openActions: z.number().int(),
      /** How many open actions are overdue in all. */
      overdueCount: z.number().int(),
      /** The ten most overdue (earliest due first); the action log lists the rest. */
      overdueActions: z.array(
        z.object({
          id: z.number().int(),
          description: z.string(),
          owner: z.string(),
          dueDate: isoDate,
          daysOverdue: z.number().int(),
          meetingDate: z.string().nullable(),
          /** Part B: arising from an exempt item; shown labelled "Part B (exempt)". */
          exempt: z.boolean(),
        }),
      ),
      recentDecisions: z.array(
        z.object({
          id: z.number().int(),
          text: z.string(),
          meetingId: z.number().int(),
          meetingDate: isoDate,
          itemTitle: z.string(),
          exempt: z.boolean(),
        }),
      ),
    }),
  ),
};
