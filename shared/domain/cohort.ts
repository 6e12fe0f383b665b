/**
 * The children in care profile (after Peterborough's): counts of children by breakdown,
 * per period. One list of breakdowns for the API, the screen, the charts and the import.
 */
export const cohortBreakdowns = [
  'age_band',
  'gender',
  'legal_status',
  'placement_type',
  'ethnicity',
  'time_in_care',
] as const;

export type CohortBreakdown = (typeof cohortBreakdowns)[number];

export const cohortBreakdownLabel: Record<CohortBreakdown, string> = {
  age_band: 'Age band',
  gender: 'Gender',
  legal_status: 'Legal status',
  placement_type: 'Placement type',
  ethnicity: 'Ethnicity',
  time_in_care: 'Length of time in care',
};
