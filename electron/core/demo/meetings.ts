import type { DB } from '../store/board-file';
import { approveSeedMinutes, fixDraftMeetingsQuorum, seedMinuteNumbers, tableHasColumn } from '../store/seed';
import { minuteNumbering } from '../queries/minute-numbers';
import { M, P, PR, memberName } from './strategy';
import {
  addDays,
  type Block,
  insert,
  minutesDoc,
  nearestWeekday,
  quarterIndexOf,
  quarterLabel,
  stamp,
} from './util';

// Three past meetings (two approved, one in draft), one upcoming meeting, the action log and
// "you said, we did".

export const VENUE = 'Committee Room 2, County Hall, Northshire';
const CHAIR_SIGNATURE = `${memberName(M.chair)} (Chair)`;

/** Words that appear only in the exempt (Part B) minute of the second meeting. */
export const EXEMPT_PHRASE = 'secure children’s home at Ravensmoor';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2017-11-21' → '21 November 2017'. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

type Kind =
  | 'welcome'
  | 'declarations'
  | 'minutes'
  | 'action_log'
  | 'voice'
  | 'scorecard'
  | 'priority'
  | 'aob'
  | 'next_meeting'
  | 'other';
type Purpose = 'decision' | 'discussion' | 'information' | 'assurance';
type Attend = 'present' | 'apologies' | 'absent' | ['substitute', number];

interface ActionSeed {
  description: string;
  owner: number | string;
  /** Days after the meeting. */
  due: number;
  urgency: 'high' | 'medium' | 'low';
  status: 'open' | 'in_progress' | 'complete' | 'closed';
  /** Days after the meeting it was completed or closed (status complete or closed only). */
  completed?: number;
  /** The update recorded when it was completed or closed: how it was done, or why it was closed. */
  closing?: string;
  priority: number | null;
}

interface ItemSeed {
  kind: Kind;
  title: string;
  presenter: string;
  purpose: Purpose;
  minutes: number;
  /** Part B: the Schedule 12A paragraph, and the title public documents print instead of the real one. */
  exempt?: number;
  publicTitle?: string;
  /** The report, for the agenda pack. */
  author?: string;
  purposeText?: string;
  recommendations?: string[];
  blocks?: Block[];
  decisions?: string[];
  actions?: ActionSeed[];
  priorities?: number[];
  principles?: number[];
  papers?: [string, string][];
}

interface MeetingSeed {
  date: string;
  attendance?: Record<number, Attend>;
  items: ItemSeed[];
  declarations?: { member: number; item: number; nature: string }[];
}

interface Written {
  id: number;
  items: number[];
  /** Action ids in the order they were declared. */
  actions: number[];
}

function chairItems(nextDate: string | null, prevDate: string | null) {
  return {
    welcome: (apologies: string): ItemSeed => ({
      kind: 'welcome',
      title: 'Welcome, introductions and apologies',
      presenter: 'Chair',
      purpose: 'information',
      minutes: 5,
      blocks: [
        {
          p: `The Chair welcomed members, officers, partners and the representatives of the Children in Care Council to the meeting. ${apologies}`,
        },
      ],
    }),
    declarations: (text = 'There were no declarations of interest.'): ItemSeed => ({
      kind: 'declarations',
      title: 'Declarations of interest',
      presenter: 'Chair',
      purpose: 'information',
      minutes: 2,
      blocks: [{ p: text }],
    }),
    minutes: (blocks: Block[], decision: string): ItemSeed => ({
      kind: 'minutes',
      title: prevDate
        ? `Minutes of the meeting held on ${longDate(prevDate)} and matters arising`
        : 'Minutes of the last meeting and matters arising',
      presenter: 'Chair',
      purpose: 'decision',
      minutes: 10,
      blocks,
      decisions: [decision],
    }),
    next: (): ItemSeed => ({
      kind: 'next_meeting',
      title: 'Date of next meeting',
      presenter: 'Chair',
      purpose: 'information',
      minutes: 2,
      blocks: nextDate
        ? [{ p: `The next meeting will be held on **${longDate(nextDate)}** at 10:00 in ${VENUE}.` }]
        : [],
    }),
  };
}

function writeMeeting(db: DB, id: number, seed: MeetingSeed): Written {
  const items: number[] = [];
  const actions: number[] = [];
  if (seed.attendance) {
    for (const m of [
      M.chair,
      M.okafor,
      M.raman,
      M.harwood,
      M.dcs,
      M.hos,
      M.vsh,
      M.nurse,
      M.police,
      M.yp1,
      M.yp2,
      M.perf,
    ]) {
      const a = seed.attendance[m] ?? 'present';
      const [status, forId] = Array.isArray(a) ? a : [a, null];
      insert(db, 'attendance', { meeting_id: id, member_id: m, status, substitute_for_member_id: forId });
    }
  }
  seed.items.forEach((it, i) => {
    const doc = it.blocks && it.blocks.length > 0 ? minutesDoc(it.blocks) : { doc: '', text: '' };
    const itemId = insert(db, 'agenda_item', {
      meeting_id: id,
      position: i + 1,
      kind: it.kind,
      title: it.title,
      presenter: it.presenter,
      purpose: it.purpose,
      minutes_allowed: it.minutes,
      exempt: it.exempt ? 1 : 0,
      // Schema 9 on keeps the paragraph's number; the schema before it kept free text.
      exempt_para: it.exempt ?? null,
      exempt_paragraph: it.exempt ? `Paragraph ${it.exempt} — information relating to an individual` : '',
      public_title: it.publicTitle ?? '',
      report_author: it.author ?? '',
      report_purpose: it.purposeText ?? '',
      recommendations: (it.recommendations ?? []).join('\n'),
      minutes_doc: doc.doc,
      minutes_text: doc.text,
    });
    items.push(itemId);
    (it.decisions ?? []).forEach((text, k) =>
      insert(db, 'decision', { agenda_item_id: itemId, position: k + 1, text }),
    );
    for (const p of it.priorities ?? []) insert(db, 'link', { agenda_item_id: itemId, to_priority_id: p });
    for (const p of it.principles ?? []) insert(db, 'link', { agenda_item_id: itemId, to_principle_id: p });
    (it.papers ?? []).forEach(([label, ref], k) =>
      insert(db, 'agenda_paper', { agenda_item_id: itemId, label, ref, sort: k + 1 }),
    );
    for (const a of it.actions ?? []) {
      actions.push(
        insert(db, 'action', {
          meeting_id: id,
          agenda_item_id: itemId,
          description: a.description,
          owner_member_id: typeof a.owner === 'number' ? a.owner : null,
          owner_name: typeof a.owner === 'string' ? a.owner : '',
          due_date: addDays(seed.date, a.due),
          urgency: a.urgency,
          status: a.status,
          priority_id: a.priority,
          created_at: stamp(seed.date, '12:30'),
          completed_at:
            a.status === 'complete' || a.status === 'closed'
              ? stamp(addDays(seed.date, a.completed ?? a.due), '15:00')
              : null,
        }),
      );
      if (a.closing) {
        const day = addDays(seed.date, a.completed ?? a.due);
        insert(db, 'action_update', {
          action_id: actions.at(-1)!,
          date: day,
          author: typeof a.owner === 'number' ? memberName(a.owner) : a.owner,
          text: a.closing,
          meeting_id: null,
          created_at: stamp(day, '15:00'),
        });
      }
    }
  });
  for (const d of seed.declarations ?? []) {
    insert(db, 'declaration', {
      meeting_id: id,
      member_id: d.member,
      agenda_item_id: items[d.item - 1]!,
      nature: d.nature,
    });
  }
  return { id, items, actions };
}

export interface MeetingDates {
  past: [string, string, string];
  upcoming: string;
}

/** Wednesdays about 24, 16 and 8 weeks before today, and about 3 weeks after. */
export function meetingDates(today: string): MeetingDates {
  return {
    past: [
      nearestWeekday(addDays(today, -168), 3),
      nearestWeekday(addDays(today, -112), 3),
      nearestWeekday(addDays(today, -56), 3),
    ],
    upcoming: nearestWeekday(addDays(today, 21), 3),
  };
}

export function writeMeetings(db: DB, today: string): void {
  const {
    past: [d1, d2, d3],
    upcoming: d4,
  } = meetingDates(today);
  const scorecardQuarter = (d: string) => quarterLabel(quarterIndexOf(d) - 1);

  // Meetings first (all open for editing); the two oldest are approved last of all.
  const meetingRows: [string, string, string][] = [
    [d1, 'minutes_draft', stamp(addDays(d1, 4), '14:00')],
    [d2, 'minutes_draft', stamp(addDays(d2, 4), '14:00')],
    [d3, 'minutes_draft', stamp(addDays(d3, 4), '14:00')],
    [d4, 'agenda_published', stamp(addDays(today, -2), '16:00')],
  ];
  const closing: Record<string, string> = { [d1]: '12:05', [d2]: '12:25', [d3]: '12:10' };
  const [m1, m2, m3, m4] = meetingRows.map(([date, status, updated]) =>
    insert(db, 'meeting', {
      date,
      start_time: '10:00',
      closing_time: closing[date] ?? null,
      // Published a week before (five clear working days); the upcoming agenda two days ago.
      published_on: date === d4 ? addDays(today, -2) : addDays(date, -7),
      venue: VENUE,
      chair_member_id: M.chair,
      type: 'ordinary',
      status,
      created_at: stamp(addDays(date, -35), '09:30'),
      updated_at: updated,
    }),
  ) as [number, number, number, number];

  // ---- Meeting 1 ----
  const c1 = chairItems(d2, null);
  const w1 = writeMeeting(db, m1, {
    date: d1,
    attendance: { [M.harwood]: 'apologies', [M.police]: 'absent' },
    items: [
      c1.welcome('Apologies were received from Cllr Tom Harwood.'),
      c1.declarations(),
      c1.minutes(
        [
          {
            p: 'The minutes of the previous meeting were agreed as a correct record. There were no matters arising that were not covered by the action log.',
          },
        ],
        'the minutes of the previous meeting be approved as a correct record and signed by the Chair.',
      ),
      {
        kind: 'action_log',
        title: 'Action log',
        presenter: memberName(M.hos),
        purpose: 'assurance',
        minutes: 10,
        blocks: [
          {
            p: 'The Board reviewed the action log. All actions from the previous meeting were complete except the refresh of the *Children’s Guide*, which is carried forward.',
          },
        ],
      },
      {
        kind: 'voice',
        title: 'Voice of the child: Children in Care Council update',
        presenter: `${memberName(M.yp1)} and ${memberName(M.yp2)}`,
        purpose: 'discussion',
        minutes: 20,
        priorities: [P.voice],
        principles: [PR.b],
        blocks: [
          {
            p: '**Jade Robinson** and **Kai Mensah** presented the Children in Care Council’s update. Young people had told the Council that:',
          },
          {
            ul: [
              'pocket money is different depending on which home you live in;',
              'reviews can feel formal and it is not always clear who will be there;',
              'some young people would like to speak to Full Council about what it is like to be in care.',
            ],
          },
          {
            p: 'Members thanked Jade and Kai. The Director of Children’s Services agreed to explore a slot at Full Council.',
          },
        ],
        actions: [
          {
            description: 'Arrange for the Children in Care Council to present to Full Council.',
            owner: M.dcs,
            due: 70,
            urgency: 'medium',
            status: 'in_progress',
            priority: P.voice,
          },
        ],
      },
      {
        kind: 'scorecard',
        title: `Performance scorecard, ${scorecardQuarter(d1)}`,
        presenter: memberName(M.perf),
        purpose: 'assurance',
        minutes: 20,
        blocks: [
          {
            p: 'Ben Ashworth introduced the scorecard. The Board noted continued improvement in review participation and Personal Education Plans.',
          },
          {
            p: 'Members were *particularly concerned* about dental checks, which have fallen for four quarters in a row.',
          },
        ],
        decisions: [
          `the Board notes the performance scorecard for ${scorecardQuarter(d1)} and asks the Head of Service to bring a recovery plan for dental checks to the next meeting.`,
        ],
        actions: [
          {
            description: 'Bring a recovery plan for dental checks to the next meeting.',
            owner: M.hos,
            due: 42,
            urgency: 'high',
            status: 'complete',
            completed: 49,
            priority: P.health,
          },
        ],
      },
      {
        kind: 'priority',
        title: 'Health of children in care: annual report of the Designated Nurse',
        presenter: memberName(M.nurse),
        purpose: 'discussion',
        minutes: 25,
        priorities: [P.health],
        principles: [PR.a, PR.d],
        blocks: [
          {
            p: 'Dr Fiona Blake presented the annual health report for children in care. The key points were:',
          },
          {
            ol: [
              'initial health assessments within 20 working days have improved markedly since paediatric capacity was increased;',
              'review health assessments for children placed out of county take longer to arrange;',
              'access to NHS dentists is the **main risk** for the coming year.',
            ],
          },
          {
            p: 'Cllr Okafor asked how the Board could help. Dr Blake suggested that the Chair write to the Integrated Care Board.',
          },
        ],
        decisions: [
          'the Board endorses the health action plan for children in care and asks the Designated Nurse to report progress in six months.',
          'the Chair writes to the Integrated Care Board on behalf of the Board about dental access for children in care.',
        ],
        actions: [
          {
            description: 'Circulate the health assessment timeliness audit to Board members.',
            owner: M.nurse,
            due: 28,
            urgency: 'medium',
            status: 'complete',
            completed: 20,
            closing: 'Audit circulated to members by email, with the health team’s response.',
            priority: P.health,
          },
          {
            description: 'Write to the Integrated Care Board about dental access for children in care.',
            owner: M.chair,
            due: 21,
            urgency: 'high',
            status: 'closed',
            completed: 14,
            closing:
              'The Chair raised dental access with the Integrated Care Board in person at the Health and Wellbeing Board, so a letter is no longer needed. Followed up through the dental recovery plan.',
            priority: P.health,
          },
        ],
      },
      {
        kind: 'aob',
        title: 'Any other business',
        presenter: 'Chair',
        purpose: 'information',
        minutes: 5,
        blocks: [{ p: 'No other business was raised.' }],
      },
      c1.next(),
    ],
  });

  // ---- Meeting 2 (has a Part B item) ----
  const c2 = chairItems(d3, d1);
  const w2 = writeMeeting(db, m2, {
    date: d2,
    attendance: {
      [M.raman]: 'apologies',
      [M.dcs]: 'apologies',
      [M.hos]: ['substitute', M.dcs],
      [M.yp2]: 'apologies',
    },
    items: [
      c2.welcome(
        'Apologies were received from Cllr Priya Raman, Helen Marsh (Gareth Lowe attending in her place) and Kai Mensah.',
      ),
      c2.declarations(),
      c2.minutes(
        [
          { p: `The minutes of the meeting held on ${longDate(d1)} were approved. Matters arising:` },
          {
            ul: [
              'the Chair has written to the Integrated Care Board about dental access; a reply is awaited;',
              'the health assessment timeliness audit has been circulated to members.',
            ],
          },
        ],
        `the minutes of the meeting held on ${longDate(d1)} be approved as a correct record.`,
      ),
      {
        kind: 'action_log',
        title: 'Action log',
        presenter: memberName(M.hos),
        purpose: 'assurance',
        minutes: 10,
        blocks: [
          {
            p: 'Gareth Lowe took the Board through the action log. The invitation for the Children in Care Council to speak at Full Council has been accepted in principle.',
          },
        ],
      },
      {
        kind: 'voice',
        title: 'Voice of the child: survey of reviews',
        presenter: memberName(M.yp1),
        purpose: 'discussion',
        minutes: 20,
        priorities: [P.voice],
        principles: [PR.b],
        blocks: [
          {
            p: 'Jade Robinson reported on the Children in Care Council’s survey of reviews. *“I want to know who is coming before the meeting starts”* was the most common comment.',
          },
          {
            p: 'Jade also raised pocket money again: young people in residential homes receive less than those in foster care.',
          },
        ],
        actions: [
          {
            description: 'Review the pocket money and savings policy with the Children in Care Council.',
            owner: M.hos,
            due: 126,
            urgency: 'medium',
            status: 'in_progress',
            priority: P.voice,
          },
        ],
      },
      {
        kind: 'scorecard',
        title: `Performance scorecard, ${scorecardQuarter(d2)}`,
        presenter: memberName(M.perf),
        purpose: 'assurance',
        minutes: 20,
        blocks: [
          {
            p: 'Ben Ashworth presented the scorecard, including the **dental checks recovery plan** requested at the last meeting.',
          },
          { p: 'Members asked that figures for care leavers’ accommodation be added to the scorecard.' },
        ],
        decisions: [
          'the Board notes the performance report and asks that care leavers’ accommodation figures are added to the scorecard.',
        ],
        actions: [
          {
            description: 'Add care leavers’ accommodation figures to the scorecard.',
            owner: M.perf,
            due: 28,
            urgency: 'low',
            status: 'complete',
            completed: 21,
            closing: 'Accommodation figures added to the scorecard (measure L2).',
            priority: P.adulthood,
          },
        ],
      },
      {
        kind: 'priority',
        title: 'Virtual School Head’s annual report',
        presenter: memberName(M.vsh),
        purpose: 'discussion',
        minutes: 25,
        priorities: [P.learning],
        principles: [PR.e, PR.d],
        blocks: [
          { p: 'Anita Kowalski presented the Virtual School’s annual report. The highlights were:' },
          {
            ol: [
              'Personal Education Plan completion above 95% for the first time;',
              'more children attending schools judged good or outstanding;',
              'a **rise in part-time timetables**, which the Virtual School will now review within two weeks of being told.',
            ],
          },
          {
            p: 'Members asked for attendance and exclusion figures for children in care to be reported every term.',
          },
        ],
        decisions: [
          'the Board receives the Virtual School Head’s annual report and thanks the Virtual School team for its work.',
          'attendance and exclusion figures for children in care are reported to the Board each term.',
        ],
        actions: [
          {
            description:
              'Report attendance and exclusion figures for children in care to the Board each term.',
            owner: M.vsh,
            due: 84,
            urgency: 'medium',
            status: 'open',
            priority: P.learning,
          },
        ],
      },
      {
        kind: 'aob',
        title: 'Any other business',
        presenter: 'Chair',
        purpose: 'information',
        minutes: 5,
        blocks: [
          {
            p: 'Cllr Harwood asked when members could next visit the council’s children’s homes. Democratic Services will confirm dates.',
          },
        ],
        actions: [
          {
            description: 'Confirm dates for members’ visits to the council’s children’s homes.',
            owner: 'Democratic Services',
            due: 21,
            urgency: 'low',
            status: 'complete',
            completed: 15,
            closing: 'Visit dates sent to members; the first visits are booked.',
            priority: P.homes,
          },
        ],
      },
      c2.next(),
      {
        kind: 'other',
        title: 'Emergency placement of Young Person K',
        publicTitle: 'Placement matter — exempt under paragraph 1',
        presenter: memberName(M.hos),
        purpose: 'decision',
        minutes: 15,
        exempt: 1,
        priorities: [P.homes],
        principles: [PR.f],
        blocks: [
          {
            p: `Gareth Lowe reported on the emergency move of Young Person K to the **${EXEMPT_PHRASE}** after repeated missing episodes and concerns about criminal exploitation. DI Mark Sutton outlined the joint police and social care safety plan.`,
          },
          {
            p: 'Members asked how K’s education and contact with their younger brother would be kept going during the placement.',
          },
        ],
        decisions: [
          `the Board notes the arrangements made for Young Person K at the ${EXEMPT_PHRASE} and asks the Director of Children’s Services to confirm the outcome of the secure accommodation review to the Chair in confidence.`,
        ],
      },
    ],
  });

  // ---- Meeting 3 (minutes in draft) ----
  const c3 = chairItems(d4, d2);
  const w3 = writeMeeting(db, m3, {
    date: d3,
    attendance: { [M.okafor]: 'apologies', [M.nurse]: 'apologies', [M.yp1]: 'absent' },
    declarations: [
      {
        member: M.raman,
        item: 7,
        nature: 'Non-pecuniary interest: member of the regional adoption agency’s adoption panel.',
      },
    ],
    items: [
      c3.welcome('Apologies were received from Cllr David Okafor and Dr Fiona Blake.'),
      c3.declarations(
        'Cllr Priya Raman remained in the meeting and took part in the discussion of the adoption item.',
      ),
      c3.minutes(
        [
          {
            p: `The minutes of the meeting held on ${longDate(d2)}, including the exempt minute, were approved. There were no matters arising.`,
          },
        ],
        `the minutes of the meeting held on ${longDate(d2)}, including the exempt minute, be approved as a correct record.`,
      ),
      {
        kind: 'action_log',
        title: 'Action log',
        presenter: memberName(M.hos),
        purpose: 'assurance',
        minutes: 10,
        blocks: [
          { p: 'Gareth Lowe presented the action log. Of note:' },
          {
            ul: [
              'the dental checks recovery plan was presented at the last meeting and the action is **complete**;',
              'the Full Council slot for the Children in Care Council is still awaited;',
              'termly attendance and exclusion figures are delayed by the change to the new attendance system.',
            ],
          },
        ],
        actions: [
          {
            description: 'Chase the Integrated Care Board for a dental access pathway for children in care.',
            owner: M.nurse,
            due: 86,
            urgency: 'medium',
            status: 'open',
            priority: P.health,
          },
        ],
      },
      {
        kind: 'voice',
        title: 'Voice of the child: Care Leavers Forum',
        presenter: memberName(M.yp2),
        purpose: 'discussion',
        minutes: 20,
        priorities: [P.voice, P.adulthood],
        principles: [PR.b],
        blocks: [
          {
            p: 'Kai Mensah presented on behalf of the Care Leavers Forum. Care leavers said that council tax bills are *frightening* when you first move into your own flat, and that the local offer is hard to find and hard to read.',
          },
          { p: 'The Director confirmed that the council tax exemption to age 25 is now in place.' },
        ],
        actions: [
          {
            description:
              'Publish the updated local offer for care leavers in a format written with young people.',
            owner: M.dcs,
            due: 49,
            urgency: 'medium',
            status: 'in_progress',
            priority: P.adulthood,
          },
        ],
      },
      {
        kind: 'scorecard',
        title: `Performance scorecard, ${scorecardQuarter(d3)}`,
        presenter: memberName(M.perf),
        purpose: 'assurance',
        minutes: 20,
        blocks: [
          { p: 'Ben Ashworth presented the scorecard. The Board focused on the measures rated red:' },
          {
            ol: [
              'children visited by their IRO in the six weeks before their review (V2);',
              'dental checks (H2);',
              'average days between entering care and moving in with an adoptive family (A1).',
            ],
          },
        ],
        decisions: [
          `the Board notes the performance scorecard for ${scorecardQuarter(d3)} and asks the IRO Service Manager to explain the fall in visits before reviews, with a recovery trajectory.`,
        ],
        actions: [
          {
            description: 'Explain the fall in IRO visits before reviews and set out a recovery trajectory.',
            owner: 'IRO Service Manager',
            due: 28,
            urgency: 'high',
            status: 'open',
            priority: P.voice,
          },
        ],
      },
      {
        kind: 'priority',
        title: 'Permanence and adoption timeliness',
        presenter: `${memberName(M.hos)} with the regional adoption agency`,
        purpose: 'discussion',
        minutes: 25,
        priorities: [P.family],
        principles: [PR.f, PR.a],
        blocks: [
          {
            p: 'Gareth Lowe and the regional adoption agency presented on the time children wait for an adoptive family. Court delays and a small number of *harder to place* sibling groups have lengthened the average wait.',
          },
          {
            p: 'Members welcomed the faster matching after placement orders and asked for a plan to bring the overall time down.',
          },
        ],
        decisions: [
          'the Board asks the Head of Service to present an adoption timeliness improvement plan, including early permanence, to its next meeting.',
        ],
        actions: [
          {
            description: 'Present an adoption timeliness improvement plan, including early permanence.',
            owner: M.hos,
            due: 77,
            urgency: 'high',
            status: 'open',
            priority: P.family,
          },
        ],
      },
      {
        kind: 'aob',
        title: 'Any other business',
        presenter: 'Chair',
        purpose: 'information',
        minutes: 5,
        blocks: [
          {
            p: 'Cllr Raman reported that the members’ visit to Oak Lodge children’s home had been well received by staff and young people.',
          },
        ],
        actions: [
          {
            description: 'Sign the approved minutes of the previous meeting.',
            owner: M.chair,
            due: 7,
            urgency: 'low',
            status: 'complete',
            completed: 3,
            closing: 'Minutes signed by the Chair.',
            priority: null,
          },
        ],
      },
      c3.next(),
    ],
  });

  // ---- Upcoming meeting: agenda published, no minutes ----
  const c4 = chairItems(null, d3);
  const paper = (name: string) => `https://intranet.northshire.example/cpb/${d4}/${name}`;
  const upcoming = (it: ItemSeed): ItemSeed => ({ ...it, blocks: [] });
  writeMeeting(db, m4, {
    date: d4,
    items: [
      upcoming(c4.welcome('')),
      upcoming(c4.declarations()),
      {
        ...c4.minutes([], 'unused'),
        blocks: [],
        decisions: [],
        papers: [['Draft minutes', paper('draft-minutes.pdf')]],
      },
      {
        kind: 'action_log',
        title: 'Action log and matters arising',
        presenter: memberName(M.hos),
        purpose: 'assurance',
        minutes: 10,
      },
      {
        kind: 'voice',
        title: 'Voice of the child: contact with brothers and sisters',
        presenter: `${memberName(M.yp1)} and ${memberName(M.yp2)}`,
        purpose: 'discussion',
        minutes: 20,
        priorities: [P.voice, P.family],
        principles: [PR.b, PR.c],
      },
      {
        kind: 'scorecard',
        title: `Performance scorecard, ${quarterLabel(quarterIndexOf(today) - 1)}`,
        presenter: memberName(M.perf),
        author: `${memberName(M.perf)}, Performance and Intelligence Manager`,
        purposeText:
          'To report performance against the Board’s scorecard for the latest quarter, with commentary on the measures rated red.',
        recommendations: [
          'Note the performance set out in the scorecard.',
          'Identify any measure on which the Board wants a deeper report at its next meeting.',
        ],
        purpose: 'assurance',
        minutes: 20,
        papers: [['Performance scorecard', paper('scorecard.pdf')]],
      },
      {
        kind: 'priority',
        title: 'Adoption timeliness improvement plan',
        presenter: memberName(M.hos),
        author: `${memberName(M.hos)}, Head of Service, Children in Care`,
        purposeText:
          'To ask the Board to endorse a plan to reduce the time between a child entering care and moving in with an adoptive family, which is longer than the target and the England average.',
        recommendations: [
          'Endorse the adoption timeliness improvement plan.',
          'Ask for a progress report on adoption timeliness at the meeting in June.',
        ],
        purpose: 'decision',
        minutes: 20,
        priorities: [P.family],
        principles: [PR.f],
        papers: [['Adoption timeliness improvement plan', paper('adoption-plan.pdf')]],
      },
      {
        kind: 'priority',
        title: 'Care leavers: apprenticeships and the local offer',
        presenter: memberName(M.dcs),
        author: `${memberName(M.dcs)}, Director of Children’s Services`,
        purposeText:
          'To update the Board on the council’s apprenticeship offer to care leavers and the review of the local offer with the Care Leavers Forum.',
        purpose: 'discussion',
        minutes: 20,
        priorities: [P.adulthood],
        principles: [PR.g, PR.e],
      },
      {
        kind: 'priority',
        title: 'Placement sufficiency and the fostering campaign',
        presenter: 'Fostering Service Manager',
        author: 'Fostering Service Manager',
        purposeText:
          'To give the Board assurance on the sufficiency of local placements and the results of the autumn fostering recruitment campaign.',
        recommendations: [
          'Note the placement sufficiency position and the progress of the fostering campaign.',
        ],
        purpose: 'assurance',
        minutes: 15,
        priorities: [P.homes],
        principles: [PR.f, PR.a],
      },
      { kind: 'aob', title: 'Any other business', presenter: 'Chair', purpose: 'information', minutes: 5 },
      {
        kind: 'next_meeting',
        title: 'Date of next meeting',
        presenter: 'Chair',
        purpose: 'information',
        minutes: 2,
      },
    ],
  });

  // ---- Action updates (progress rolls on after approval) ----
  const fullCouncil = w1.actions[0]!;
  const dentalPlan = w1.actions[1]!;
  const attendanceFigures = w2.actions[2]!;
  const localOffer = w3.actions[1]!;
  const iroVisits = w3.actions[2]!;
  const updates: [number, string, string, string, number | null][] = [
    [
      fullCouncil,
      d2,
      memberName(M.dcs),
      'Invitation accepted in principle; date to be agreed with Democratic Services.',
      m2,
    ],
    [
      fullCouncil,
      d3,
      memberName(M.dcs),
      'Slot requested at the next Full Council; awaiting confirmation from the Chairman’s office.',
      m3,
    ],
    [
      dentalPlan,
      addDays(d2, -7),
      memberName(M.hos),
      'Recovery plan drafted with the community dental service.',
      null,
    ],
    [
      attendanceFigures,
      d3,
      memberName(M.vsh),
      'Figures delayed by the change to the new attendance system.',
      m3,
    ],
    [
      localOffer,
      addDays(today, -14),
      memberName(M.dcs),
      'Draft reviewed by the Care Leavers Forum; changes being made.',
      null,
    ],
    [
      iroVisits,
      addDays(today, -10),
      'IRO Service Manager',
      'Analysis under way; one vacancy now filled.',
      null,
    ],
  ];
  for (const [action_id, date, author, text, meeting_id] of updates) {
    insert(db, 'action_update', {
      action_id,
      date,
      author,
      text,
      meeting_id,
      created_at: stamp(date, '17:00'),
    });
  }

  // ---- You said, we did ----
  const voice: [string, string, string, string | null, number, number, 'open' | 'in_progress' | 'done'][] = [
    [
      'Pocket money should be the same whatever home you live in.',
      'The Board asked for the pocket money and savings policy to be reviewed with the Children in Care Council; a single rate is out for consultation with young people.',
      addDays(d1, -14),
      d2,
      P.voice,
      m1,
      'in_progress',
    ],
    [
      'Reviews are too formal and we don’t always know who will be there.',
      'IROs now send a short “who’s coming” note before every review, and young people can chair part of their own review.',
      d1,
      addDays(d2, 20),
      P.voice,
      m2,
      'done',
    ],
    [
      'Council tax bills are scary when you first move into your own flat.',
      'Care leavers are now exempt from council tax until they are 25, and a one-page guide has been written with the Care Leavers Forum.',
      addDays(d2, -10),
      addDays(d3, -7),
      P.adulthood,
      m3,
      'done',
    ],
    [
      'We want to see our brothers and sisters more often, especially in the school holidays.',
      '',
      addDays(d3, 14),
      null,
      P.family,
      m4,
      'open',
    ],
  ];
  for (const [said, did, said_date, did_date, priority_id, meeting_id, status] of voice) {
    insert(db, 'voice_entry', { said, did, said_date, did_date, priority_id, meeting_id, status });
  }

  // ---- The quorum rule in force on the day stays with each held meeting (schema 3 on) ----
  if (tableHasColumn(db, 'meeting', 'quorum_count')) fixDraftMeetingsQuorum(db);

  // ---- Approve the two oldest meetings' minutes: last, as this locks them ----
  // Their minute numbers are fixed as they are approved (schema 9 on), as the app does.
  if (tableHasColumn(db, 'meeting', 'minute_series'))
    for (const m of [m1, m2]) {
      const n = minuteNumbering(db, m);
      seedMinuteNumbers(db, m, n.series, n.start);
    }
  approveSeedMinutes(db, { meetingId: m1, at: stamp(d2, '10:20'), by: CHAIR_SIGNATURE, atMeetingId: m2 });
  approveSeedMinutes(db, { meetingId: m2, at: stamp(d3, '10:20'), by: CHAIR_SIGNATURE, atMeetingId: m3 });
}
