import type { BoardTemplate, TemplatePlanAction } from './types';

// Modelled on Stockton-on-Tees' Children in Our Care strategic action plan (2019): seven "we
// promise" priorities, each with a table of actions (action, who/where, agency leads,
// timescales, progress). Leads are given as roles, not the named officers of the original.

type Row = [ref: string, action: string, whoWhere: string, leads: string, timescale: string];
const rows = (priority: string, list: Row[]): TemplatePlanAction[] =>
  list.map(([ref, action, whoWhere, leads, timescale]) => ({ priority, ref, action, whoWhere, leads, timescale }));

export const stockton: BoardTemplate = {
  name: 'stockton',
  council: 'Stockton-on-Tees Borough Council',
  label: 'Stockton-on-Tees — seven “we promise” priorities',
  description: 'Seven promises to children in care, each with its own action table (41 actions): action, who/where, agency leads and timescale.',
  strategy: {
    title: 'Children in Our Care strategic action plan',
    period: '2018 to 2021',
    summary:
      'The action plan behind the council’s strategy for children in and leaving care. Children in our care are talented and capable, and ' +
      'some face extra risks because of their early lives: the plan sets out, promise by promise, who does what and by when.',
  },
  pledges: [],
  priorities: [
    { code: 'P1', title: 'Involved in their care and treated as individuals', description: 'We promise children will be involved in their care and treated as individuals.', principles: ['b', 'c'] },
    { code: 'P2', title: 'Good relationships with family, friends and community', description: 'We promise children will have productive relationships with family and friends and a part in community life.', principles: ['f', 'a'] },
    { code: 'P3', title: 'Suitable homes and support', description: 'We promise children will have somewhere suitable to live and support that meets their needs.', principles: ['f', 'd'] },
    { code: 'P4', title: 'Safe', description: 'We promise children will be safe.', principles: ['f'] },
    { code: 'P5', title: 'Healthy', description: 'We promise children will be healthy.', principles: ['a', 'd'] },
    { code: 'P6', title: 'The best education and skills', description: 'We promise children will get the best education and skills.', principles: ['e'] },
    { code: 'P7', title: 'Supported into adulthood and as care leavers', description: 'We promise young people will be supported into adult life and as care leavers.', principles: ['g'] },
  ],
  plan: [
    ...rows('P1', [
      ['1.1', 'Support the Children in Care Council and its action and activities groups, and raise its profile with children in care.', 'Participation groups; fostering team; residential homes', 'Participation Lead; Fostering Manager', 'Monthly meetings'],
      ['1.2', 'Make sure every child knows their Independent Reviewing Officer and sees them between reviews wherever possible.', 'IROs during reviews and visits; the Children’s Guide', 'IRO Service Manager', 'Ongoing'],
      ['1.3', 'Give children ways to tell us about their care, including an app and surveys of those leaving care.', 'Social workers; carers; IROs; placement teams', 'IRO Service Manager; Fostering Manager', 'Ongoing'],
      ['1.4', 'Offer other ways to take part and give views, including through schools.', 'Virtual School hubs; participation groups; Early Help', 'Virtual School Head; Participation Lead', 'Termly'],
      ['1.5', 'Make reviews, meetings and plans clear about the child’s voice and written so children understand them.', 'Social workers; IROs; schools; residential homes', 'IRO Service Manager', 'October 2019'],
      ['1.6', 'Offer every child an advocate if they want one.', 'Social workers; IROs; advocacy provider', 'Fostering Manager', 'Ongoing'],
    ]),
    ...rows('P2', [
      ['2.1', 'Keep training foster carers so they can give children a stable family home.', 'CAMHS looked after children service; fostering team', 'CAMHS Lead; Fostering Manager', 'Ongoing'],
      ['2.2', 'Keep training residential staff to give safe, nurturing care.', 'CAMHS; workforce development; residential services', 'Residential Services Manager', '2019'],
      ['2.3', 'Recognise how hard trusting relationships can be for children in care and give help to build resilience.', 'Social workers; carers; creative activities project', 'Fostering Manager; CAMHS Lead', 'Ongoing'],
      ['2.4', 'Open up community, leisure, sport, cultural and volunteering activities to children in care.', 'Early Help; culture and leisure services; placement teams', 'Early Help Manager; Culture and Leisure Manager', 'Ongoing'],
    ]),
    ...rows('P3', [
      ['3.1', 'Keep a full, current assessment of each child’s needs.', 'Social workers; review reports', 'Head of Children in Care', 'Ongoing'],
      ['3.2', 'Have enough homes to meet children’s needs, including more in-house and family and friends carers.', 'Sufficiency strategy; placement teams', 'Head of Placements', 'March 2019'],
      ['3.3', 'Offer a range of homes and edge of care support so fewer children need to come into care.', 'Placement teams; edge of care service', 'Head of Placements', '2019'],
    ]),
    ...rows('P4', [
      ['4.1', 'Give advice and support on online safety and risky behaviour, to children and their carers.', 'Libraries; learning and skills; Early Help; placement teams', 'Early Help Manager; Head of Placements', 'Ongoing'],
      ['4.2', 'Keep reviewing plans so they focus on keeping each child safe.', 'Social workers; carers; council services', 'Head of Children in Care', 'Ongoing'],
      ['4.3', 'Put children in care first in the work of the youth prevention teams.', 'Early Help', 'Early Help Manager', 'Ongoing'],
      ['4.4', 'Follow up every missing episode, listen to why the child went missing and act to reduce the risk.', 'Social workers; Early Help; exploitation practitioners group', 'Early Help Manager; Head of Placements', 'Ongoing'],
      ['4.5', 'Reduce anti-social behaviour through restorative approaches.', 'Early Help; police; residential services', 'Early Help Manager', 'July 2019'],
    ]),
    ...rows('P5', [
      ['5.1', 'Complete health and dental assessments on time and act on what they find.', 'Social workers; carers; looked after children health team', 'Head of Children in Care', 'Ongoing'],
      ['5.2', 'Put children in care first in work on smoking, alcohol and drugs.', 'Early Help; schools; looked after children nurse', 'Early Help Manager', 'Ongoing'],
      ['5.3', 'Make sure every child in care can get advice and support on sexual health.', 'Looked after children nurse; schools; residential homes', 'Designated Nurse', 'Ongoing'],
      ['5.4', 'Put emotional health first, using the Strengths and Difficulties Questionnaire to measure progress.', 'Looked after children nurse; CAMHS; schools', 'Designated Nurse; CAMHS Lead', 'Ongoing'],
      ['5.5', 'Review the emotional well-being and mental health services for children in care.', 'CAMHS contract review', 'CAMHS Lead', '2019'],
      ['5.6', 'Help GPs understand the needs of children in care.', 'GP practices; clinical commissioning group', 'Designated Nurse', ''],
      ['5.7', 'Give children in care priority for commissioned therapies such as speech and language, physiotherapy and occupational therapy.', 'Commissioned health services', 'Designated Nurse', ''],
    ]),
    ...rows('P6', [
      ['6.1', 'Put children in care first in school admissions and keep them in the same school where possible.', 'Virtual School; admissions team', 'Virtual School Head', 'Ongoing'],
      ['6.2', 'Run a strong Virtual School and a trained designated teacher in every school.', 'Virtual School; schools', 'Virtual School Head', 'Termly training'],
      ['6.3', 'Raise the quality of Personal Education Plans.', 'Virtual School; social care; schools', 'Virtual School Head', 'Termly'],
      ['6.4', 'Improve the attendance of children in care.', 'Social workers; Virtual School; attendance team', 'Virtual School Head', 'Half-termly'],
      ['6.5', 'Make sure every child follows an ambitious, suitable curriculum, and any alternative provision is registered and good.', 'Virtual School; schools; participation officers', 'Virtual School Head', 'Termly'],
      ['6.6', 'Help young people into further and higher education and to build their skills.', 'Leaving care service; learning and skills; Early Help', 'Leaving Care Manager', 'Ongoing'],
      ['6.7', 'Give young people good careers advice.', 'Leaving care service; youth service; schools', 'Leaving Care Manager; Early Help Manager', 'Ongoing'],
      ['6.8', 'Make sure children with special educational needs get the right provision.', 'Social care; health; schools; SEN team; Virtual School', 'Virtual School Head', 'Ongoing'],
    ]),
    ...rows('P7', [
      ['7.1', 'Publish a new offer for care leavers.', 'Council information directory; information packs', 'Leaving Care Manager', 'December 2018'],
      ['7.2', 'Give each young person a personal adviser from 16, up to age 25.', 'Leaving care service', 'Leaving Care Manager', 'Ongoing'],
      ['7.3', 'Keep every young person’s pathway plan current and complete, reviewed every six months.', 'Leaving care service', 'Leaving Care Manager', 'Every 6 months'],
      ['7.4', 'Offer a range of homes, including staying put and supported lodgings.', 'Placement teams; housing', 'Head of Placements', ''],
      ['7.5', 'Help care leavers into education, employment and training, including council apprenticeships.', 'Education, employment and training forum; Early Help; council departments', 'Leaving Care Manager; Early Help Manager', 'Monthly forum'],
      ['7.6', 'Keep track of care leavers over the longer term.', 'Leaving care service', 'Leaving Care Manager', 'Ongoing'],
      ['7.7', 'Identify and support care leavers who are parents.', 'Personal advisers with other services', 'Leaving Care Manager', 'Ongoing'],
      ['7.8', 'Exempt care leavers from council tax until they are 25.', 'Council tax', 'Director of Finance', 'In place'],
    ]),
  ],
  measures: [],
};
