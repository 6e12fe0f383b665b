/**
 * The action log across all meetings, grouped by status and then by urgency, with owner, due
 * date, source meeting and item, and the latest update. Overdue is said in words ("Open —
 * overdue by 12 days") as well as shaded. In the public version, actions from exempt (Part B)
 * items show only that they came from an exempt item.
 */
import { formatDate } from '../../../shared/domain/dates';
import { actionStatusLabel, actionStatusLabels, type ActionStatus } from '../../../shared/domain/overdue';
import { documentFileName } from '../../../shared/api/exports';
import type { DB } from '../store/board-file';
import { actionLog, priorityLabel, type ActionRecord as ActionRow } from '../queries/actions';
import { board as loadBoard } from '../queries/board';
import {
  b,
  h1,
  h2,
  h3,
  OVERDUE_FILL,
  p,
  renderDocument,
  table,
  title,
  type Block,
  type CellInput,
} from './kit';

const STATUS_ORDER: ActionStatus[] = ['open', 'in_progress', 'complete', 'closed'];
const URGENCY: { key: ActionRow['urgency']; label: string }[] = [
  { key: 'high', label: 'High urgency' },
  { key: 'medium', label: 'Medium urgency' },
  { key: 'low', label: 'Low urgency' },
];

function source(a: ActionRow, isPublic: boolean): string {
  if (!a.meetingDate && a.visit) return `Member visit to ${a.visit.setting}, ${formatDate(a.visit.date)}`;
  if (!a.meetingDate) return 'Not from a meeting';
  if (a.itemPosition === null) return `Meeting on ${formatDate(a.meetingDate)}`;
  if (a.itemExempt && isPublic)
    return `Meeting on ${formatDate(a.meetingDate)}, item ${a.itemPosition} (exempt item)`;
  return `Meeting on ${formatDate(a.meetingDate)}, item ${a.itemPosition}: ${a.itemTitle ?? ''}`;
}

function statusCell(a: ActionRow): CellInput {
  const text = actionStatusLabel(a.status, a.daysOverdue || a.overdue);
  return a.overdue ? { content: [b(text)], fill: OVERDUE_FILL } : text;
}

function rows(list: ActionRow[], isPublic: boolean): CellInput[][] {
  return list.map((a) => {
    const hidden = isPublic && a.itemExempt;
    const update =
      a.latestUpdate && !hidden
        ? `${formatDate(a.latestUpdate.date)}: ${a.latestUpdate.text}${a.latestUpdate.author ? ` (${a.latestUpdate.author})` : ''}`
        : 'No updates yet.';
    const due = a.overdue
      ? { content: [b(formatDate(a.dueDate))], fill: OVERDUE_FILL }
      : formatDate(a.dueDate);
    return [
      String(a.id),
      hidden
        ? 'Action arising from an exempt item: recorded in the confidential minutes.'
        : `${a.itemExempt ? 'Part B (exempt): ' : ''}${a.description}${a.priorityTitle ? `\nPriority: ${priorityLabel(a)}` : ''}`,
      a.owner || 'Not assigned',
      due,
      source(a, isPublic),
      update,
      statusCell(a),
    ];
  });
}

export async function actionLogDocument(
  db: DB,
  today: string,
  opts: { public: boolean },
): Promise<{ fileName: string; data: Buffer }> {
  const board = loadBoard(db);
  const actions = byDueDate(actionLog(db, today));
  const overdue = actions.filter((a) => a.overdue);
  const count = (s: ActionStatus) => actions.filter((a) => a.status === s).length;

  const children: Block[] = [
    p(b(board.authority, { size: 28 })),
    title(board.name),
    p(b(`Action log at ${formatDate(today)}`, { size: 28 })),
    p(
      `${actions.length} actions: ${count('open')} open, ${count('in_progress')} in progress, ${count('complete')} complete and ${count('closed')} closed. ` +
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
        overdue
          .sort((x, y) => y.daysOverdue - x.daysOverdue)
          .map((a) => [
            String(a.id),
            isPublicHidden(a, opts.public) ? 'Action arising from an exempt item.' : a.description,
            a.owner || 'Not assigned',
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
          ['Ref', 'Action', 'Owner', 'Due date', 'Source', 'Latest update', 'Status'],
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
      'An action is overdue when it is open or in progress and its due date has passed. Complete and closed actions are never overdue.',
    ),
  );

  const data = await renderDocument({
    board,
    title: `${board.name}: action log, ${formatDate(today)}`,
    subject: `Action log at ${formatDate(today)}`,
    landscape: true,
    children,
  });
  return {
    fileName: documentFileName(board, { kind: 'actions', today: formatDate(today), public: opts.public }),
    data,
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

const isPublicHidden = (a: ActionRow, isPublic: boolean) => isPublic && a.itemExempt;
