/**
 * Member visits in the board's documents: listed under the agenda item that reports them (in the
 * agenda pack), and summarised in the annual report. A visit names a setting, never a child; one
 * reported under an exempt (Part B) item keeps its findings out of the annual report.
 */
import { settingKindLabels } from '../../../shared/api/visits';
import { formatDate } from '../../../shared/domain/dates';
import { actionStatusLabel } from '../../../shared/domain/overdue';
import type { DB } from '../store/board-file';
import type { ActionRecord } from '../queries/actions';
import { visitRecordsBetween, visitRecordsOfMeeting, type VisitRecord } from '../queries/visits';
import { h1, i, p, table, type Block } from './kit';

const setting = (v: VisitRecord) =>
  `${v.setting}\n${settingKindLabels[v.settingKind]}, ${v.announced ? 'announced' : 'unannounced'}`;

const followUp = (actions: ActionRecord[]) =>
  actions.length
    ? actions
        .map((a) => `${a.description} (${a.owner || 'no owner'}; ${actionStatusLabel(a.status, a.overdue)})`)
        .join('\n')
    : 'None.';

const row = (v: VisitRecord) => [
  formatDate(v.date),
  setting(v),
  v.members.map((m) => m.name).join('\n'),
  v.findings || 'No findings recorded.',
  followUp(v.actions),
];
const widths = [13, 20, 17, 30, 20];
const headers = ['Date', 'Setting', 'Visited by', 'Findings', 'Follow-up actions'];

/** For the agenda pack: each item reporting visits (by item id), with the visits listed under it. */
export function visitsByItem(db: DB, meetingId: number, today: string): Map<number, Block[]> {
  const byItem = new Map<number, VisitRecord[]>();
  for (const v of visitRecordsOfMeeting(db, today, meetingId)) {
    const id = v.reportedAt!.itemId;
    byItem.set(id, [...(byItem.get(id) ?? []), v]);
  }
  return new Map(
    [...byItem].map(([itemId, list]) => [
      itemId,
      [p(`Visits reported: ${list.length}.`, { keepNext: true }), table(headers, list.map(row), widths)],
    ]),
  );
}

/** For the annual report: the visits made in the period, their findings and follow-up. */
export function visitsAnnualSection(db: DB, today: string, from: string, to: string): Block[] {
  const visits = visitRecordsBetween(db, today, from, to);
  const out: Block[] = [h1('Member visits')];
  if (!visits.length) {
    out.push(p('No member visits were recorded in this period.'));
    return out;
  }
  const settings = new Set(visits.map((v) => v.setting.trim().toLowerCase())).size;
  const visitors = new Set(visits.flatMap((v) => v.members.map((m) => m.id))).size;
  const actions = visits.flatMap((v) => v.actions);
  const done = actions.filter((a) => a.status === 'complete' || a.status === 'closed').length;
  out.push(
    p(
      `Members made ${visits.length} ${visits.length === 1 ? 'visit' : 'visits'} to ${settings} ${settings === 1 ? 'setting' : 'settings'} (${visits.filter((v) => !v.announced).length} unannounced); ${visitors} ${visitors === 1 ? 'member took' : 'members took'} part. ` +
        `${actions.length} follow-up ${actions.length === 1 ? 'action was' : 'actions were'} raised, of which ${done} ${done === 1 ? 'is' : 'are'} complete.`,
      { keepNext: true },
    ),
  );
  out.push(
    table(
      headers,
      visits.map((v) =>
        v.reportedAt?.exempt
          ? [
              formatDate(v.date),
              setting(v),
              v.members.map((m) => m.name).join('\n'),
              'Reported to the Board in private (exempt item).',
              `${v.actions.length}`,
            ]
          : row(v),
      ),
      widths,
    ),
  );
  out.push(p(i('Visits name the setting only; children are never named.')));
  return out;
}
