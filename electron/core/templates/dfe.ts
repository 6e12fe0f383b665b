/**
 * The standard definitions of the measures the DfE publishes about children looked after and
 * care leavers (SSDA903 return, "Children looked after in England including adoptions", the
 * adoption scorecard, LAIT; "Outcomes for children in need, including children looked after"
 * for education), in the project's own words. Templates use them so a new board's measures
 * count what the national figures count, over the same year and base, and can sit beside them.
 * Where the DfE publishes once a year, the measure is annual.
 */
import type { TemplateMeasure } from './types';

type Definition = Pick<
  TemplateMeasure,
  | 'definition'
  | 'numerator'
  | 'denominator'
  | 'dfeRef'
  | 'ageBand'
  | 'source'
  | 'frequency'
  | 'yearBasis'
  | 'unit'
  | 'polarity'
>;

const SSDA903 = 'SSDA903 return (DfE, children looked after)';
const CLA12 = 'children looked after continuously for at least 12 months at 31 March';

export const dfe = {
  ratePer10k: {
    definition:
      'Children looked after at 31 March for every 10,000 children aged under 18 living in the area. Neither high nor low is good in itself.',
    numerator: 'Children looked after at 31 March',
    denominator: 'Children aged 0 to 17 in the area (ONS mid-year population estimate), divided by 10,000',
    dfeRef: 'LAIT: children looked after rate, per 10,000 children aged under 18',
    ageBand: 'Under 18',
    source: SSDA903,
    frequency: 'annual',
    unit: 'rate10k',
    polarity: 'neither',
  },
  stabilityShortTerm: {
    definition: 'Children looked after at 31 March who had three or more placements during the year.',
    numerator: 'Children looked after at 31 March with 3 or more placements in the year to 31 March',
    denominator: 'All children looked after at 31 March',
    dfeRef: 'LAIT: children looked after with 3 or more placements during the year',
    ageBand: 'Under 18',
    source: SSDA903,
    frequency: 'annual',
    unit: 'percent',
    polarity: 'lower',
  },
  stabilityLongTerm: {
    definition:
      'Children under 16 who have been looked after for 2½ years or more and have lived in the same placement for at least 2 years, or are placed for adoption and their adoptive and previous placements together make 2 years.',
    numerator:
      'Of the denominator, those in the same placement for at least 2 years (or placed for adoption as above)',
    denominator: 'Children aged under 16 at 31 March looked after continuously for at least 2½ years',
    dfeRef: 'LAIT: long-term stability of placements (children under 16)',
    ageBand: 'Under 16',
    source: SSDA903,
    frequency: 'annual',
    unit: 'percent',
    polarity: 'higher',
  },
  a1: {
    definition:
      'For children adopted, the average number of days between entering care and moving in with their adoptive family, over three years (DfE publishes it as a three-year average, e.g. 2019-22).',
    numerator:
      'Total days from entering care to moving in with the adoptive family, for children adopted in the three years',
    denominator: 'Children adopted in the three years',
    dfeRef: 'Adoption scorecard A1',
    ageBand: 'All children adopted',
    source: SSDA903,
    frequency: 'annual',
    unit: 'days',
    polarity: 'lower',
  },
  a2: {
    definition:
      'The average number of days between the court giving the council authority to place a child for adoption (the placement order) and the decision on a match with an adoptive family, over three years.',
    numerator:
      'Total days from placement order to matching decision, for children matched in the three years',
    denominator: 'Children matched with an adoptive family in the three years',
    dfeRef: 'Adoption scorecard A2',
    ageBand: 'All children matched',
    source: SSDA903,
    frequency: 'annual',
    unit: 'days',
    polarity: 'lower',
  },
  a10: {
    definition:
      'As A1, but for a child adopted by their foster carers the clock stops when they moved in with those carers: the average days between entering care and moving in with the family that adopted them, over three years.',
    numerator:
      'Total days from entering care to moving in with the family who adopted them (adjusted for foster carer adoptions)',
    denominator: 'Children adopted in the three years',
    dfeRef: 'Adoption scorecard A10',
    ageBand: 'All children adopted',
    source: SSDA903,
    frequency: 'annual',
    unit: 'days',
    polarity: 'lower',
  },
  careLeaversEet: {
    definition:
      'Care leavers aged 19, 20 and 21 in education, employment or training around their birthday. The base is all care leavers of that age, including those the council is not in touch with.',
    numerator: 'Care leavers aged 19 to 21 recorded as in education, employment or training',
    denominator: 'All care leavers aged 19 to 21 (whether or not the council is in touch with them)',
    dfeRef: 'SSDA903 care leavers: activity at age 19 to 21 (LAIT: care leavers in EET)',
    ageBand: '19 to 21',
    source: SSDA903,
    frequency: 'annual',
    unit: 'percent',
    polarity: 'higher',
  },
  careLeaversAccommodation: {
    definition:
      'Care leavers aged 19, 20 and 21 living in accommodation judged suitable. The base is all care leavers of that age, including those the council is not in touch with.',
    numerator: 'Care leavers aged 19 to 21 recorded as in suitable accommodation',
    denominator: 'All care leavers aged 19 to 21 (whether or not the council is in touch with them)',
    dfeRef:
      'SSDA903 care leavers: accommodation at age 19 to 21 (LAIT: care leavers in suitable accommodation)',
    ageBand: '19 to 21',
    source: SSDA903,
    frequency: 'annual',
    unit: 'percent',
    polarity: 'higher',
  },
  healthAssessments: {
    definition: `Children looked after for at least a year whose annual health assessment was up to date.`,
    numerator: 'Of the denominator, those whose health assessment was up to date',
    denominator: `All ${CLA12}`,
    dfeRef: 'SSDA903 OC2: health assessments up to date',
    ageBand: 'Under 18',
    source: SSDA903,
    frequency: 'annual',
    unit: 'percent',
    polarity: 'higher',
  },
  dentalChecks: {
    definition:
      'Children looked after for at least a year who had their teeth checked by a dentist in the year.',
    numerator: 'Of the denominator, those whose teeth were checked by a dentist in the year',
    denominator: `All ${CLA12}`,
    dfeRef: 'SSDA903 OC2: dental checks',
    ageBand: 'Under 18',
    source: SSDA903,
    frequency: 'annual',
    unit: 'percent',
    polarity: 'higher',
  },
  immunisations: {
    definition: 'Children looked after for at least a year whose immunisations were up to date.',
    numerator: 'Of the denominator, those whose immunisations were up to date',
    denominator: `All ${CLA12}`,
    dfeRef: 'SSDA903 OC2: immunisations up to date',
    ageBand: 'Under 18',
    source: SSDA903,
    frequency: 'annual',
    unit: 'percent',
    polarity: 'higher',
  },
  sdqScore: {
    definition:
      'The average Strengths and Difficulties Questionnaire total difficulties score (0 to 40; 14 to 16 is borderline, 17 or more a cause for concern) of children aged 5 to 16 looked after for at least a year.',
    numerator: 'Sum of the SDQ total difficulties scores',
    denominator: `Children aged 5 to 16 at 31 March, ${CLA12.replace('children ', '')}, with a completed SDQ`,
    dfeRef: 'SSDA903 OC2: SDQ score',
    ageBand: '5 to 16',
    source: SSDA903,
    frequency: 'annual',
    unit: 'score',
    polarity: 'lower',
  },
  sdqCompleted: {
    definition:
      'Children aged 5 to 16 looked after for at least a year with a completed Strengths and Difficulties Questionnaire.',
    numerator: 'Of the denominator, those with a completed SDQ',
    denominator: `Children aged 5 to 16 at 31 March, ${CLA12.replace('children ', '')}`,
    dfeRef: 'SSDA903 OC2: SDQ completed',
    ageBand: '5 to 16',
    source: SSDA903,
    frequency: 'annual',
    unit: 'percent',
    polarity: 'higher',
  },
  missing: {
    definition: 'Children looked after during the year who had at least one missing incident.',
    numerator: 'Children looked after during the year with a missing incident',
    denominator: 'All children looked after during the year (for the number, none)',
    dfeRef: 'SSDA903: missing incidents',
    ageBand: 'Under 18',
    source: SSDA903,
    frequency: 'annual',
    unit: 'number',
    polarity: 'lower',
  },
  attainment8: {
    definition:
      'The average Attainment 8 score of children looked after for at least a year at the end of key stage 4 (replaces "5 good GCSEs including English and maths", no longer published).',
    numerator: 'Sum of Attainment 8 scores',
    denominator: `Pupils at the end of key stage 4 who are ${CLA12}`,
    dfeRef: 'DfE Outcomes for children in need, including children looked after: KS4 Attainment 8',
    ageBand: 'End of key stage 4 (usually 15 to 16)',
    source: 'DfE outcomes for children looked after (National Pupil Database linked to SSDA903)',
    frequency: 'annual',
    yearBasis: 'academic',
    unit: 'score',
    polarity: 'higher',
  },
  persistentAbsence: {
    definition: `Children looked after for at least a year who were persistently absent from school (missing 10% or more of sessions).`,
    numerator: 'Of the denominator, those persistently absent',
    denominator: `School-age ${CLA12}`,
    dfeRef: 'DfE Outcomes for children in need, including children looked after: absence',
    ageBand: 'School age (5 to 15)',
    source: 'DfE outcomes for children looked after (National Pupil Database linked to SSDA903)',
    frequency: 'annual',
    yearBasis: 'academic',
    unit: 'percent',
    polarity: 'lower',
  },
  suspensions: {
    definition:
      'Children looked after for at least a year with at least one suspension (fixed-period exclusion) in the school year.',
    numerator: 'Of the denominator, those with one or more suspensions',
    denominator: `School-age ${CLA12}`,
    dfeRef: 'DfE Outcomes for children in need, including children looked after: exclusions',
    ageBand: 'School age (5 to 15)',
    source: 'DfE outcomes for children looked after (National Pupil Database linked to SSDA903)',
    frequency: 'annual',
    yearBasis: 'academic',
    unit: 'percent',
    polarity: 'lower',
  },
} satisfies Record<string, Definition>;
