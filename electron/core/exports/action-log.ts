/**
 * The action log, grouped by status and then by urgency, with owner, due date, source meeting and
 * item, the progress so far (the latest update; for a finished action, when and how it was
 * completed or closed) and the status. Overdue is said in words ("Open — overdue by 12 days") as
 * well as shaded. All actions, or those raised between two dates.
 *
 * Two versions. Public: an action on an exempt (Part B) item is reduced to its reference, its
 * status and its due date — its wording, owner, source item and updates are withheld. The Part B
 * actions are taken out of the data before any row is built. Confidential: everything, with
 * CONFIDENTIAL on every page when it holds Part B actions.
 */
import { formatDate } from '../../../shared/domain/dates';
import { actionStatusLabel, actionStatusLabels, type ActionStatus } from '../../../shared/domain/overdue';
import { ApiError } from '../../../shared/api/errors';
import { documentFileName } from '../../../shared/api/exports';
import type { DB } from '../store/board-file';
import { actionLog, priorityLabel, type ActionRecord as ActionRow } from '../queries/actions';
import { board as loadBoard } from '../queries/board';
import {
  b,
  factsTable,
  h1,
  h2,
  h3,
  i,
  OVERDUE_FILL,
  p,
  table,
  title,
  type Block,
  type CellInput,
  type Described,
} from './kit';

const STATUS_ORDER: ActionStatus[] = ['open', 'in_progress', 'complete', 'closed'];
const URGENCY: { key: ActionRow['urgency']; label: string }[] = [
  { key: 'high', label: 'High urgency' },
  { key: 'medium', label: 'Medium urgency' },
  { key: 'low', label: 'Low urgency' },
];

const isDone = (s: ActionStatus) => s === 'complete' || s === 'closed';

/** The day an action was raised: its meeting's date, or the day it was recorded. */
export const raisedOn = (a: Pick<ActionRow, 'meetingDate' | 'createdAt'>): string =>
  a.meetingDate ?? a.createdAt.slice(0, 10);

/**
 * When and how a complete or closed action finished: the date it was marked so and the update
 * recorded with it (on the same day, as the update form records a change of status). For an action
 * marked finished before the date was kept, the date of its last update stands in.
 */
export function closingNote(a: ActionRow): {
  date: string | null;
  note: { date: string; text: string; author: string } | null;
} {
  if (!isDone(a.status)) return { date: null, note: null };
  const date = a.completedAt?.slice(0, 10) ?? a.latestUpdate?.date ?? null;
  const note =
    date === null
      ? null
      : (a.updates.find(
          (u) =>
            u.date === date ||
            (a.completedAt !== null &&
              Math.abs(Date.parse(u.createdAt) - Date.parse(a.completedAt)) <= 10 * 60_000),
        ) ?? null);
  return { date, note: note ? { date: note.date, text: note.text, author: note.author } : null };
}

/** "Completed on 29 July 2026: Recovery plan agreed (Gareth Lowe)." — or the latest update while open. */
export function progressText(a: ActionRow): string {
  const by = (author: string) => (author ? ` (${author})` : '');
  if (isDone(a.status)) {
    const { date, note } = closingNote(a);
    const verb = a.status === 'closed' ? 'Closed' : 'Completed';
    const when = date ? `${verb} on ${formatDate(date)}` : `${verb}; the date was not recorded`;
    if (note) return `${when}: ${note.text}${by(note.author)}`;
    const reason = a.status === 'closed' ? 'no reason was recorded.' : 'no note was recorded.';
    const later =
      a.latestUpdate && a.latestUpdate.date !== date
        ? `\nLatest update, ${formatDate(a.latestUpdate.date)}: ${a.latestUpdate.text}${by(a.latestUpdate.author)}`
        : '';
    return `${when}; ${reason}${later}`;
  }
  return a.latestUpdate
    ? `${formatDate(a.latestUpdate.date)}: ${a.latestUpdate.text}${by(a.latestUpdate.author)}`
    : 'No updates yet.';
}

function source(a: ActionRow): string {
  if (!a.meetingDate && a.visit) return `Member visit to ${a.visit.setting}, ${formatDate(a.visit.date)}`;
  if (!a.meetingDate) return `Recorded on ${formatDate(a.createdAt.slice(0, 10))}, not at a meeting`;
  if (a.itemPosition === null) return `Meeting on ${formatDate(a.meetingDate)}`;
  return `Meeting on ${formatDate(a.meetingDate)}, item ${a.itemPosition}: ${a.itemTitle ?? ''}`;
}

function statusCell(a: ActionRow): CellInput {
  const text = actionStatusLabel(a.status, a.daysOverdue || a.overdue);
  return a.overdue ? { content: [b(text)], fill: OVERDUE_FILL } : text;
}

/** A Part B action as the public version holds it: reference, dates, status and urgency only. */
function withheld(a: ActionRow): ActionRow {
  return {
    ...a,
    description: '',
    owner: '',
    ownerMemberId: null,
    priorityId: null,
    priorityTitle: null,
    priorityCode: null,
    itemTitle: null,
    latestUpdate: null,
    updateCount: 0,
    updates: [],
    agreed: {
      ...a.agreed,
      description: '',
      owner: '',
      ownerMemberId: null,
      priorityTitle: null,
      priorityCode: null,
    },
  };
}

/** What the public version shows of a Part B action: its reference, never its words. */
export const WITHHELD =
  'Action on an exempt (Part B) item: the details are withheld from the public version.';

function rows(list: ActionRow[], isPublic: boolean): CellInput[][] {
  return list.map((a) => {
    const withheld = isPublic && a.itemExempt;
    const due = a.overdue
      ? { content: [b(formatDate(a.dueDate))], fill: OVERDUE_FILL }
      : a.dueDate
        ? formatDate(a.dueDate)
        : 'No due date';
    if (withheld)
      return [
        String(a.id),
        { content: [i(WITHHELD)] },
        'Withheld',
        due,
        a.meetingDate ? `Meeting on ${formatDate(a.meetingDate)} (exempt item)` : 'Exempt item',
        'Withheld',
        statusCell(a),
      ];
    return [
      String(a.id),
      `${a.itemExempt ? 'Part B (exempt): ' : ''}${a.description}${a.priorityTitle ? `\nPriority: ${priorityLabel(a)}` : ''}`,
      a.owner || 'Not assigned',
      due,
      source(a),
      progressText(a),
      statusCell(a),
    ];
  });
}

export async function actionLogDocument(
  db: DB,
  today: string,
  opts: { public: boolean; from?: string; to?: string },
): Promise<Described> {
  const { from, to } = opts;
  if (from && to && from > to)
    throw new ApiError(
      'invalid_input',
      `The log cannot start (${formatDate(from)}) after it ends (${formatDate(to)})`,
    );
  const board = loadBoard(db);
  const ranged = from !== undefined || to !== undefined;
  const actions = byDueDate(actionLog(db, today))
    .filter((a) => {
      const raised = raisedOn(a);
      return (from === undefined || raised >= from) && (to === undefined || raised <= to);
    })
    // The public version never holds a Part B action's words, so no later line can print them.
    .map((a) => (opts.public && a.itemExempt ? withheld(a) : a));
  const partB = actions.filter((a) => a.itemExempt).length;
  const overdue = actions.filter((a) => a.overdue);
  const count = (s: ActionStatus) => actions.filter((a) => a.status === s).length;
  const period = ranged
    ? `actions raised ${from ? `from ${formatDate(from)} ` : ''}${to ? `to ${formatDate(to)}` : 'to date'}`.trim()
    : 'all actions';
  const heading = ranged
    ? `Action log: ${period}, at ${formatDate(today)}`
    : `Action log at ${formatDate(today)}`;
  const version = opts.public
    ? partB
      ? `Public: ${partB} ${partB === 1 ? 'action' : 'actions'} on exempt (Part B) items ${partB === 1 ? 'is' : 'are'} reduced to ${partB === 1 ? 'its' : 'their'} reference, status and due date`
      : 'Public: the full log (no action arises from an exempt item)'
    : partB
      ? `CONFIDENTIAL: includes ${partB} ${partB === 1 ? 'action' : 'actions'} on exempt (Part B) items — not for publication`
      : 'Confidential version: the full log (no action arises from an exempt item)';

  const children: Block[] = [
    p(b(board.authority, { size: 28 })),
    title(board.name),
    p(b(heading, { size: 28 })),
    factsTable(
      [
        [
          'Actions',
          ranged
            ? `Raised ${from ? `from ${formatDate(from)} ` : ''}${to ? `to ${formatDate(to)}` : 'to date'}`.trim()
            : 'Every action the Board has recorded',
        ],
        ['Status at', formatDate(today)],
        ['Version', version],
      ],
      [18, 82],
    ),
    p(
      `${actions.length} ${actions.length === 1 ? 'action' : 'actions'}: ${count('open')} open, ${count('in_progress')} in progress, ${count('complete')} complete and ${count('closed')} closed. ` +
        (overdue.length
          ? `${overdue.length} ${overdue.length === 1 ? 'action is' : 'actions are'} overdue; overdue actions say so in the Status column and are shaded.`
          : 'No actions are overdue.'),
    ),
  ];
  if (overdue.length) {
    children.push(h1('Overdue actions'));
    children.push(
      table(
        ['Ref', 'Action', 'Owner', 'Due date', 'Overdue by'],
        [...overdue]
          .sort((x, y) => y.daysOverdue - x.daysOverdue)
          .map((a) => [
            String(a.id),
            opts.public && a.itemExempt ? { content: [i(WITHHELD)] } : a.description,
            opts.public && a.itemExempt ? 'Withheld' : a.owner || 'Not assigned',
            formatDate(a.dueDate),
            { content: [b(`${a.daysOverdue} ${a.daysOverdue === 1 ? 'day' : 'days'}`)], fill: OVERDUE_FILL },
          ]),
        [6, 58, 16, 10, 10],
        { landscape: true },
      ),
    );
  }
  for (const status of STATUS_ORDER) {
    const inStatus = actions.filter((a) => a.status === status);
    children.push(h1(`${actionStatusLabels[status]} (${inStatus.length})`));
    if (!inStatus.length) {
      children.push(p(`No actions are ${actionStatusLabels[status].toLowerCase()}.`));
      continue;
    }
    for (const u of URGENCY) {
      const list = inStatus.filter((a) => a.urgency === u.key);
      if (!list.length) continue;
      children.push(h2(`${u.label} (${list.length})`));
      children.push(
        table(
          [
            'Ref',
            'Action',
            'Owner',
            'Due date',
            'Source',
            isDone(status) ? 'How it ended' : 'Latest update',
            'Status',
          ],
          rows(list, opts.public),
          [5, 25, 12, 10, 17, 19, 12],
          { landscape: true },
        ),
      );
    }
  }
  children.push(h3('About this log'));
  children.push(
    p(
      'An action is overdue when it is open or in progress and its due date has passed. Complete and closed actions are never overdue; “How it ended” gives the date each was completed or closed and the update recorded with it.',
    ),
  );
  if (opts.public && partB)
    children.push(
      p(
        i(
          'Actions on items taken in private (Part B, exempt under Schedule 12A to the Local Government Act 1972) are listed by reference only.',
        ),
      ),
    );

  const spec = {
    board,
    title: `${board.name}: action log, ${ranged ? `${period}, ` : ''}${formatDate(today)} (${opts.public ? 'public' : 'confidential'})`,
    subject: `${heading} — ${opts.public ? 'public version' : 'confidential version'}`,
    marking: !opts.public && partB ? 'CONFIDENTIAL' : undefined,
    landscape: true,
    children,
  };
  return {
    spec,
    fileName: documentFileName(board, {
      kind: 'actions',
      today: formatDate(today),
      public: opts.public,
      ...(from ? { from: formatDate(from) } : {}),
      ...(to ? { to: formatDate(to) } : {}),
    }),
  };
}

/** Soonest due first, undated last (within each status and urgency the log reads in this order). */
export const byDueDate = (list: ActionRow[]): ActionRow[] =>
  [...list].sort(
    (x, y) =>
      Number(x.dueDate === null) - Number(y.dueDate === null) ||
      ((x.dueDate ?? '') < (y.dueDate ?? '') ? -1 : (x.dueDate ?? '') > (y.dueDate ?? '') ? 1 : 0) ||
      x.id - y.id,
  );
