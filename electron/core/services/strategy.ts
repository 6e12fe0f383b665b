import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api';
import type { PlanAction } from '../../../shared/api/strategy';
import { measureStatus } from '../queries/scorecard';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import {
  allPledges,
  allPriorities,
  ensureStrategyRow,
  existsIn,
  insertPlanAction,
  insertPlanUpdate,
  insertPledge,
  insertPriority,
  itemDecisions,
  itemsBetween,
  liveCodeHolder,
  liveOrder,
  livePlanOfPriority,
  linksFrom,
  measurePeriods,
  nextSort,
  orderedRow,
  patchRow,
  planRows,
  planUpdates,
  pledgeCode,
  pledgePrincipleLinks,
  pledgePriorityLinks,
  principleItemLinks,
  principlesForApi,
  priorityById,
  priorityItems,
  priorityMeasures,
  replaceLinks,
  resequence,
  setArchived,
  setPlanArchived,
  setPlanStatus,
  strategyHead,
  type LinkTarget,
  type PlanRow,
  type PriorityRow,
  type SubjectKind,
} from '../store/strategy';
import { itemLinksOpen } from './record-rules';
import { createBoardFromTemplate, templateCounts, templateList, templates } from '../templates';

type Links = { priorities: number[]; pledges: number[]; principles: number[] };

const subjectTable: Record<SubjectKind, string> = {
  priority: 'priority',
  pledge: 'pledge',
  plan_action: 'plan_action',
  measure: 'measure',
  agenda_item: 'agenda_item',
  action: 'action',
};
const subjectName: Record<SubjectKind, string> = {
  priority: 'priority',
  pledge: 'pledge',
  plan_action: 'action plan entry',
  measure: 'measure',
  agenda_item: 'agenda item',
  action: 'action',
};

function linksOf(ctx: Ctx, kind: SubjectKind, id: number): Links {
  const rows = linksFrom(ctx.db, kind, id);
  const pick = (k: 'pr' | 'pl' | 'pp') =>
    rows
      .map((r) => r[k])
      .filter((v): v is number => v !== null)
      .sort((a, b) => a - b);
  return { priorities: pick('pr'), pledges: pick('pl'), principles: pick('pp') };
}

function mustExist(ctx: Ctx, table: string, id: number, what: string): void {
  if (!existsIn(ctx.db, table, id)) throw new ApiError('not_found', `There is no ${what} with id ${id}`);
}

function priorityOut(ctx: Ctx, r: PriorityRow) {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    description: r.description,
    sort: r.sort,
    archived: r.archived === 1,
    links: linksOf(ctx, 'priority', r.id),
  };
}

function checkCodeFree(
  ctx: Ctx,
  table: 'priority' | 'pledge',
  codeValue: string,
  exceptId: number | null,
  collection?: string,
): void {
  if (liveCodeHolder(ctx.db, table, codeValue, exceptId, collection) !== undefined) {
    throw new ApiError(
      'conflict',
      table === 'pledge'
        ? `code: another pledge in “${collection}” already has the code ${codeValue}`
        : `code: another priority already has the code ${codeValue}`,
    );
  }
}

/** Moves one row of an ordered, non-archived list up or down; returns its new 1-based position. */
function move(ctx: Ctx, table: 'priority' | 'pledge', id: number, direction: 'up' | 'down', what: string) {
  const row = orderedRow(ctx.db, table, id);
  if (!row) throw new ApiError('not_found', `There is no ${what} with id ${id}`);
  if (row.archived === 1)
    throw new ApiError('conflict', `This ${what} is archived; restore it before moving it`);
  const list = liveOrder(ctx.db, table, row.collection);
  const i = list.indexOf(id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= list.length) {
    throw new ApiError(
      'conflict',
      `This ${what} is already ${direction === 'up' ? 'first' : 'last'}${table === 'pledge' ? ' in its collection' : ''}`,
    );
  }
  [list[i], list[j]] = [list[j]!, list[i]!];
  resequence(ctx.db, table, list);
  return { position: j + 1, count: list.length };
}

function planOut(ctx: Ctx, r: PlanRow): PlanAction {
  return {
    id: r.id,
    priorityId: r.priority_id,
    priorityCode: r.p_code,
    priorityTitle: r.p_title,
    ref: r.ref,
    action: r.action,
    whoWhere: r.who_where,
    leads: r.leads,
    timescale: r.timescale,
    status: r.status,
    archived: r.archived === 1,
    links: linksOf(ctx, 'plan_action', r.id),
    updates: planUpdates(ctx.db, r.id),
  };
}

/** The individual leads named in a "leads" cell: split on ';' and '/' (names may contain commas). */
export function splitLeads(leads: string): string[] {
  return leads
    .split(/[;/]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function checkPriority(ctx: Ctx, priorityId: number | null | undefined): void {
  if (priorityId !== null && priorityId !== undefined) mustExist(ctx, 'priority', priorityId, 'priority');
}

/** The financial year (April–March) containing an ISO date. */
function financialYear(today: string): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const start = m >= 4 ? y : y - 1;
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

type Methods =
  | 'strategy.get'
  | 'strategy.update'
  | 'priority.create'
  | 'priority.update'
  | 'priority.reorder'
  | 'priority.archive'
  | 'priority.detail'
  | 'pledge.create'
  | 'pledge.update'
  | 'pledge.reorder'
  | 'pledge.archive'
  | 'links.set'
  | 'plan.list'
  | 'plan.create'
  | 'plan.update'
  | 'plan.archive'
  | 'plan.addUpdate'
  | 'principles.coverage'
  | 'board.templates'
  | 'board.createFromTemplate';

export const strategyHandlers: HandlerGroup<Methods> = {
  'strategy.get': (ctx) => {
    const s = strategyHead(ctx.db);
    const priorities = allPriorities(ctx.db).map((r) => priorityOut(ctx, r));
    const pledgeLinks = pledgePriorityLinks(ctx.db);
    const pledgePrinciples = pledgePrincipleLinks(ctx.db);
    const pledges = allPledges(ctx.db).map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      description: r.description,
      collection: r.collection,
      sort: r.sort,
      archived: r.archived === 1,
      priorityIds: pledgeLinks
        .filter((l) => l.pl === r.id)
        .map((l) => l.pr)
        .sort((a, b) => a - b),
      principleIds: pledgePrinciples
        .filter((l) => l.pl === r.id)
        .map((l) => l.pp)
        .sort((a, b) => a - b),
    }));
    const principles = principlesForApi(ctx.db);
    return {
      title: s?.title ?? '',
      period: s?.period ?? '',
      summary: s?.summary ?? '',
      priorities,
      pledges,
      principles,
    };
  },

  'strategy.update': (ctx, input) => {
    ensureStrategyRow(ctx.db);
    patchRow(ctx.db, 'strategy', 1, {
      title: input.title,
      period: input.period,
      summary: input.summary,
    });
    return { ok: true as const };
  },

  'priority.create': (ctx, input) => {
    checkCodeFree(ctx, 'priority', input.code, null);
    const id = insertPriority(ctx.db, {
      code: input.code,
      title: input.title,
      description: input.description ?? '',
    });
    return { id };
  },

  'priority.update': (ctx, input) => {
    mustExist(ctx, 'priority', input.id, 'priority');
    if (input.code !== undefined) checkCodeFree(ctx, 'priority', input.code, input.id);
    patchRow(ctx.db, 'priority', input.id, {
      code: input.code,
      title: input.title,
      description: input.description,
    });
    return { ok: true as const };
  },

  'priority.reorder': (ctx, input) => move(ctx, 'priority', input.id, input.direction, 'priority'),

  'priority.archive': (ctx, input) => {
    const row = priorityById(ctx.db, input.id);
    if (!row) throw new ApiError('not_found', `There is no priority with id ${input.id}`);
    if (!input.archived) checkCodeFree(ctx, 'priority', row.code, input.id);
    setArchived(ctx.db, 'priority', input.id, input.archived);
    return { ok: true as const };
  },

  'priority.detail': (ctx, input) => {
    const row = priorityById(ctx.db, input.id);
    if (!row) throw new ApiError('not_found', `There is no priority with id ${input.id}`);
    const actions = livePlanOfPriority(ctx.db, input.id).map((r) => planOut(ctx, r));
    const measures = priorityMeasures(ctx.db, input.id).map((m) => {
      // The measure's headline figure and RAG, by the same rules as the scorecard.
      const st = measureStatus(m, measurePeriods(ctx.db, m.id));
      return {
        id: m.id,
        code: m.code,
        title: m.title,
        unit: m.unit,
        polarity: m.polarity,
        target: m.target,
        latest: st.latest,
        rag: st.rag,
      };
    });
    const items = priorityItems(ctx.db, input.id).map((i) => ({
      id: i.id,
      meetingId: i.meeting_id,
      meetingDate: i.date,
      position: i.position,
      title: i.title,
      exempt: i.exempt === 1,
      decisions: itemDecisions(ctx.db, i.id),
    }));
    return { priority: priorityOut(ctx, row), actions, measures, items };
  },

  'pledge.create': (ctx, input) => {
    checkCodeFree(ctx, 'pledge', input.code, null, input.collection);
    const id = insertPledge(ctx.db, {
      code: input.code,
      title: input.title,
      description: input.description ?? '',
      collection: input.collection,
    });
    return { id };
  },

  'pledge.update': (ctx, input) => {
    const row = pledgeCode(ctx.db, input.id);
    if (!row) throw new ApiError('not_found', `There is no pledge with id ${input.id}`);
    const collection = input.collection ?? row.collection;
    if (input.code !== undefined || input.collection !== undefined)
      checkCodeFree(ctx, 'pledge', input.code ?? row.code, input.id, collection);
    patchRow(ctx.db, 'pledge', input.id, {
      code: input.code,
      title: input.title,
      description: input.description,
      collection: input.collection,
      sort:
        input.collection !== undefined && input.collection !== row.collection
          ? nextSort(ctx.db, 'pledge', collection)
          : undefined,
    });
    return { ok: true as const };
  },

  'pledge.reorder': (ctx, input) => move(ctx, 'pledge', input.id, input.direction, 'pledge'),

  'pledge.archive': (ctx, input) => {
    const row = pledgeCode(ctx.db, input.id);
    if (!row) throw new ApiError('not_found', `There is no pledge with id ${input.id}`);
    if (!input.archived) checkCodeFree(ctx, 'pledge', row.code, input.id, row.collection);
    setArchived(ctx.db, 'pledge', input.id, input.archived, row.collection);
    return { ok: true as const };
  },

  'links.set': (ctx, input) => {
    const { kind, id } = input.subject;
    mustExist(ctx, subjectTable[kind], id, subjectName[kind]);
    if (kind === 'agenda_item') itemLinksOpen(ctx, id);
    if (kind === 'priority' && input.priorities && input.priorities.length > 0) {
      throw new ApiError(
        'conflict',
        'priorities: a priority links to pledges and principles, not to other priorities',
      );
    }
    if (kind === 'pledge' && input.pledges && input.pledges.length > 0) {
      throw new ApiError('conflict', 'pledges: a pledge links to principles, not to other pledges');
    }
    if (kind === 'pledge' && input.priorities && input.priorities.length > 0) {
      throw new ApiError(
        'conflict',
        'priorities: link a pledge to a priority from the priority (a priority lists the pledges it delivers)',
      );
    }
    for (const p of input.priorities ?? []) mustExist(ctx, 'priority', p, 'priority');
    for (const p of input.pledges ?? []) mustExist(ctx, 'pledge', p, 'pledge');
    const uniq = (xs: number[] | undefined) => (xs ? [...new Set(xs)] : undefined);
    const sets: [LinkTarget, number[] | undefined][] = [
      ['to_priority_id', uniq(input.priorities)],
      ['to_pledge_id', uniq(input.pledges)],
      ['to_principle_id', uniq(input.principles)],
    ];
    for (const [target, list] of sets) {
      if (!list) continue;
      replaceLinks(ctx.db, kind, id, target, list);
    }
    return linksOf(ctx, kind, id);
  },

  'plan.list': (ctx, input) => {
    const rows = planRows(ctx.db, input.includeArchived ?? false);
    const leads = new Map<string, string>();
    for (const r of rows)
      for (const l of splitLeads(r.leads)) if (!leads.has(l.toLowerCase())) leads.set(l.toLowerCase(), l);
    const lead = input.lead?.trim().toLowerCase();
    const filtered = rows.filter(
      (r) =>
        (!input.status || r.status === input.status) &&
        (input.priorityId === undefined || r.priority_id === input.priorityId) &&
        (!lead ||
          splitLeads(r.leads).some((l) => l.toLowerCase() === lead) ||
          r.leads.toLowerCase().includes(lead)),
    );
    return {
      actions: filtered.map((r) => planOut(ctx, r)),
      leads: [...leads.values()].sort((a, b) => a.localeCompare(b, 'en-GB')),
    };
  },

  'plan.create': (ctx, input) => {
    checkPriority(ctx, input.priorityId);
    const id = insertPlanAction(ctx.db, {
      priorityId: input.priorityId,
      ref: input.ref ?? '',
      action: input.action,
      whoWhere: input.whoWhere ?? '',
      leads: input.leads ?? '',
      timescale: input.timescale ?? '',
      status: input.status ?? 'not_started',
    });
    return { id };
  },

  'plan.update': (ctx, input) => {
    mustExist(ctx, 'plan_action', input.id, 'action plan entry');
    checkPriority(ctx, input.priorityId);
    patchRow(ctx.db, 'plan_action', input.id, {
      priority_id: input.priorityId,
      ref: input.ref,
      action: input.action,
      who_where: input.whoWhere,
      leads: input.leads,
      timescale: input.timescale,
      status: input.status,
    });
    return { ok: true as const };
  },

  'plan.archive': (ctx, input) => {
    mustExist(ctx, 'plan_action', input.id, 'action plan entry');
    setPlanArchived(ctx.db, input.id, input.archived);
    return { ok: true as const };
  },

  'plan.addUpdate': (ctx, input) => {
    mustExist(ctx, 'plan_action', input.id, 'action plan entry');
    if (input.date > ctx.today())
      throw new ApiError(
        'conflict',
        `date: a progress update cannot be dated in the future (today is ${ctx.today()})`,
      );
    const updateId = insertPlanUpdate(ctx.db, {
      planActionId: input.id,
      date: input.date,
      author: input.author,
      text: input.text,
      createdAt: ctx.now().toISOString(),
    });
    if (input.status) setPlanStatus(ctx.db, input.id, input.status);
    return { id: updateId };
  },

  'principles.coverage': (ctx, input) => {
    const fy = financialYear(ctx.today());
    const from = input.from ?? fy.from;
    const to = input.to ?? fy.to;
    if (to < from)
      throw new ApiError('conflict', `to: the end date (${to}) is before the start date (${from})`);
    const items = itemsBetween(ctx.db, from, to);
    const links = principleItemLinks(ctx.db, { from, to });
    const principles = principlesForApi(ctx.db);
    return {
      from,
      to,
      meetings: new Set(items.map((i) => i.meeting_id)).size,
      items: items.length,
      principles: principles.map((p) => {
        const routes = new Map<number, Set<string>>();
        for (const l of links)
          if (l.principle === p.id) routes.set(l.item, (routes.get(l.item) ?? new Set()).add(l.route));
        const count = (route: string) => [...routes.values()].filter((r) => r.has(route)).length;
        const hit = items.filter((i) => routes.has(i.id));
        return {
          ...p,
          total: hit.length,
          direct: count('direct'),
          viaPriority: count('priority'),
          viaPledge: count('pledge'),
          items: hit.map((i) => {
            const r = [...routes.get(i.id)!];
            return {
              id: i.id,
              meetingId: i.meeting_id,
              meetingDate: i.date,
              title: i.title,
              via: r.length > 1 ? ('several' as const) : (r[0] as 'direct' | 'priority' | 'pledge'),
            };
          }),
        };
      }),
    };
  },

  'board.templates': () => templateList(),

  'board.createFromTemplate': (ctx, input) => {
    const named = input.name?.trim();
    const file = named
      ? path.join(path.dirname(path.resolve(ctx.file)), /\.cpb$/i.test(named) ? named : `${named}.cpb`)
      : path.resolve(input.file ?? '');
    const dir = path.dirname(file);
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new ApiError('not_found', `file: the folder ${dir} does not exist`);
    if (existsSync(file))
      throw new ApiError('conflict', `file: ${file} already exists; CPB will not overwrite a board file`);
    if (file === path.resolve(ctx.file))
      throw new ApiError('conflict', 'file: that is the board file that is open now');
    try {
      createBoardFromTemplate(file, input.template, {
        authority: input.authority,
        boardName: input.boardName,
        actor: ctx.actor,
      });
    } catch (e) {
      throw new ApiError('conflict', `Could not create ${file}: ${(e as Error).message}`);
    }
    return { file, template: input.template, counts: templateCounts(templates[input.template]) };
  },
};
