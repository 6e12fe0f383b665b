import { api, isMethodName } from '../../../shared/api';
import type { AuditRow } from '../../../shared/api/audit';
import type { HandlerGroup } from '../handler-types';
import {
  auditEntities,
  auditOfRecord,
  auditPeople,
  auditRows,
  partBLookup,
  type AuditRowDb,
  type PartBLookup,
} from '../store/audit';

/** Longest detail a row shows: enough to recognise the change. */
const MAX_DETAIL = 300;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function numberAt(v: unknown, key: string): number | null {
  const n = isRecord(v) ? v[key] : undefined;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

/** "title: Care leavers' offer; presenter: …": the detail, flat and short. */
function flatten(v: unknown, prefix = ''): string[] {
  if (isRecord(v))
    return Object.entries(v).flatMap(([k, x]) =>
      flatten(x, prefix && prefix !== 'input' ? `${prefix}.${k}` : k),
    );
  if (Array.isArray(v)) return [`${prefix}: ${v.map((x) => (isRecord(x) ? '…' : String(x))).join(', ')}`];
  return [`${prefix}: ${String(v)}`];
}

function detailText(detail: unknown): string {
  const t = flatten(detail).join('; ');
  return t.length > MAX_DETAIL ? `${t.slice(0, MAX_DETAIL)}…` : t;
}

/**
 * The agenda item a row is about, if any: the item itself, a decision's or an action's item, or
 * the item the command named. 'gone' when it names one that no longer exists (it may have been Part B).
 */
function itemOf(r: AuditRowDb, detail: unknown, look: PartBLookup): number | 'gone' | null {
  const input = isRecord(detail) && isRecord(detail.input) ? detail.input : detail;
  const named = numberAt(input, 'itemId') ?? numberAt(input, 'agendaItemId');
  if (named !== null) return look.items.has(named) ? named : 'gone';
  if (r.entity_id === null) return null;
  if (r.entity === 'item' || r.entity === 'agenda_item')
    return look.items.has(r.entity_id) ? r.entity_id : 'gone';
  if (r.entity === 'decision') return look.decisionItem.get(r.entity_id) ?? 'gone';
  if (r.entity === 'action') return look.actionItem.get(r.entity_id) ?? null;
  return null;
}

/**
 * One row as the screens show it. The log is shown to everyone, so a row about a Part B (exempt)
 * item, or about an item that no longer exists and may have been, says that something changed
 * and withholds the detail: Part B text names children.
 */
function present(r: AuditRowDb, look: PartBLookup): AuditRow {
  let detail: unknown = {};
  try {
    detail = JSON.parse(r.detail) as unknown;
  } catch {
    detail = {};
  }
  const input = isRecord(detail) && isRecord(detail.input) ? detail.input : detail;
  const item = itemOf(r, detail, look);
  const ownFlag =
    r.entity_id !== null &&
    ((r.entity === 'decision' && look.exemptDecisions.has(r.entity_id)) ||
      (r.entity === 'action' && look.exemptActions.has(r.entity_id)));
  const partB =
    ownFlag ||
    (typeof item === 'number' && look.items.get(item) === true) ||
    numberAt(input, 'exempt') === 1 ||
    (isRecord(input) && input.exempt === true);
  const summary = isMethodName(r.action) ? api[r.action].summary : r.action.replace(/_/g, ' ');
  let shown: string | null = detailText(detail);
  if (partB) shown = null;
  else if (item === 'gone') shown = '(details withheld: the agenda item is no longer on the board)';
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    method: r.action,
    summary: partB ? `Part B item changed (${summary})` : summary,
    entity: r.entity,
    entityId: r.entity_id,
    detail: shown,
    partB,
  };
}

const contains = (row: AuditRow, text: string): boolean => {
  const t = text.toLowerCase();
  return [row.actor, row.method, row.summary, row.entity, row.detail ?? ''].some((s) =>
    s.toLowerCase().includes(t),
  );
};

export const auditHandlers: HandlerGroup<'audit.list' | 'audit.forRecord'> = {
  'audit.list': (ctx, input) => {
    const look = partBLookup(ctx.db);
    const rows = auditRows(ctx.db, {
      person: input.person || null,
      entity: input.entity || null,
      from: input.from ?? null,
      to: input.to ?? null,
    }).map((r) => present(r, look));
    // Text is matched after Part B detail is withheld, so a search cannot reveal what it said.
    const matching = input.text ? rows.filter((r) => contains(r, input.text!)) : rows;
    return {
      rows: matching.slice(input.offset, input.offset + input.limit),
      total: matching.length,
      people: auditPeople(ctx.db),
      entities: auditEntities(ctx.db),
    };
  },
  'audit.forRecord': (ctx, input) => {
    const look = partBLookup(ctx.db);
    return { rows: auditOfRecord(ctx.db, input.entity, input.id).map((r) => present(r, look)) };
  },
};
