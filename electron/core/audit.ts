import { minutesDocText, type MinutesNode } from '../../shared/api/meetings';
import type { MethodDef } from '../../shared/api/method';
import type { Ctx } from './context';
import { insertAuditRow } from './store/audit';

/** Longest string kept in an audit row: enough to recognise the change, not a copy of the record. */
const MAX_TEXT = 200;

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: number | null;
  detail: Record<string, unknown>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isRichTextDoc(v: Record<string, unknown>): boolean {
  return v.type === 'doc' && (v.content === undefined || Array.isArray(v.content));
}

/**
 * What a command was given, short: long strings cut, file contents and rich-text documents
 * replaced by their size (the minutes themselves are in the board; the log says they changed).
 */
export function summarise(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (/base64$/i.test(key)) return `(${Buffer.byteLength(value, 'base64')} bytes)`;
    if (value.startsWith('data:') && value.length > MAX_TEXT) return `(${value.length} characters of data)`;
    return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  }
  if (Array.isArray(value)) return value.map((v) => summarise(v));
  if (isRecord(value)) {
    if (isRichTextDoc(value)) return `(${minutesDocText(value as unknown as MinutesNode).length} characters)`;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, summarise(v, k)]));
  }
  return value;
}

/** What a command returned (the new record's id, who approved…), short; lists of records counted. */
function resultOf(output: unknown): Record<string, unknown> | null {
  if (!isRecord(output)) return null;
  const fields = Object.entries(output)
    .filter(([k]) => k !== 'ok')
    .map(([k, v]) =>
      Array.isArray(v) && v.some((x) => typeof x === 'object' && x !== null)
        ? [k, `(${v.length} ${v.length === 1 ? 'item' : 'items'})`]
        : [k, summarise(v, k)],
    );
  return fields.length ? Object.fromEntries(fields) : null;
}

function numberAt(v: unknown, key: string): number | null {
  const n = isRecord(v) ? v[key] : undefined;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

/**
 * The audit row for a command, derived from its definition: the action is the method's name; the
 * record is the area before the dot (or the method's `audits`), identified by the input's `id`,
 * else its `<entity>Id`, else the id the command returned (a new record).
 */
export function auditEntry(name: string, def: MethodDef, input: unknown, output: unknown): AuditEntry {
  const entity = def.audits ?? name.slice(0, name.indexOf('.'));
  const entityId = numberAt(input, 'id') ?? numberAt(input, `${entity}Id`) ?? numberAt(output, 'id');
  const result = resultOf(output);
  return {
    action: name,
    entity,
    entityId,
    detail: { input: summarise(input), ...(result ? { result } : {}) },
  };
}

/** Appends to the audit log (append-only, enforced by triggers). Only `dispatch` calls this. */
export function writeAudit(ctx: Ctx, e: AuditEntry): void {
  insertAuditRow(ctx.db, {
    at: ctx.now().toISOString(),
    actor: ctx.actor,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    detail: JSON.stringify(e.detail),
  });
}
