/**
 * The minutes, in two versions.
 *
 * Public: each Part B item is reduced to its number and the words "exempt item". Nothing of
 * its text reaches the package: not its title, minutes, decisions or actions, nor declarations
 * or amendments made on it (they name the item's number only). The exempt items are removed
 * from the data before any paragraph is built, so no later code path can print them.
 *
 * Confidential: everything, with CONFIDENTIAL at the top and foot of every page.
 */
import { formatDate, formatDateWithDay, formatTimestamp } from '../../../shared/domain/dates';
import { documentFileName } from '../../../shared/api/exports';
import { Paragraph } from 'docx';
import type { DB } from '../store/board-file';
import { board as loadBoard } from '../queries/board';
import { priorityLabel, type ActionRecord } from '../queries/actions';
import { meetingRecord, type MeetingRecord, type RecordItem } from '../queries/meeting';
import {
  b,
  factsTable,
  h1,
  h2,
  i,
  listCounter,
  p,
  renderDocument,
  resolution,
  spacer,
  table,
  title,
  type Block,
} from './kit';
import { meetingPerformance, measureNotesByItem } from '../queries/priority-context';
import { priorityPerformanceBlocks } from './priority-performance';
import { minutesParagraphs } from './rich-text';
import {
  approvalAmendmentBlocks,
  approvalWords,
  declarationSentence,
  presenceBlocks,
  voteBlocks,
} from './minutes-record';

export const EXEMPT_WORDS = 'exempt item';

/**
 * Minutes record what was agreed: the action, its owner, due date and strategic priority. No
 * status: approved minutes are locked, and a status worked out on the day of export ("overdue
 * by 26 days") would make the same record read differently each time. The action log has it.
 */
function actionsTable(actions: ActionRecord[], withItem: boolean): Block {
  const headers = withItem
    ? ['Item', 'Action', 'Owner', 'Due date', 'Priority']
    : ['Action', 'Owner', 'Due date', 'Priority'];
  const widths = withItem ? [7, 39, 18, 16, 20] : [44, 20, 16, 20];
  return table(
    headers,
    actions.map((a) => [
      ...(withItem ? [a.itemPosition === null ? '–' : String(a.itemPosition)] : []),
      a.description,
      a.owner || 'Not assigned',
      a.dueDate ? formatDate(a.dueDate) : 'No due date',
      priorityLabel(a) ?? 'None',
    ]),
    widths,
  );
}

function names(list: MeetingRecord['attendance'], none: string): string {
  if (!list.length) return none;
  return list.map((a) => (a.jobTitle ? `${a.name} (${a.jobTitle})` : a.name)).join('; ');
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

/** Decisions are stored as what follows "RESOLVED that"; tolerate a stored "that …" or "RESOLVED that …". */
const stripThat = (d: string) => d.replace(/^\s*(resolved\s+)?that\s+/i, '').trim();

function approvalText(m: MeetingRecord): string {
  if (m.status !== 'minutes_approved') return 'Draft — not yet approved by the Board';
  const when = m.approvedAtMeeting
    ? `at the meeting on ${formatDate(m.approvedAtMeeting.date)}`
    : m.approvedAt
      ? `on ${formatTimestamp(m.approvedAt)}`
      : '';
  return [approvalWords(m), when, m.approvedBy ? `by ${m.approvedBy}` : '']
    .filter(Boolean)
    .join(' ');
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

/** The public record of an exempt item: why the press and public were excluded, naming the paragraph. */
export function exclusionStatement(paragraph: string): string {
  const which = paragraph.trim()
    ? `${paragraph.trim()}, of Part 1 of Schedule 12A`
    : 'Part 1 of Schedule 12A';
  return `The press and public were excluded from the meeting for this item under section 100A(4) of the Local Government Act 1972, on the grounds that it involved the likely disclosure of exempt information as defined in ${which} to the Act.`;
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

export interface MinutesOptions {
  public: boolean;
}

/** The meeting as the chosen version may show it: exempt items reduced to number only in public. */
export function redact(
  meeting: MeetingRecord,
  isPublic: boolean,
): { meeting: MeetingRecord; exemptPositions: Set<number> } {
  const exemptIds = new Set(meeting.items.filter((it) => it.exempt).map((it) => it.id));
  const exemptPositions = new Set(meeting.items.filter((it) => it.exempt).map((it) => it.position));
  if (!isPublic) return { meeting, exemptPositions };
  const reduce = (it: RecordItem): RecordItem => ({
    id: it.id,
    position: it.position,
    kind: 'other',
    title: EXEMPT_WORDS,
    presenter: '',
    purpose: 'information',
    minutesAllowed: null,
    // The Schedule 12A paragraph relied on is part of the public record; nothing else of the item is.
    exempt: true,
    exemptParagraph: it.exemptParagraph,
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
    exemptPositions,
    meeting: {
      ...meeting,
      items: meeting.items.map((it) => (it.exempt ? reduce(it) : it)),
      // Part B is a property of the action: one whose item was removed is still left out.
      meetingActions: meeting.meetingActions.filter((a) => !a.itemExempt),
      declarations: meeting.declarations.map((d) =>
        d.itemId !== null && exemptIds.has(d.itemId) ? { ...d, itemTitle: EXEMPT_WORDS, nature: '' } : d,
      ),
      amendments: meeting.amendments.map((x) =>
        x.itemId !== null && exemptIds.has(x.itemId) ? { ...x, text: '' } : x,
      ),
    },
  };
}

export async function minutesDocument(
  db: DB,
  meetingId: number,
  today: string,
  opts: MinutesOptions,
): Promise<{ fileName: string; data: Buffer }> {
  const board = loadBoard(db);
  const { meeting, exemptPositions } = redact(inPrintOrder(meetingRecord(db, meetingId, today)), opts.public);
  const nextList = listCounter();
  const version = opts.public ? 'public' : 'confidential';
  const performance = meetingPerformance(db, meeting);
  // Notes on measures only for the items this version prints in full (never a Part B item in public).
  const notes = measureNotesByItem(
    db,
    meeting.id,
    meeting.items.filter((it) => !(opts.public && it.exempt)).map((it) => it.id),
  );

  const present = meeting.attendance.filter(
    (a) => a.status === 'present' && (a.voting || !['officer', 'adviser'].includes(a.role)),
  );
  const inAttendance = meeting.attendance.filter(
    (a) => a.status === 'present' && !a.voting && ['officer', 'adviser'].includes(a.role),
  );
  const substitutes = meeting.attendance.filter((a) => a.status === 'substitute');
  const apologies = meeting.attendance.filter((a) => a.status === 'apologies');
  const absent = meeting.attendance.filter((a) => a.status === 'absent');

  const children: Block[] = [
    p(b(board.authority, { size: 28 })),
    title(board.name),
    p(
      b(`Minutes of the meeting held on ${formatDateWithDay(meeting.date)} at ${meeting.startTime}`, {
        size: 28,
      }),
    ),
    factsTable([
      ['Venue', meeting.venue || 'Not recorded'],
      ['Chair', meeting.chair ?? 'Not recorded'],
      ['Status', approvalText(meeting)],
      ['Version', versionText(opts.public, exemptPositions.size > 0)],
      ...(meeting.earlyStartReason ? [['Started early', meeting.earlyStartReason] as [string, string]] : []),
    ]),
    h1('Attendance'),
    h2('Present'),
    p(names(present, 'No attendance has been recorded.')),
    h2('Apologies'),
    p(names(apologies, 'None.')),
    h2('In attendance'),
    p(names(inAttendance, 'None.')),
    h2('Substitutes'),
    p(
      substitutes.length
        ? substitutes.map((s) => `${s.name} (for ${s.substituteFor ?? 'another member'})`).join('; ')
        : 'None.',
    ),
  ];
  if (absent.length) children.push(h2('Absent'), p(names(absent, 'None.')));
  children.push(...presenceBlocks(meeting));

  children.push(h1('Declarations of interest'));
  if (meeting.declarations.length === 0) children.push(p('No declarations of interest were made.'));
  for (const d of meeting.declarations) {
    const where = d.itemPosition === null ? 'the meeting' : `item ${d.itemPosition}`;
    if (opts.public && d.itemPosition !== null && exemptPositions.has(d.itemPosition)) {
      children.push(
        p(
          `${d.member} declared an interest in ${where} (${EXEMPT_WORDS}). The declaration is recorded in the confidential minutes.`,
        ),
      );
    } else {
      children.push(p(declarationSentence(meeting, d)));
    }
  }

  children.push(h1('Minutes'));
  let partBShown = false;
  for (const it of meeting.items) {
    if (it.exempt && opts.public) {
      children.push(h2(`${it.position}. Exempt item`));
      children.push(p(exclusionStatement(it.exemptParagraph)));
      children.push(
        p(i(`This ${EXEMPT_WORDS} was considered in private and is not included in the public minutes.`)),
      );
      continue;
    }
    if (it.exempt && !partBShown) {
      partBShown = true;
      // On a page of its own, so Part B can be detached from the public part.
      children.push(
        new Paragraph({
          pageBreakBefore: true,
          keepNext: true,
          children: [b('PART B — EXEMPT INFORMATION. NOT FOR PUBLICATION.', { color: 'C00000' })],
        }),
      );
    }
    children.push(h2(`${it.position}. ${it.title}`));
    if (it.withdrawn) children.push(p(i('This item was withdrawn after the meeting started.')));
    if (it.urgent) children.push(p(i('Urgent business: added to the agenda after the meeting started.')));
    if (it.exempt)
      children.push(
        p([b('Exempt: '), it.exemptParagraph || 'Schedule 12A to the Local Government Act 1972']),
      );
    const text = minutesParagraphs(it.minutesDoc, it.minutesText, { nextListInstance: nextList });
    const itemNotes = notes.get(it.id) ?? [];
    children.push(
      ...(text.length || itemNotes.length ? text : [p(i('No minutes were recorded for this item.'))]),
    );
    if (itemNotes.length) {
      children.push(p(b('Discussion of measures'), { keepNext: true }));
      children.push(
        table(
          ['Measure', 'Minute'],
          itemNotes.map((n) => [`${n.code} ${n.title}`, n.text]),
          [35, 65],
        ),
      );
      children.push(spacer());
    }
    children.push(...priorityPerformanceBlocks(performance, it.priorityIds));
    children.push(...resolutions(it.decisions, nextList()));
    children.push(...voteBlocks(it.decisions));
    if (it.actions.length) {
      children.push(p(b('Actions'), { keepNext: true }));
      children.push(actionsTable(it.actions, false));
      children.push(spacer());
    }
  }

  const all = [...meeting.items.flatMap((it) => it.actions), ...meeting.meetingActions];
  children.push(h1('Actions arising from this meeting'));
  children.push(all.length ? actionsTable(all, true) : p('No actions arose from this meeting.'));

  children.push(...approvalAmendmentBlocks(meeting));
  if (meeting.amendments.length) {
    children.push(h1('Amendments after approval'));
    children.push(p('The approved minutes are locked. These corrections were recorded afterwards:'));
    children.push(
      table(
        ['Recorded', 'By', 'Item', 'Amendment'],
        meeting.amendments.map((x) => {
          const hidden = opts.public && x.itemPosition !== null && exemptPositions.has(x.itemPosition);
          return [
            formatTimestamp(x.createdAt),
            x.author,
            x.itemPosition === null
              ? 'General'
              : hidden
                ? `${x.itemPosition} (${EXEMPT_WORDS})`
                : String(x.itemPosition),
            hidden ? 'Recorded in the confidential minutes.' : x.text,
          ];
        }),
        [22, 18, 12, 48],
      ),
    );
  }

  // The signature block stays on one page (each paragraph keeps with the next).
  children.push(h1('Signed as a correct record'));
  children.push(p('', { keepNext: true }));
  children.push(
    p('Signed: ..............................................................   Chair', { keepNext: true }),
  );
  children.push(p('', { keepNext: true }));
  children.push(
    p('Date: ..............................................................', { keepNext: true }),
  );
  children.push(
    p(meeting.chair ? `${meeting.chair}, Chair of the ${board.name}` : `Chair of the ${board.name}`),
  );

  const data = await renderDocument({
    board,
    title: `${board.name}: minutes, ${formatDate(meeting.date)} (${version})`,
    subject: `Minutes of the meeting held on ${formatDate(meeting.date)} — ${opts.public ? 'public version' : 'confidential version'}`,
    marking:
      [
        opts.public ? '' : 'CONFIDENTIAL',
        meeting.status === 'minutes_approved' ? '' : 'DRAFT — subject to approval',
      ]
        .filter(Boolean)
        .join(' — ') || undefined,
    children,
  });
  return {
    fileName: documentFileName(board, {
      kind: 'minutes',
      meetingDate: formatDate(meeting.date),
      public: opts.public,
    }),
    data,
  };
}
