import { appClock } from '../clock';
import { defaultTolerance } from '../../../shared/domain/rag';
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
  for (const p of t.priorities) for (const ref of p.pledges ?? []) pledgeOf(t, ref, p.code);
  for (const a of t.plan)
    if (!priorityCodes.has(a.priority))
      throw new Error(`Template ${t.name}: action ${a.ref} names unknown priority ${a.priority}`);
  for (const m of t.measures)
    if (m.priority && !priorityCodes.has(m.priority))
      throw new Error(`Template ${t.name}: measure ${m.code} names unknown priority ${m.priority}`);
}

const pledgeKey = (collection: string, code: string) => `${collection}\u0000${code}`;

/**
 * The pledge a priority names. Codes repeat across collections (a Pledge and a Charter both
 * numbered 1 to 5), so a bare code must name exactly one pledge; otherwise the template gives
 * the collection. Links are keyed by collection and code, never by code alone.
 */
export function pledgeOf(
  t: BoardTemplate,
  ref: string | { collection: string; code: string },
  priority: string,
): { collection: string; code: string } {
  const matches = t.pledges.filter((p) =>
    typeof ref === 'string' ? p.code === ref : p.code === ref.code && p.collection === ref.collection,
  );
  const shown = typeof ref === 'string' ? ref : `${ref.collection} ${ref.code}`;
  if (matches.length === 0)
    throw new Error(`Template ${t.name}: priority ${priority} names unknown pledge ${shown}`);
  if (matches.length > 1)
    throw new Error(
      `Template ${t.name}: priority ${priority} names pledge ${shown}, which is in more than one collection: give its collection`,
    );
  return { collection: matches[0]!.collection, code: matches[0]!.code };
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
        pledgeKey(p.collection, p.code),
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
      for (const ref of p.pledges ?? []) {
        const pledge = pledgeOf(t, ref, p.code);
        insert(db, 'link', {
          priority_id: pid,
          to_pledge_id: pledgeIds.get(pledgeKey(pledge.collection, pledge.code))!,
        });
      }
    });
    t.plan.forEach((a, i) => {
      insert(db, 'plan_action', {
        priority_id: priorityIds.get(a.priority)!,
        ref: a.ref,
        action: a.action,
        who_where: a.whoWhere ?? '',
        leads: a.leads ?? '',
        timescale: a.timescale ?? '',
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
        // The unit's default amber band (2 points, or 5% of the target), not "every near miss is red".
        tolerance: defaultTolerance(m.unit, m.target ?? null),
        frequency: m.frequency ?? 'quarterly',
        year_basis: m.yearBasis ?? 'financial',
        numerator_definition: m.numerator ?? '',
        denominator_definition: m.denominator ?? '',
        dfe_ref: m.dfeRef ?? '',
        age_band: m.ageBand ?? '',
        source: m.source ?? '',
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
