import type { BoardTemplate } from './types';

// Modelled on Rutland's Children Looked After and Care Leavers Strategy (2017–2022): the strategy
// is built around six pledges written by the Children in Care Council, each an outcome the Board
// checks on its Pledge Scorecard. The pledges are held as pledges, and each has a matching outcome
// priority so actions and measures can be grouped under it.

const PLEDGES = 'Our pledges';

export const rutland: BoardTemplate = {
  name: 'rutland',
  council: 'Rutland County Council',
  label: 'Rutland — six pledges',
  description:
    'Six pledges from the Children in Care Council, each with a matching outcome priority, and a small plan for reviewing them at every Board.',
  strategy: {
    title: 'Children looked after and care leavers strategy',
    period: '2017 to 2022',
    summary:
      'A partnership strategy built on six pledges that children in care and care leavers wrote with us. ' +
      'The test for every decision: would this be good enough for my child? A pledge scorecard is reviewed before each Corporate Parenting Board.',
  },
  pledges: [
    {
      code: 'PL1',
      title: 'Happy, healthy and well',
      collection: PLEDGES,
      description: 'You are happy and we look after your physical and emotional health.',
    },
    {
      code: 'PL2',
      title: 'Safe and settled',
      collection: PLEDGES,
      description: 'You are safe, and live in a safe and stable home.',
    },
    {
      code: 'PL3',
      title: 'Reaching your potential',
      collection: PLEDGES,
      description: 'You get a good education and good chances of training and work.',
    },
    {
      code: 'PL4',
      title: 'Ready for adult life',
      collection: PLEDGES,
      description: 'You are prepared for life as an adult.',
    },
    {
      code: 'PL5',
      title: 'Listened to and taking part',
      collection: PLEDGES,
      description: 'We listen to you and help you take part in your community.',
    },
    {
      code: 'PL6',
      title: 'Good relationships',
      collection: PLEDGES,
      description: 'You are helped to build and keep positive relationships.',
    },
  ],
  priorities: [
    {
      code: 'O1',
      title: 'Health and well-being',
      description: 'Outcome for pledge 1.',
      principles: ['a'],
      pledges: ['PL1'],
    },
    {
      code: 'O2',
      title: 'Safety and stable placements',
      description: 'Outcome for pledge 2.',
      principles: ['f'],
      pledges: ['PL2'],
    },
    {
      code: 'O3',
      title: 'Education, training and employment',
      description: 'Outcome for pledge 3.',
      principles: ['e', 'd'],
      pledges: ['PL3'],
    },
    {
      code: 'O4',
      title: 'Preparing for adulthood',
      description: 'Outcome for pledge 4.',
      principles: ['g'],
      pledges: ['PL4'],
    },
    {
      code: 'O5',
      title: 'Voice and participation',
      description: 'Outcome for pledge 5.',
      principles: ['b', 'c'],
      pledges: ['PL5'],
    },
    {
      code: 'O6',
      title: 'Positive relationships',
      description: 'Outcome for pledge 6.',
      principles: ['f'],
      pledges: ['PL6'],
    },
  ],
  plan: [
    {
      priority: 'O5',
      ref: '1',
      timescale: 'Before each Corporate Parenting Board',
      action:
        'Update the pledge scorecard, with feedback from children and professionals, before every Corporate Parenting Board.',
      whoWhere: 'Corporate Parenting Board',
    },
    {
      priority: 'O5',
      ref: '2',
      action:
        'Ask the Children in Care Council to review the strategy and challenge the Board where it falls short.',
      whoWhere: 'Children in Care Council',
    },
    {
      priority: 'O3',
      ref: '3',
      timescale: 'Through 2017/18',
      action: 'Deliver the Ofsted next steps plan alongside this strategy.',
      whoWhere: 'Corporate Parenting Board (monitors the Next Steps plan)',
    },
    {
      priority: 'O5',
      ref: '4',
      timescale: 'At the end of each year',
      action:
        'Evaluate every action and outcome at the end of the year with children and young people, and choose next year’s focus.',
      whoWhere: 'Strategy group; Children in Care Council',
    },
  ],
  measures: [],
};
