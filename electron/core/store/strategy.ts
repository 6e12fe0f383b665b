/** The strategy: priorities, pledges, the Corporate Parenting Principles and links between them. */
import type { PlanStatus } from '../../../shared/api/strategy';
import type { Unit } from '../../../shared/domain/format';
import type { YearBasis } from '../../../shared/domain/periods';
import type { Polarity } from '../../../shared/domain/rag';
import type { DB } from './board-file';
import { all, get, run } from './sql';

export interface OptionRow {
  id: number;
  code: string;
  title: string;
}

/** Live priorities in strategy order (for pickers and scorecard groups). */
export const livePriorities = (db: DB): OptionRow[] =>
  all<OptionRow>(db, 'SELECT id, code, title FROM priority WHERE archived = 0 ORDER BY sort, id');

export const livePledges = (db: DB): OptionRow[] =>
  all<OptionRow>(db, 'SELECT id, code, title FROM pledge WHERE archived = 0 ORDER BY collection, sort, id');

/** Live pledges as a picker shows them: the collection after the title ("… (Care leavers' offer)"). */
export const pledgeOptionsWithCollection = (db: DB): OptionRow[] =>
  all<OptionRow>(
    db,
    `SELECT id, code, title || CASE WHEN collection <> '' THEN ' (' || collection || ')' ELSE '' END AS title
     FROM pledge WHERE archived = 0 ORDER BY collection, sort, id`,
  );

/** The seven principles, short titles as the option title. */
export const principleOptions = (db: DB): OptionRow[] =>
  all<OptionRow>(db, 'SELECT id, code, short_title AS title FROM principle ORDER BY id');

export interface PrincipleRow {
  id: number;
  code: string;
  short_title: string;
  wording: string;
}

export const principles = (db: DB): PrincipleRow[] =>
  all<PrincipleRow>(db, 'SELECT id, code, short_title, wording FROM principle ORDER BY id');

export type CoverageRoute = 'direct' | 'priority' | 'pledge';
export interface CoverageLinkRow {
  item: number;
  principle: number;
  route: CoverageRoute;
}

/**
 * Which principle each agenda item touched and by which route: linked to the principle itself,
 * or to a priority or pledge that is. Optionally only items of meetings in a date range.
 */
export function principleItemLinks(db: DB, range?: { from: string; to: string }): CoverageLinkRow[] {
  const dated = range ? 'AND m.date BETWEEN @from AND @to' : '';
  return all<CoverageLinkRow>(
    db,
    `SELECT DISTINCT l.agenda_item_id AS item, l.to_principle_id AS principle, 'direct' AS route
       FROM link l JOIN agenda_item i ON i.id = l.agenda_item_id JOIN meeting m ON m.id = i.meeting_id
      WHERE l.to_principle_id IS NOT NULL ${dated}
     UNION
     SELECT DISTINCT l.agenda_item_id, pl.to_principle_id, 'priority'
       FROM link l JOIN agenda_item i ON i.id = l.agenda_item_id JOIN meeting m ON m.id = i.meeting_id
       JOIN link pl ON pl.priority_id = l.to_priority_id AND pl.to_principle_id IS NOT NULL
      WHERE l.to_priority_id IS NOT NULL ${dated}
     UNION
     SELECT DISTINCT l.agenda_item_id, pg.to_principle_id, 'pledge'
       FROM link l JOIN agenda_item i ON i.id = l.agenda_item_id JOIN meeting m ON m.id = i.meeting_id
       JOIN link pg ON pg.pledge_id = l.to_pledge_id AND pg.to_principle_id IS NOT NULL
      WHERE l.to_pledge_id IS NOT NULL ${dated}`,
    range ?? {},
  );
}

export const priorityExists = (db: DB, id: number): boolean =>
  get<{ one: number }>(db, 'SELECT 1 AS one FROM priority WHERE id = ?', id) !== undefined;

// ── Strategy editing: the rows behind strategy.*, priority.*, pledge.*, links.* and plan.* ──

/** Tables the strategy screens edit, and the link column for each kind of subject. */
export type StrategyTable = 'strategy' | 'priority' | 'pledge' | 'plan_action';
export type SubjectKind = 'priority' | 'pledge' | 'plan_action' | 'measure' | 'agenda_item' | 'action';
export type LinkTarget = 'to_priority_id' | 'to_pledge_id' | 'to_principle_id';

export const subjectColumn: Record<SubjectKind, string> = {
  priority: 'priority_id',
  pledge: 'pledge_id',
  plan_action: 'plan_action_id',
  measure: 'measure_id',
  agenda_item: 'agenda_item_id',
  action: 'action_id',
};

export interface SubjectLinkRow {
  pr: number | null;
  pl: number | null;
  pp: number | null;
}

/** The links made from one subject, in the order they were made. */
export const linksFrom = (db: DB, kind: SubjectKind, id: number): SubjectLinkRow[] =>
  all<SubjectLinkRow>(
    db,
    `SELECT to_priority_id AS pr, to_pledge_id AS pl, to_principle_id AS pp FROM link WHERE ${subjectColumn[kind]} = ? ORDER BY id`,
    id,
  );

/** Replaces one kind of link (to priorities, pledges or principles) made from a subject. */
export function replaceLinks(db: DB, kind: SubjectKind, id: number, target: LinkTarget, to: number[]): void {
  const col = subjectColumn[kind];
  run(db, `DELETE FROM link WHERE ${col} = ? AND ${target} IS NOT NULL`, id);
  for (const t of to) run(db, `INSERT INTO link (${col}, ${target}) VALUES (?, ?)`, id, t);
}

export const existsIn = (db: DB, table: string, id: number): boolean =>
  get<{ one: number }>(db, `SELECT 1 AS one FROM ${table} WHERE id = ?`, id) !== undefined;

/** The id of a live priority (or pledge in a collection) with this code, other than `exceptId`. */
export const liveCodeHolder = (
  db: DB,
  table: 'priority' | 'pledge',
  code: string,
  exceptId: number | null,
  collection?: string,
): number | undefined =>
  (table === 'pledge'
    ? get<{ id: number }>(
        db,
        'SELECT id FROM pledge WHERE lower(code) = lower(?) AND collection = ? AND archived = 0 AND id IS NOT ?',
        code,
        collection,
        exceptId,
      )
    : get<{ id: number }>(
        db,
        'SELECT id FROM priority WHERE lower(code) = lower(?) AND archived = 0 AND id IS NOT ?',
        code,
        exceptId,
      )
  )?.id;

/** Rewrites sort as 1..n in the given order. */
export function resequence(db: DB, table: StrategyTable, orderedIds: number[]): void {
  orderedIds.forEach((id, i) => run(db, `UPDATE ${table} SET sort = ? WHERE id = ?`, i + 1, id));
}

export interface OrderedRow {
  archived: number;
  collection?: string;
}

export const orderedRow = (db: DB, table: 'priority' | 'pledge', id: number): OrderedRow | undefined =>
  get<OrderedRow>(db, `SELECT * FROM ${table} WHERE id = ?`, id);

/** Live priorities, or live pledges of one collection, in their order. */
export const liveOrder = (db: DB, table: 'priority' | 'pledge', collection?: string): number[] =>
  (table === 'pledge'
    ? all<{ id: number }>(
        db,
        'SELECT id FROM pledge WHERE archived = 0 AND collection = ? ORDER BY sort, id',
        collection,
      )
    : all<{ id: number }>(db, 'SELECT id FROM priority WHERE archived = 0 ORDER BY sort, id')
  ).map((r) => r.id);

/** One past the largest sort in a table (or in one pledge collection). */
export const nextSort = (db: DB, table: StrategyTable, collection?: string): number =>
  ((collection === undefined
    ? get<{ m: number | null }>(db, `SELECT max(sort) AS m FROM ${table}`)
    : get<{ m: number | null }>(db, `SELECT max(sort) AS m FROM ${table} WHERE collection = ?`, collection)
  )?.m ?? 0) + 1;

/** Sets the fields present in a patch (undefined means "leave as it is"). */
export function patchRow(db: DB, table: StrategyTable, id: number, fields: Record<string, unknown>): void {
  const present = Object.entries(fields).filter(([, v]) => v !== undefined);
  if (present.length === 0) return;
  run(
    db,
    `UPDATE ${table} SET ${present.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`,
    ...present.map(([, v]) => v),
    id,
  );
}

export interface StrategyHeadRow {
  title: string;
  period: string;
  summary: string;
}

export const strategyHead = (db: DB): StrategyHeadRow | undefined =>
  get<StrategyHeadRow>(db, 'SELECT title, period, summary FROM strategy WHERE id = 1');

export const ensureStrategyRow = (db: DB): void => {
  if (!existsIn(db, 'strategy', 1))
    run(db, "INSERT INTO strategy (id, title) VALUES (1, 'Corporate parenting strategy')");
};

export interface PriorityRow {
  id: number;
  code: string;
  title: string;
  description: string;
  sort: number;
  archived: number;
}

export const allPriorities = (db: DB): PriorityRow[] =>
  all<PriorityRow>(
    db,
    'SELECT id, code, title, description, sort, archived FROM priority ORDER BY archived, sort, id',
  );

export const priorityById = (db: DB, id: number): PriorityRow | undefined =>
  get<PriorityRow>(db, 'SELECT id, code, title, description, sort, archived FROM priority WHERE id = ?', id);

export const insertPriority = (db: DB, p: { code: string; title: string; description: string }): number =>
  run(
    db,
    'INSERT INTO priority (code, title, description, sort) VALUES (?, ?, ?, ?)',
    p.code,
    p.title,
    p.description,
    nextSort(db, 'priority'),
  ).lastId;

export interface PledgeRow extends PriorityRow {
  collection: string;
}

/** Pledges grouped by collection (in the order collections were first made), archived last. */
export const allPledges = (db: DB): PledgeRow[] =>
  all<PledgeRow>(
    db,
    `SELECT id, code, title, description, collection, sort, archived FROM pledge
            ORDER BY (SELECT min(id) FROM pledge p2 WHERE p2.collection = pledge.collection), archived, sort, id`,
  );

export const pledgeCode = (db: DB, id: number): { code: string; collection: string } | undefined =>
  get<{ code: string; collection: string }>(db, 'SELECT code, collection FROM pledge WHERE id = ?', id);

export const insertPledge = (
  db: DB,
  p: { code: string; title: string; description: string; collection: string },
): number =>
  run(
    db,
    'INSERT INTO pledge (code, title, description, collection, sort) VALUES (?, ?, ?, ?, ?)',
    p.code,
    p.title,
    p.description,
    p.collection,
    nextSort(db, 'pledge', p.collection),
  ).lastId;

/** Archives or restores a priority or pledge, moving it to the end of its list. */
export const setArchived = (
  db: DB,
  table: 'priority' | 'pledge',
  id: number,
  archived: boolean,
  collection?: string,
): void => {
  run(
    db,
    `UPDATE ${table} SET archived = ?, sort = ? WHERE id = ?`,
    archived ? 1 : 0,
    nextSort(db, table, collection),
    id,
  );
};

/** Priority → pledge links (a priority lists the pledges it delivers). */
export const pledgePriorityLinks = (db: DB): { pl: number; pr: number }[] =>
  all<{ pl: number; pr: number }>(
    db,
    'SELECT to_pledge_id AS pl, priority_id AS pr FROM link WHERE to_pledge_id IS NOT NULL AND priority_id IS NOT NULL',
  );

export const pledgePrincipleLinks = (db: DB): { pl: number; pp: number }[] =>
  all<{ pl: number; pp: number }>(
    db,
    'SELECT pledge_id AS pl, to_principle_id AS pp FROM link WHERE pledge_id IS NOT NULL AND to_principle_id IS NOT NULL',
  );

export interface PrincipleOutRow {
  id: number;
  code: string;
  shortTitle: string;
  wording: string;
}

export const principlesForApi = (db: DB): PrincipleOutRow[] =>
  all<PrincipleOutRow>(db, 'SELECT id, code, short_title AS shortTitle, wording FROM principle ORDER BY id');

// ── The action plan ──

export interface PlanRow {
  id: number;
  priority_id: number | null;
  p_code: string | null;
  p_title: string | null;
  ref: string;
  action: string;
  who_where: string;
  leads: string;
  timescale: string;
  status: PlanStatus;
  archived: number;
}

const planSelect = `SELECT a.id, a.priority_id, p.code AS p_code, p.title AS p_title, a.ref, a.action, a.who_where, a.leads,
                           a.timescale, a.status, a.archived
                    FROM plan_action a LEFT JOIN priority p ON p.id = a.priority_id`;
const planOrder = 'ORDER BY coalesce(p.sort, 1e9), a.sort, a.id';

export const planRows = (db: DB, includeArchived: boolean): PlanRow[] =>
  all<PlanRow>(db, `${planSelect} ${includeArchived ? '' : 'WHERE a.archived = 0'} ${planOrder}`);

export const livePlanOfPriority = (db: DB, priorityId: number): PlanRow[] =>
  all<PlanRow>(db, `${planSelect} WHERE a.priority_id = ? AND a.archived = 0 ${planOrder}`, priorityId);

export interface PlanUpdateRow {
  id: number;
  date: string;
  author: string;
  text: string;
}

export const planUpdates = (db: DB, planActionId: number): PlanUpdateRow[] =>
  all<PlanUpdateRow>(
    db,
    'SELECT id, date, author, text FROM plan_update WHERE plan_action_id = ? ORDER BY date DESC, id DESC',
    planActionId,
  );

export interface PlanFields {
  priorityId: number | null;
  ref: string;
  action: string;
  whoWhere: string;
  leads: string;
  timescale: string;
  status: PlanStatus;
}

export const insertPlanAction = (db: DB, a: PlanFields): number =>
  run(
    db,
    'INSERT INTO plan_action (priority_id, ref, action, who_where, leads, timescale, status, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    a.priorityId,
    a.ref,
    a.action,
    a.whoWhere,
    a.leads,
    a.timescale,
    a.status,
    nextSort(db, 'plan_action'),
  ).lastId;

export const setPlanArchived = (db: DB, id: number, archived: boolean): void => {
  run(db, 'UPDATE plan_action SET archived = ? WHERE id = ?', archived ? 1 : 0, id);
};

export const setPlanStatus = (db: DB, id: number, status: PlanStatus): void => {
  run(db, 'UPDATE plan_action SET status = ? WHERE id = ?', status, id);
};

export const insertPlanUpdate = (
  db: DB,
  u: { planActionId: number; date: string; author: string; text: string; createdAt: string },
): number =>
  run(
    db,
    'INSERT INTO plan_update (plan_action_id, date, author, text, created_at) VALUES (?, ?, ?, ?, ?)',
    u.planActionId,
    u.date,
    u.author,
    u.text,
    u.createdAt,
  ).lastId;

// ── A priority's page ──

export interface PriorityMeasureRow {
  id: number;
  code: string;
  title: string;
  unit: Unit;
  polarity: Polarity;
  target: number | null;
  tolerance: number;
  frequency: 'monthly' | 'quarterly' | 'annual';
  yearBasis: YearBasis;
  decimals: number | null;
  similarBand: number | null;
}

/** Live measures under a priority, or linked to it. */
export const priorityMeasures = (db: DB, priorityId: number): PriorityMeasureRow[] =>
  all<PriorityMeasureRow>(
    db,
    `SELECT id, code, title, unit, polarity, target, tolerance, frequency, year_basis AS yearBasis, decimals,
            similar_band AS similarBand FROM measure
            WHERE archived = 0 AND (priority_id = ? OR id IN (SELECT measure_id FROM link WHERE measure_id IS NOT NULL AND to_priority_id = ?))
            ORDER BY sort, code`,
    priorityId,
    priorityId,
  );

export const measurePeriods = (db: DB, measureId: number): { period: string; value: number }[] =>
  all<{ period: string; value: number }>(
    db,
    'SELECT period, value FROM measure_value WHERE measure_id = ?',
    measureId,
  );

export interface PriorityItemRow {
  id: number;
  meeting_id: number;
  date: string;
  position: number;
  title: string;
  exempt: number;
}

/** Agenda items linked to a priority, newest meeting first. */
export const priorityItems = (db: DB, priorityId: number): PriorityItemRow[] =>
  all<PriorityItemRow>(
    db,
    `SELECT i.id, i.meeting_id, m.date, i.position, i.title, i.exempt FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
            WHERE i.id IN (SELECT agenda_item_id FROM link WHERE agenda_item_id IS NOT NULL AND to_priority_id = ?)
            ORDER BY m.date DESC, i.position`,
    priorityId,
  );

export const itemDecisions = (db: DB, itemId: number): { id: number; text: string }[] =>
  all<{ id: number; text: string }>(
    db,
    'SELECT id, text FROM decision WHERE agenda_item_id = ? ORDER BY position, id',
    itemId,
  );

export interface DatedItemRow {
  id: number;
  meeting_id: number;
  date: string;
  title: string;
}

/** Agenda items of meetings between two dates, in meeting order. */
export const itemsBetween = (db: DB, from: string, to: string): DatedItemRow[] =>
  all<DatedItemRow>(
    db,
    `SELECT i.id, i.meeting_id, m.date, i.title FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
          WHERE m.date BETWEEN ? AND ? ORDER BY m.date, i.position`,
    from,
    to,
  );
