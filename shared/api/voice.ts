import { z } from 'zod';
import { dateIn, id, isoDate, ok, requiredText, text } from './common';
import { command, query } from './method';
import { readersOf } from './stale';

export const voiceStatuses = ['open', 'in_progress', 'done'] as const;
export const voiceStatus = z.enum(voiceStatuses);
export type VoiceStatus = z.infer<typeof voiceStatus>;
export const voiceStatusLabels: Record<VoiceStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
};
export const DEFAULT_VOICE_SOURCE = 'Children in Care Council';

/** One "You said, we did" entry. */
export const voiceEntrySchema = z.object({
  id: z.number().int(),
  said: z.string(),
  did: z.string(),
  saidDate: isoDate,
  didDate: z.string().nullable(),
  source: z.string(),
  priorityId: z.number().int().nullable(),
  priorityTitle: z.string().nullable(),
  meetingId: z.number().int().nullable(),
  meetingDate: z.string().nullable(),
  status: voiceStatus,
});
export type VoiceEntry = z.infer<typeof voiceEntrySchema>;

const fields = {
  said: requiredText(2000),
  did: text(2000),
  saidDate: dateIn,
  didDate: dateIn.nullable(),
  source: requiredText(200),
  priorityId: id.nullable(),
  meetingId: id.nullable(),
  status: voiceStatus,
};

export const voiceApi = {
  'voice.list': query(
    '“You said, we did”: every entry, newest first, with the choices for its form',
    z.object({ status: voiceStatus.optional() }).strict(),
    z.object({
      entries: z.array(voiceEntrySchema),
      priorities: z.array(z.object({ id: z.number().int(), code: z.string(), title: z.string() })),
      meetings: z.array(z.object({ id: z.number().int(), date: isoDate })),
    }),
  ),
  'voice.create': command(
    'Add a “You said, we did” entry',
    z
      .object({
        said: fields.said,
        did: fields.did.optional(),
        saidDate: fields.saidDate,
        didDate: fields.didDate.optional(),
        source: fields.source.optional(),
        priorityId: fields.priorityId.optional(),
        meetingId: fields.meetingId.optional(),
        status: fields.status.optional(),
      })
      .strict(),
    voiceEntrySchema,
    { invalidates: readersOf('voice') },
  ),
  'voice.update': command(
    'Change a “You said, we did” entry',
    z
      .object({
        id,
        said: fields.said.optional(),
        did: fields.did.optional(),
        saidDate: fields.saidDate.optional(),
        didDate: fields.didDate.optional(),
        source: fields.source.optional(),
        priorityId: fields.priorityId.optional(),
        meetingId: fields.meetingId.optional(),
        status: fields.status.optional(),
      })
      .strict(),
    voiceEntrySchema,
    { invalidates: readersOf('voice') },
  ),
  'voice.delete': command(
    'Delete a “You said, we did” entry (it goes to the bin)',
    z.object({ id }).strict(),
    ok,
    {
      invalidates: readersOf('voice', 'bin'),
    },
  ),
};
