/**
 * The forward plan (work programme) as a Word document: each meeting between two dates with the
 * reports due at it, who presents and whether it is on the agenda yet, then the board's standing
 * reports and how often each is due. A report drafted onto an exempt (Part B) item is named only
 * as an exempt item.
 */
import { documentFileName } from '../../../shared/api/exports';
import { frequencyLabels, monthNames } from '../../../shared/api/forward';
import { meetingStatusLabels, purposeLabels } from '../../../shared/api/meetings';
import { formatDate, formatDateWithDay } from '../../../shared/domain/dates';
import type { DB } from '../store/board-file';
import { board as loadBoard } from '../queries/board';
import { activeStandingReports, plannedMeetings } from '../queries/forward';
import { b, h1, h2, i, p, table, title, type Block, type Described } from './kit';

export function forwardPlanDocument(db: DB, from: string, to: string): Described {
  const board = loadBoard(db);
  const meetings = plannedMeetings(db, from, to);
  const range = `${formatDate(from)} to ${formatDate(to)}`;
  const planned = meetings.reduce((n, m) => n + m.reports.length, 0);

  const children: Block[] = [
    p(b(board.authority, { size: 28 })),
    title(board.name),
    p(b(`Forward plan (work programme): ${range}`, { size: 28 })),
    p(
      `The Board’s ${meetings.length} ${meetings.length === 1 ? 'meeting' : 'meetings'} from ${range} and the ${planned} ${planned === 1 ? 'report' : 'reports'} planned for them, with who presents each. The standing agenda items (apologies, declarations, minutes, the action log, the scorecard) are taken at every meeting and not listed here.`,
    ),
    h1('Meetings and reports'),
  ];
  if (!meetings.length) children.push(p('No meetings are arranged in this period.'));
  for (const m of meetings) {
    children.push(
      h2(`${formatDateWithDay(m.date)}, ${m.startTime}${m.venue ? ` — ${m.venue}` : ''}`),
      p(i(meetingStatusLabels[m.status])),
    );
    if (!m.reports.length) {
      children.push(p('No reports planned yet.'));
      continue;
    }
    children.push(
      table(
        ['Report', 'Presenter', 'Purpose', 'Time', 'Agenda'],
        m.reports.map((r) =>
          r.itemExempt
            ? ['Exempt item (Part B)', '', '', '', `Item ${r.itemPosition}`]
            : [
                r.title,
                r.presenter || 'To be confirmed',
                purposeLabels[r.purpose],
                r.minutesAllowed ? `${r.minutesAllowed} minutes` : 'No time set',
                r.itemPosition !== null ? `Item ${r.itemPosition}` : 'Not yet on the agenda',
              ],
        ),
        [36, 24, 14, 12, 14],
      ),
    );
  }

  const standing = activeStandingReports(db);
  children.push(h1('Standing reports'));
  children.push(
    standing.length
      ? table(
          ['Report', 'Presenter', 'How often', 'Due'],
          standing.map((s) => [
            s.title,
            s.presenter || 'To be confirmed',
            frequencyLabels[s.frequency],
            s.frequency === 'every_meeting'
              ? 'Every meeting'
              : s.dueMonth
                ? s.frequency === 'twice_yearly'
                  ? `${monthNames[s.dueMonth - 1]} and ${monthNames[(s.dueMonth + 5) % 12]}`
                  : monthNames[s.dueMonth - 1]!
                : 'Any time in the year',
          ]),
          [40, 28, 14, 18],
        )
      : p('The Board has no standing reports listed.'),
  );

  return {
    spec: {
      board,
      title: `${board.name}: forward plan, ${range}`,
      subject: `Forward plan (work programme) of the ${board.name}, ${range}`,
      children,
    },
    fileName: documentFileName(board, { kind: 'forward-plan', from: formatDate(from), to: formatDate(to) }),
  };
}
