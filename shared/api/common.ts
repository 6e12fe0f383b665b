import { z } from 'zod';
import { isIsoDate } from '../domain/dates';

// Reusable field schemas with en-GB messages, so every form and import says the same thing.
export const id = z.number().int().positive();
// One message per problem: an empty date is missing (not "not a real date"), a malformed one
// is not checked again for being real.
const realDate = (s: z.ZodString) =>
  s
    .min(1, { error: 'is required', abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date like 2025-06-30', abort: true })
    .refine(isIsoDate, 'is not a real date');
export const isoDate = realDate(z.string());
/** Years a date given to the board may fall in: none of its records is older, or decades ahead. */
export const firstYear = 1990;
export const lastYear = 2100;
const plausible = (s: z.ZodType<string>) =>
  s.refine((v) => {
    const y = Number(v.slice(0, 4));
    return y >= firstYear && y <= lastYear;
  }, `must be a date between ${firstYear} and ${lastYear}`);
/**
 * A date given to the board (input): a real date in a plausible year. Answers use `isoDate`, so a
 * record saved before this check still reads.
 */
export const dateIn = plausible(isoDate);
/** A date that must be given; `missing` finishes the sentence "from …" when it is not. */
export const isoDateNeeded = (missing: string) =>
  plausible(realDate(z.string({ error: (i) => (i.input === undefined ? missing : undefined) })));
/** An id that must be given; `missing` finishes the sentence "meetingId …" when it is not. */
export const idNeeded = (missing: string) =>
  z
    .number({ error: (i) => (i.input === undefined ? missing : undefined) })
    .int()
    .positive();
export const time24 = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time like 14:30');
export const text = (max = 2000) => z.string().trim().max(max, `must be at most ${max} characters`);
export const requiredText = (max = 500) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });

/**
 * The revision a save started from (as read). A save from an older revision is refused as a
 * 'conflict' carrying the record as it now stands. Absent: the caller overwrites deliberately
 * (the command line, scripts); the app always sends it.
 */
export const baseRevision = z.number().int().min(0).optional();
export const revision = z.number().int().min(0);
/** A command's answer when the record it changed carries a revision: the new one, for the next save. */
export const okRevision = z.object({ ok: z.literal(true), revision });

export const memberRoles = [
  'elected_member',
  'officer',
  'partner_agency',
  'young_person',
  'adviser',
] as const;
export const memberRole = z.enum(memberRoles);
export const meetingStatuses = [
  'draft',
  'agenda_published',
  'in_progress',
  'minutes_draft',
  'minutes_approved',
] as const;
export const meetingStatus = z.enum(meetingStatuses);
export const actionStatuses = ['open', 'in_progress', 'complete', 'closed'] as const;
export const actionStatus = z.enum(actionStatuses);
export const urgencies = ['high', 'medium', 'low'] as const;
export const urgency = z.enum(urgencies);
export const rags = ['red', 'amber', 'green', 'no_target', 'no_data', 'not_rated'] as const;
export const rag = z.enum(rags);
export const units = ['percent', 'number', 'days', 'rate10k', 'score'] as const;
export const unit = z.enum(units);
export const polarities = ['higher', 'lower', 'neither'] as const;
export const polarity = z.enum(polarities);
