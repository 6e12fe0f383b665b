import { dfe } from './dfe';
import type { BoardTemplate } from './types';

// Modelled on Redcar and Cleveland's strategic plan for children in care and care leavers
// (2019–2022): the LACES promises, six "what we will do" themes (one per principle they quote),
// and the "How well are we doing?" measures, with the DfE's definitions where the DfE publishes
// them (annually). The plan published no targets, so none are set; it names no leads and few
// timescales for its actions, so only those it states are carried over.

const LACES = 'LACES promises';

export const redcar: BoardTemplate = {
  name: 'redcar',
  council: 'Redcar and Cleveland Borough Council',
  label: 'Redcar and Cleveland — LACES promises',
  description:
    'Five promises spelling LACES (Listen, Achieve, Communicate, Engage, Support), six delivery themes each tied to a corporate parenting principle, 20 actions and 14 performance measures.',
  strategy: {
    title: 'Strategic plan for children in our care and care leavers',
    period: '2019 to 2022',
    summary:
      'Our children in care and care leavers should have what any good parent would want for their own child. The plan is shared by the council, ' +
      'its partners, the Corporate Parenting Board and foster carers, is built on promises the Children in Our Care Council helped write, and is ' +
      'checked every quarter against the measures below.',
  },
  pledges: [
    {
      code: 'L',
      title: 'Listen',
      collection: LACES,
      description:
        'We hear what every child in our care and every care leaver tells us, and where it is right we act on it.',
    },
    {
      code: 'A',
      title: 'Achieve',
      collection: LACES,
      description: 'We reward staying in education, training or work and celebrate every success.',
    },
    {
      code: 'C',
      title: 'Communicate',
      collection: LACES,
      description:
        'We help you give your opinion about your care, reach your Independent Reviewing Officer and make a comment or complaint.',
    },
    {
      code: 'E',
      title: 'Engage',
      collection: LACES,
      description:
        'We offer ways to meet other children in care and care leavers through the Children in Our Care Council, and support safe time with family and friends.',
    },
    {
      code: 'S',
      title: 'Support',
      collection: LACES,
      description:
        'We keep you safe and healthy and give you the advice and help you need to reach your potential and, when ready, live on your own.',
    },
  ],
  priorities: [
    {
      code: 'W1',
      title: 'Ambition for children',
      description:
        'High aspirations and the best possible outcomes for every child in our care and care leaver.',
      principles: ['e'],
      pledges: ['A'],
    },
    {
      code: 'W2',
      title: 'Working together',
      description:
        'Children and young people can reach, and get the most from, council and partner services.',
      principles: ['d'],
      pledges: ['S'],
    },
    {
      code: 'W3',
      title: 'Safeguarding and permanence',
      description: 'Children are safe, with stable homes, relationships, schooling and work.',
      principles: ['f'],
      pledges: ['S', 'E'],
    },
    {
      code: 'W4',
      title: 'Youth voice',
      description: 'Children in our care are encouraged to say what they think, wish and feel.',
      principles: ['b'],
      pledges: ['L', 'C'],
    },
    {
      code: 'W5',
      title: 'Youth participation',
      description: 'What children tell us is taken into account in decisions about them and about services.',
      principles: ['c'],
      pledges: ['L', 'E'],
    },
    {
      code: 'W6',
      title: 'Transitions',
      description: 'Young people are ready for adult life and for living independently.',
      principles: ['g'],
      pledges: ['A', 'S'],
    },
  ],
  plan: [
    {
      priority: 'W1',
      ref: '1.1',
      action: 'Ring-fence council apprenticeships for care leavers.',
    },
    {
      priority: 'W1',
      ref: '1.2',
      whoWhere: 'Leaving Care Service',
      action: 'Place a dedicated careers adviser in the Leaving Care Service.',
    },
    {
      priority: 'W2',
      ref: '2.1',
      action:
        'Agree a clear policy on the financial support paid to special guardians and carers under child arrangements orders.',
    },
    {
      priority: 'W2',
      ref: '2.2',
      timescale: 'Annually',
      action: 'Review what we offer foster carers every year.',
    },
    {
      priority: 'W2',
      ref: '2.3',
      action: 'Review the team’s staffing structure against the needs of the service.',
    },
    {
      priority: 'W2',
      ref: '2.4',
      whoWhere: 'Tees Valley Adoption Agency',
      action: 'Embed the regional adoption agency arrangements.',
    },
    {
      priority: 'W2',
      ref: '2.5',
      action: 'Strengthen case file audit.',
    },
    {
      priority: 'W3',
      ref: '3.1',
      action: 'Run a refreshed campaign to recruit more in-house foster carers.',
    },
    {
      priority: 'W3',
      ref: '3.2',
      action:
        'Aim recruitment at gaps: teenagers, brothers and sisters together, parent and child placements.',
    },
    {
      priority: 'W3',
      ref: '3.3',
      action: 'Open and register two council-run children’s homes.',
    },
    {
      priority: 'W3',
      ref: '3.4',
      action:
        'Set up short-term emergency and respite support for families with teenagers on the edge of care.',
    },
    {
      priority: 'W3',
      ref: '3.5',
      action: 'Open a purpose-built family time centre.',
    },
    {
      priority: 'W3',
      ref: '3.6',
      action: 'Review transport for family time.',
    },
    {
      priority: 'W4',
      ref: '4.1',
      action:
        'Make care and pathway plans good quality, focused and easy to read, so young people recognise their aims in them.',
    },
    {
      priority: 'W4',
      ref: '4.2',
      action: 'Give children, families and professionals several ways to give feedback on the service.',
    },
    {
      priority: 'W5',
      ref: '5.1',
      action: 'Build support for unaccompanied asylum-seeking children settling in the borough.',
    },
    {
      priority: 'W5',
      ref: '5.2',
      action: 'Use digital tools to help more children take part in their reviews.',
    },
    {
      priority: 'W6',
      ref: '6.1',
      action: 'Put the whole Local Offer for care leavers into practice.',
    },
    {
      priority: 'W6',
      ref: '6.2',
      whoWhere: 'Senior personal adviser, Leaving Care Team',
      action: 'Use a senior personal adviser post to improve pathway plans.',
    },
    {
      priority: 'W6',
      ref: '6.3',
      action: 'Review and grow supported lodgings for young people.',
    },
  ],
  measures: [
    {
      code: 'RC01',
      title: 'Children in foster care placed with in-house carers (excluding family and friends)',
      unit: 'percent',
      polarity: 'higher',
      priority: 'W3',
    },
    {
      code: 'RC02',
      title: 'Children in our care placed in residential accommodation',
      unit: 'percent',
      polarity: 'lower',
      priority: 'W3',
    },
    {
      code: 'RC03',
      title: 'In-house foster carers able and willing to care for children with complex needs',
      unit: 'percent',
      polarity: 'higher',
      priority: 'W3',
    },
    {
      code: 'RC04',
      title: 'Families given an edge of care package who did not need care in the next 6 months',
      unit: 'percent',
      polarity: 'higher',
      priority: 'W2',
    },
    {
      code: 'RC05',
      ...dfe.stabilityShortTerm,
      title: 'Short-term stability: children with 3 or more placements in 12 months',
      priority: 'W3',
    },
    {
      code: 'RC06',
      ...dfe.stabilityLongTerm,
      title: 'Long-term stability: under-16s in care 2½ years or more, in the same placement for 2 years',
      priority: 'W3',
    },
    {
      code: 'RC07',
      title: 'Children placed out of borough (excluding family and friends)',
      unit: 'percent',
      polarity: 'lower',
      priority: 'W3',
    },
    {
      code: 'RC08',
      title: 'Families giving positive feedback on the family time service',
      unit: 'percent',
      polarity: 'higher',
      priority: 'W5',
    },
    {
      code: 'RC09',
      title: 'Pathway plans judged good or better',
      unit: 'percent',
      polarity: 'higher',
      priority: 'W6',
    },
    {
      code: 'RC10',
      ...dfe.careLeaversAccommodation,
      title: 'Care leavers aged 19 to 21 in suitable accommodation',
      priority: 'W6',
    },
    {
      code: 'RC11',
      ...dfe.careLeaversEet,
      title: 'Care leavers aged 19 to 21 in education, employment or training',
      priority: 'W1',
    },
    {
      code: 'RC12',
      ...dfe.a1,
      dfeRef: 'Adoption scorecard A1, single year',
      definition:
        'For children adopted in the year, the average number of days between entering care and moving in with their adoptive family.',
      numerator:
        'Total days from entering care to moving in with the adoptive family, for children adopted in the year',
      denominator: 'Children adopted in the year',
      title: 'Average days from entering care to moving in with the adoptive family',
      priority: 'W3',
    },
    {
      code: 'RC13',
      ...dfe.a1,
      title: 'Average days from entering care to moving in with the adoptive family (3-year average)',
      priority: 'W3',
    },
    {
      code: 'RC14',
      ...dfe.ratePer10k,
      title: 'Children in our care per 10,000 children',
      polarity: 'neither',
    },
  ],
};
