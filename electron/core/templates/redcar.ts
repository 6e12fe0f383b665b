import type { BoardTemplate } from './types';

// Modelled on Redcar and Cleveland's strategic plan for children in care and care leavers
// (2019–2022): the LACES promises, six "what we will do" themes (one per principle they quote),
// and the "How well are we doing?" measures. The plan published no targets, so none are set.

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
    { code: 'L', title: 'Listen', collection: LACES, description: 'We hear what every child in our care and every care leaver tells us, and where it is right we act on it.' },
    { code: 'A', title: 'Achieve', collection: LACES, description: 'We reward staying in education, training or work and celebrate every success.' },
    { code: 'C', title: 'Communicate', collection: LACES, description: 'We help you give your opinion about your care, reach your Independent Reviewing Officer and make a comment or complaint.' },
    { code: 'E', title: 'Engage', collection: LACES, description: 'We offer ways to meet other children in care and care leavers through the Children in Our Care Council, and support safe time with family and friends.' },
    { code: 'S', title: 'Support', collection: LACES, description: 'We keep you safe and healthy and give you the advice and help you need to reach your potential and, when ready, live on your own.' },
  ],
  priorities: [
    { code: 'W1', title: 'Ambition for children', description: 'High aspirations and the best possible outcomes for every child in our care and care leaver.', principles: ['e'], pledges: ['A'] },
    { code: 'W2', title: 'Working together', description: 'Children and young people can reach, and get the most from, council and partner services.', principles: ['d'], pledges: ['S'] },
    { code: 'W3', title: 'Safeguarding and permanence', description: 'Children are safe, with stable homes, relationships, schooling and work.', principles: ['f'], pledges: ['S', 'E'] },
    { code: 'W4', title: 'Youth voice', description: 'Children in our care are encouraged to say what they think, wish and feel.', principles: ['b'], pledges: ['L', 'C'] },
    { code: 'W5', title: 'Youth participation', description: 'What children tell us is taken into account in decisions about them and about services.', principles: ['c'], pledges: ['L', 'E'] },
    { code: 'W6', title: 'Transitions', description: 'Young people are ready for adult life and for living independently.', principles: ['g'], pledges: ['A', 'S'] },
  ],
  plan: [
    { priority: 'W1', ref: '1.1', action: 'Ring-fence council apprenticeships for care leavers.', whoWhere: 'Council HR; Leaving Care Service', leads: 'Assistant Director, Children and Families', timescale: '2019–2022' },
    { priority: 'W1', ref: '1.2', action: 'Place a dedicated careers adviser in the Leaving Care Service.', whoWhere: 'Leaving Care Service; employment support programme', leads: 'Leaving Care Manager', timescale: '2019–20' },
    { priority: 'W2', ref: '2.1', action: 'Agree a clear policy on the financial support paid to special guardians and carers under child arrangements orders.', whoWhere: 'Children and Families; Finance', leads: 'Head of Service, Children in Our Care', timescale: '2019–20' },
    { priority: 'W2', ref: '2.2', action: 'Review what we offer foster carers every year.', whoWhere: 'Fostering Service', leads: 'Fostering Service Manager', timescale: 'Annually' },
    { priority: 'W2', ref: '2.3', action: 'Review the team’s staffing structure against the needs of the service.', whoWhere: 'Children in Our Care Service', leads: 'Head of Service, Children in Our Care', timescale: '2019–20' },
    { priority: 'W2', ref: '2.4', action: 'Embed the regional adoption agency arrangements.', whoWhere: 'Regional adoption agency', leads: 'Adoption Service Manager', timescale: '2019–21' },
    { priority: 'W2', ref: '2.5', action: 'Strengthen case file audit.', whoWhere: 'Quality assurance team', leads: 'Quality Assurance Manager', timescale: 'Ongoing' },
    { priority: 'W3', ref: '3.1', action: 'Run a refreshed campaign to recruit more in-house foster carers.', whoWhere: 'Fostering Service; Communications', leads: 'Fostering Service Manager', timescale: '2019–20' },
    { priority: 'W3', ref: '3.2', action: 'Aim recruitment at gaps: teenagers, brothers and sisters together, parent and child placements.', whoWhere: 'Fostering Service', leads: 'Fostering Service Manager', timescale: 'Ongoing' },
    { priority: 'W3', ref: '3.3', action: 'Open and register two council-run children’s homes.', whoWhere: 'Residential services; Ofsted registration', leads: 'Head of Service, Children in Our Care', timescale: '2019–21' },
    { priority: 'W3', ref: '3.4', action: 'Set up short-term emergency and respite support for families with teenagers on the edge of care.', whoWhere: 'Edge of care service', leads: 'Head of Early Help', timescale: '2019–20' },
    { priority: 'W3', ref: '3.5', action: 'Open a purpose-built family time centre.', whoWhere: 'Family time service', leads: 'Family Time Manager', timescale: '2020–21' },
    { priority: 'W3', ref: '3.6', action: 'Review transport for family time.', whoWhere: 'Family time service; Transport', leads: 'Family Time Manager', timescale: '2019–20' },
    { priority: 'W4', ref: '4.1', action: 'Make care and pathway plans good quality, focused and easy to read, so young people recognise their aims in them.', whoWhere: 'Social workers; personal advisers; IROs', leads: 'Head of Service, Children in Our Care', timescale: 'Ongoing' },
    { priority: 'W4', ref: '4.2', action: 'Give children, families and professionals several ways to give feedback on the service.', whoWhere: 'Children in Our Care Service', leads: 'Participation Lead', timescale: '2019–20' },
    { priority: 'W5', ref: '5.1', action: 'Build support for unaccompanied asylum-seeking children settling in the borough.', whoWhere: 'Children in Our Care Service; partners', leads: 'Head of Service, Children in Our Care', timescale: '2019–20' },
    { priority: 'W5', ref: '5.2', action: 'Use digital tools to help more children take part in their reviews.', whoWhere: 'IRO service', leads: 'IRO Service Manager', timescale: '2019–20' },
    { priority: 'W6', ref: '6.1', action: 'Put the whole Local Offer for care leavers into practice.', whoWhere: 'Leaving Care Service; council departments', leads: 'Leaving Care Manager', timescale: '2019–20' },
    { priority: 'W6', ref: '6.2', action: 'Use a senior personal adviser post to improve pathway plans.', whoWhere: 'Leaving Care Team', leads: 'Leaving Care Manager', timescale: '2019–20' },
    { priority: 'W6', ref: '6.3', action: 'Review and grow supported lodgings for young people.', whoWhere: 'Leaving Care Service; Housing', leads: 'Leaving Care Manager', timescale: '2020–21' },
  ],
  measures: [
    { code: 'RC01', title: 'Children in foster care placed with in-house carers (excluding family and friends)', unit: 'percent', polarity: 'higher', priority: 'W3' },
    { code: 'RC02', title: 'Children in our care placed in residential accommodation', unit: 'percent', polarity: 'lower', priority: 'W3' },
    { code: 'RC03', title: 'In-house foster carers able and willing to care for children with complex needs', unit: 'percent', polarity: 'higher', priority: 'W3' },
    { code: 'RC04', title: 'Families given an edge of care package who did not need care in the next 6 months', unit: 'percent', polarity: 'higher', priority: 'W2' },
    { code: 'RC05', title: 'Short-term stability: children with 3 or more placements in 12 months', unit: 'percent', polarity: 'lower', priority: 'W3' },
    { code: 'RC06', title: 'Long-term stability: under-16s in care 2½ years or more, in the same placement for 2 years', unit: 'percent', polarity: 'higher', priority: 'W3' },
    { code: 'RC07', title: 'Children placed out of borough (excluding family and friends)', unit: 'percent', polarity: 'lower', priority: 'W3' },
    { code: 'RC08', title: 'Families giving positive feedback on the family time service', unit: 'percent', polarity: 'higher', priority: 'W5' },
    { code: 'RC09', title: 'Pathway plans judged good or better', unit: 'percent', polarity: 'higher', priority: 'W6' },
    { code: 'RC10', title: 'Care leavers in suitable accommodation', unit: 'percent', polarity: 'higher', priority: 'W6' },
    { code: 'RC11', title: 'Care leavers in education, employment or training', unit: 'percent', polarity: 'higher', priority: 'W1' },
    { code: 'RC12', title: 'Average days from entering care to moving in with the adoptive family', unit: 'days', polarity: 'lower', priority: 'W3' },
    { code: 'RC13', title: 'Average days from entering care to moving in with the adoptive family (3-year average)', unit: 'days', polarity: 'lower', priority: 'W3', frequency: 'annual' },
    { code: 'RC14', title: 'Children in our care per 10,000 children', unit: 'rate10k', polarity: 'neither' },
  ],
};
