/**
 * The minutes, in the pattern of English council committees, in two versions.
 *
 * The pattern: the meeting's date, times and venue; Present / Apologies / Substitutes / In
 * attendance; one numbered minute per agenda item (CPB/26/27/14, running through the municipal
 * year, see queries/minute-numbers), the declarations of interest in the declarations minute
 * only; RESOLVED wording; each action once, in its minute, with an action schedule (who, by when,
 * which minute) appended; the formal resolution excluding the press and public (section 100A(4),
 * the Schedule 12A paragraph and the public interest test) before the Part B minutes; the
 * closing time and the Chair's signature block.
 *
 * Public (the default): each Part B item keeps its minute number and the public title the clerk
 * wrote (the one Part B title policy, shared with the agenda); nothing else of it reaches the
 * package: not its title, minutes, decisions or actions, nor declarations or amendments made on
 * it. The exempt items are reduced before any paragraph is built, so no later code path can print
 * them. Young people are named by first name when the board's setting says so.
 *
 * Confidential: everything, with CONFIDENTIAL at the top and foot of every page.
 *
 * Minutes of a meeting not yet held, or with no attendance recorded, are refused unless a draft
 * is asked for, which says so on every page ("DRAFT — meeting not yet held").
 *
 * Each section is its own small function, in the order the minutes print them.
 */
import { ApiError } from '../../../shared/api/errors';
import { documentFileName } from '../../../shared/api/exports';
import { formatDate, formatDateWithDay, formatTimestamp } from '../../../shared/domain/dates';
import {
  SCHEDULE_12A,
  exclusionResolution,
  minuteRef,
  publicTitleOf,
} from '../../../shared/domain/publishing';
import type { DB } from '../store/board-file';
import { board as loadBoard, type Board } from '../queries/board';
import type { ActionRecord } from '../queries/actions';
import { meetingRecord, type MeetingRecord, type RecordItem } from '../queries/meeting';
import { minuteNumbering } from '../queries/minute-numbers';
import { meetingPerformance, measureNotesByItem } from '../queries/priority-context';
import {
  b,
  factsTable,
  h1,
  h2,
  i,
  lines,
  listCounter,
  p,
  resolution,
  spacer,
  table,
  title,
  type Block,
  type Described,
  type Inline,
} from './kit';
import { priorityPerformanceBlocks, type MeetingPerformance } from './priority-performance';
import { nameReplacements, renameDeep } from './public-view';
import { minutesParagraphs } from './rich-text';
import {
  approvalAmendmentBlocks,
  approvalWords,
  declarationSentence,
  presenceBlocks,
  voteBlocks,
} from './minutes-record';

/** What a Part B item is called where its own title is not given (amendments, declarations). */
export const EXEMPT_WORDS = 'exempt item';

export interface MinutesOptions {
  /** Public (Part B reduced, young people by first name if the board says so) or confidential. */
  public: boolean;
  /** Make draft minutes of a meeting not yet held or with no attendance recorded, stamped as such. */
  draft: boolean;
}

// ---- Refusal: no minutes of a meeting that has not happened ------------------------------------

/** Why these minutes cannot be final: the meeting has not been held, or nobody's attendance is recorded. */
export type NotHeld = 'not_held' | 'no_attendance' | null;

export function notHeldReason(m: MeetingRecord): NotHeld {
  if (m.status === 'draft' || m.status === 'agenda_published') return 'not_held';
  if (m.attendance.length === 0) return 'no_attendance';
  return null;
}

const DRAFT_STAMP: Record<Exclude<NotHeld, null>, string> = {
  not_held: 'DRAFT — meeting not yet held',
  no_attendance: 'DRAFT — attendance not recorded',
};

function refusal(m: MeetingRecord, why: Exclude<NotHeld, null>): ApiError {
  const when = formatDate(m.date);
  return new ApiError(
    'conflict',
    why === 'not_held'
      ? `The meeting on ${when} has not been held yet, so it has no minutes. Start the meeting and record attendance first, or ask for a draft stamped “${DRAFT_STAMP.not_held}”.`
      : `No attendance has been recorded for the meeting on ${when}, so its minutes cannot say who was present. Record attendance first, or ask for a draft stamped “${DRAFT_STAMP.no_attendance}”.`,
  );
}

// ---- The view: the record as this version may show it, numbered -------------------------------

interface View {
  board: Board;
  m: MeetingRecord;
  isPublic: boolean;
  notHeld: NotHeld;
  /** Items in print order: Part A by position, then Part B. */
  partA: RecordItem[];
  partB: RecordItem[];
  /** Item id → minute number ('CPB/26/27/14'). */
  refs: Map<number, string>;
  /** The exclusion minute's number, when there are Part B items. */
  exclusionRef: string | null;
  firstRef: string;
  lastRef: string;
  /** Action id → 'A1'. */
  actionRefs: Map<number, string>;
  notes: Map<number, { code: string; title: string; text: string }[]>;
  performance: MeetingPerformance;
  nextList: () => number;
}

/** Declarations in agenda order, amendments in the order recorded, as the minutes read. */
function inPrintOrder(m: MeetingRecord): MeetingRecord {
  const position = (n: number | null) => n ?? 0;
  return {
    ...m,
    declarations: [...m.declarations].sort(
      (x, y) => position(x.itemPosition) - position(y.itemPosition) || x.id - y.id,
    ),
    amendments: [...m.amendments].sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id - y.id),
  };
}

/** The meeting as the chosen version may show it: exempt items reduced to number and public title in public. */
export function redact(meeting: MeetingRecord, isPublic: boolean): MeetingRecord {
  if (!isPublic) return meeting;
  const exemptIds = new Set(meeting.items.filter((it) => it.exempt).map((it) => it.id));
  const reduce = (it: RecordItem): RecordItem => ({
    id: it.id,
    position: it.position,
    kind: 'other',
    // The one Part B title policy: the public title the clerk wrote, or a neutral one.
    title: publicTitleOf(it),
    presenter: '',
    purpose: 'information',
    minutesAllowed: null,
    // The Schedule 12A paragraph relied on is part of the public record; nothing else of the item is.
    exempt: true,
    exemptParagraph: it.exemptParagraph,
    publicTitle: it.publicTitle,
    reportAuthor: '',
    reportPurpose: '',
    recommendations: '',
    minutesDoc: null,
    minutesText: '',
    revision: it.revision,
    minutesRevision: it.minutesRevision,
    papers: [],
    decisions: [],
    actions: [],
    priorities: [],
    priorityIds: [],
    pledgeIds: [],
    principleIds: [],
    withdrawn: it.withdrawn,
    urgent: it.urgent,
  });
  return {
    ...meeting,
    items: meeting.items.map((it) => (it.exempt ? reduce(it) : it)),
    // Part B is a property of the action: one whose item was removed is still left out.
    meetingActions: meeting.meetingActions.filter((a) => !a.itemExempt),
    declarations: meeting.declarations.map((d) =>
      d.itemId !== null && exemptIds.has(d.itemId) ? { ...d, itemTitle: EXEMPT_WORDS, nature: '' } : d,
    ),
    amendments: meeting.amendments.map((x) =>
      x.itemId !== null && exemptIds.has(x.itemId) ? { ...x, itemTitle: EXEMPT_WORDS, text: '' } : x,
    ),
  };
}

function makeView(db: DB, record: MeetingRecord, opts: MinutesOptions, notHeld: NotHeld): View {
  const reps = nameReplacements(db, opts.public);
  const m = renameDeep(redact(inPrintOrder(record), opts.public), reps);
  const partA = m.items.filter((it) => !it.exempt);
  const partB = m.items.filter((it) => it.exempt);
  const { series, start } = minuteNumbering(db, m.id);
  const refs = new Map<number, string>();
  let n = start;
  for (const it of partA) refs.set(it.id, minuteRef(series, n++));
  const exclusionRef = partB.length ? minuteRef(series, n++) : null;
  for (const it of partB) refs.set(it.id, minuteRef(series, n++));
  const actionRefs = new Map<number, string>();
  for (const a of [...partA, ...partB].flatMap((it) => it.actions).concat(m.meetingActions))
    actionRefs.set(a.id, `A${actionRefs.size + 1}`);
  // Notes on measures only for the items this version prints in full (never a Part B item in public).
  const notes = measureNotesByItem(
    db,
    m.id,
    m.items.filter((it) => !(opts.public && it.exempt)).map((it) => it.id),
  );
  for (const [k, list] of notes) notes.set(k, renameDeep(list, reps));
  return {
    board: loadBoard(db),
    m,
    isPublic: opts.public,
    notHeld,
    partA,
    partB,
    refs,
    exclusionRef,
    firstRef: minuteRef(series, start),
    lastRef: minuteRef(series, n - 1),
    actionRefs,
    notes,
    performance: meetingPerformance(db, m),
    nextList: listCounter(),
  };
}

const refOf = (v: View, itemId: number | null): string | null =>
  itemId === null ? null : (v.refs.get(itemId) ?? null);

// ---- Front matter --------------------------------------------------------------------------------

function approvalText(m: MeetingRecord): string {
  if (m.status !== 'minutes_approved') return 'Draft — not yet approved by the Board';
  const when = m.approvedAtMeeting
    ? `at the meeting on ${formatDate(m.approvedAtMeeting.date)}`
    : m.approvedAt
      ? `on ${formatTimestamp(m.approvedAt)}`
      : '';
  return [approvalWords(m), when, m.approvedBy ? `by ${m.approvedBy}` : ''].filter(Boolean).join(' ');
}

/** What the Version row says: Part B is mentioned only when the meeting had exempt items. */
export function versionText(isPublic: boolean, hasExempt: boolean): string {
  if (isPublic)
    return hasExempt
      ? 'Public: exempt (Part B) items are not included'
      : 'Public: the full minutes (the meeting had no exempt items)';
  return hasExempt
    ? 'CONFIDENTIAL: includes exempt (Part B) items — not for publication'
    : 'CONFIDENTIAL: the full minutes (the meeting had no exempt items)';
}

function timesText(v: View): string {
  if (v.notHeld === 'not_held') return `${v.m.startTime} (not yet held)`;
  return v.m.closingTime
    ? `${v.m.startTime} to ${v.m.closingTime}`
    : `${v.m.startTime}; closing time not recorded`;
}

function frontMatter(v: View): Block[] {
  const { m, board } = v;
  const out: Block[] = [
    p(b(board.authority, { size: 28 })),
    title(board.name),
    p(b(`Minutes of the meeting held on ${formatDateWithDay(m.date)}`, { size: 28 })),
  ];
  if (v.notHeld)
    out.push(
      p(
        [
          b(`${DRAFT_STAMP[v.notHeld]}. `, { color: 'C00000' }),
          i(
            v.notHeld === 'not_held'
              ? 'Prepared before the meeting: nothing in it has happened yet.'
              : 'Attendance has not been recorded: who was present is not shown.',
          ),
        ],
        { keepNext: true },
      ),
    );
  out.push(
    factsTable([
      ['Time', timesText(v)],
      ['Venue', m.venue || 'Not recorded'],
      ['Chair', m.chair ?? 'Not recorded'],
      ['Minutes', `${v.firstRef} to ${v.lastRef}`],
      ['Status', approvalText(m)],
      ['Version', versionText(v.isPublic, v.partB.length > 0)],
      ...(m.earlyStartReason ? [['Started early', m.earlyStartReason] as [string, string]] : []),
    ]),
  );
  return out;
}

// ---- Attendance ----------------------------------------------------------------------------------

type Attendee = MeetingRecord['attendance'][number];

/** A job title that says nothing a name does not ("Cllr Tom Harwood", "Councillor") is left out. */
const sayNothing = (name: string, jobTitle: string) =>
  jobTitle.trim() === '' ||
  /^(councillor|cllr\.?|member)$/i.test(jobTitle.trim()) ||
  name.toLowerCase().includes(jobTitle.trim().toLowerCase());

/** 'Cllr Margaret Ellison (Chair) — Cabinet Member for Children and Families': one level of brackets at most. */
function personLine(v: View, a: Attendee, extra = ''): Inline[] {
  const chair = a.memberId === v.m.chairMemberId ? ' (Chair)' : '';
  const job = sayNothing(a.name, a.jobTitle) ? '' : ` — ${a.jobTitle.replace(/[()]/g, '')}`;
  return [`${a.name}${chair}${job}${extra}`];
}

function attendanceGroup(label: string, people: Inline[][], none: string): Block[] {
  return [p(b(label), { keepNext: true }), people.length ? lines(people) : p(none)];
}

function attendanceSection(v: View): Block[] {
  const a = v.m.attendance;
  if (a.length === 0) return [h1('Attendance'), p(i('Attendance has not been recorded yet.'))];
  const officer = (x: Attendee) => !x.voting && ['officer', 'adviser'].includes(x.role);
  const present = a.filter((x) => x.status === 'present' && !officer(x));
  const inAttendance = a.filter((x) => x.status === 'present' && officer(x));
  const apologies = a.filter((x) => x.status === 'apologies');
  const substitutes = a.filter((x) => x.status === 'substitute');
  const absent = a.filter((x) => x.status === 'absent');
  const recorded = new Set(a.map((x) => x.memberId));
  // Members of the meeting whose attendance nobody recorded: never counted as "no apologies".
  const missing = v.m.members.filter(
    (x) => !recorded.has(x.id) && !a.some((s) => s.substituteForMemberId === x.id),
  );
  const out: Block[] = [
    h1('Attendance'),
    ...attendanceGroup(
      'Present',
      present.map((x) => personLine(v, x)),
      'No members are recorded as present.',
    ),
    ...attendanceGroup(
      'Apologies',
      apologies.map((x) => personLine(v, x)),
      missing.length ? 'None recorded.' : 'None received.',
    ),
    ...attendanceGroup(
      'Substitutes',
      substitutes.map((x) => personLine(v, x, `, substituting for ${x.substituteFor ?? 'another member'}`)),
      'None.',
    ),
    ...attendanceGroup(
      'In attendance',
      inAttendance.map((x) => personLine(v, x)),
      'None.',
    ),
  ];
  if (absent.length)
    out.push(
      ...attendanceGroup(
        'Absent',
        absent.map((x) => personLine(v, x)),
        '',
      ),
    );
  if (missing.length)
    out.push(p(b('Attendance not recorded'), { keepNext: true }), lines(missing.map((x) => [x.name])));
  out.push(...presenceBlocks(v.m, (id) => (refOf(v, id) ? `minute ${refOf(v, id)}` : null)));
  return out;
}

// ---- Declarations of interest (once: in the declarations minute) --------------------------------

function declarationLines(v: View): Block[] {
  return v.m.declarations.map((d) => {
    const ref = refOf(v, d.itemId);
    const on = ref ? `minute ${ref}` : 'the business of the meeting generally';
    if (v.isPublic && d.itemId !== null && d.itemExempt)
      return p(
        `${d.member} declared an interest in ${on}, an ${EXEMPT_WORDS}. The nature of the interest is recorded in the exempt minute.`,
      );
    const what = d.itemTitle && ref ? `${on}, ${d.itemTitle}` : on;
    return p(declarationSentence(d, what, (id) => (refOf(v, id) ? `minute ${refOf(v, id)}` : null)));
  });
}

/** The declarations minute's own content: the declarations recorded, then the clerk's words. */
function declarationsContent(v: View, it: RecordItem | null): Block[] {
  const recorded = declarationLines(v);
  const text = it ? itemText(v, it) : [];
  if (recorded.length || text.length) return [...recorded, ...text];
  if (v.notHeld === 'not_held') return [p(i('To be recorded at the meeting.'))];
  return [p('No declarations of interest were recorded.')];
}

/** A meeting whose agenda had no declarations item still minutes them once, before the first minute. */
function declarationsWithoutItem(v: View): Block[] {
  if (v.m.items.some((it) => it.kind === 'declarations') || v.m.declarations.length === 0) return [];
  return [h2('Declarations of interest'), ...declarationLines(v)];
}

// ---- One item's minute ---------------------------------------------------------------------------

function itemText(v: View, it: RecordItem): Block[] {
  return minutesParagraphs(it.minutesDoc, it.minutesText, { nextListInstance: v.nextList });
}

/** Decisions are stored as what follows "RESOLVED that"; tolerate a stored "that …" or "RESOLVED that …". */
const stripThat = (d: string) => d.replace(/^\s*(resolved\s+)?that\s+/i, '').trim();

/**
 * (a)/(b) clauses read as one resolution: "…;" and "…; and" before the last, when every clause
 * but the last is a single sentence ending in a full stop. Otherwise the text is left as written.
 */
export function joinClauses(clauses: string[]): string[] {
  const single = (c: string) => /\.$/.test(c) && !/[.!?]\s/.test(c.slice(0, -1));
  if (clauses.length < 2 || !clauses.slice(0, -1).every(single)) return clauses;
  return clauses.map((c, k) =>
    k === clauses.length - 1 ? c : `${c.slice(0, -1)}${k === clauses.length - 2 ? '; and' : ';'}`,
  );
}

function resolutions(items: { text: string }[], instance: number): Block[] {
  const decisions = items.map((d) => d.text);
  if (decisions.length === 0) return [];
  if (decisions.length === 1) return [p([b('RESOLVED '), `that ${stripThat(decisions[0]!)}`])];
  return [
    p(b('RESOLVED that:'), { keepNext: true }),
    ...joinClauses(decisions.map(stripThat)).map((d) => resolution(d, instance)),
  ];
}

const ensureStop = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/**
 * Each action once, where it was agreed: what, who and by when. The action schedule at the end
 * lists them by reference; no status, as approved minutes are locked and a status worked out on
 * the day of export would make the same record read differently each time (the action log has it).
 */
function actionLines(v: View, actions: ActionRecord[]): Block[] {
  return actions.map((a) =>
    p([
      b(`Action ${v.actionRefs.get(a.id) ?? ''}: `),
      `${ensureStop(a.description)} `,
      i(
        `Owner: ${a.owner || 'not assigned'}. ${a.dueDate ? `Due: ${formatDate(a.dueDate)}.` : 'No due date.'}`,
      ),
    ]),
  );
}

function measureNotes(v: View, it: RecordItem): Block[] {
  const list = v.notes.get(it.id) ?? [];
  if (list.length === 0) return [];
  return [
    p(b('Discussion of measures'), { keepNext: true }),
    table(
      ['Measure', 'Minute'],
      list.map((n) => [`${n.code} ${n.title}`, n.text]),
      [35, 65],
      { keepTogether: list.length <= 6 },
    ),
    spacer(),
  ];
}

function itemFlags(it: RecordItem): Block[] {
  const out: Block[] = [];
  if (it.withdrawn) out.push(p(i('This item was withdrawn after the meeting started.')));
  if (it.urgent) out.push(p(i('Urgent business: added to the agenda after the meeting started.')));
  if (it.exempt)
    out.push(
      p(
        i(
          it.exemptParagraph
            ? `Exempt information under paragraph ${it.exemptParagraph} of Part 1 of Schedule 12A to the Local Government Act 1972: ${SCHEDULE_12A[it.exemptParagraph]!.replace(/^./, (c) => c.toLowerCase())} Not for publication.`
            : 'Exempt information under Part 1 of Schedule 12A to the Local Government Act 1972. Not for publication.',
        ),
      ),
    );
  return out;
}

function itemHeading(v: View, it: RecordItem): Block {
  return h2(`${v.refs.get(it.id) ?? ''}\u2003${it.title}`);
}

function itemMinute(v: View, it: RecordItem): Block[] {
  if (it.exempt && v.isPublic) return exemptStub(v, it);
  const body = it.kind === 'declarations' ? declarationsContent(v, it) : itemText(v, it);
  const hasRecord =
    body.length > 0 ||
    it.decisions.length > 0 ||
    it.actions.length > 0 ||
    (v.notes.get(it.id) ?? []).length > 0;
  return [
    itemHeading(v, it),
    ...itemFlags(it),
    ...body,
    ...(hasRecord
      ? []
      : [
          p(
            i(
              v.notHeld === 'not_held'
                ? 'To be minuted at the meeting.'
                : 'No minutes were recorded for this item.',
            ),
          ),
        ]),
    ...measureNotes(v, it),
    ...priorityPerformanceBlocks(v.performance, it.priorityIds),
    ...resolutions(it.decisions, v.nextList()),
    ...voteBlocks(it.decisions),
    ...actionLines(v, it.actions),
  ];
}

// ---- Part B --------------------------------------------------------------------------------------

/** The formal resolution excluding the press and public: printed in both versions. */
function exclusionMinute(v: View): Block[] {
  if (!v.exclusionRef) return [];
  return [
    h2(`${v.exclusionRef}\u2003Exclusion of the press and public`),
    p(
      exclusionResolution(
        v.partB.map((it) => it.exemptParagraph),
        v.partB.length,
      ),
      { keepLines: true },
    ),
  ];
}

/** A Part B item in the public minutes: its number, public title and why it is not published. */
function exemptStub(v: View, it: RecordItem): Block[] {
  const para = it.exemptParagraph
    ? `paragraph ${it.exemptParagraph} of Part 1 of Schedule 12A`
    : 'Part 1 of Schedule 12A';
  return [
    itemHeading(v, it),
    p(
      i(
        `This item was considered in private after the press and public were excluded (minute ${v.exclusionRef}). ` +
          `Its minute contains exempt information as defined in ${para} to the Local Government Act 1972 and is not published.`,
      ),
    ),
  ];
}

function partBSection(v: View): Block[] {
  if (v.partB.length === 0) return [];
  const out: Block[] = [];
  if (!v.isPublic)
    // A banner, not a page break: the public version is its own document, and a forced break here
    // left a near-empty page whenever the exclusion minute ran over.
    out.push(
      p(b('PART B — EXEMPT INFORMATION. NOT FOR PUBLICATION.', { color: 'C00000' }), {
        keepNext: true,
        spaceBefore: 240,
      }),
    );
  for (const it of v.partB) out.push(...itemMinute(v, it));
  return out;
}

/** Actions recorded against the meeting but none of its items (e.g. the item was removed). */
function otherActions(v: View): Block[] {
  if (v.m.meetingActions.length === 0) return [];
  return [h2('Other actions agreed'), ...actionLines(v, v.m.meetingActions)];
}

// ---- The close -----------------------------------------------------------------------------------

/** The closing time and the Chair's signature, kept together on one page with their heading. */
function closeAndSignature(v: View): Block[] {
  const closed =
    v.notHeld === 'not_held'
      ? []
      : [
          p(
            v.m.closingTime
              ? `The meeting closed at ${v.m.closingTime}.`
              : 'The closing time was not recorded.',
            {
              keepNext: true,
            },
          ),
        ];
  return [
    ...closed,
    h2('Signed as a correct record'),
    p('', { keepNext: true }),
    p('Signed: ..............................................................', { keepNext: true }),
    p('', { keepNext: true }),
    p('Date: ................................................................', { keepNext: true }),
    p(v.m.chair ? `${v.m.chair}, Chair` : 'Chair'),
  ];
}

function amendmentsSection(v: View): Block[] {
  const list = v.m.amendments;
  if (list.length === 0) return [];
  return [
    h1('Amendments after approval'),
    p('The approved minutes are locked. These corrections were recorded afterwards:', { keepNext: true }),
    table(
      ['Recorded', 'By', 'Minute', 'Amendment'],
      list.map((x) => {
        const ref = refOf(v, x.itemId);
        const hidden = v.isPublic && x.itemId !== null && x.itemExempt;
        return [
          formatTimestamp(x.createdAt),
          x.author,
          ref === null ? 'General' : hidden ? `${ref}, ${EXEMPT_WORDS}` : ref,
          hidden ? 'Recorded in the confidential minutes.' : x.text,
        ];
      }),
      [20, 18, 18, 44],
      { keepTogether: list.length <= 6 },
    ),
  ];
}

/** The action schedule: every action by its reference, minute, owner and due date (its words are in the minute). */
function actionSchedule(v: View): Block[] {
  const byItem = [...v.partA, ...v.partB].flatMap((it) =>
    it.actions.map((a) => ({ a, ref: v.refs.get(it.id) ?? '' })),
  );
  const all = [...byItem, ...v.m.meetingActions.map((a) => ({ a, ref: '' }))];
  // After the signature, where there is room (a forced page break left near-empty pages); the
  // table is kept whole, so it moves to the next page rather than split.
  const out: Block[] = [h1('Appendix: action schedule')];
  if (all.length === 0) return [...out, p('No actions were agreed at this meeting.')];
  out.push(
    p('Each action is set out in full in the minute shown; the action log follows its progress.', {
      keepNext: true,
    }),
    table(
      ['Action', 'Minute', 'Owner', 'Due date'],
      all.map(({ a, ref }) => [
        v.actionRefs.get(a.id) ?? '',
        ref || 'Other actions',
        a.owner || 'Not assigned',
        a.dueDate ? formatDate(a.dueDate) : 'No due date',
      ]),
      [12, 26, 36, 26],
      { keepTogether: all.length <= 8 },
    ),
  );
  return out;
}

// ---- The document --------------------------------------------------------------------------------

export async function minutesDocument(
  db: DB,
  meetingId: number,
  today: string,
  opts: MinutesOptions,
): Promise<Described> {
  const record = meetingRecord(db, meetingId, today);
  const notHeld = notHeldReason(record);
  if (notHeld && !opts.draft) throw refusal(record, notHeld);
  const v = makeView(db, record, opts, notHeld);

  const children: Block[] = [
    ...frontMatter(v),
    ...attendanceSection(v),
    h1('Minutes'),
    ...declarationsWithoutItem(v),
    ...v.partA.flatMap((it) => itemMinute(v, it)),
    ...exclusionMinute(v),
    ...partBSection(v),
    ...otherActions(v),
    ...closeAndSignature(v),
    ...approvalAmendmentBlocks(v.m),
    ...amendmentsSection(v),
    ...actionSchedule(v),
  ];

  const version = opts.public ? 'public' : 'confidential';
  const draftMark = notHeld
    ? DRAFT_STAMP[notHeld]
    : record.status === 'minutes_approved'
      ? ''
      : 'DRAFT — subject to approval';
  const spec = {
    board: v.board,
    title: `${v.board.name}: minutes, ${formatDate(record.date)} (${version})`,
    subject: `Minutes of the meeting held on ${formatDate(record.date)} — ${opts.public ? 'public version' : 'confidential version'}`,
    marking: [opts.public ? '' : 'CONFIDENTIAL', draftMark].filter(Boolean).join(' — ') || undefined,
    children,
  };
  return {
    spec,
    fileName: documentFileName(v.board, {
      kind: 'minutes',
      meetingDate: formatDate(record.date),
      public: opts.public,
    }),
  };
}
