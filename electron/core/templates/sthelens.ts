import { dfe } from './dfe';
import type { BoardTemplate } from './types';

// Modelled on St Helens' interim strategy for cared for children and young people leaving care:
// a Promise written by young people (Respect us, Skills for life, Support us, Help us to keep
// healthy) plus achieving permanence, and the indicators in its performance framework, with the
// DfE's definitions where the DfE publishes them. The targets it states are carried over (A1 426
// days, A2 121 days, every child with a completed SDQ); its "5 good GCSEs" indicator is now
// Attainment 8, as the DfE measures it. It names no leads or timescales for its actions.

const PROMISE = 'Our Promise';

export const sthelens: BoardTemplate = {
  name: 'sthelens',
  council: 'St Helens Borough Council',
  label: 'St Helens — Respect us, Skills for life, Support us, Help us to keep healthy, Achieving permanence',
  description:
    'The four commitments of a Promise written by young people plus achieving permanence, 17 actions and 25 indicators, with the adoption targets A1 (426 days) and A2 (121 days).',
  strategy: {
    title: 'Strategy for cared for children and young people leaving care',
    period: '12 months (interim)',
    summary:
      'An interim, one-year strategy while a three-year multi-agency strategy is written with partners and young people. ' +
      'It is framed by the Promise young people wrote, and progress is tracked through the indicators of the performance framework.',
  },
  pledges: [
    {
      code: 'R',
      title: 'Respect us',
      collection: PROMISE,
      description:
        'Young people asked for privacy, their own space, a safe place for special things and to be treated like any other child.',
    },
    {
      code: 'S',
      title: 'Skills for life',
      collection: PROMISE,
      description:
        'Young people asked to be taught practical skills, budgeting and cooking, and helped into education and work.',
    },
    {
      code: 'U',
      title: 'Support us',
      collection: PROMISE,
      description:
        'Young people asked for someone approachable to talk to, help with practical matters and interest in their lives.',
    },
    {
      code: 'H',
      title: 'Help us to keep healthy',
      collection: PROMISE,
      description: 'Young people asked for help with health appointments, mental health and staying active.',
    },
  ],
  priorities: [
    {
      code: 'RU',
      title: 'Respect us',
      description:
        'Children are treated with respect, involved in decisions and their voice shapes services.',
      principles: ['b', 'c'],
      pledges: ['R'],
    },
    {
      code: 'SL',
      title: 'Skills for life',
      description:
        'Good schools, good progress, and the skills and chances to move into work and a home of their own.',
      principles: ['e', 'g'],
      pledges: ['S'],
    },
    {
      code: 'SU',
      title: 'Support us',
      description:
        'Safe from harm, supported through good times and bad, and with a clear plan that they understand.',
      principles: ['a', 'f'],
      pledges: ['U'],
    },
    {
      code: 'HH',
      title: 'Help us to keep healthy',
      description: 'Physical, emotional and mental health needs met in good time.',
      principles: ['a', 'd'],
      pledges: ['H'],
    },
    {
      code: 'AP',
      title: 'Achieving permanence',
      description:
        'A permanent, local and stable home as early as possible: back with family, adoption, special guardianship or long-term fostering.',
      principles: ['f'],
    },
  ],
  plan: [
    {
      priority: 'RU',
      ref: 'R1',
      action: 'Support children to take an active part in their reviews and pathway planning.',
    },
    {
      priority: 'RU',
      ref: 'R2',
      action: 'Collect feedback from children and young people regularly and use it to change practice.',
    },
    {
      priority: 'RU',
      ref: 'R3',
      action: 'Change social worker or personal adviser only when unavoidable, and explain any change.',
    },
    {
      priority: 'RU',
      ref: 'R4',
      action: 'Offer every child a lockable box for their special things.',
    },
    {
      priority: 'SL',
      ref: 'S1',
      action:
        'Make sure every child who needs one has a Personal Education Plan, with a focus on those at school outside the borough.',
    },
    {
      priority: 'SL',
      ref: 'S2',
      action: 'Work with schools to avoid excluding children in our care.',
    },
    {
      priority: 'SL',
      ref: 'S3',
      action: 'Reduce the number of care leavers not in education, employment or training.',
    },
    {
      priority: 'SL',
      ref: 'S4',
      action: 'Help young people learn budgeting, shopping and cooking before they move on.',
    },
    {
      priority: 'SU',
      ref: 'U1',
      action: 'Reduce the risk of children going missing from care and understand why it happens.',
    },
    {
      priority: 'SU',
      ref: 'U2',
      action: 'Help children understand their life story in a way and at a time that suits them.',
    },
    {
      priority: 'SU',
      ref: 'U3',
      action: 'Offer an independent visitor or advocate to every child who wants one.',
    },
    {
      priority: 'HH',
      ref: 'H1',
      action:
        'Tell health colleagues promptly when a child comes into care, so health assessments and immunisations happen on time.',
    },
    {
      priority: 'HH',
      ref: 'H2',
      action: 'Make sure children have regular dental checks and treatment.',
    },
    {
      priority: 'HH',
      ref: 'H3',
      action:
        'Give care leavers their health history and help them register with a GP and use mental health services.',
    },
    {
      priority: 'AP',
      ref: 'P1',
      action: 'Promote fostering for adoption to reach permanence early.',
    },
    {
      priority: 'AP',
      ref: 'P2',
      action: 'Recruit more local foster carers who reflect the children we care for.',
    },
    {
      priority: 'AP',
      ref: 'P3',
      action: 'Train the fostering service in a secure base therapeutic model with CAMHS.',
    },
  ],
  measures: [
    {
      code: 'V1',
      title: 'Cared for children attending and taking an active part in their review',
      unit: 'percent',
      polarity: 'higher',
      priority: 'RU',
      principles: ['b'],
    },
    {
      code: 'V2',
      title: 'Reviews where the IRO visited the child in the 6 weeks before',
      unit: 'percent',
      polarity: 'higher',
      priority: 'RU',
      principles: ['c'],
    },
    {
      code: 'V3',
      title: 'Cared for children visited and seen alone by their social worker',
      unit: 'percent',
      polarity: 'higher',
      priority: 'SU',
    },
    {
      code: 'A1',
      ...dfe.a1,
      title: 'Average days between coming into care and placement with adopters',
      target: 426,
      priority: 'AP',
    },
    {
      code: 'A2',
      ...dfe.a2,
      title: 'Average days between placement order and matching decision',
      target: 121,
      priority: 'AP',
    },
    {
      code: 'P1',
      title: 'Cared for children placed within the borough',
      unit: 'percent',
      polarity: 'higher',
      priority: 'AP',
    },
    {
      code: 'P2',
      title: 'Cared for children placed within 20 miles of the borough',
      unit: 'percent',
      polarity: 'higher',
      priority: 'AP',
    },
    {
      code: 'P3',
      ...dfe.stabilityLongTerm,
      title:
        'Long-term stability: under-16s in care 2½ years or more, in the same placement for 2 years or placed for adoption',
      priority: 'AP',
    },
    {
      code: 'P4',
      title: 'Children in residential care (focus on under-12s)',
      unit: 'number',
      polarity: 'lower',
      priority: 'AP',
    },
    {
      code: 'H1',
      title: 'Cared for children who are overweight or underweight',
      unit: 'percent',
      polarity: 'lower',
      priority: 'HH',
    },
    {
      code: 'H2',
      ...dfe.sdqCompleted,
      title: 'Cared for children with a completed Strengths and Difficulties Questionnaire',
      target: 100,
      priority: 'HH',
    },
    {
      code: 'H3',
      ...dfe.sdqScore,
      title: 'Average Strengths and Difficulties Questionnaire score',
      priority: 'HH',
    },
    { code: 'H4', ...dfe.healthAssessments, title: 'Health assessments on time', priority: 'HH' },
    { code: 'H5', ...dfe.dentalChecks, title: 'Dental checks up to date', priority: 'HH' },
    { code: 'H6', ...dfe.immunisations, title: 'Immunisations up to date', priority: 'HH' },
    {
      code: 'S1',
      ...dfe.missing,
      title: 'Cared for children who went missing from care',
      priority: 'SU',
    },
    {
      code: 'E1',
      title: 'School attendance of cared for children',
      unit: 'percent',
      polarity: 'higher',
      priority: 'SL',
    },
    {
      code: 'E2',
      title: 'Cared for children at a good or outstanding school or provision',
      unit: 'percent',
      polarity: 'higher',
      priority: 'SL',
    },
    {
      code: 'E3',
      title: 'Cared for children excluded from school',
      unit: 'number',
      polarity: 'lower',
      priority: 'SL',
    },
    {
      code: 'E4',
      title: 'Cared for children on a part-time timetable',
      unit: 'number',
      polarity: 'lower',
      priority: 'SL',
    },
    {
      code: 'E5',
      title: 'Cared for children with a Personal Education Plan (including post-16)',
      unit: 'percent',
      polarity: 'higher',
      priority: 'SL',
    },
    {
      code: 'E6',
      ...dfe.attainment8,
      title: 'Average Attainment 8 score of cared for children',
      priority: 'SL',
    },
    {
      code: 'L1',
      title: 'Care leavers in suitable accommodation',
      unit: 'percent',
      polarity: 'higher',
      priority: 'SL',
    },
    {
      code: 'L2',
      title: 'Care leavers with an up-to-date pathway plan',
      unit: 'percent',
      polarity: 'higher',
      priority: 'SU',
    },
    {
      code: 'L3',
      ...dfe.careLeaversEet,
      title: 'Care leavers aged 19 to 21 in education, employment or training',
      priority: 'SL',
    },
  ],
};
