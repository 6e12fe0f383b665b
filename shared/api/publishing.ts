import { z } from 'zod';
import { empty, text } from './common';
import { command, query } from './method';
import { readersOf } from './stale';

/**
 * The board's publishing settings: who the agenda names as contact officer and as issuing the
 * summons, the public-access and filming notice, whether public documents name young people by
 * first name only, and how minutes are numbered.
 */
export const publishingSchema = z.object({
  contactName: text(200),
  contactTitle: text(200),
  contactEmail: z
    .string()
    .trim()
    .max(200, 'must be at most 200 characters')
    .refine(
      (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
      'must be an email address like name@council.gov.uk',
    ),
  contactPhone: text(50),
  /** Who issues the summons, e.g. 'Sarah Whitfield, Director of Law and Governance'. */
  summonsBy: text(300),
  /** The public-access and filming notice; empty: the standard wording. */
  publicNotice: text(3000),
  /** Public documents show young people by first name only (default on). */
  youngPeopleFirstNames: z.boolean(),
  /** Minute numbers: 'CPB' gives CPB/26/27/14. */
  minutePrefix: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(20, 'must be at most 20 characters')
    .regex(/^[A-Za-z0-9&().-]+(?:[ /][A-Za-z0-9&().-]+)*$/, 'must be letters and numbers, like CPB'),
  /** The month the municipal year (and so minute numbering) starts: 5 for May. */
  yearStartMonth: z
    .number()
    .int()
    .min(1, 'must be a month from 1 to 12')
    .max(12, 'must be a month from 1 to 12'),
});
export type Publishing = z.infer<typeof publishingSchema>;

export const publishingApi = {
  'board.publishing': query(
    'The board’s publishing settings: contact officer, summons, public notice, names of young people, minute numbers',
    empty,
    publishingSchema,
  ),
  'board.setPublishing': command(
    'Change the board’s publishing settings (the agenda’s front sheet, names in public documents, minute numbers)',
    publishingSchema.strict(),
    publishingSchema,
    { invalidates: readersOf('publishing') },
  ),
};
