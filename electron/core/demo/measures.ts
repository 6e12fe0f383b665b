import type { DB } from '../store/board-file';
import { tableHasColumn } from '../store/seed';
import { P, PR } from './strategy';
import {
  apportion,
  financialYearLabel,
  insert,
  lastCompleteQuarter,
  mulberry32,
  quarterLabel,
  round1,
} from './util';

// Measures (KPIs) with eight quarters of values, comparators, and the cohort profile. Measures the
// DfE also publishes carry its definition and reference; their England, neighbour and region
// comparators are the DfE's annual figures (for the last two complete years), never invented
// quarterly ones. A10 is reported as the DfE reports it: once a year, as three-year averages.

type Unit = 'percent' | 'number' | 'days' | 'rate10k' | 'score';
type Polarity = 'higher' | 'lower' | 'neither';
type Rag = 'red' | 'amber' | 'green' | 'noTarget' | 'notRated';

interface MeasureSeed {
  code: string;
  title: string;
  definition: string;
  unit: Unit;
  polarity: Polarity;
  target: number | null;
  tolerance: number;
  owner: string;
  source: string;
  priority: number;
  /** Eight quarters, oldest first, ending with the last complete quarter; null = a missing quarter. */
  series: (number | null)[];
  /** For percentages: the typical denominator; numerators are derived and values recomputed from them. */
  denominator?: number;
  /** England, statistical neighbours, region for the last complete year (null = not published). */
  comparators?: [number | null, number | null, number | null];
  /** The DfE's definition: what the numerator and denominator are, its reference, the age band. */
  numerator?: string;
  denominatorText?: string;
  dfeRef?: string;
  ageBand?: string;
  /**
   * Reported annually as the DfE does, as three-year figures ending with the last complete
   * financial year (oldest first), instead of quarters.
   */
  threeYear?: number[];
  working?: string;
  worried?: string;
  next?: string;
  principle?: number;
  /** What the latest value is designed to rate. */
  designed: Rag;
}

/** Under-18 population used for the rate per 10,000. */
const POPULATION_0_17 = 53_300;

/** Children looked after at the end of each of the eight quarters (oldest first). */
const COHORT_TOTALS = [300, 304, 309, 312, 318, 324, 331, 336] as const;

const CSC = 'Children’s social care case management system';

export const measureSeeds: readonly MeasureSeed[] = [
  {
    code: 'V1',
    title: 'Children who took part in their review',
    definition:
      'Percentage of children looked after for 4+ weeks whose review in the quarter they attended, spoke for themselves or conveyed their views.',
    unit: 'percent',
    polarity: 'higher',
    target: 95,
    tolerance: 5,
    owner: 'IRO Service Manager',
    source: CSC,
    priority: P.voice,
    series: [91.2, 92.5, 93.0, 92.1, 94.0, 94.8, 95.3, 96.2],
    denominator: 150,
    comparators: [90.0, 92.0, null],
    numerator:
      'Reviews in the quarter where the child attended, spoke for themselves or conveyed their views',
    denominatorText: 'Reviews in the quarter of children looked after for 4 weeks or more',
    ageBand: '4 and over',
    working:
      'Young people co-chairing part of their own review has lifted participation for the fourth quarter in a row.',
    principle: PR.b,
    designed: 'green',
  },
  {
    code: 'V2',
    title: 'Children visited by their IRO in the six weeks before their review',
    definition:
      'Percentage of reviews in the quarter where the Independent Reviewing Officer saw the child in the six weeks before.',
    unit: 'percent',
    polarity: 'higher',
    target: 90,
    tolerance: 5,
    owner: 'IRO Service Manager',
    source: CSC,
    priority: P.voice,
    series: [88.0, 86.5, 87.2, 85.9, 84.1, 85.3, 84.0, 82.6],
    denominator: 150,
    worried:
      'Two IRO vacancies have been covered by agency staff with higher caseloads; visits between reviews are the first thing to slip.',
    next: 'One post is now filled. The IRO Service Manager will report a recovery trajectory to the next Board.',
    principle: PR.c,
    designed: 'red',
  },
  {
    code: 'S1',
    title: 'Children with three or more moves of home in the last 12 months',
    definition:
      'Percentage of children looked after at the end of the quarter who had three or more placements in the previous 12 months (the DfE counts the same at 31 March each year).',
    numerator:
      'Children looked after at the end of the quarter with 3 or more placements in the 12 months before',
    denominatorText: 'All children looked after at the end of the quarter',
    dfeRef: 'LAIT: children looked after with 3 or more placements during the year',
    ageBand: 'Under 18',
    unit: 'percent',
    polarity: 'lower',
    target: 10,
    tolerance: 2,
    owner: 'Head of Service, Children in Care',
    source: CSC,
    priority: P.homes,
    series: [9.1, 9.4, 10.2, 9.8, 10.5, 10.9, 11.4, 11.2],
    denominator: 330,
    comparators: [10.0, 10.5, 10.2],
    working: 'Stability meetings are now held for almost every child after a second move.',
    worried: 'A shortage of local foster homes for teenagers means more moves at short notice.',
    next: 'Fostering campaign refreshed; stability meeting audit to the next Board.',
    designed: 'amber',
  },
  {
    code: 'S2',
    title: 'Long-term stability: under-16s in care 2½ years or more, in the same home for 2 years',
    definition:
      'Percentage of children under 16 looked after for at least 2½ years who have lived in the same placement for at least 2 years, or are placed for adoption and their adoptive and previous placements together make 2 years.',
    numerator:
      'Of the denominator, those in the same placement for at least 2 years (or placed for adoption as above)',
    denominatorText: 'Children aged under 16 looked after continuously for at least 2½ years',
    dfeRef: 'LAIT: long-term stability of placements (children under 16)',
    ageBand: 'Under 16',
    unit: 'percent',
    polarity: 'higher',
    target: 70,
    tolerance: 5,
    owner: 'Head of Service, Children in Care',
    source: CSC,
    priority: P.homes,
    series: [66.0, 67.3, 68.1, 68.8, 69.4, 70.2, 70.9, 71.4],
    denominator: 105,
    comparators: [70.0, 69.0, null],
    principle: PR.f,
    designed: 'green',
  },
  {
    code: 'S3',
    title: 'Children looked after per 10,000 children',
    definition:
      'Children looked after at the end of the quarter per 10,000 children aged 0–17 (mid-year population estimate). Neither high nor low is good in itself; the Board watches it against the sufficiency plan’s planning level.',
    unit: 'rate10k',
    polarity: 'neither',
    target: 62,
    tolerance: 0,
    owner: 'Performance and Intelligence Manager',
    source: `${CSC}; ONS mid-year estimates`,
    numerator: 'Children looked after at the end of the quarter',
    denominatorText: 'Children aged 0 to 17 in the area (ONS mid-year estimate), divided by 10,000',
    dfeRef: 'LAIT: children looked after rate, per 10,000 children aged under 18 (DfE: at 31 March)',
    ageBand: 'Under 18',
    priority: P.homes,
    series: COHORT_TOTALS.map((t) => round1((t / POPULATION_0_17) * 10_000)),
    comparators: [70.0, 78.0, 85.0],
    designed: 'notRated',
  },
  {
    code: 'H1',
    title: 'Children in care 12 months or more with an up-to-date health assessment',
    definition:
      'Percentage of children looked after continuously for 12 months or more whose health assessment is in date.',
    numerator: 'Of the denominator, those whose health assessment is in date',
    denominatorText: 'Children looked after continuously for 12 months or more',
    dfeRef: 'SSDA903 OC2: health assessments up to date (DfE: at 31 March)',
    ageBand: 'Under 18',
    unit: 'percent',
    polarity: 'higher',
    target: 95,
    tolerance: 3,
    owner: 'Designated Nurse for Looked After Children',
    source: 'Looked After Children health team records',
    priority: P.health,
    series: [90.2, 91.5, 93.8, 94.6, 95.4, 94.1, 92.8, 93.5],
    denominator: 240,
    comparators: [89.0, 91.0, 90.0],
    working: 'Initial health assessments are now mostly within 20 working days.',
    worried: 'Review health assessments for children placed out of county are taking longer to arrange.',
    principle: PR.a,
    designed: 'amber',
  },
  {
    code: 'H2',
    title: 'Children in care 12 months or more with an up-to-date dental check',
    definition:
      'Percentage of children looked after continuously for 12 months or more who have had a dental check in the last year.',
    numerator: 'Of the denominator, those whose teeth were checked by a dentist in the last year',
    denominatorText: 'Children looked after continuously for 12 months or more',
    dfeRef: 'SSDA903 OC2: dental checks (DfE: at 31 March)',
    ageBand: 'Under 18',
    unit: 'percent',
    polarity: 'higher',
    target: 90,
    tolerance: 5,
    owner: 'Designated Nurse for Looked After Children',
    source: 'Looked After Children health team records',
    priority: P.health,
    series: [84.0, 82.5, 80.1, 79.4, 77.2, 76.8, 77.9, 78.4],
    denominator: 240,
    comparators: [82.0, 84.0, null],
    worried:
      'NHS dental practices taking new patients are scarce across the county; children who move are hit hardest.',
    next: 'A dental access pathway for children in care has been escalated to the Integrated Care Board.',
    designed: 'red',
  },
  {
    code: 'H3',
    title: 'Average Strengths and Difficulties Questionnaire score',
    definition:
      'Average SDQ total difficulties score for children aged 5 to 16 looked after for 12 months or more, with a completed questionnaire (0–40; 14–16 is borderline, 17+ a cause for concern).',
    numerator: 'Sum of the SDQ total difficulties scores',
    denominatorText: 'Children aged 5 to 16 looked after for 12 months or more with a completed SDQ',
    dfeRef: 'SSDA903 OC2: SDQ score (DfE: at 31 March)',
    ageBand: '5 to 16',
    unit: 'score',
    polarity: 'lower',
    target: 14,
    tolerance: 1,
    owner: 'Designated Nurse for Looked After Children',
    source: CSC,
    priority: P.health,
    series: [15.2, 15.0, 14.9, 14.7, 14.8, 14.5, 14.4, 14.6],
    comparators: [14.1, 14.4, null],
    designed: 'amber',
  },
  {
    code: 'E1',
    title: 'School-age children with an up-to-date Personal Education Plan',
    definition:
      'Percentage of children of statutory school age looked after at the end of the quarter with a PEP reviewed this term.',
    unit: 'percent',
    polarity: 'higher',
    target: 95,
    tolerance: 5,
    owner: 'Virtual School Head',
    source: 'Virtual School electronic PEP system',
    priority: P.learning,
    series: [92.0, 94.1, 95.6, 96.0, 93.2, 95.8, 96.5, 97.1],
    denominator: 210,
    comparators: [null, 95.0, null],
    working:
      'Designated teachers now complete PEPs in the electronic system; quality audits show steady improvement.',
    principle: PR.e,
    designed: 'green',
  },
  {
    code: 'E2',
    title: 'Children attending a school judged good or outstanding',
    definition:
      'Percentage of school-age children looked after attending a school or provision judged good or outstanding at its last inspection.',
    unit: 'percent',
    polarity: 'higher',
    target: 85,
    tolerance: 5,
    owner: 'Virtual School Head',
    source: 'Virtual School records; inspection outcomes',
    priority: P.learning,
    // The fourth quarter is missing: the return was not made when the PEP system changed.
    series: [83.1, 84.0, 84.6, null, 85.9, 86.2, 86.8, 87.0],
    denominator: 210,
    comparators: [82.0, 83.0, null],
    designed: 'green',
  },
  {
    code: 'E3',
    title: 'Children in care on a part-time timetable',
    definition:
      'Number of school-age children looked after on a reduced or part-time timetable on the last school day of the quarter.',
    unit: 'number',
    polarity: 'lower',
    target: null,
    tolerance: 0,
    owner: 'Virtual School Head',
    source: 'Virtual School records',
    priority: P.learning,
    series: [14, 12, 15, 11, 9, 10, 8, 9],
    next: 'The Board asked for a target to be proposed once the new review process for part-time timetables is in place.',
    designed: 'noTarget',
  },
  {
    code: 'A1',
    title: 'Average days between entering care and moving in with an adoptive family',
    definition:
      'For children adopted in the last three years: average number of days between entering care and moving in with their adoptive family (rolling three-year average, worked out each quarter; the DfE publishes it yearly).',
    numerator:
      'Total days from entering care to moving in with the adoptive family, for children adopted in the three years',
    denominatorText: 'Children adopted in the three years',
    dfeRef: 'Adoption scorecard A1',
    ageBand: 'All children adopted',
    unit: 'days',
    polarity: 'lower',
    target: 426,
    tolerance: 30,
    owner: 'Regional adoption agency',
    source: 'Adoption scorecard; case management system',
    priority: P.family,
    series: [468, 480, 495, 472, 488, 501, 497, 512],
    comparators: [450, 470, 458],
    worried:
      'Care proceedings are taking longer, and a small number of older children and sibling groups waited a long time for a match.',
    next: 'Early permanence (foster-to-adopt) to be considered for every baby with a plan for adoption.',
    principle: PR.f,
    designed: 'red',
  },
  {
    code: 'A2',
    title: 'Average days between placement order and match with an adoptive family',
    definition:
      'For children adopted in the last three years: average number of days between the court placement order and the decision that the child should be placed with a particular family.',
    numerator:
      'Total days from placement order to matching decision, for children matched in the three years',
    denominatorText: 'Children matched with an adoptive family in the three years',
    dfeRef: 'Adoption scorecard A2',
    ageBand: 'All children matched',
    unit: 'days',
    polarity: 'lower',
    target: 121,
    tolerance: 20,
    owner: 'Regional adoption agency',
    source: 'Adoption scorecard; case management system',
    priority: P.family,
    series: [152, 146, 139, 131, 128, 125, 122, 118],
    comparators: [170, 180, 165],
    working: 'Family finding now starts before the placement order is made.',
    designed: 'green',
  },
  {
    code: 'A10',
    title: 'Average days between entering care and moving in with the family who adopted them',
    definition:
      'As A1, but for a child adopted by their foster carers the clock stops when they moved in with those carers. Published by the DfE once a year as a three-year average.',
    unit: 'days',
    polarity: 'lower',
    target: 426,
    tolerance: 30,
    owner: 'Regional adoption agency',
    source: 'Adoption scorecard (DfE)',
    priority: P.family,
    series: [],
    threeYear: [478, 462, 451, 441],
    comparators: [446, 452, 440],
    numerator:
      'Total days from entering care to moving in with the family who adopted them, for children adopted in the three years',
    denominatorText: 'Children adopted in the three years',
    dfeRef: 'Adoption scorecard A10',
    ageBand: 'All children adopted',
    designed: 'amber',
  },
  {
    code: 'L1',
    title: 'Care leavers aged 19–21 in education, employment or training',
    definition:
      'Percentage of care leavers aged 19, 20 and 21 who are in education, employment or training, counted as the DfE counts them: of all care leavers that age, including those we are not in touch with.',
    numerator: 'Care leavers aged 19 to 21 in education, employment or training',
    denominatorText: 'All care leavers aged 19 to 21, whether or not we are in touch with them',
    dfeRef: 'SSDA903 care leavers: activity at age 19 to 21',
    ageBand: '19 to 21',
    unit: 'percent',
    polarity: 'higher',
    target: 60,
    tolerance: 5,
    owner: 'Leaving Care Service Manager',
    source: CSC,
    priority: P.adulthood,
    series: [51.2, 52.8, 54.0, 53.1, 55.6, 57.2, 58.0, 56.3],
    denominator: 95,
    comparators: [56.0, 54.0, 53.0],
    working: 'Six council apprenticeships filled by care leavers this year.',
    worried: 'A dip this quarter as a group of college courses ended in the summer.',
    next: 'Four further ring-fenced apprenticeships advertised.',
    principle: PR.g,
    designed: 'amber',
  },
  {
    code: 'L2',
    title: 'Care leavers aged 19–21 in suitable accommodation',
    definition:
      'Percentage of care leavers aged 19, 20 and 21 in suitable accommodation, counted as the DfE counts them: of all care leavers that age, including those we are not in touch with.',
    numerator: 'Care leavers aged 19 to 21 in suitable accommodation',
    denominatorText: 'All care leavers aged 19 to 21, whether or not we are in touch with them',
    dfeRef: 'SSDA903 care leavers: accommodation at age 19 to 21',
    ageBand: '19 to 21',
    unit: 'percent',
    polarity: 'higher',
    target: 90,
    tolerance: 3,
    owner: 'Leaving Care Service Manager',
    source: CSC,
    priority: P.adulthood,
    series: [86.4, 87.9, 88.5, 89.2, 90.6, 91.0, 91.8, 92.1],
    denominator: 95,
    comparators: [88.0, 89.0, null],
    designed: 'green',
  },
];

function count(r: Rag): number {
  return measureSeeds.filter((m) => m.designed === r).length;
}

/** The RAG mix the demo's latest values are designed to give (checked by the unit tests). */
export const demoExpected = {
  red: count('red'),
  amber: count('amber'),
  green: count('green'),
  noTarget: count('noTarget'),
  notRated: count('notRated'),
  measures: measureSeeds.length,
} as const;

export function writeMeasures(db: DB, today: string): Map<string, number> {
  const rng = mulberry32(0x4e53_4343); // 'NSCC'
  const last = lastCompleteQuarter(today);
  const first = last - 7;
  // The last complete financial year (the DfE's latest): the year before the one the last quarter is in, unless that quarter is Q4.
  const lastYear = Math.floor(last / 4) - (last % 4 === 3 ? 0 : 1);
  const ids = new Map<string, number>();
  // Boards older than the definition fields (a migration test writes the demo at an old schema) get none.
  const definitions = tableHasColumn(db, 'measure', 'dfe_ref');

  measureSeeds.forEach((m, i) => {
    const id = insert(db, 'measure', {
      code: m.code,
      title: m.title,
      definition: m.definition,
      unit: m.unit,
      polarity: m.polarity,
      target: m.target,
      tolerance: m.tolerance,
      frequency: m.threeYear ? 'annual' : 'quarterly',
      owner: m.owner,
      source: m.source,
      priority_id: m.priority,
      commentary_working: m.working ?? '',
      commentary_worried: m.worried ?? '',
      commentary_next: m.next ?? '',
      sort: i + 1,
      ...(definitions
        ? {
            numerator_definition: m.numerator ?? '',
            denominator_definition: m.denominatorText ?? '',
            dfe_ref: m.dfeRef ?? '',
            age_band: m.ageBand ?? '',
          }
        : {}),
    });
    ids.set(m.code, id);
    if (m.principle) insert(db, 'link', { measure_id: id, to_principle_id: m.principle });

    // Three-year figures ending with each of the last complete years: 2019-22, 2020-23, …
    const threeYearLabel = (endFy: number) => `${endFy - 2}-${String((endFy + 1) % 100).padStart(2, '0')}`;
    m.threeYear?.forEach((value, k, all) => {
      insert(db, 'measure_value', {
        measure_id: id,
        period: threeYearLabel(lastYear - (all.length - 1 - k)),
        value,
        numerator: null,
        denominator: null,
        note: '',
      });
    });

    m.series.forEach((designed, k) => {
      const period = quarterLabel(first + k);
      if (designed === null) return;
      let value = designed;
      let numerator: number | null = null;
      let denominator: number | null = null;
      if (m.denominator) {
        denominator = m.denominator - 6 + Math.floor(rng() * 13);
        numerator = Math.round((designed / 100) * denominator);
        value = round1((numerator / denominator) * 100);
      }
      const note = m.code === 'S3' ? `${COHORT_TOTALS[k]} children; population 53,300 aged 0–17` : '';
      insert(db, 'measure_value', { measure_id: id, period, value, numerator, denominator, note });
    });

    // Comparators as the DfE publishes them: once a year, for the last two complete years
    // (three-year figures for A10), the earlier year a little different.
    if (m.comparators) {
      const kinds = ['england', 'neighbours', 'region'] as const;
      m.comparators.forEach((base, j) => {
        if (base === null) return;
        for (let k = 0; k < 2; k++) {
          const drift = (k - 1) * (m.unit === 'days' ? 6 : 0.4);
          const value = m.unit === 'days' ? Math.round(base - drift) : round1(base - drift);
          const fy = lastYear - 1 + k;
          insert(db, 'comparator', {
            measure_id: id,
            kind: kinds[j]!,
            period: m.threeYear ? threeYearLabel(fy) : financialYearLabel(fy),
            value,
          });
        }
      });
    }
  });
  return ids;
}

/** Cohort profile (counts of children looked after by breakdown) for the last five quarters. */
const breakdowns: { breakdown: string; categories: string[]; shares: (t: number) => number[] }[] = [
  {
    breakdown: 'age_band',
    categories: ['Under 1', '1–4', '5–9', '10–15', '16+'],
    shares: (t) => [6, 12 - t * 0.2, 20, 40, 22 + t * 0.5],
  },
  { breakdown: 'gender', categories: ['Male', 'Female'], shares: (t) => [56 + t * 0.2, 44] },
  {
    breakdown: 'legal_status',
    categories: ['Care order', 'Placement order', 'Section 20 (voluntary)', 'Other'],
    shares: (t) => [62, 10 - t * 0.5, 24 + t * 0.3, 4],
  },
  {
    breakdown: 'placement_type',
    categories: [
      'Foster care',
      'Residential',
      'Placed with parents',
      'Adoption placement',
      'Independent living',
      'Other',
    ],
    shares: (t) => [70 - t * 0.3, 11 + t * 0.3, 4, 3, 8, 4],
  },
  {
    breakdown: 'ethnicity',
    categories: ['White British', 'Mixed', 'Asian', 'Black', 'Other'],
    shares: (t) => [78 - t * 0.2, 9, 5, 5 + t * 0.2, 3],
  },
  {
    breakdown: 'time_in_care',
    categories: ['Under 1 year', '1–2 years', '2–5 years', '5+ years'],
    shares: (t) => [28 + t * 0.3, 20, 30, 22 - t * 0.3],
  },
];

export function writeCohort(db: DB, today: string): void {
  const last = lastCompleteQuarter(today);
  for (let t = 0; t < 5; t++) {
    const period = quarterLabel(last - 4 + t);
    const total = COHORT_TOTALS[3 + t]!;
    for (const b of breakdowns) {
      const counts = apportion(total, b.shares(t));
      b.categories.forEach((category, i) => {
        insert(db, 'cohort_value', {
          period,
          breakdown: b.breakdown,
          category,
          count: counts[i]!,
          sort: i + 1,
        });
      });
    }
  }
}
