/**
 * The words of the generated archive (see archive.ts): what a Corporate Parenting Board's papers,
 * minutes, actions and "you said, we did" entries talk about, as slots and phrases a seeded random
 * choice fills in. Fictional throughout; written for this project, not copied from any council.
 */

export type Pick = <T>(list: readonly T[]) => T;

export const FIRST_NAMES = [
  'Aisha',
  'Alan',
  'Amelia',
  'Amir',
  'Anna',
  'Barbara',
  'Ben',
  'Bethan',
  'Bilal',
  'Carol',
  'Chloe',
  'Colin',
  'Daniel',
  'David',
  'Deborah',
  'Eleanor',
  'Emma',
  'Farah',
  'Fiona',
  'Gareth',
  'Grace',
  'Hannah',
  'Harpreet',
  'Ian',
  'Imran',
  'Jack',
  'Jane',
  'Jasmine',
  'John',
  'Karen',
  'Kwame',
  'Laura',
  'Leon',
  'Linda',
  'Mark',
  'Mary',
  'Mohammed',
  'Nadia',
  'Neil',
  'Niamh',
  'Oliver',
  'Patrick',
  'Paul',
  'Priya',
  'Rachel',
  'Rebecca',
  'Richard',
  'Rosa',
  'Ruth',
  'Sam',
  'Sarah',
  'Simon',
  'Sophie',
  'Stephen',
  'Susan',
  'Tariq',
  'Thomas',
  'Tom',
  'Vikram',
  'Wendy',
  'Yusuf',
  'Zoe',
] as const;

export const LAST_NAMES = [
  'Ahmed',
  'Allen',
  'Baker',
  'Bennett',
  'Brown',
  'Campbell',
  'Carter',
  'Chapman',
  'Clarke',
  'Cole',
  'Cooper',
  'Davies',
  'Dixon',
  'Edwards',
  'Evans',
  'Fisher',
  'Fletcher',
  'Foster',
  'Green',
  'Hall',
  'Harris',
  'Hughes',
  'Hussain',
  'Jackson',
  'James',
  'Johnson',
  'Jones',
  'Kaur',
  'Khan',
  'King',
  'Lewis',
  'Marshall',
  'Martin',
  'Mason',
  'Mills',
  'Mitchell',
  'Moore',
  'Morgan',
  'Murphy',
  'Nelson',
  'Newton',
  'O’Brien',
  'Owen',
  'Palmer',
  'Parker',
  'Patel',
  'Phillips',
  'Price',
  'Reid',
  'Roberts',
  'Robinson',
  'Shah',
  'Singh',
  'Smith',
  'Taylor',
  'Thomas',
  'Thompson',
  'Turner',
  'Walker',
  'Ward',
  'Watson',
  'White',
  'Williams',
  'Wilson',
  'Wright',
  'Young',
] as const;

export const WARDS = [
  'Abbey',
  'Brookside',
  'Castle',
  'Central',
  'Eastfield',
  'Fairview',
  'Hillside',
  'Kingsway',
  'Lakeside',
  'Meadowbank',
  'Northgate',
  'Oakwood',
  'Parkside',
  'Riverside',
  'St Mary’s',
  'Westbury',
] as const;

export const PRIORITIES = [
  {
    code: 'P1',
    title: 'Safe and stable homes',
    description:
      'Children live in stable, loving homes close to their communities, with as few moves as possible.',
    topics: [
      'placement stability',
      'fostering recruitment',
      'residential placements',
      'placement sufficiency',
    ],
  },
  {
    code: 'P2',
    title: 'Healthy lives',
    description:
      'Children in care and care leavers have their physical, emotional and mental health needs met.',
    topics: ['health assessments', 'emotional wellbeing', 'dental checks', 'CAMHS waiting times'],
  },
  {
    code: 'P3',
    title: 'Achieving in education',
    description: 'The Virtual School champions every child’s education, from early years to further study.',
    topics: ['personal education plans', 'school attendance', 'exclusions', 'attainment at key stage 4'],
  },
  {
    code: 'P4',
    title: 'Preparing for adulthood',
    description: 'Care leavers have a home, a trusted adult and a route into work, education or training.',
    topics: ['pathway plans', 'staying put', 'suitable accommodation', 'apprenticeships'],
  },
  {
    code: 'P5',
    title: 'Listening and responding',
    description: 'Children’s views shape their own plans and the services the council provides.',
    topics: ['the Children in Care Council', 'independent visitors', 'advocacy', 'participation'],
  },
  {
    code: 'P6',
    title: 'Keeping safe',
    description: 'Children are protected from exploitation, going missing and harm, in and out of care.',
    topics: ['missing episodes', 'return home interviews', 'child exploitation', 'online safety'],
  },
] as const;

/** Ten measures per priority: [title, unit, polarity, base, target or null]. */
export const MEASURES: readonly (readonly [
  string,
  'percent' | 'number' | 'days' | 'rate10k' | 'score',
  'higher' | 'lower' | 'neither',
  number,
  number | null,
])[][] = [
  [
    ['Children in care with three or more placements in the year', 'percent', 'lower', 11, 9],
    ['Children in care for 2.5 years in the same placement for 2 years', 'percent', 'higher', 66, 70],
    ['Children placed more than 20 miles from home', 'percent', 'lower', 16, 12],
    ['Children in care placed with in-house foster carers', 'percent', 'higher', 48, 55],
    ['New fostering households approved in the quarter', 'number', 'higher', 6, 8],
    ['Children in residential children’s homes', 'number', 'lower', 38, null],
    ['Children in care per 10,000 children', 'rate10k', 'neither', 72, null],
    ['Foster carer enquiries converted to assessments', 'percent', 'higher', 14, 20],
    ['Average days from entering care to moving in with an adoptive family', 'days', 'lower', 420, 367],
    ['Unplanned endings of placements in the quarter', 'number', 'lower', 9, 6],
  ],
  [
    ['Initial health assessments completed within 20 working days', 'percent', 'higher', 58, 85],
    ['Review health assessments completed on time', 'percent', 'higher', 83, 95],
    ['Children with an up-to-date dental check', 'percent', 'higher', 76, 90],
    ['Immunisations up to date', 'percent', 'higher', 88, 95],
    ['Average Strengths and Difficulties Questionnaire score', 'score', 'lower', 15.2, 14],
    ['Strengths and Difficulties Questionnaires returned', 'percent', 'higher', 79, 90],
    ['Average weeks waiting for a first CAMHS appointment', 'number', 'lower', 11, 8],
    ['Care leavers registered with a GP', 'percent', 'higher', 91, 98],
    ['Children offered a health passport at 16', 'percent', 'higher', 61, 90],
    ['Substance misuse concerns identified at review', 'percent', 'lower', 5, null],
  ],
  [
    ['Personal education plans completed on time', 'percent', 'higher', 86, 95],
    ['Personal education plans rated good or better', 'percent', 'higher', 72, 85],
    ['Persistent absence of children in care', 'percent', 'lower', 14, 10],
    ['Fixed-term exclusions of children in care', 'number', 'lower', 12, 6],
    ['Children in care with a permanent exclusion', 'number', 'lower', 1, 0],
    ['Average Attainment 8 score of children in care', 'score', 'higher', 21, 25],
    ['Children in care in good or outstanding schools', 'percent', 'higher', 80, 90],
    ['Children in care with special educational needs support', 'percent', 'neither', 52, null],
    ['Early years children in care taking up funded places', 'percent', 'higher', 74, 90],
    ['Days of education lost to placement moves', 'days', 'lower', 140, 100],
  ],
  [
    ['Care leavers aged 19–21 in education, employment or training', 'percent', 'higher', 54, 60],
    ['Care leavers aged 19–21 in suitable accommodation', 'percent', 'higher', 87, 92],
    ['Care leavers with an up-to-date pathway plan', 'percent', 'higher', 84, 95],
    ['Young people staying put with former foster carers', 'number', 'higher', 17, 20],
    ['Care leavers in touch with the council', 'percent', 'higher', 93, 97],
    ['Care leavers in apprenticeships', 'number', 'higher', 8, 12],
    ['Care leavers in higher education', 'number', 'higher', 14, 16],
    ['Care leavers in bed and breakfast accommodation', 'number', 'lower', 1, 0],
    ['Care leavers with a personal adviser allocated by 16 and a half', 'percent', 'higher', 81, 95],
    ['Care leavers using the council tax exemption', 'percent', 'higher', 62, 80],
  ],
  [
    ['Children participating in their reviews', 'percent', 'higher', 89, 95],
    ['Reviews held within timescale', 'percent', 'higher', 92, 98],
    ['Children with an independent visitor', 'number', 'higher', 22, 30],
    ['Children using an advocate', 'number', 'higher', 31, null],
    ['Members of the Children in Care Council', 'number', 'higher', 18, 25],
    ['Complaints from children in care resolved within 10 days', 'percent', 'higher', 71, 85],
    ['Children seen alone at statutory visits', 'percent', 'higher', 77, 90],
    ['Statutory visits within timescale', 'percent', 'higher', 88, 95],
    ['Care leavers who rate their personal adviser as good', 'percent', 'higher', 80, 85],
    ['Children given feedback on their views within 20 days', 'percent', 'higher', 64, 80],
  ],
  [
    ['Children in care who went missing in the quarter', 'number', 'lower', 24, 18],
    ['Missing episodes of children in care', 'number', 'lower', 96, 70],
    ['Return home interviews offered within 72 hours', 'percent', 'higher', 78, 95],
    ['Return home interviews accepted', 'percent', 'higher', 56, 70],
    ['Children in care at risk of child sexual exploitation', 'number', 'lower', 9, null],
    ['Children in care at risk of criminal exploitation', 'number', 'lower', 11, null],
    ['Children in care with a final warning or conviction', 'percent', 'lower', 4, 3],
    ['Children in care with a safety plan reviewed on time', 'percent', 'higher', 82, 95],
    ['Children in care given online safety sessions', 'number', 'higher', 40, 60],
    ['Children in care placed in secure accommodation', 'number', 'lower', 2, null],
  ],
];

export const SPECIAL_ITEMS = [
  ['Independent Reviewing Officer annual report', 'Head of Quality Assurance'],
  ['Virtual School Head annual report', 'Virtual School Head'],
  ['Fostering service annual report', 'Head of Fostering'],
  ['Adoption agency half-year report', 'Regional Adoption Agency Manager'],
  ['Placement sufficiency strategy update', 'Head of Commissioning'],
  ['Children in Care Council update', 'Participation Lead'],
  ['Health of children in care annual report', 'Designated Nurse for Children in Care'],
  ['Care leavers’ local offer review', 'Leaving Care Service Manager'],
  ['Missing and exploitation quarterly report', 'Exploitation Team Manager'],
  ['Housing pathway for care leavers', 'Housing Options Manager'],
  ['Staying Put and Staying Close update', 'Leaving Care Service Manager'],
  ['Corporate parenting training for members', 'Democratic Services Manager'],
  ['Residential children’s homes: Regulation 44 findings', 'Head of Residential Services'],
  ['Mental health support for children in care', 'CAMHS Service Lead'],
  ['Apprenticeships and work experience for care leavers', 'Employment and Skills Manager'],
  ['Unaccompanied asylum-seeking children update', 'Head of Children in Care'],
] as const;

export const FREE_TEXT_OWNERS = [
  'Head of Fostering',
  'Virtual School Head',
  'Democratic Services',
  'Leaving Care Service Manager',
  'Head of Commissioning',
  'Designated Nurse for Children in Care',
  'Participation Lead',
  'Head of Quality Assurance',
  'Housing Options Manager',
  'Performance and Intelligence Team',
] as const;

export const VERBS = [
  'Circulate',
  'Report back on',
  'Bring a paper on',
  'Review',
  'Write to partners about',
  'Set out a plan for',
  'Arrange a member briefing on',
  'Share the findings of',
  'Update the board on',
  'Agree a target for',
] as const;

const DISCUSSION = [
  'Members asked how {topic} compared with statistical neighbours and were told the gap had narrowed over the last two quarters.',
  'The board noted that {topic} remained a concern, particularly for teenagers entering care, and asked for a fuller analysis.',
  '{member} asked whether the improvement in {topic} would be sustained once the temporary funding ended.',
  'Officers explained that the change in {topic} reflected better recording as much as better practice, and that the next quarter would show whether it held.',
  'The Children in Care Council had raised {topic} at its last session; their comments were read out and welcomed by members.',
  'Partners from health confirmed that additional capacity had been agreed for {topic} and would be in place by the end of the quarter.',
  '{member} welcomed the progress on {topic} and thanked the team for the clarity of the report.',
  'Members discussed the link between {topic} and placement stability, and agreed it should be a standing item for the next year.',
  'The report set out the main risks to {topic}: recruitment, the cost of external placements and waiting times for specialist support.',
  'It was noted that the figures for {topic} were provisional and would be confirmed in the annual return.',
  'The chair asked that the next update on {topic} include the voices of young people directly affected.',
  '{member} asked for the data on {topic} to be broken down by age and ethnicity so that gaps could be seen.',
] as const;

const RESOLUTIONS = [
  'the report be noted and the actions set out in section 4 be endorsed',
  'the board receives a further update on {topic} at its next meeting',
  'the recommendations on {topic} be approved and referred to Cabinet',
  'the progress made on {topic} be welcomed and the revised targets agreed',
  'officers bring forward an improvement plan for {topic} within three months',
] as const;

const SAID = [
  'We want to know who our social worker is and not have it change all the time.',
  'Some of us do not get our pocket money on time when we move placement.',
  'We would like more help with driving lessons and getting a provisional licence.',
  'It is hard to see our brothers and sisters when we live far away from them.',
  'Reviews feel like meetings about us, not with us. We want to choose where they happen.',
  'We want Wi-Fi in every children’s home so we can do homework and keep in touch with friends.',
  'Care leavers should not have to pay council tax while they are getting started.',
  'We would like to meet the councillors who are our corporate parents more often.',
  'Moving school in the middle of exams made it really hard to keep up.',
  'We want help to open a bank account and understand bills before we leave care.',
  'The waiting list for counselling is too long; some of us have waited months.',
  'We want our records to be written in a way we can understand if we read them later.',
  'Some foster carers do not know the rules about sleepovers with friends.',
  'We would like a say in the leaflets and the website about being in care.',
] as const;

const DID = [
  'The council agreed a new rule so that a change of social worker is explained in person and in writing.',
  'Pocket money is now paid from a central budget so that it follows the young person on the day they move.',
  'The local offer now includes twenty funded driving lessons and the cost of the theory test.',
  'Family time plans for brothers and sisters are checked at every review and travel is paid for.',
  'Young people now choose the venue and who chairs the first part of their review.',
  'Every children’s home has had Wi-Fi installed, with a safe browsing policy agreed with residents.',
  'Cabinet agreed a full council tax exemption for care leavers up to the age of 25.',
  'Members now attend the Children in Care Council twice a year and report back to the board.',
  'The Virtual School agreed that moves in Year 11 need the Head’s sign-off, except in an emergency.',
  'A money skills course is offered to every young person at 16, run with a local credit union.',
  'A fast-track route to counselling has been agreed with the NHS for children in care.',
  'Social workers have been trained to write records as letters to the child.',
  'A guide on sleepovers and friendships was written with young people and sent to every carer.',
  'Young people co-wrote the new webpages and were paid as consultants for their time.',
] as const;

const UPDATES = [
  'Work has started; a first draft was shared with the lead member.',
  'Partners have agreed the approach and a timetable is being drawn up.',
  'Delayed by staff changes; now expected by the end of next quarter.',
  'Completed: the findings were circulated to members by email.',
  'The briefing took place and members’ questions have been answered in writing.',
  'A paper is on the agenda for the next meeting.',
  'Data has been collected and is being checked before it is shared.',
  'The plan was agreed by the management team and is now in place.',
] as const;

const fill = (text: string, slots: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_m, k: string) => slots[k] ?? k);

export interface TextMaker {
  discussion(topic: string, member: string, sentences: number): string[];
  resolution(topic: string): string;
  /** What young people said, and what the board did about it. */
  voice(): { said: string; did: string };
  update(): string;
  action(topic: string): string;
}

/** Sentences from the phrase banks, chosen by the archive's seeded random numbers. */
export function textMaker(pick: Pick, next: () => number): TextMaker {
  return {
    discussion: (topic, member, n) => {
      // n different sentences, in a random order.
      const order = DISCUSSION.map((s) => ({ s, k: next() })).sort((a, b) => a.k - b.k);
      return order.slice(0, n).map(({ s }) => fill(s, { topic, member }));
    },
    resolution: (topic) => fill(pick(RESOLUTIONS), { topic }),
    voice: () => {
      const i = Math.floor(next() * SAID.length);
      return { said: SAID[i]!, did: DID[i % DID.length]! };
    },
    update: () => pick(UPDATES),
    action: (topic) => `${pick(VERBS)} ${topic}`,
  };
}

/** Names of the settings members visit (homes, lodgings): places, never children. */
export const SETTINGS = [
  'Oakfield',
  'Beechwood',
  'Willow Lane',
  'Hawthorn House',
  'Riverside',
  'Larch Court',
  'Meadowbank',
  'The Elms',
] as const;
