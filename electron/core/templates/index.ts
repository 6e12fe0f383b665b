import { appClock } from '../clock';
import { templateNames, type TemplateName } from '../../../shared/api/strategy';
import { createBoardFile } from '../demo/file';
import { insert } from '../demo/util';
import type { DB } from '../store/board-file';
import { boardCount } from '../store/seed';
import { blank } from './blank';
import { peterborough } from './peterborough';
import { redcar } from './redcar';
import { rutland } from './rutland';
import { sthelens } from './sthelens';
import { stockton } from './stockton';
import type { BoardTemplate, PrincipleCode } from './types';

export type { BoardTemplate } from './types';
export { templateNames, type TemplateName };

export const templates: Record<TemplateName, BoardTemplate> = {
  blank,
  redcar,
  rutland,
  stockton,
  sthelens,
  peterborough,
};

export const DEFAULT_AUTHORITY = 'Your council';
export const DEFAULT_BOARD_NAME = 'Corporate Parenting Board';

const principleId: Record<PrincipleCode, number> = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 };

export function isTemplateName(name: string): name is TemplateName {
  return (templateNames as readonly string[]).includes(name);
}

export function templateCounts(t: BoardTemplate) {
  return {
    priorities: t.priorities.length,
    pledges: t.pledges.length,
    planActions: t.plan.length,
    measures: t.measures.length,
  };
}

export function templateList() {
  return templateNames.map((name) => {
    const t = templates[name];
    return {
      name,
      label: t.label,
      council: t.council,
      description: t.description,
      counts: templateCounts(t),
    };
  });
}

/** Checks a template's internal references, so a typo in the data fails loudly, not as a missing link. */
export function checkTemplate(t: BoardTemplate): void {
  const dup = (xs: string[], what: string) => {
    const seen = new Set<string>();
    for (const x of xs) {
      const k = x.toLowerCase();
      if (seen.has(k)) throw new Error(`Template ${t.name}: ${what} code ${x} is used twice`);
      seen.add(k);
    }
  };
  dup(
    t.priorities.map((p) => p.code),
    'priority',
  );
  dup(
    t.pledges.map((p) => `${p.collection}\u0000${p.code}`),
    'pledge',
  );
  dup(
    t.measures.map((m) => m.code),
    'measure',
  );
  const priorityCodes = new Set(t.priorities.map((p) => p.code));
  const pledgeCodes = new Set(t.pledges.map((p) => p.code));
  for (const p of t.priorities)
    for (const c of p.pledges ?? [])
      if (!pledgeCodes.has(c))
        throw new Error(`Template ${t.name}: priority ${p.code} names unknown pledge ${c}`);
  for (const a of t.plan)
    if (!priorityCodes.has(a.priority))
      throw new Error(`Template ${t.name}: action ${a.ref} names unknown priority ${a.priority}`);
  for (const m of t.measures)
    if (m.priority && !priorityCodes.has(m.priority))
      throw new Error(`Template ${t.name}: measure ${m.code} names unknown priority ${m.priority}`);
}

/**
 * Fills an empty, migrated board file from a template, in one transaction. The board's authority
 * defaults to 'Your council': the template is modelled on a real council but the new board is not it.
 */
export function writeTemplate(
  db: DB,
  t: BoardTemplate,
  opts: { authority?: string; boardName?: string; now?: Date; actor?: string } = {},
): void {
  checkTemplate(t);
  if (boardCount(db) > 0) throw new Error('A template can only be written into an empty board file');
  const now = (opts.now ?? appClock().now()).toISOString();
  const authority = opts.authority?.trim() || DEFAULT_AUTHORITY;
  const boardName = opts.boardName?.trim() || DEFAULT_BOARD_NAME;
  db.transaction(() => {
    insert(db, 'board', { id: 1, authority, name: boardName, created_at: now });
    insert(db, 'strategy', {
      id: 1,
      title: t.strategy.title,
      period: t.strategy.period,
      summary: t.strategy.summary,
    });
    const pledgeIds = new Map<string, number>();
    t.pledges.forEach((p, i) => {
      pledgeIds.set(
        p.code,
        insert(db, 'pledge', {
          code: p.code,
          title: p.title,
          description: p.description,
          collection: p.collection,
          sort: i + 1,
        }),
      );
    });
    const priorityIds = new Map<string, number>();
    t.priorities.forEach((p, i) => {
      const pid = insert(db, 'priority', {
        code: p.code,
        title: p.title,
        description: p.description,
        sort: i + 1,
      });
      priorityIds.set(p.code, pid);
      for (const c of p.principles) insert(db, 'link', { priority_id: pid, to_principle_id: principleId[c] });
      for (const c of p.pledges ?? [])
        insert(db, 'link', { priority_id: pid, to_pledge_id: pledgeIds.get(c)! });
    });
    t.plan.forEach((a, i) => {
      insert(db, 'plan_action', {
        priority_id: priorityIds.get(a.priority)!,
        ref: a.ref,
        action: a.action,
        who_where: a.whoWhere,
        leads: a.leads,
        timescale: a.timescale,
        status: a.status ?? 'not_started',
        sort: i + 1,
      });
    });
    t.measures.forEach((m, i) => {
      const mid = insert(db, 'measure', {
        code: m.code,
        title: m.title,
        definition: m.definition ?? '',
        unit: m.unit,
        polarity: m.polarity,
        target: m.target ?? null,
        frequency: m.frequency ?? 'quarterly',
        priority_id: m.priority ? priorityIds.get(m.priority)! : null,
        sort: i + 1,
      });
      for (const c of m.principles ?? [])
        insert(db, 'link', { measure_id: mid, to_principle_id: principleId[c] });
    });
    insert(db, 'audit_log', {
      at: now,
      actor: opts.actor ?? 'CPB',
      action: 'board.create_from_template',
      entity: 'board',
      entity_id: 1,
      detail: JSON.stringify({ template: t.name, authority, boardName }),
    });
  }).immediate();
}

/** Writes a new board file from a template; atomic, and refuses to overwrite an existing file. */
export function createBoardFromTemplate(
  file: string,
  template: TemplateName,
  opts: { authority?: string; boardName?: string; actor?: string } = {},
): void {
  const t = templates[template];
  if (!t)
    throw new Error(`Unknown template "${String(template)}". Choose one of: ${templateNames.join(', ')}`);
  createBoardFile(file, (db) => writeTemplate(db, t, opts));
}
