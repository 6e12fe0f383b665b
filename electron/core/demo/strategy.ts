import type { DB } from '../store/board-file';
import { addDays, financialYearLabel, insert, quarterIndexOf, quarterLabel, stamp } from './util';

// Board, members, strategy, priorities, pledges, links and the action plan of the demo board.

export const AUTHORITY = 'Northshire County Council';
export const BOARD_NAME = 'Northshire Corporate Parenting Board';

/** Member ids, fixed so other modules can refer to people by name. */
export const M = {
  chair: 1, // Cllr Margaret Ellison
  okafor: 2,
  raman: 3,
  harwood: 4,
  dcs: 5, // Helen Marsh
  hos: 6, // Gareth Lowe
  vsh: 7, // Anita Kowalski
  nurse: 8, // Dr Fiona Blake
  police: 9, // DI Mark Sutton
  yp1: 10, // Jade
  yp2: 11, // Kai
  perf: 12, // Ben Ashworth
} as const;

interface MemberSeed {
  id: number;
  name: string;
  role: 'elected_member' | 'officer' | 'partner_agency' | 'young_person' | 'adviser';
  job: string;
  org: string;
  voting: 0 | 1;
}

const NCC = AUTHORITY;

export const members: readonly MemberSeed[] = [
  {
    id: M.chair,
    name: 'Cllr Margaret Ellison',
    role: 'elected_member',
    job: 'Cabinet Member for Children and Families',
    org: NCC,
    voting: 1,
  },
  { id: M.okafor, name: 'Cllr David Okafor', role: 'elected_member', job: 'Vice-Chair', org: NCC, voting: 1 },
  { id: M.raman, name: 'Cllr Priya Raman', role: 'elected_member', job: 'Councillor', org: NCC, voting: 1 },
  { id: M.harwood, name: 'Cllr Tom Harwood', role: 'elected_member', job: 'Councillor', org: NCC, voting: 1 },
  {
    id: M.dcs,
    name: 'Helen Marsh',
    role: 'officer',
    job: "Director of Children's Services",
    org: NCC,
    voting: 0,
  },
  {
    id: M.hos,
    name: 'Gareth Lowe',
    role: 'officer',
    job: 'Head of Service, Children in Care',
    org: NCC,
    voting: 0,
  },
  { id: M.vsh, name: 'Anita Kowalski', role: 'officer', job: 'Virtual School Head', org: NCC, voting: 0 },
  {
    id: M.nurse,
    name: 'Dr Fiona Blake',
    role: 'partner_agency',
    job: 'Designated Nurse for Looked After Children',
    org: 'Northshire Integrated Care Board',
    voting: 0,
  },
  {
    id: M.police,
    name: 'DI Mark Sutton',
    role: 'partner_agency',
    job: 'Detective Inspector, Vulnerability and Safeguarding',
    org: 'Northshire Police',
    voting: 0,
  },
  {
    id: M.yp1,
    name: 'Jade Robinson',
    role: 'young_person',
    job: 'Representative, Children in Care Council',
    org: 'Northshire Children in Care Council',
    voting: 0,
  },
  {
    id: M.yp2,
    name: 'Kai Mensah',
    role: 'young_person',
    job: 'Representative, Care Leavers Forum',
    org: 'Northshire Children in Care Council',
    voting: 0,
  },
  {
    id: M.perf,
    name: 'Ben Ashworth',
    role: 'adviser',
    job: 'Performance and Intelligence Manager',
    org: NCC,
    voting: 0,
  },
];

export function memberName(id: number): string {
  const m = members.find((x) => x.id === id);
  if (!m) throw new Error(`No demo member ${id}`);
  return m.name;
}

/** Priority ids P1..P6 are 1..6. */
export const P = { voice: 1, homes: 2, health: 3, learning: 4, family: 5, adulthood: 6 } as const;

const priorities = [
  {
    code: 'P1',
    title: 'Listen to us and act on what we say',
    description:
      'Children and care leavers shape their own plans and the services we run: every review, every Board meeting and every new policy starts with what they have told us.',
  },
  {
    code: 'P2',
    title: 'Safe, stable and loving homes',
    description:
      'Enough good local homes so that children live near family, school and friends, move as rarely as possible, and are protected from exploitation and going missing.',
  },
  {
    code: 'P3',
    title: 'Healthy in body and mind',
    description:
      'Timely health assessments, dental checks and immunisations, and quick access to emotional and mental health support when it is needed.',
  },
  {
    code: 'P4',
    title: 'Learning and achieving',
    description:
      'Every child attends a good school full time, has a Personal Education Plan that makes a difference, and has their achievements celebrated.',
  },
  {
    code: 'P5',
    title: 'A permanent family and lasting relationships',
    description:
      'Children who cannot return home find a permanent family without delay, and keep in touch with brothers, sisters and the people who matter to them.',
  },
  {
    code: 'P6',
    title: 'Ready for adult life',
    description:
      'Care leavers up to 25 have a safe home, a route into education, training or work, money skills and someone to turn to.',
  },
] as const;

/** Pledge ids L, A, C, E, S are 1..5. */
export const PL = { listen: 1, achieve: 2, communicate: 3, engage: 4, support: 5 } as const;

const pledges = [
  {
    code: 'L',
    title: 'Listen',
    description:
      'We will listen to every child in our care and every care leaver, and where it is right to do so we will act on what you tell us and tell you what changed.',
  },
  {
    code: 'A',
    title: 'Achieve',
    description:
      'We will encourage you to stay in education, training or work, reward your effort and celebrate every success, big or small.',
  },
  {
    code: 'C',
    title: 'Communicate',
    description:
      'We will help you say what you think about your care, make sure you know your Independent Reviewing Officer, and make it easy to comment or complain.',
  },
  {
    code: 'E',
    title: 'Engage',
    description:
      'We will give you chances to meet other children in care and care leavers through the Children in Care Council, and help you keep in touch with family and friends where it is safe.',
  },
  {
    code: 'S',
    title: 'Support',
    description:
      'We will keep you safe and healthy, and give you the advice and support you need to reach your potential and, when you are ready, to live independently.',
  },
] as const;

/** Principle ids (built in): a=1 … g=7. */
export const PR = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 } as const;

export interface StrategyIds {
  planActions: number[];
}

export function writeBoardAndStrategy(db: DB, today: string): StrategyIds {
  insert(db, 'board', {
    id: 1,
    authority: AUTHORITY,
    name: BOARD_NAME,
    quorum_count: 3,
    quorum_role: 'elected_member',
    quorum_voting_only: 1,
    created_at: stamp(addDays(today, -400), '09:00'),
    // Publishing settings (schema 9 on): the agenda's front sheet.
    contact_name: 'Rachel Greaves',
    contact_title: 'Democratic Services Officer',
    contact_email: 'democratic.services@northshire.example',
    contact_phone: '01632 960 412',
    summons_by: 'Sarah Whitfield, Director of Law and Governance',
  });

  const boardStart = addDays(today, -400);
  members.forEach((m, i) => {
    insert(db, 'member', {
      id: m.id,
      name: m.name,
      role: m.role,
      job_title: m.job,
      organisation: m.org,
      voting: m.voting,
      // Young people's terms run a year at a time; everyone else from the Board's start.
      active_from: m.role === 'young_person' ? addDays(today, -300) : boardStart,
      active_to: null,
      sort: i + 1,
    });
  });

  // The strategy runs three financial years, starting the year before today's.
  const fyNow = Math.floor(quarterIndexOf(today) / 4);
  const from = fyNow - 1;
  insert(db, 'strategy', {
    id: 1,
    title: `Our Promise to Children in Care and Care Leavers ${from}–${from + 3}`,
    period: `${financialYearLabel(from)} to ${financialYearLabel(from + 2)}`,
    summary:
      'Northshire County Council and its partners share one ambition for every child in our care and every care leaver: ' +
      'the care, stability and chances that any good parent would want for their own child. This strategy sets out six ' +
      'priorities, the five promises the Children in Care Council wrote with us (Listen, Achieve, Communicate, Engage, ' +
      'Support), the actions we will take and the measures the Corporate Parenting Board will use to hold us to account.',
  });

  priorities.forEach((p, i) =>
    insert(db, 'priority', {
      id: i + 1,
      code: p.code,
      title: p.title,
      description: p.description,
      sort: i + 1,
    }),
  );
  pledges.forEach((p, i) =>
    insert(db, 'pledge', {
      id: i + 1,
      code: p.code,
      title: p.title,
      description: p.description,
      collection: 'Our promises',
      sort: i + 1,
    }),
  );

  // Priority → principle and priority → pledge. Principles (b) and (c), and (g), are deliberately
  // thinly covered, so the coverage view has something to point at.
  const priorityPrinciples: [number, number][] = [
    [P.voice, PR.b],
    [P.voice, PR.c],
    [P.homes, PR.f],
    [P.homes, PR.a],
    [P.health, PR.a],
    [P.health, PR.d],
    [P.learning, PR.e],
    [P.learning, PR.d],
    [P.family, PR.f],
    [P.family, PR.a],
    [P.adulthood, PR.g],
    [P.adulthood, PR.e],
  ];
  for (const [priority_id, to_principle_id] of priorityPrinciples)
    insert(db, 'link', { priority_id, to_principle_id });
  const priorityPledges: [number, number][] = [
    [P.voice, PL.listen],
    [P.voice, PL.communicate],
    [P.homes, PL.support],
    [P.health, PL.support],
    [P.learning, PL.achieve],
    [P.family, PL.engage],
    [P.adulthood, PL.achieve],
    [P.adulthood, PL.support],
  ];
  for (const [priority_id, to_pledge_id] of priorityPledges)
    insert(db, 'link', { priority_id, to_pledge_id });

  return { planActions: writeActionPlan(db, today) };
}

type PlanStatus = 'not_started' | 'on_track' | 'at_risk' | 'off_track' | 'complete';

interface PlanSeed {
  priority: number;
  ref: string;
  action: string;
  who: string;
  leads: string;
  timescale: string;
  status: PlanStatus;
  /** [days before today, author, text] */
  updates: [number, string, string][];
  principle?: number;
  pledge?: number;
}

function writeActionPlan(db: DB, today: string): number[] {
  const qi = quarterIndexOf(today);
  const nextQ = quarterLabel(qi + 1);
  const endOfYear = `end of ${financialYearLabel(Math.floor(qi / 4))}`;
  const nextYear = financialYearLabel(Math.floor(qi / 4) + 1);

  const plan: PlanSeed[] = [
    {
      priority: P.voice,
      ref: '1.1',
      action:
        'Support the Children in Care Council and the Care Leavers Forum to meet monthly, and to report to every Board meeting.',
      who: 'Participation team; Children in Care Council; Care Leavers Forum',
      leads: 'Participation Lead; Head of Service, Children in Care',
      timescale: 'Monthly, ongoing',
      status: 'on_track',
      updates: [
        [150, 'Gareth Lowe', 'Meetings held every month this year; average attendance 14 young people.'],
        [40, 'Gareth Lowe', 'Two young people trained to co-chair the Board’s voice item.'],
      ],
      pledge: PL.engage,
    },
    {
      priority: P.voice,
      ref: '1.2',
      action:
        'Make sure every child knows their Independent Reviewing Officer and is visited by them between reviews.',
      who: 'IRO service, during reviews and visits; explained in the Children’s Guide',
      leads: 'IRO Service Manager',
      timescale: `By ${endOfYear}`,
      status: 'at_risk',
      updates: [
        [
          120,
          'IRO Service Manager',
          'Two IRO vacancies covered by agency staff; visits between reviews have slipped.',
        ],
        [
          30,
          'IRO Service Manager',
          'One post now filled; recovery trajectory agreed with the Head of Service.',
        ],
      ],
      principle: PR.c,
    },
    {
      priority: P.voice,
      ref: '1.3',
      action:
        'Give children a way to tell us about their care between reviews, including a secure app and a paper option.',
      who: 'Social workers, carers, IROs, children’s homes',
      leads: 'Participation Lead',
      timescale: 'Completed',
      status: 'complete',
      updates: [
        [200, 'Participation Lead', 'App available to all children placed in and out of county.'],
        [
          90,
          'Participation Lead',
          'Evaluation complete: 61% of children aged 8+ have used it at least once.',
        ],
      ],
    },
    {
      priority: P.homes,
      ref: '2.1',
      action:
        'Recruit 25 more in-house foster carers through the “Home in Northshire” campaign, prioritising teenagers and sibling groups.',
      who: 'Fostering service; Communications team',
      leads: 'Fostering Service Manager',
      timescale: `By ${endOfYear}`,
      status: 'off_track',
      updates: [
        [160, 'Fostering Service Manager', 'Eleven enquiries converted to assessments this quarter.'],
        [
          75,
          'Fostering Service Manager',
          'Nine carers approved so far against a target of 25; four households deregistered.',
        ],
        [
          20,
          'Fostering Service Manager',
          'Campaign refreshed with care-experienced young people; recruitment fair booked.',
        ],
      ],
    },
    {
      priority: P.homes,
      ref: '2.2',
      action:
        'Hold a stability meeting for any child who has moved home twice in twelve months, within ten working days of the second move.',
      who: 'Children in Care teams; IROs',
      leads: 'Head of Service, Children in Care',
      timescale: 'Ongoing',
      status: 'on_track',
      updates: [[60, 'Gareth Lowe', 'Stability meetings held for 18 of 19 eligible children this quarter.']],
      principle: PR.f,
    },
    {
      priority: P.health,
      ref: '3.1',
      action:
        'Complete initial health assessments within 20 working days of a child entering care, and agree a dental access pathway.',
      who: 'Looked After Children health team; community dental service',
      leads: 'Designated Nurse for Looked After Children',
      timescale: nextQ,
      status: 'at_risk',
      updates: [
        [140, 'Dr Fiona Blake', 'Paediatric capacity increased; initial assessment timeliness improving.'],
        [
          45,
          'Dr Fiona Blake',
          'Dental access remains the main risk; escalated to the Integrated Care Board.',
        ],
      ],
    },
    {
      priority: P.health,
      ref: '3.2',
      action:
        'Use the Strengths and Difficulties Questionnaire at every review and fast-track children with high scores to emotional health support.',
      who: 'Social workers; foster carers; children’s mental health service',
      leads: 'Designated Nurse; Head of Service',
      timescale: 'Ongoing',
      status: 'on_track',
      updates: [[70, 'Dr Fiona Blake', 'Fast-track referrals now seen within six weeks on average.']],
    },
    {
      priority: P.learning,
      ref: '4.1',
      action:
        'Make sure every school-age child has a good-quality Personal Education Plan each term, including 16+ plans.',
      who: 'Virtual School; designated teachers',
      leads: 'Virtual School Head',
      timescale: 'Termly',
      status: 'on_track',
      updates: [
        [130, 'Anita Kowalski', 'PEP quality audit: 84% rated good or better.'],
        [35, 'Anita Kowalski', 'Completion above 95% for the second term running.'],
      ],
      principle: PR.e,
    },
    {
      priority: P.learning,
      ref: '4.2',
      action:
        'Reduce the use of part-time timetables: every one reviewed by the Virtual School within two weeks and ended within six.',
      who: 'Virtual School; schools; Inclusion service',
      leads: 'Virtual School Head',
      timescale: `From ${nextQ}`,
      status: 'not_started',
      updates: [],
    },
    {
      priority: P.family,
      ref: '5.1',
      action:
        'Increase early permanence: consider foster-to-adopt for every baby with a plan for adoption, with the regional adoption agency.',
      who: 'Regional adoption agency; Children in Care teams; legal services',
      leads: 'Head of Service, Children in Care',
      timescale: `By ${endOfYear}`,
      status: 'at_risk',
      updates: [
        [100, 'Gareth Lowe', 'Court delays are lengthening the time from entering care to placement.'],
        [25, 'Gareth Lowe', 'Three early permanence carers approved; two more in assessment.'],
      ],
    },
    {
      priority: P.adulthood,
      ref: '6.1',
      action: 'Ring-fence ten council apprenticeships a year for care leavers, with a named mentor for each.',
      who: 'HR and Organisational Development; Leaving Care service',
      leads: 'Director of Children’s Services',
      timescale: `${nextYear} intake`,
      status: 'on_track',
      updates: [
        [110, 'Helen Marsh', 'Six apprenticeships filled; mentors trained.'],
        [15, 'Helen Marsh', 'Four further posts advertised with the Care Leavers Forum’s help.'],
      ],
      principle: PR.g,
    },
    {
      priority: P.adulthood,
      ref: '6.2',
      action:
        'Exempt care leavers from council tax up to age 25 and publish a refreshed local offer written with care leavers.',
      who: 'Revenues and Benefits; Leaving Care service',
      leads: 'Director of Children’s Services',
      timescale: 'Completed',
      status: 'complete',
      updates: [
        [
          80,
          'Helen Marsh',
          'Exemption approved by Cabinet and in place from the start of the financial year.',
        ],
      ],
    },
  ];

  const ids: number[] = [];
  plan.forEach((a, i) => {
    const id = insert(db, 'plan_action', {
      priority_id: a.priority,
      ref: a.ref,
      action: a.action,
      who_where: a.who,
      leads: a.leads,
      timescale: a.timescale,
      status: a.status,
      sort: i + 1,
    });
    ids.push(id);
    for (const [daysAgo, author, text] of a.updates) {
      const date = addDays(today, -daysAgo);
      insert(db, 'plan_update', { plan_action_id: id, date, author, text, created_at: stamp(date, '16:30') });
    }
    if (a.principle) insert(db, 'link', { plan_action_id: id, to_principle_id: a.principle });
    if (a.pledge) insert(db, 'link', { plan_action_id: id, to_pledge_id: a.pledge });
  });
  return ids;
}
