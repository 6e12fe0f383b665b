import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api';
import type { PlanAction, PlanStatus } from '../../../shared/api/strategy';
import { comparePeriods } from '../../../shared/domain/periods';
import { ragStatus, type Polarity } from '../../../shared/domain/rag';
import type { Ctx } from '../context';
import type { HandlerGroup } from '../handler-types';
import { principleItemLinks } from '../store/strategy';
import { itemLinksOpen } from './record-rules';
import { createBoardFromTemplate, templateCounts, templateList, templates } from '../templates';

type Links = { priorities: number[]; pledges: number[]; principles: number[] };
type SubjectKind = 'priority' | 'pledge' | 'plan_action' | 'measure' | 'agenda_item' | 'action';

const subjectColumn: Record<SubjectKind, string> = {
  priority: 'priority_id',
  pledge: 'pledge_id',
  plan_action: 'plan_action_id',
  measure: 'measure_id',
  agenda_item: 'agenda_item_id',
  action: 'action_id',
};
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
  const rows = ctx.db
    .prepare(
      `SELECT to_priority_id AS pr, to_pledge_id AS pl, to_principle_id AS pp FROM link WHERE ${subjectColumn[kind]} = ? ORDER BY id`,
    )
    .all(id) as { pr: number | null; pl: number | null; pp: number | null }[];
  const pick = (k: 'pr' | 'pl' | 'pp') =>
    rows
      .map((r) => r[k])
      .filter((v): v is number => v !== null)
      .sort((a, b) => a - b);
  return { priorities: pick('pr'), pledges: pick('pl'), principles: pick('pp') };
}

function exists(ctx: Ctx, table: string, id: number): boolean {
  return ctx.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

function mustExist(ctx: Ctx, table: string, id: number, what: string): void {
  if (!exists(ctx, table, id)) throw new ApiError('not_found', `There is no ${what} with id ${id}`);
}

interface PriorityRow {
  id: number;
  code: string;
  title: string;
  description: string;
  sort: number;
  archived: number;
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
  const sql =
    table === 'pledge'
      ? 'SELECT id FROM pledge WHERE lower(code) = lower(?) AND collection = ? AND archived = 0 AND id IS NOT ?'
      : 'SELECT id FROM priority WHERE lower(code) = lower(?) AND archived = 0 AND id IS NOT ?';
  const args = table === 'pledge' ? [codeValue, collection, exceptId] : [codeValue, exceptId];
  if (ctx.db.prepare(sql).get(...args)) {
    throw new ApiError(
      'conflict',
      table === 'pledge'
        ? `code: another pledge in “${collection}” already has the code ${codeValue}`
        : `code: another priority already has the code ${codeValue}`,
    );
  }
}

/** Rewrites sort as 1..n in the given order. */
function resequence(ctx: Ctx, table: string, orderedIds: number[]): void {
  const st = ctx.db.prepare(`UPDATE ${table} SET sort = ? WHERE id = ?`);
  orderedIds.forEach((id, i) => st.run(i + 1, id));
}

/** Moves one row of an ordered, non-archived list up or down; returns its new 1-based position. */
function move(ctx: Ctx, table: 'priority' | 'pledge', id: number, direction: 'up' | 'down', what: string) {
  const row = ctx.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as
    { archived: number; collection?: string } | undefined;
  if (!row) throw new ApiError('not_found', `There is no ${what} with id ${id}`);
  if (row.archived === 1)
    throw new ApiError('conflict', `This ${what} is archived; restore it before moving it`);
  const list = (
    table === 'pledge'
      ? ctx.db
          .prepare('SELECT id FROM pledge WHERE archived = 0 AND collection = ? ORDER BY sort, id')
          .all(row.collection)
      : ctx.db.prepare('SELECT id FROM priority WHERE archived = 0 ORDER BY sort, id').all()
  ).map((r) => (r as { id: number }).id);
  const i = list.indexOf(id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= list.length) {
    throw new ApiError(
      'conflict',
      `This ${what} is already ${direction === 'up' ? 'first' : 'last'}${table === 'pledge' ? ' in its collection' : ''}`,
    );
  }
  [list[i], list[j]] = [list[j]!, list[i]!];
  resequence(ctx, table, list);
  return { position: j + 1, count: list.length };
}

function nextSort(ctx: Ctx, table: string, where = '1 = 1', ...args: unknown[]): number {
  return (
    ((
      ctx.db.prepare(`SELECT max(sort) AS m FROM ${table} WHERE ${where}`).get(...args) as {
        m: number | null;
      }
    ).m ?? 0) + 1
  );
}

/** Builds `SET a = ?, b = ?` from the fields present in a patch. */
function patch(ctx: Ctx, table: string, id: number, fields: Record<string, unknown>): void {
  const present = Object.entries(fields).filter(([, v]) => v !== undefined);
  if (present.length === 0) return;
  ctx.db
    .prepare(`UPDATE ${table} SET ${present.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`)
    .run(...present.map(([, v]) => v), id);
}

interface PlanRow {
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

function planOut(ctx: Ctx, r: PlanRow): PlanAction {
  const updates = ctx.db
    .prepare(
      'SELECT id, date, author, text FROM plan_update WHERE plan_action_id = ? ORDER BY date DESC, id DESC',
    )
    .all(r.id) as { id: number; date: string; author: string; text: string }[];
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
    updates,
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

function latestValue(ctx: Ctx, measureId: number): { period: string; value: number } | null {
  const rows = ctx.db
    .prepare('SELECT period, value FROM measure_value WHERE measure_id = ?')
    .all(measureId) as { period: string; value: number }[];
  let best: { period: string; value: number } | null = null;
  for (const r of rows) if (!best || comparePeriods(r.period, best.period) > 0) best = r;
  return best;
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
    const s = ctx.db.prepare('SELECT title, period, summary FROM strategy WHERE id = 1').get() as
      { title: string; period: string; summary: string } | undefined;
    const priorities = (
      ctx.db
        .prepare(
          'SELECT id, code, title, description, sort, archived FROM priority ORDER BY archived, sort, id',
        )
        .all() as PriorityRow[]
    ).map((r) => priorityOut(ctx, r));
    const pledgeLinks = ctx.db
      .prepare(
        'SELECT to_pledge_id AS pl, priority_id AS pr FROM link WHERE to_pledge_id IS NOT NULL AND priority_id IS NOT NULL',
      )
      .all() as {
      pl: number;
      pr: number;
    }[];
    const pledgePrinciples = ctx.db
      .prepare(
        'SELECT pledge_id AS pl, to_principle_id AS pp FROM link WHERE pledge_id IS NOT NULL AND to_principle_id IS NOT NULL',
      )
      .all() as {
      pl: number;
      pp: number;
    }[];
    const pledges = (
      ctx.db
        .prepare(
          `SELECT id, code, title, description, collection, sort, archived FROM pledge
                  ORDER BY (SELECT min(id) FROM pledge p2 WHERE p2.collection = pledge.collection), archived, sort, id`,
        )
        .all() as (PriorityRow & { collection: string })[]
    ).map((r) => ({
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
    const principles = ctx.db
      .prepare('SELECT id, code, short_title AS shortTitle, wording FROM principle ORDER BY id')
      .all() as {
      id: number;
      code: string;
      shortTitle: string;
      wording: string;
    }[];
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
    if (!exists(ctx, 'strategy', 1))
      ctx.db.prepare("INSERT INTO strategy (id, title) VALUES (1, 'Corporate parenting strategy')").run();
    patch(ctx, 'strategy', 1, {
      title: input.title,
      period: input.period,
      summary: input.summary,
    });
    return { ok: true as const };
  },

  'priority.create': (ctx, input) => {
    checkCodeFree(ctx, 'priority', input.code, null);
    const info = ctx.db
      .prepare('INSERT INTO priority (code, title, description, sort) VALUES (?, ?, ?, ?)')
      .run(input.code, input.title, input.description ?? '', nextSort(ctx, 'priority'));
    const id = Number(info.lastInsertRowid);
    return { id };
  },

  'priority.update': (ctx, input) => {
    mustExist(ctx, 'priority', input.id, 'priority');
    if (input.code !== undefined) checkCodeFree(ctx, 'priority', input.code, input.id);
    patch(ctx, 'priority', input.id, {
      code: input.code,
      title: input.title,
      description: input.description,
    });
    return { ok: true as const };
  },

  'priority.reorder': (ctx, input) => move(ctx, 'priority', input.id, input.direction, 'priority'),

  'priority.archive': (ctx, input) => {
    const row = ctx.db.prepare('SELECT code FROM priority WHERE id = ?').get(input.id) as
      { code: string } | undefined;
    if (!row) throw new ApiError('not_found', `There is no priority with id ${input.id}`);
    if (!input.archived) checkCodeFree(ctx, 'priority', row.code, input.id);
    ctx.db
      .prepare('UPDATE priority SET archived = ?, sort = ? WHERE id = ?')
      .run(input.archived ? 1 : 0, nextSort(ctx, 'priority'), input.id);
    return { ok: true as const };
  },

  'priority.detail': (ctx, input) => {
    const row = ctx.db
      .prepare('SELECT id, code, title, description, sort, archived FROM priority WHERE id = ?')
      .get(input.id) as PriorityRow | undefined;
    if (!row) throw new ApiError('not_found', `There is no priority with id ${input.id}`);
    const actions = (
      ctx.db
        .prepare(`${planSelect} WHERE a.priority_id = ? AND a.archived = 0 ${planOrder}`)
        .all(input.id) as PlanRow[]
    ).map((r) => planOut(ctx, r));
    const measures = (
      ctx.db
        .prepare(
          `SELECT id, code, title, unit, polarity, target, tolerance FROM measure
                  WHERE archived = 0 AND (priority_id = ? OR id IN (SELECT measure_id FROM link WHERE measure_id IS NOT NULL AND to_priority_id = ?))
                  ORDER BY sort, code`,
        )
        .all(input.id, input.id) as {
        id: number;
        code: string;
        title: string;
        unit: 'percent';
        polarity: Polarity;
        target: number | null;
        tolerance: number;
      }[]
    ).map((m) => {
      const latest = latestValue(ctx, m.id);
      return {
        id: m.id,
        code: m.code,
        title: m.title,
        unit: m.unit,
        polarity: m.polarity,
        target: m.target,
        latest,
        rag: ragStatus({
          value: latest?.value ?? null,
          target: m.target,
          tolerance: m.tolerance,
          polarity: m.polarity,
        }),
      };
    });
    const items = (
      ctx.db
        .prepare(
          `SELECT i.id, i.meeting_id, m.date, i.position, i.title, i.exempt FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
                  WHERE i.id IN (SELECT agenda_item_id FROM link WHERE agenda_item_id IS NOT NULL AND to_priority_id = ?)
                  ORDER BY m.date DESC, i.position`,
        )
        .all(input.id) as {
        id: number;
        meeting_id: number;
        date: string;
        position: number;
        title: string;
        exempt: number;
      }[]
    ).map((i) => ({
      id: i.id,
      meetingId: i.meeting_id,
      meetingDate: i.date,
      position: i.position,
      title: i.title,
      exempt: i.exempt === 1,
      decisions: ctx.db
        .prepare('SELECT id, text FROM decision WHERE agenda_item_id = ? ORDER BY position, id')
        .all(i.id) as { id: number; text: string }[],
    }));
    return { priority: priorityOut(ctx, row), actions, measures, items };
  },

  'pledge.create': (ctx, input) => {
    checkCodeFree(ctx, 'pledge', input.code, null, input.collection);
    const info = ctx.db
      .prepare('INSERT INTO pledge (code, title, description, collection, sort) VALUES (?, ?, ?, ?, ?)')
      .run(
        input.code,
        input.title,
        input.description ?? '',
        input.collection,
        nextSort(ctx, 'pledge', 'collection = ?', input.collection),
      );
    const id = Number(info.lastInsertRowid);
    return { id };
  },

  'pledge.update': (ctx, input) => {
    const row = ctx.db.prepare('SELECT code, collection FROM pledge WHERE id = ?').get(input.id) as
      { code: string; collection: string } | undefined;
    if (!row) throw new ApiError('not_found', `There is no pledge with id ${input.id}`);
    const collection = input.collection ?? row.collection;
    if (input.code !== undefined || input.collection !== undefined)
      checkCodeFree(ctx, 'pledge', input.code ?? row.code, input.id, collection);
    patch(ctx, 'pledge', input.id, {
      code: input.code,
      title: input.title,
      description: input.description,
      collection: input.collection,
      sort:
        input.collection !== undefined && input.collection !== row.collection
          ? nextSort(ctx, 'pledge', 'collection = ?', collection)
          : undefined,
    });
    return { ok: true as const };
  },

  'pledge.reorder': (ctx, input) => move(ctx, 'pledge', input.id, input.direction, 'pledge'),

  'pledge.archive': (ctx, input) => {
    const row = ctx.db.prepare('SELECT code, collection FROM pledge WHERE id = ?').get(input.id) as
      { code: string; collection: string } | undefined;
    if (!row) throw new ApiError('not_found', `There is no pledge with id ${input.id}`);
    if (!input.archived) checkCodeFree(ctx, 'pledge', row.code, input.id, row.collection);
    ctx.db
      .prepare('UPDATE pledge SET archived = ?, sort = ? WHERE id = ?')
      .run(input.archived ? 1 : 0, nextSort(ctx, 'pledge', 'collection = ?', row.collection), input.id);
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
    const col = subjectColumn[kind];
    const uniq = (xs: number[] | undefined) => (xs ? [...new Set(xs)] : undefined);
    const sets: [string, number[] | undefined][] = [
      ['to_priority_id', uniq(input.priorities)],
      ['to_pledge_id', uniq(input.pledges)],
      ['to_principle_id', uniq(input.principles)],
    ];
    for (const [target, list] of sets) {
      if (!list) continue;
      ctx.db.prepare(`DELETE FROM link WHERE ${col} = ? AND ${target} IS NOT NULL`).run(id);
      const st = ctx.db.prepare(`INSERT INTO link (${col}, ${target}) VALUES (?, ?)`);
      for (const t of list) st.run(id, t);
    }
    return linksOf(ctx, kind, id);
  },

  'plan.list': (ctx, input) => {
    const rows = ctx.db
      .prepare(`${planSelect} ${input.includeArchived ? '' : 'WHERE a.archived = 0'} ${planOrder}`)
      .all() as PlanRow[];
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
    const info = ctx.db
      .prepare(
        'INSERT INTO plan_action (priority_id, ref, action, who_where, leads, timescale, status, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        input.priorityId,
        input.ref ?? '',
        input.action,
        input.whoWhere ?? '',
        input.leads ?? '',
        input.timescale ?? '',
        input.status ?? 'not_started',
        nextSort(ctx, 'plan_action'),
      );
    const id = Number(info.lastInsertRowid);
    return { id };
  },

  'plan.update': (ctx, input) => {
    mustExist(ctx, 'plan_action', input.id, 'action plan entry');
    checkPriority(ctx, input.priorityId);
    patch(ctx, 'plan_action', input.id, {
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
    ctx.db.prepare('UPDATE plan_action SET archived = ? WHERE id = ?').run(input.archived ? 1 : 0, input.id);
    return { ok: true as const };
  },

  'plan.addUpdate': (ctx, input) => {
    mustExist(ctx, 'plan_action', input.id, 'action plan entry');
    if (input.date > ctx.today())
      throw new ApiError(
        'conflict',
        `date: a progress update cannot be dated in the future (today is ${ctx.today()})`,
      );
    const info = ctx.db
      .prepare(
        'INSERT INTO plan_update (plan_action_id, date, author, text, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(input.id, input.date, input.author, input.text, ctx.now().toISOString());
    if (input.status)
      ctx.db.prepare('UPDATE plan_action SET status = ? WHERE id = ?').run(input.status, input.id);
    const updateId = Number(info.lastInsertRowid);
    return { id: updateId };
  },

  'principles.coverage': (ctx, input) => {
    const fy = financialYear(ctx.today());
    const from = input.from ?? fy.from;
    const to = input.to ?? fy.to;
    if (to < from)
      throw new ApiError('conflict', `to: the end date (${to}) is before the start date (${from})`);
    const items = ctx.db
      .prepare(
        `SELECT i.id, i.meeting_id, m.date, i.title FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
                WHERE m.date BETWEEN ? AND ? ORDER BY m.date, i.position`,
      )
      .all(from, to) as { id: number; meeting_id: number; date: string; title: string }[];
    const links = principleItemLinks(ctx.db, { from, to });
    const principles = ctx.db
      .prepare('SELECT id, code, short_title AS shortTitle, wording FROM principle ORDER BY id')
      .all() as {
      id: number;
      code: string;
      shortTitle: string;
      wording: string;
    }[];
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
    const file = path.resolve(input.file);
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
