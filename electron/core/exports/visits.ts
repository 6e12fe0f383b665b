/**
 * Member visits in the board's documents: listed under the agenda item that reports them (in the
 * agenda pack), and summarised in the annual report. A visit names a setting, never a child; one
 * reported under an exempt (Part B) item keeps its findings out of the annual report.
 */
import { settingKindLabels } from '../../../shared/api/visits';
import { formatDate } from '../../../shared/domain/dates';
import { actionStatusLabel } from '../../../shared/domain/overdue';
import type { DB } from '../store/board-file';
import { bool } from '../store/sql';
import { visitMembers, visitsBetween, visitsOfMeeting, type VisitRowDb } from '../store/visits';
import { actionLog, type ActionRecord } from '../queries/actions';
import { h1, i, p, table, type Block } from './kit';

interface VisitDoc {
  v: VisitRowDb;
  members: string[];
  actions: ActionRecord[];
}

function withDetail(db: DB, today: string, rows: VisitRowDb[]): VisitDoc[] {
  if (!rows.length) return [];
  const who = visitMembers(db);
  const actions = actionLog(db, today).filter((a) => a.visit !== null);
  return rows.map((v) => ({
    v,
    members: who.filter((w) => w.visit_id === v.id).map((w) => w.name),
    actions: actions.filter((a) => a.visit?.id === v.id),
  }));
}

const setting = (v: VisitRowDb) =>
  `${v.setting}\n${settingKindLabels[v.setting_kind]}, ${bool(v.announced) ? 'announced' : 'unannounced'}`;

const followUp = (actions: ActionRecord[]) =>
  actions.length
    ? actions
        .map((a) => `${a.description} (${a.owner || 'no owner'}; ${actionStatusLabel(a.status, a.overdue)})`)
        .join('\n')
    : 'None.';

/** For the agenda pack: each item reporting visits (by item id), with the visits listed under it. */
export function visitsByItem(db: DB, meetingId: number, today: string): Map<number, Block[]> {
  const out = new Map<number, Block[]>();
  const docs = withDetail(db, today, visitsOfMeeting(db, meetingId));
  for (const d of docs) {
    const id = d.v.agenda_item_id!;
    if (!out.has(id)) out.set(id, []);
  }
  for (const [itemId, blocks] of out) {
    const mine = docs.filter((d) => d.v.agenda_item_id === itemId);
    blocks.push(
      p(`Visits reported: ${mine.length}.`, { keepNext: true }),
      table(
        ['Date', 'Setting', 'Visited by', 'Findings', 'Follow-up actions'],
        mine.map((d) => [
          formatDate(d.v.visit_date),
          setting(d.v),
          d.members.join('\n'),
          d.v.findings || 'No findings recorded.',
          followUp(d.actions),
        ]),
        [13, 20, 17, 30, 20],
      ),
    );
  }
  return out;
}

/** For the annual report: the visits made in the period, their findings and follow-up. */
export function visitsAnnualSection(db: DB, today: string, from: string, to: string): Block[] {
  const docs = withDetail(db, today, visitsBetween(db, from, to));
  const out: Block[] = [h1('Member visits')];
  if (!docs.length) {
    out.push(p('No member visits were recorded in this period.'));
    return out;
  }
  const settings = new Set(docs.map((d) => d.v.setting.trim().toLowerCase())).size;
  const visitors = new Set(docs.flatMap((d) => d.members)).size;
  const actions = docs.flatMap((d) => d.actions);
  const done = actions.filter((a) => a.status === 'complete' || a.status === 'closed').length;
  out.push(
    p(
      `Members made ${docs.length} ${docs.length === 1 ? 'visit' : 'visits'} to ${settings} ${settings === 1 ? 'setting' : 'settings'} (${docs.filter((d) => !bool(d.v.announced)).length} unannounced); ${visitors} ${visitors === 1 ? 'member took' : 'members took'} part. ` +
        `${actions.length} follow-up ${actions.length === 1 ? 'action was' : 'actions were'} raised, of which ${done} ${done === 1 ? 'is' : 'are'} complete.`,
      { keepNext: true },
    ),
  );
  out.push(
    table(
      ['Date', 'Setting', 'Visited by', 'Findings', 'Follow-up actions'],
      docs.map((d) =>
        bool(d.v.item_exempt)
          ? [
              formatDate(d.v.visit_date),
              setting(d.v),
              d.members.join('\n'),
              'Reported to the Board in private (exempt item).',
              `${d.actions.length}`,
            ]
          : [
              formatDate(d.v.visit_date),
              setting(d.v),
              d.members.join('\n'),
              d.v.findings || 'No findings recorded.',
              followUp(d.actions),
            ],
      ),
      [13, 20, 17, 30, 20],
    ),
  );
  out.push(p(i('Visits name the setting only; children are never named.')));
  return out;
}
