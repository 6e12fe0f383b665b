import { dfe } from './dfe';
import type { BoardTemplate } from './types';

// Modelled on Peterborough's Children in Care and Care Leavers Strategy (2016–2019, revised 2018):
// seven priorities with objectives and impact measures, the 10-point Children in Care Pledge and
// the 5-point Care Leavers Charter. Both collections number from 1, so priorities name a pledge by
// collection and code. The actions are the strategy's objectives; it gives no leads, owners or
// timescales for them, so none are set. No targets are stated, so none are set.

const PLEDGE = 'Children in Care Pledge';
const CHARTER = 'Care Leavers Charter';

export const peterborough: BoardTemplate = {
  name: 'peterborough',
  council: 'Peterborough City Council',
  label: 'Peterborough — seven priorities, the 10-point Pledge and the Care Leavers Charter',
  description:
    'Seven priorities from prevention to keeping our promises, a 10-point Pledge to children in care, a 5-point Charter for care leavers, 22 actions and 16 impact measures.',
  strategy: {
    title: 'Children in care and care leavers strategy',
    period: '2016 to 2019',
    summary:
      'We want for the children we look after what any good parent wants: health, happiness, learning, ambition and good relationships into adult life. ' +
      'The strategy draws together what children, inspection, audit and needs analysis told us must improve, and how we will know it has.',
  },
  pledges: [
    {
      code: '1',
      title: 'Respect',
      collection: PLEDGE,
      description: 'We treat you as an individual and shape your service around you.',
    },
    {
      code: '2',
      title: 'Safe',
      collection: PLEDGE,
      description: 'We keep you safe and help you keep yourself safe.',
    },
    {
      code: '3',
      title: 'Support',
      collection: PLEDGE,
      description: 'We back you in every part of your education.',
    },
    {
      code: '4',
      title: 'Health',
      collection: PLEDGE,
      description: 'We help you live healthily and get to regular health checks.',
    },
    {
      code: '5',
      title: 'Listen',
      collection: PLEDGE,
      description:
        'You have a say in your care plan, know how to complain or compliment, and can have an advocate.',
    },
    {
      code: '6',
      title: 'Information',
      collection: PLEDGE,
      description: 'We tell you about changes to your plan and how to reach your social worker and IRO.',
    },
    {
      code: '7',
      title: 'Life story',
      collection: PLEDGE,
      description: 'We help you understand, honestly and at the right times, why you are in care.',
    },
    {
      code: '8',
      title: 'Contact',
      collection: PLEDGE,
      description: 'Where we can, we help you stay in touch with the people who matter to you.',
    },
    {
      code: '9',
      title: 'Prepare',
      collection: PLEDGE,
      description: 'We give you the knowledge and skills for adult life.',
    },
    {
      code: '10',
      title: 'Promises',
      collection: PLEDGE,
      description: 'We do not make promises we cannot keep, and we explain when we cannot do something.',
    },
    {
      code: '1',
      title: 'Respect',
      collection: CHARTER,
      description: 'We listen with an open mind and shape the service to you, or explain why we cannot.',
    },
    {
      code: '2',
      title: 'Helping you to do the best you can',
      collection: CHARTER,
      description:
        'We value your strengths and support your education and work, and help with other agencies.',
    },
    {
      code: '3',
      title: 'Clear communication',
      collection: CHARTER,
      description: 'We stay in touch in the way that suits you and ask how the service could be better.',
    },
    {
      code: '4',
      title: 'Finding a home',
      collection: CHARTER,
      description: 'We help you plan your move to independent living and find a home that is right for you.',
    },
    {
      code: '5',
      title: 'Support',
      collection: CHARTER,
      description: 'Practical, financial and emotional support, even when you change your mind.',
    },
  ],
  priorities: [
    {
      code: 'PR1',
      title: 'Assertive prevention of care',
      description: 'Early help from every agency so fewer children need to come into care.',
      principles: ['a', 'd'],
    },
    {
      code: 'PR2',
      title: 'Effective care planning',
      description:
        'The right children in care, timely permanence, and plans children understand and help shape.',
      principles: ['b', 'c'],
      pledges: [
        { collection: PLEDGE, code: '5' },
        { collection: PLEDGE, code: '6' },
      ],
    },
    {
      code: 'PR3',
      title: 'Placement stability and a range of good placements',
      description: 'Good local homes that last, and more children reaching permanence.',
      principles: ['f'],
      pledges: [{ collection: PLEDGE, code: '2' }],
    },
    {
      code: 'PR4',
      title: 'Health of children and young people in care',
      description: 'Physical, emotional and sexual health needs met, and a health history for care leavers.',
      principles: ['a'],
      pledges: [{ collection: PLEDGE, code: '4' }],
    },
    {
      code: 'PR5',
      title: 'Educational attainment and achievement',
      description: 'Better attendance, progress and results, and routes into further education and work.',
      principles: ['e'],
      pledges: [
        { collection: PLEDGE, code: '3' },
        { collection: CHARTER, code: '2' },
      ],
    },
    {
      code: 'PR6',
      title: 'Being part of a community',
      description: 'Leisure, faith, family and friends, and care leavers settled in their community.',
      principles: ['f', 'g'],
      pledges: [
        { collection: PLEDGE, code: '8' },
        { collection: PLEDGE, code: '9' },
        { collection: CHARTER, code: '4' },
      ],
    },
    {
      code: 'PR7',
      title: 'Working to our promises in the Pledge',
      description:
        'Everyone who works with children keeps the Pledge and the Charter, and we check that they do.',
      principles: ['b', 'c'],
      pledges: [
        { collection: PLEDGE, code: '1' },
        { collection: PLEDGE, code: '10' },
        { collection: CHARTER, code: '1' },
      ],
    },
  ],
  plan: [
    {
      priority: 'PR1',
      ref: '1.1',
      action: 'Give early, multi-agency help so children can stay safely with their families.',
    },
    {
      priority: 'PR1',
      ref: '1.2',
      action: 'Strengthen pre-proceedings work so the right children come into care at the right time.',
    },
    {
      priority: 'PR2',
      ref: '2.1',
      action: 'Review care plans often and help children leave care when that is right for them.',
    },
    {
      priority: 'PR2',
      ref: '2.2',
      action: 'Reach legal permanence without delay for children who cannot go home.',
    },
    {
      priority: 'PR2',
      ref: '2.3',
      action: 'Involve children fully in their plans and give them copies where appropriate.',
    },
    {
      priority: 'PR2',
      ref: '2.4',
      action: 'Tell every child their rights, including to an advocate and an independent visitor.',
    },
    {
      priority: 'PR2',
      ref: '2.5',
      action: 'Plan the move to adult social care early for young people who will need it.',
    },
    {
      priority: 'PR3',
      ref: '3.1',
      action: 'Increase local foster homes able to meet a range of needs.',
    },
    {
      priority: 'PR3',
      ref: '3.2',
      action:
        'Help more children reach permanence through adoption, special guardianship or family and friends.',
    },
    {
      priority: 'PR3',
      ref: '3.3',
      action:
        'Develop a wider range of good placements at lower cost, including for young people with additional needs.',
    },
    {
      priority: 'PR3',
      ref: '3.4',
      action: 'Support placements better so fewer break down.',
    },
    {
      priority: 'PR4',
      ref: '4.1',
      action: 'Make sure children can get the health care they need, including extra support when needed.',
    },
    {
      priority: 'PR4',
      ref: '4.2',
      action: 'Give timely help with emotional health and well-being.',
    },
    {
      priority: 'PR4',
      ref: '4.3',
      action: 'Give young people the right health advice at the right time as they grow up.',
    },
    {
      priority: 'PR4',
      ref: '4.4',
      action: 'Give every care leaver a summary of their health history.',
    },
    {
      priority: 'PR5',
      ref: '5.1',
      action: 'Raise attainment, achievement and engagement in education.',
    },
    {
      priority: 'PR5',
      ref: '5.2',
      action: 'Keep children in the same school when they come into care or move home, where possible.',
    },
    {
      priority: 'PR5',
      ref: '5.3',
      action: 'Make sure children with Education, Health and Care Plans get the support they need.',
    },
    {
      priority: 'PR6',
      ref: '6.1',
      action: 'Help children join leisure activities and follow their faith and customs where they live.',
    },
    {
      priority: 'PR6',
      ref: '6.2',
      action: 'Support contact with family and friends where it is safe.',
    },
    {
      priority: 'PR6',
      ref: '6.3',
      action: 'Support care leavers to live independently in the community.',
    },
    {
      priority: 'PR7',
      ref: '7.1',
      action:
        'Promote the Children in Care Council, the Pledge and the Charter, check at reviews that the Pledge is kept, and report to every Corporate Parenting Board.',
    },
  ],
  measures: [
    { code: 'PB01', title: 'Children in care', unit: 'number', polarity: 'lower', priority: 'PR1' },
    {
      code: 'PB02',
      title: 'Children in care per 10,000 children',
      ...dfe.ratePer10k,
      priority: 'PR1',
    },
    { code: 'PB03', title: 'Adoption orders granted', unit: 'number', polarity: 'higher', priority: 'PR2' },
    {
      code: 'PB04',
      title: 'Special guardianship orders granted',
      unit: 'number',
      polarity: 'higher',
      priority: 'PR2',
    },
    { code: 'PB05', title: 'Children with an advocate', unit: 'number', polarity: 'higher', priority: 'PR2' },
    {
      code: 'PB06',
      title: 'Children with an independent visitor',
      unit: 'number',
      polarity: 'higher',
      priority: 'PR2',
    },
    {
      code: 'PB07',
      title: 'Children in residential placements',
      unit: 'number',
      polarity: 'lower',
      priority: 'PR3',
    },
    {
      code: 'PB08',
      title: 'Children with in-house foster carers',
      unit: 'number',
      polarity: 'higher',
      priority: 'PR3',
    },
    {
      code: 'PB09',
      title: 'Annual health assessments completed on time',
      ...dfe.healthAssessments,
      priority: 'PR4',
    },
    {
      code: 'PB10',
      title: 'Care leavers given a health passport',
      unit: 'percent',
      polarity: 'higher',
      priority: 'PR4',
    },
    {
      code: 'PB11',
      title: 'Children in care persistently absent from school',
      ...dfe.persistentAbsence,
      priority: 'PR5',
    },
    {
      code: 'PB12',
      title: 'Children with a compliant, good-quality PEP',
      unit: 'percent',
      polarity: 'higher',
      priority: 'PR5',
    },
    {
      code: 'PB13',
      title: 'Fixed-term exclusions of children in care',
      unit: 'number',
      polarity: 'lower',
      priority: 'PR5',
    },
    {
      code: 'PB14',
      title: 'Care leavers not in education, employment or training',
      unit: 'percent',
      polarity: 'lower',
      priority: 'PR5',
    },
    {
      code: 'PB15',
      title: 'Care leavers aged 19 to 21 in suitable accommodation',
      ...dfe.careLeaversAccommodation,
      priority: 'PR6',
    },
    {
      code: 'PB16',
      title: 'Children whose Pledge was checked at their review',
      unit: 'percent',
      polarity: 'higher',
      priority: 'PR7',
    },
  ],
};
