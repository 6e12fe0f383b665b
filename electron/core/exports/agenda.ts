/**
 * The agenda and pre-meeting pack, as a council publishes it.
 *
 * Front sheet: the authority and board, the summons, date, time, venue, chair, contact officer,
 * date of publication and quorum, the membership, and the public-access and filming notice.
 * Then the numbered agenda with timings; each Part A report (author, presenter, purpose,
 * recommendations, linked priorities, papers as real hyperlinks numbered as appendices, and the
 * measures of its priorities); the list of appendices; the scorecard summary frozen for the
 * meeting (or the current one, clearly labelled); and last, Part B under the recommendation to
 * exclude the press and public.
 *
 * Public (the default): Part B items by their public titles only (the one Part B title policy,
 * shared with the minutes), no report; young people by first name when the board says so.
 * Confidential: Part B reports in full, on pages of their own, CONFIDENTIAL on every page.
 */
import { documentFileName } from '../../../shared/api/exports';
import { purposeLabels as purposeLabel } from '../../../shared/api/meetings';
import type { Publishing } from '../../../shared/api/publishing';
import { formatDate, formatDateWithDay, formatTimestamp } from '../../../shared/domain/dates';
import {
  SCHEDULE_12A,
  STANDARD_PUBLIC_NOTICE,
  exclusionRecommendation,
  publicTitleOf,
} from '../../../shared/domain/publishing';
import { describeQuorumRule, roleLabel } from '../../../shared/domain/quorum';
import type { DB } from '../store/board-file';
import { activeOn, board as loadBoard, type Board, type Member } from '../queries/board';
import { meetingRecord, type MeetingRecord, type RecordItem } from '../queries/meeting';
import { meetingPerformance } from '../queries/priority-context';
import { publishing } from '../queries/publishing';
import { scorecard } from '../queries/scorecard';
import { meetingSnapshot } from '../queries/snapshot';
import {
  b,
  bullet,
  factsTable,
  h1,
  h2,
  h3,
  hrefOf,
  i,
  lines,
  link,
  listCounter,
  numbered,
  p,
  table,
  title,
  type Block,
  type Described,
} from './kit';
import { priorityPerformanceBlocks, type MeetingPerformance } from './priority-performance';
import { nameReplacements, renameDeep } from './public-view';
import { frozenRows, liveRows } from './score-rows';
import { summaryTables } from './scorecard-summary';
import { visitsByItem } from './visits';

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clock = (m: number) =>
  `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Each item's planned start and finish ('10:07–10:17') from the meeting's start and the time allowed per item. */
export function itemTimings(meeting: MeetingRecord): Map<number, { slot: string; minutes: number | null }> {
  const out = new Map<number, { slot: string; minutes: number | null }>();
  let at = toMinutes(meeting.startTime);
  for (const it of [...meeting.items.filter((x) => !x.exempt), ...meeting.items.filter((x) => x.exempt)]) {
    if (it.minutesAllowed) {
      out.set(it.id, { slot: `${clock(at)}–${clock(at + it.minutesAllowed)}`, minutes: it.minutesAllowed });
      at += it.minutesAllowed;
    } else {
      out.set(it.id, { slot: 'No time set', minutes: null });
    }
  }
  return out;
}

const meetingKind = (m: MeetingRecord) =>
  m.type === 'extraordinary' ? 'Extraordinary meeting' : 'Ordinary meeting';

interface View {
  board: Board;
  settings: Publishing;
  m: MeetingRecord;
  members: Member[];
  isPublic: boolean;
  partA: RecordItem[];
  partB: RecordItem[];
  timings: ReturnType<typeof itemTimings>;
  performance: MeetingPerformance;
  /** Paper → its appendix number ('7A'), by item id and paper index. */
  appendix: (it: RecordItem, k: number) => string;
  publishedOn: string;
  nextList: () => number;
  /** Member visits listed under the item that reports them (by item id). */
  visits: Map<number, Block[]>;
}

/** Procedural items carry no report: their detail is left out unless something was written for them. */
const PROCEDURAL = new Set(['welcome', 'declarations', 'aob', 'next_meeting']);
const hasReport = (it: RecordItem) =>
  !PROCEDURAL.has(it.kind) ||
  it.reportAuthor.trim() !== '' ||
  it.reportPurpose.trim() !== '' ||
  it.recommendations.trim() !== '' ||
  it.papers.length > 0 ||
  it.priorityIds.length > 0;

/** A Part B item as the public sees it: number, public title and paragraph, nothing else. */
function publicPartB(it: RecordItem): RecordItem {
  return {
    ...it,
    title: publicTitleOf(it),
    presenter: '',
    reportAuthor: '',
    reportPurpose: '',
    recommendations: '',
    papers: [],
    priorities: [],
    priorityIds: [],
    minutesDoc: null,
    minutesText: '',
    decisions: [],
    actions: [],
  };
}

function makeView(db: DB, meetingId: number, today: string, isPublic: boolean): View {
  const record = meetingRecord(db, meetingId, today);
  const reps = nameReplacements(db, isPublic);
  const redacted = isPublic
    ? { ...record, items: record.items.map((it) => (it.exempt ? publicPartB(it) : it)) }
    : record;
  const m = renameDeep(redacted, reps);
  const board = loadBoard(db);
  return {
    board,
    settings: publishing(db),
    m,
    members: renameDeep(
      board.members.filter((x) => activeOn(x, m.date)),
      reps,
    ),
    isPublic,
    partA: m.items.filter((it) => !it.exempt),
    partB: m.items.filter((it) => it.exempt),
    timings: itemTimings(m),
    performance: meetingPerformance(db, m),
    appendix: (it, k) => `${it.position}${String.fromCharCode(65 + (k % 26))}`,
    publishedOn: m.publishedOn ?? today,
    nextList: listCounter(),
    visits: visitsByItem(db, meetingId, today),
  };
}

// ---- Front sheet ---------------------------------------------------------------------------------

function contactLines(v: View): string {
  const s = v.settings;
  const who = [s.contactName, s.contactTitle].filter((x) => x.trim()).join(', ');
  const out = [who || `Democratic Services, ${v.board.authority}`];
  if (s.contactPhone.trim()) out.push(`Telephone: ${s.contactPhone.trim()}`);
  if (s.contactEmail.trim()) out.push(`Email: ${s.contactEmail.trim()}`);
  return out.join('\n');
}

function summons(v: View): Block[] {
  const { m, board, settings } = v;
  const by = settings.summonsBy.trim() || `Democratic Services, ${board.authority}`;
  return [
    p(
      `To the members of the ${board.name}: you are summoned to attend a meeting of the Board ` +
        `${m.venue ? `in ${m.venue} ` : ''}on ${formatDateWithDay(m.date)} at ${m.startTime}, to transact the business set out in this agenda.`,
    ),
    p([b(by), `, ${formatDate(v.publishedOn)}`]),
  ];
}

function frontSheet(v: View): Block[] {
  const { m, board } = v;
  return [
    p(b(board.authority, { size: 28 })),
    title(board.name),
    p(b(`Agenda — ${meetingKind(m).toLowerCase()}`, { size: 32 })),
    ...summons(v),
    factsTable([
      ['Date', formatDateWithDay(m.date)],
      ['Time', m.startTime],
      ['Venue', m.venue || 'To be confirmed'],
      ['Chair', m.chair ?? 'To be confirmed'],
      ['Contact officer', contactLines(v)],
      ['Date of publication', formatDate(v.publishedOn)],
      ['Quorum', describeQuorumRule(m.quorum)],
    ]),
    h2('Public access, filming and recording'),
    p(v.settings.publicNotice.trim() || STANDARD_PUBLIC_NOTICE),
    h2('Membership'),
    table(
      ['Name', 'Title', 'Membership'],
      v.members.map((x) => [
        x.name,
        // The authority is on the front sheet already: only other organisations are named.
        [x.jobTitle, x.organisation === board.authority ? '' : x.organisation].filter(Boolean).join(', '),
        `${roleLabel[x.role]}${x.voting ? ', voting' : ''}`,
      ]),
      [28, 44, 28],
    ),
  ];
}

// ---- The agenda ----------------------------------------------------------------------------------

function agendaTable(v: View, items: RecordItem[]) {
  return table(
    ['No.', 'Item', 'Presenter', 'Purpose', 'Time'],
    items.map((it) => [
      String(it.position),
      // The public title names its paragraph (the title policy); the real one is followed by it.
      it.exempt && it.exemptParagraph && !v.isPublic
        ? `${it.title}\nExempt: paragraph ${it.exemptParagraph}`
        : it.title,
      it.presenter || (it.exempt && v.isPublic ? 'Not published' : 'To be confirmed'),
      purposeLabel[it.purpose],
      v.timings.get(it.id)?.slot ?? '',
    ]),
    [6, 41, 19, 17, 17],
    { keepTogether: items.length <= 16 },
  );
}

function agendaSection(v: View): Block[] {
  const out: Block[] = [
    // No forced page break: the agenda follows the front sheet wherever it ends (no near-empty page).
    h1('Agenda'),
    p(`Part A: items to be considered in public. The meeting starts at ${v.m.startTime}.`, {
      keepNext: true,
    }),
    agendaTable(v, v.partA),
  ];
  if (v.partB.length)
    out.push(
      p(
        `Part B: ${v.partB.length === 1 ? 'an item' : `${v.partB.length} items`} likely to be considered in private, after the press and public are excluded (see Part B at the end of this pack).`,
        { keepNext: true },
      ),
      agendaTable(v, v.partB),
    );
  return out;
}

// ---- Reports -------------------------------------------------------------------------------------

/** Recommendations are stored one a line; any numbering the clerk typed is the list's job. */
const recommendationLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(\(?[0-9a-z]{1,2}[.)]|[-•*])\s+/i, '').trim())
    .filter(Boolean);

function timeText(v: View, it: RecordItem): string {
  const t = v.timings.get(it.id);
  return t?.minutes ? `${t.slot} (${t.minutes} minutes)` : 'No time set';
}

function reportFacts(v: View, it: RecordItem): Block[] {
  const row = (label: string, value: string) => [b(`${label}: `), value];
  const rows = [
    ...(it.reportAuthor.trim() ? [row('Report author', it.reportAuthor.trim())] : []),
    row('Presented by', it.presenter || 'To be confirmed'),
    row('Purpose', purposeLabel[it.purpose]),
    row('Time', timeText(v, it)),
  ];
  if (it.priorities.length) rows.push(row('Strategic priorities', it.priorities.join('; ')));
  if (it.exempt)
    rows.push(
      row(
        'Exempt information',
        it.exemptParagraph
          ? `paragraph ${it.exemptParagraph} of Part 1 of Schedule 12A to the Local Government Act 1972 — ${SCHEDULE_12A[it.exemptParagraph]!.replace(/^./, (c) => c.toLowerCase())}`
          : 'Part 1 of Schedule 12A to the Local Government Act 1972',
      ),
    );
  // One paragraph, kept with what follows: the item's heading never ends a page alone.
  return [lines(rows, { keepNext: true })];
}

function reportBody(v: View, it: RecordItem): Block[] {
  const out: Block[] = [];
  if (it.reportPurpose.trim()) out.push(h3('Purpose of the report'), p(it.reportPurpose.trim()));
  const recs = recommendationLines(it.recommendations);
  // The one recommendation every "minutes of the last meeting" item makes.
  if (recs.length === 0 && it.kind === 'minutes')
    recs.push(
      `Approve the minutes of ${v.m.previousMeeting ? `the meeting held on ${formatDate(v.m.previousMeeting.date)}` : 'the last meeting'} as a correct record.`,
    );
  if (recs.length) {
    const list = v.nextList();
    out.push(
      h3('Recommendations'),
      p('The Board is recommended to:', { keepNext: true }),
      ...recs.map((r) => numbered(r, list)),
    );
  } else if (it.purpose === 'decision') {
    out.push(h3('Recommendations'), p('The recommendations are set out in the report.'));
  }
  if (it.papers.length) {
    out.push(h3('Papers'));
    it.papers.forEach((paper, k) =>
      out.push(bullet([b(`Appendix ${v.appendix(it, k)}: `), link(paper.label, hrefOf(paper.ref))])),
    );
  }
  return out;
}

function itemDetail(v: View, it: RecordItem): Block[] {
  return [
    h2(`${it.position}. ${it.title}`),
    ...reportFacts(v, it),
    ...reportBody(v, it),
    ...(v.visits.get(it.id) ?? []),
    ...priorityPerformanceBlocks(v.performance, it.priorityIds),
  ];
}

function reportsSection(v: View): Block[] {
  const items = v.partA.filter(hasReport);
  if (items.length === 0) return [];
  return [h1('Reports'), ...items.flatMap((it) => itemDetail(v, it))];
}

/** Every paper, numbered by its item, as real links: the pack's list of appendices. */
function appendicesSection(v: View): Block[] {
  const papers = v.partA.flatMap((it) => it.papers.map((paper, k) => ({ it, paper, k })));
  const out: Block[] = [h1('Appendices')];
  for (const { it, paper, k } of papers)
    out.push(
      bullet([
        b(`Appendix ${v.appendix(it, k)}`),
        ` (item ${it.position}): `,
        link(paper.label, hrefOf(paper.ref)),
      ]),
    );
  out.push(
    bullet([b('Performance scorecard summary'), ': attached at the end of the public part of this pack.']),
  );
  if (papers.length === 0) out.push(p(i('No other papers are attached to the public items on this agenda.')));
  return out;
}

// ---- Scorecard appendix ---------------------------------------------------------------------------

function scorecardAppendix(db: DB, v: View, today: string): Block[] {
  const snapshot = meetingSnapshot(db, v.m.id);
  const out: Block[] = [h1('Performance scorecard summary', { pageBreakBefore: true })];
  if (snapshot) {
    out.push(
      p([
        b('Frozen for this meeting: '),
        `${snapshot.title}, taken ${formatTimestamp(snapshot.takenAt)}. These figures will not change when new figures arrive.`,
      ]),
      ...summaryTables(frozenRows(snapshot.rows)),
    );
  } else {
    out.push(
      p([
        b('Current scorecard — not frozen for this meeting. '),
        i(
          `No scorecard snapshot has been taken for this meeting; these are the latest figures available before the meeting on ${formatDate(v.m.date)} ` +
            `(only periods that ended before then), as held on ${formatDate(today)}, and may change before the meeting.`,
        ),
      ]),
      ...summaryTables(liveRows(scorecard(db, { endedBefore: v.m.date }))),
    );
  }
  return out;
}

// ---- Part B --------------------------------------------------------------------------------------

function partBSection(v: View): Block[] {
  if (v.partB.length === 0) return [];
  const out: Block[] = [
    h1(v.isPublic ? 'Part B: exempt items' : 'Part B: exempt items — not for publication', {
      pageBreakBefore: !v.isPublic,
    }),
    p(b('Exclusion of the press and public'), { keepNext: true }),
    p(
      exclusionRecommendation(
        v.partB.map((it) => it.exemptParagraph),
        v.partB.length,
      ),
    ),
  ];
  for (const it of v.partB) {
    if (v.isPublic) {
      const para = it.exemptParagraph
        ? `paragraph ${it.exemptParagraph} of Part 1 of Schedule 12A`
        : 'Part 1 of Schedule 12A';
      out.push(
        h2(`${it.position}. ${it.title}`),
        p(
          i(
            `The report for this item is not for publication: it contains exempt information as defined in ${para} to the Local Government Act 1972.`,
          ),
        ),
      );
    } else {
      out.push(...itemDetail(v, it));
    }
  }
  return out;
}

// ---- The document --------------------------------------------------------------------------------

export async function agendaDocument(
  db: DB,
  meetingId: number,
  today: string,
  opts: { public: boolean },
): Promise<Described> {
  const v = makeView(db, meetingId, today, opts.public);
  const children: Block[] = [
    ...frontSheet(v),
    ...agendaSection(v),
    ...reportsSection(v),
    ...appendicesSection(v),
    ...scorecardAppendix(db, v, today),
    ...partBSection(v),
  ];
  const spec = {
    board: v.board,
    title: `${v.board.name}: agenda, ${formatDate(v.m.date)} (${opts.public ? 'public' : 'confidential'})`,
    subject: `Agenda and pre-meeting pack for the meeting on ${formatDate(v.m.date)} — ${opts.public ? 'public version' : 'confidential version'}`,
    marking: !opts.public && v.partB.length ? 'CONFIDENTIAL' : undefined,
    children,
  };
  return {
    spec,
    fileName: documentFileName(v.board, {
      kind: 'agenda',
      meetingDate: formatDate(v.m.date),
      public: opts.public,
    }),
  };
}
