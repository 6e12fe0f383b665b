/**
 * The agenda and pre-meeting pack: a front page (authority, board, date, time, venue,
 * membership), the numbered agenda with presenters, purposes and timings, the items in detail,
 * the scorecard summary frozen for the meeting (or the current one, clearly labelled), and Part B
 * items in their own section under the Schedule 12A exemption notice.
 */
import { formatDate, formatDateWithDay, formatTimestamp } from '../../../shared/domain/dates';
import { describeQuorumRule, roleLabel } from '../../../shared/domain/quorum';
import { documentFileName } from '../../../shared/api/exports';
import { purposeLabels as purposeLabel } from '../../../shared/api/meetings';
import type { DB } from '../store/board-file';
import { activeOn, board as loadBoard } from '../queries/board';
import { meetingRecord, type MeetingRecord, type RecordItem } from '../queries/meeting';
import { scorecard } from '../queries/scorecard';
import { meetingSnapshot } from '../queries/snapshot';
import { b, bullet, factsTable, h1, h2, i, p, renderDocument, table, title, type Block } from './kit';
import { meetingPerformance } from '../queries/priority-context';
import { priorityPerformanceBlocks, type MeetingPerformance } from './priority-performance';
import { frozenRows, liveRows } from './score-rows';
import { summaryTables } from './scorecard-summary';
import { visitsByItem } from './visits';

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clock = (m: number) =>
  `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Each item's planned start and finish from the meeting's start time and the time allowed per item. */
export function itemTimings(meeting: MeetingRecord): Map<number, string> {
  const out = new Map<number, string>();
  let at = toMinutes(meeting.startTime);
  for (const it of [...meeting.items.filter((x) => !x.exempt), ...meeting.items.filter((x) => x.exempt)]) {
    if (it.minutesAllowed) {
      out.set(it.id, `${clock(at)}–${clock(at + it.minutesAllowed)} (${it.minutesAllowed} minutes)`);
      at += it.minutesAllowed;
    } else {
      out.set(it.id, 'No time set');
    }
  }
  return out;
}

const meetingKind = (m: MeetingRecord) =>
  m.type === 'extraordinary' ? 'Extraordinary meeting' : 'Ordinary meeting';

export const EXEMPTION_NOTICE =
  'The Board is recommended to pass the following resolution: “That under section 100A(4) of the Local Government Act 1972 the press and public be excluded from the meeting for the following item(s) of business on the grounds that it involves the likely disclosure of exempt information as defined in the paragraph(s) of Part 1 of Schedule 12A to the Act shown against each item.”';

function itemDetail(it: RecordItem, timing: string, performance: MeetingPerformance): Block[] {
  const out: Block[] = [h2(`${it.position}. ${it.title}`)];
  out.push(p([b('Presenter: '), it.presenter || 'To be confirmed']));
  out.push(p([b('Purpose: '), purposeLabel[it.purpose]]));
  out.push(p([b('Time: '), timing]));
  if (it.exempt)
    out.push(
      p([b('Exempt information: '), it.exemptParagraph || 'Schedule 12A to the Local Government Act 1972']),
    );
  if (it.priorities.length) out.push(p([b('Strategic priorities: '), it.priorities.join('; ')]));
  if (it.papers.length) {
    out.push(p(b('Papers:'), { keepNext: true }));
    for (const paper of it.papers) out.push(bullet(`${paper.label} (${paper.ref})`));
  } else {
    out.push(p([b('Papers: '), 'no papers for this item.']));
  }
  out.push(...priorityPerformanceBlocks(performance, it.priorityIds));
  return out;
}

function agendaTable(items: RecordItem[], timings: Map<number, string>) {
  return table(
    ['No.', 'Item', 'Presenter', 'Purpose', 'Time'],
    items.map((it) => [
      String(it.position),
      it.title,
      it.presenter || 'To be confirmed',
      purposeLabel[it.purpose],
      timings.get(it.id) ?? '',
    ]),
    [6, 36, 21, 15, 22],
  );
}

export async function agendaDocument(
  db: DB,
  meetingId: number,
  today: string,
): Promise<{ fileName: string; data: Buffer }> {
  const board = loadBoard(db);
  const meeting = meetingRecord(db, meetingId, today);
  const rule = meeting.quorum;
  const timings = itemTimings(meeting);
  const partA = meeting.items.filter((it) => !it.exempt);
  const partB = meeting.items.filter((it) => it.exempt);
  const members = board.members.filter((m) => activeOn(m, meeting.date));
  const performance = meetingPerformance(db, meeting);
  const visits = visitsByItem(db, meeting.id, today);

  const children: Block[] = [
    p(b(board.authority, { size: 28 })),
    title(board.name),
    p(b(`Agenda — ${meetingKind(meeting).toLowerCase()}`, { size: 32 })),
    factsTable([
      ['Date', formatDateWithDay(meeting.date)],
      ['Time', meeting.startTime],
      ['Venue', meeting.venue || 'To be confirmed'],
      ['Chair', meeting.chair ?? 'To be confirmed'],
      ['Quorum', describeQuorumRule(rule)],
    ]),
    h1('Membership'),
    table(
      ['Name', 'Role', 'Title and organisation', 'Voting'],
      members.map((m) => [
        m.name,
        roleLabel[m.role],
        [m.jobTitle, m.organisation].filter(Boolean).join(', '),
        m.voting ? 'Voting' : 'Non-voting',
      ]),
      [26, 24, 38, 12],
    ),
    h1('Agenda', { pageBreakBefore: true }),
    p(`Part A: items to be considered in public. The meeting starts at ${meeting.startTime}.`),
    agendaTable(partA, timings),
  ];
  if (partB.length) {
    children.push(
      p(
        `Part B: ${partB.length} exempt ${partB.length === 1 ? 'item' : 'items'}, taken in private (see Part B below).`,
      ),
    );
  }
  children.push(h1('Agenda items in detail'));
  for (const it of partA)
    children.push(...itemDetail(it, timings.get(it.id) ?? '', performance), ...(visits.get(it.id) ?? []));

  const snapshot = meetingSnapshot(db, meeting.id);
  children.push(h1('Performance scorecard summary', { pageBreakBefore: true }));
  if (snapshot) {
    children.push(
      p([
        b('Frozen for this meeting: '),
        `${snapshot.title}, taken ${formatTimestamp(snapshot.takenAt)}. These figures will not change when new figures arrive.`,
      ]),
    );
    children.push(...summaryTables(frozenRows(snapshot.rows)));
  } else {
    children.push(
      p([
        b('Current scorecard — not frozen for this meeting. '),
        i(
          `No scorecard snapshot has been taken for this meeting; these are the latest figures available before the meeting on ${formatDate(meeting.date)} ` +
            `(only periods that ended before then), as held on ${formatDate(today)}, and may change before the meeting.`,
        ),
      ]),
    );
    children.push(...summaryTables(liveRows(scorecard(db, { endedBefore: meeting.date }))));
  }

  if (partB.length) {
    children.push(h1('Part B: exempt items — not for publication', { pageBreakBefore: true }));
    children.push(p(b('Exclusion of the press and public')));
    children.push(p(EXEMPTION_NOTICE));
    children.push(agendaTable(partB, timings));
    for (const it of partB)
      children.push(...itemDetail(it, timings.get(it.id) ?? '', performance), ...(visits.get(it.id) ?? []));
  }

  const data = await renderDocument({
    board,
    title: `${board.name}: agenda, ${formatDate(meeting.date)}`,
    subject: `Agenda and pre-meeting pack for the meeting on ${formatDate(meeting.date)}`,
    children,
  });
  return {
    fileName: documentFileName(board, { kind: 'agenda', meetingDate: formatDate(meeting.date) }),
    data,
  };
}
