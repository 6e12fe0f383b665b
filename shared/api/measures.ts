import { z } from 'zod';
import { cohortBreakdowns } from '../domain/cohort';
import { periodError, yearBases, type YearBasis } from '../domain/periods';
import { anyFigure } from '../domain/value-domain';
import { id, ok, polarity, rag, requiredText, text, unit } from './common';
import { command, query } from './method';
import { readersOf } from './stale';

// Measures (KPIs), their values per period, comparators and commentary; and the cohort profile.

export const frequencies = ['monthly', 'quarterly', 'annual'] as const;
export const frequency = z.enum(frequencies);
export type Frequency = (typeof frequencies)[number];
export const frequencyLabel: Record<Frequency, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  annual: 'Annual',
};

export const comparatorKinds = ['england', 'neighbours', 'region'] as const;
export const comparatorKind = z.enum(comparatorKinds);

/** Which kind of year an annual figure is for: "2023/24" is the academic year on an academic measure. */
export const yearBasis = z.enum(yearBases as [YearBasis, ...YearBasis[]]);
export const yearBasisLabel: Record<YearBasis, string> = {
  financial: 'Financial year (April to March)',
  academic: 'Academic year (September to August)',
  calendar: 'Calendar year (January to December)',
};

/** What a measure counts and where its figures come from (the scorecard report prints it). */
export const measureDefinition = z.object({
  /** What is counted, in plain words. */
  definition: z.string(),
  numerator: z.string(),
  denominator: z.string(),
  source: z.string(),
  /** DfE or SSDA903 reference, e.g. "SSDA903 A1", "LAIT: CLA rate per 10,000". */
  dfeRef: z.string(),
  ageBand: z.string(),
  frequency,
  yearBasis,
  owner: z.string(),
});
export type MeasureDefinition = z.infer<typeof measureDefinition>;

export const directions = [
  'improving',
  'worsening',
  'similar',
  'no_change',
  'up',
  'down',
  'not_comparable',
] as const;
export const direction = z.enum(directions);

export const cohortBreakdown = z.enum(cohortBreakdowns);

/** A finite number (JSON has no NaN, but a form may send Infinity-like text parsed badly). */
const finite = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .min(anyFigure.min, 'must be at least -1,000,000,000')
    .max(anyFigure.max, 'must be at most 1,000,000,000');

/** A reporting period in any form parsePeriod reads; the service stores its canonical form. */
export const periodInput = z
  .string()
  .trim()
  .superRefine((s, c) => {
    const why = periodError(s);
    if (why) c.addIssue({ code: 'custom', message: why });
  });

export const measureLinksInput = z
  .object({
    priorities: z.array(id).max(100),
    pledges: z.array(id).max(100),
    principles: z
      .array(z.number().int().min(1, 'principles run from 1 to 7').max(7, 'principles run from 1 to 7'))
      .max(7),
  })
  .strict();

const measureFields = {
  code: requiredText(20).regex(
    /^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$/u,
    'must start with a letter or digit and use only letters, digits, spaces and . _ / -',
  ),
  title: requiredText(300),
  definition: text(4000),
  unit,
  polarity,
  target: finite('target').nullable(),
  tolerance: finite('tolerance').min(0, 'must be zero or more (how far from target is still amber)'),
  frequency,
  owner: text(200),
  source: text(500),
  priorityId: id.nullable(),
  links: measureLinksInput,
  numeratorDefinition: text(1000),
  denominatorDefinition: text(1000),
  dfeRef: text(100),
  ageBand: text(100),
  yearBasis,
  decimals: z
    .number()
    .int('must be a whole number of decimal places')
    .min(0, 'must be 0 to 3 decimal places')
    .max(3, 'must be 0 to 3 decimal places')
    .nullable(),
  similarBand: finite('similar band')
    .min(0, 'must be zero or more (how small a change counts as similar)')
    .nullable(),
};

const definitionFields = [
  'numeratorDefinition',
  'denominatorDefinition',
  'dfeRef',
  'ageBand',
  'yearBasis',
  'decimals',
  'similarBand',
] as const;
const optionalDefinitionFields = Object.fromEntries(
  definitionFields.map((k) => [k, measureFields[k].optional()]),
) as { [K in (typeof definitionFields)[number]]: z.ZodOptional<(typeof measureFields)[K]> };

export const measureCreateInput = z
  .object({
    ...measureFields,
    definition: measureFields.definition.optional(),
    tolerance: measureFields.tolerance.optional(),
    frequency: measureFields.frequency.optional(),
    owner: measureFields.owner.optional(),
    source: measureFields.source.optional(),
    priorityId: measureFields.priorityId.optional(),
    target: measureFields.target.optional(),
    links: measureFields.links.optional(),
    ...optionalDefinitionFields,
  })
  .strict();

export const measureUpdateInput = z
  .object({
    id,
    code: measureFields.code.optional(),
    title: measureFields.title.optional(),
    definition: measureFields.definition.optional(),
    unit: measureFields.unit.optional(),
    polarity: measureFields.polarity.optional(),
    target: measureFields.target.optional(),
    tolerance: measureFields.tolerance.optional(),
    frequency: measureFields.frequency.optional(),
    owner: measureFields.owner.optional(),
    source: measureFields.source.optional(),
    priorityId: measureFields.priorityId.optional(),
    links: measureFields.links.optional(),
    ...optionalDefinitionFields,
  })
  .strict();

export const seriesPoint = z.object({ period: z.string(), value: z.number() });

export const measureSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  unit,
  polarity,
  target: z.number().nullable(),
  tolerance: z.number(),
  frequency,
  yearBasis,
  /** Decimal places the figure is shown with, as set (null: the unit's default). */
  decimals: z.number().int().nullable(),
  priorityId: z.number().int().nullable(),
  priorityTitle: z.string().nullable(),
  archived: z.boolean(),
  valueCount: z.number().int(),
});
export type MeasureSummary = z.infer<typeof measureSummary>;

export const measureValue = z.object({
  period: z.string(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string(),
});
export type MeasureValue = z.infer<typeof measureValue>;

const linkRef = z.object({ id: z.number().int(), code: z.string(), title: z.string() });

export const commentary = z.object({ working: z.string(), worried: z.string(), next: z.string() });

export const noFigure = z.object({
  kind: z.enum(['value', ...comparatorKinds]),
  period: z.string(),
  /** The publisher's symbol (c, x, z, u, low, :, ..). */
  symbol: z.string(),
  /** What the symbol means. */
  note: z.string(),
});

export const measureDetail = measureSummary.extend({
  definition: z.string(),
  owner: z.string(),
  source: z.string(),
  numeratorDefinition: z.string(),
  denominatorDefinition: z.string(),
  dfeRef: z.string(),
  ageBand: z.string(),
  similarBand: z.number().nullable(),
  /** What applies when a setting is left blank: the unit's decimals, amber band and similar band. */
  defaults: z.object({ decimals: z.number().int(), tolerance: z.number(), similarBand: z.number() }),
  values: z.array(measureValue),
  /** Periods published with a symbol instead of a figure. */
  noFigures: z.array(noFigure),
  comparators: z.object({
    england: z.array(seriesPoint),
    neighbours: z.array(seriesPoint),
    region: z.array(seriesPoint),
  }),
  links: z.object({ priorities: z.array(linkRef), pledges: z.array(linkRef), principles: z.array(linkRef) }),
  commentary,
  /** Computed from target, tolerance, polarity and the series (shared/domain/rag); never stored. */
  status: z.object({
    rag,
    direction,
    latest: seriesPoint.nullable(),
    previous: seriesPoint.nullable(),
    gap: z.boolean(),
    /** Why no direction is given ('' when one is). */
    directionReason: z.string(),
    lastYear: seriesPoint.nullable(),
    lastYearDirection: direction,
  }),
  /**
   * The measure's history at meetings: where the scorecard item minuted a note, a decision or an
   * action about it, newest meeting first.
   */
  discussions: z.array(
    z.object({
      meetingId: z.number().int(),
      meetingDate: z.string(),
      itemId: z.number().int(),
      itemTitle: z.string(),
      exempt: z.boolean(),
      note: z.string().nullable(),
      decisions: z.array(z.string()),
      actions: z.array(
        z.object({ description: z.string(), owner: z.string(), dueDate: z.string().nullable() }),
      ),
    }),
  ),
  /** What the links and priority may point at, for the edit form. */
  options: z.object({
    priorities: z.array(linkRef),
    pledges: z.array(linkRef),
    principles: z.array(linkRef),
  }),
});
export type MeasureDetail = z.infer<typeof measureDetail>;

export const cohortProfile = z.object({
  /** Canonical periods, oldest first. */
  periods: z.array(z.string()),
  breakdowns: z.array(
    z.object({
      breakdown: cohortBreakdown,
      label: z.string(),
      categories: z.array(z.string()),
      /** counts[c][p]: children in categories[c] in periods[p]; null where not recorded. */
      counts: z.array(z.array(z.number().int().nullable())),
      /** Total per period (sum of the recorded categories). */
      totals: z.array(z.number().int()),
    }),
  ),
});
export type CohortProfile = z.infer<typeof cohortProfile>;

export const measuresApi = {
  'measure.list': query(
    'Every measure (archived ones too when asked), in scorecard order',
    z.object({ includeArchived: z.boolean().optional() }).strict(),
    z.array(measureSummary),
  ),
  'measure.get': query(
    'One measure with its values, comparators, links, commentary and computed RAG and direction',
    z.object({ id }).strict(),
    measureDetail,
  ),
  'measure.create': command('Add a measure', measureCreateInput, z.object({ id: z.number().int() }), {
    invalidates: readersOf('measures', 'links'),
  }),
  'measure.update': command('Change a measure’s fields (only those given)', measureUpdateInput, ok, {
    invalidates: readersOf('measures', 'links'),
  }),
  'measure.archive': command(
    'Archive a measure (it leaves the scorecard; its figures are kept), or restore it (archived: false)',
    z.object({ id, archived: z.boolean() }).strict(),
    ok,
    { invalidates: readersOf('measures') },
  ),
  'measure.delete': command(
    'Delete a measure with its figures (it goes to the bin; frozen snapshots keep their copy); archive it to keep its history',
    z.object({ id }).strict(),
    ok,
    { audits: 'measure', invalidates: readersOf('measures', 'links', 'bin') },
  ),
  'measure.setValue': command(
    'Record or correct a measure’s value for one period',
    z
      .object({
        measureId: id,
        period: periodInput,
        value: finite('value'),
        numerator: finite('numerator').min(0, 'must be zero or more').nullable().optional(),
        denominator: finite('denominator').gt(0, 'must be more than 0').nullable().optional(),
        note: text(1000).optional(),
      })
      .strict(),
    z.object({ period: z.string() }),
    { invalidates: readersOf('measures') },
  ),
  'measure.deleteValue': command(
    'Remove a measure’s value for one period',
    z.object({ measureId: id, period: periodInput }).strict(),
    ok,
    { invalidates: readersOf('measures') },
  ),
  'measure.setComparator': command(
    'Record a comparator figure (England, statistical neighbours, region) for a period; value null removes it',
    z
      .object({ measureId: id, kind: comparatorKind, period: periodInput, value: finite('value').nullable() })
      .strict(),
    ok,
    { invalidates: readersOf('measures') },
  ),
  'measure.setCommentary': command(
    'Commentary: what is working well, what we are worried about, next steps',
    z.object({ id, working: text(4000), worried: text(4000), next: text(4000) }).strict(),
    ok,
    { invalidates: readersOf('measures') },
  ),
  'cohort.get': query(
    'The children in care profile: counts per breakdown, category and period',
    z.object({ breakdown: cohortBreakdown.optional() }).strict(),
    cohortProfile,
  ),
  'cohort.setValue': command(
    'Record or correct one count in the children in care profile; count null removes it',
    z
      .object({
        period: periodInput,
        breakdown: cohortBreakdown,
        category: requiredText(100),
        count: z.number().int('must be a whole number').min(0, 'must be zero or more').nullable(),
      })
      .strict(),
    ok,
    { invalidates: readersOf('cohort') },
  ),
};
