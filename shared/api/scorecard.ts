import { z } from 'zod';
import { id, meetingStatus, polarity, rag, unit } from './common';
import { commentary, direction, measureDefinition, seriesPoint } from './measures';
import { command, query } from './method';
import { readersOf } from './stale';

// The scorecard (every live measure's latest position, grouped by priority) and its frozen
// snapshots for meetings. RAG and direction always come from shared/domain/rag.

export const scorecardRow = z.object({
  measureId: z.number().int(),
  code: z.string(),
  title: z.string(),
  unit,
  polarity,
  target: z.number().nullable(),
  tolerance: z.number(),
  /** Decimal places the figures are shown with (and RAG and direction worked out on). */
  decimals: z.number().int(),
  latest: seriesPoint.nullable(),
  previous: seriesPoint.nullable(),
  rag,
  direction,
  /** The previous value is not from the period just before the latest one. */
  gap: z.boolean(),
  /** Why no direction is given ('' when one is). */
  directionReason: z.string(),
  /** The same period a year before the latest, and the latest against it. */
  lastYear: seriesPoint.nullable(),
  lastYearDirection: direction,
  /**
   * Comparators beside the latest figure, by the one comparator rule (shared/domain/comparators):
   * each carries the period it is for, which may be earlier than the latest figure's.
   */
  england: seriesPoint.nullable(),
  neighbours: seriesPoint.nullable(),
  region: seriesPoint.nullable(),
  /** The whole series, oldest first (for the sparkline). */
  series: z.array(seriesPoint),
  commentary,
  /** What the measure counts and where its figures come from. */
  definition: measureDefinition,
});
export type ScorecardRow = z.infer<typeof scorecardRow>;

export const scorecardGroup = z.object({
  priorityId: z.number().int().nullable(),
  priorityCode: z.string(),
  /** 'Not linked to a priority' for measures without one. */
  priorityTitle: z.string(),
  rows: z.array(scorecardRow),
});
export type ScorecardGroup = z.infer<typeof scorecardGroup>;

const ragCounts = z.object({
  red: z.number().int(),
  amber: z.number().int(),
  green: z.number().int(),
  no_target: z.number().int(),
  no_data: z.number().int(),
  not_rated: z.number().int(),
});

export const scorecard = z.object({
  groups: z.array(scorecardGroup),
  /** Counts over all live measures, before filters. */
  counts: ragCounts,
  priorities: z.array(z.object({ id: z.number().int(), code: z.string(), title: z.string() })),
});
export type Scorecard = z.infer<typeof scorecard>;

export const snapshotRow = z.object({
  position: z.number().int(),
  measureId: z.number().int().nullable(),
  priorityTitle: z.string(),
  code: z.string(),
  title: z.string(),
  unit,
  polarity,
  target: z.number().nullable(),
  /** Decimal places it was shown with when frozen (null: frozen before they were kept; the unit's default). */
  decimals: z.number().int().nullable(),
  latest: seriesPoint.nullable(),
  previous: seriesPoint.nullable(),
  rag,
  direction,
  gap: z.boolean(),
  directionReason: z.string(),
  lastYear: seriesPoint.nullable(),
  england: z.number().nullable(),
  neighbours: z.number().nullable(),
  region: z.number().nullable(),
  /** The period each comparator is for (null when none, or frozen before periods were kept). */
  englandPeriod: z.string().nullable(),
  neighboursPeriod: z.string().nullable(),
  regionPeriod: z.string().nullable(),
  commentary,
});
export type SnapshotRow = z.infer<typeof snapshotRow>;

const meetingRef = z.object({
  id: z.number().int(),
  date: z.string(),
  startTime: z.string(),
  type: z.enum(['ordinary', 'extraordinary']),
  status: meetingStatus,
});

const snapshotInfo = z.object({
  id: z.number().int(),
  title: z.string(),
  takenAt: z.string(),
  rowCount: z.number().int(),
});

export const scorecardApi = {
  'scorecard.get': query(
    'The scorecard grouped by priority, optionally filtered by RAG and priority',
    z
      .object({
        rag: z.array(rag).max(6).optional(),
        /** Priority ids; 0 means measures not linked to a priority. */
        priorityIds: z.array(z.number().int().min(0)).max(200).optional(),
      })
      .strict(),
    scorecard,
  ),
  'snapshot.freeze': command(
    'Freeze every measure’s scorecard row for a meeting (replaces its earlier snapshot until the minutes are approved)',
    z.object({ meetingId: id }).strict(),
    snapshotInfo,
    { invalidates: readersOf('snapshots') },
  ),
  'snapshot.get': query(
    'A meeting’s frozen scorecard (null when none has been frozen)',
    z.object({ meetingId: id }).strict(),
    z.object({
      meeting: meetingRef,
      snapshot: snapshotInfo.extend({ rows: z.array(snapshotRow) }).nullable(),
    }),
  ),
  'snapshot.list': query(
    'Every meeting with its snapshot, if frozen (newest meeting first)',
    z.object({}).strict(),
    z.array(meetingRef.extend({ snapshot: snapshotInfo.nullable() })),
  ),
};
