import { z } from 'zod';
import { id, meetingStatus, polarity, rag, unit } from './common';
import { commentary, direction, seriesPoint } from './measures';
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
  latest: seriesPoint.nullable(),
  previous: seriesPoint.nullable(),
  rag,
  direction,
  /** The previous value is not from the period just before the latest one. */
  gap: z.boolean(),
  england: seriesPoint.nullable(),
  neighbours: seriesPoint.nullable(),
  region: seriesPoint.nullable(),
  /** The whole series, oldest first (for the sparkline). */
  series: z.array(seriesPoint),
  commentary,
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
  latest: seriesPoint.nullable(),
  previous: seriesPoint.nullable(),
  rag,
  direction,
  gap: z.boolean(),
  england: z.number().nullable(),
  neighbours: z.number().nullable(),
  region: z.number().nullable(),
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
