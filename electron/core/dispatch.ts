import { ZodError } from 'zod';
import { api, ApiError, isMethodName, type ApiErrorShape, type ApiResult } from '../../shared/api';
import { checkActorLabel } from '../../shared/api/actor';
import { BoardFileError } from './store/board-file';
import { handlers } from './handlers';
import type { Session } from './session';

function zodIssues(e: ZodError): { path: string; message: string }[] {
  return e.issues.map((i) => ({ path: i.path.join('.') || '(input)', message: i.message }));
}

/** Turns anything thrown by a handler or SQLite into a message the UI can show. */
export function toApiError(e: unknown): ApiErrorShape {
  if (e instanceof ApiError) return e.toShape();
  if (e instanceof BoardFileError) return { code: 'bad_file', message: e.message };
  if (e instanceof ZodError) return { code: 'invalid_input', message: 'Invalid data', issues: zodIssues(e) };
  const err = e as { code?: string; message?: string };
  const msg = err?.message ?? String(e);
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
    if (/locked|frozen|set in law|append-only/i.test(msg)) return { code: 'locked', message: msg };
    if (err.code === 'SQLITE_CONSTRAINT_UNIQUE')
      return {
        code: 'conflict',
        message: `Already exists: ${msg.replace(/^UNIQUE constraint failed: /, '')}`,
      };
    if (err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
      return {
        code: 'conflict',
        message: 'Refers to something that does not exist, or is still referred to',
      };
    return { code: 'conflict', message: msg };
  }
  return { code: 'internal', message: msg };
}

/**
 * The one entry point of every door: validates the input against the contract before any work,
 * runs the handler, and checks the output against the contract too.
 */
export async function dispatch(
  session: Session,
  name: string,
  raw: unknown,
  /** The call envelope: `actor` is the person using the app (the renderer's first-use answer). */
  envelope: { actor?: unknown } = {},
): Promise<ApiResult<unknown>> {
  if (!isMethodName(name))
    return {
      ok: false,
      error: { code: 'unknown_method', message: `There is no API method called "${name}"` },
    };
  const def = api[name];
  const parsed = def.input.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    const message = `${name}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`;
    return { ok: false, error: { code: 'invalid_input', message, issues } };
  }
  const actor = checkActorLabel(envelope.actor);
  if (!actor.ok) return { ok: false, error: { code: 'invalid_input', message: actor.message } };
  if (!session.isOpen) return { ok: false, error: { code: 'unavailable', message: 'No board file is open' } };
  try {
    const handler = handlers[name] as (ctx: unknown, input: unknown) => unknown;
    const value = await handler(session.ctx(actor.actor), parsed.data);
    return { ok: true, value: def.output.parse(value) };
  } catch (e) {
    return { ok: false, error: toApiError(e) };
  }
}
