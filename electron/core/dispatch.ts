import { ZodError } from 'zod';
import {
  api,
  ApiError,
  isMethodName,
  type ApiErrorShape,
  type ApiResult,
  type MethodName,
} from '../../shared/api';
import { auditEntry, writeAudit } from './audit';
import type { Ctx } from './context';
import type {
  CommandHandler,
  CommandWrite,
  QueryHandler,
  ReplaceBoardCommand,
  TwoStepCommand,
} from './handler-types';
import { checkActorLabel } from '../../shared/api/actor';
import { cleanTexts } from '../../shared/domain/clean-text';
import { handlers } from './handlers';
import { BoardFileError } from './store/board-file';
import { FaultError, faultOf } from './faults';
import { InUseError } from './store/in-use';
import type { Session } from './session';

function zodIssues(e: ZodError): { path: string; message: string }[] {
  return e.issues.map((i) => ({ path: i.path.join('.') || '(input)', message: i.message }));
}

/** What a board file that cannot be opened is called: 'damaged' only when it really is. */
function boardFileError(e: BoardFileError): ApiErrorShape {
  const code =
    e.reason === 'damaged'
      ? 'damaged'
      : e.reason === 'permission'
        ? 'permission_denied'
        : e.reason === 'unreadable'
          ? 'file_unavailable'
          : 'bad_file';
  return { code, message: e.message };
}

/** Turns anything thrown by a handler or SQLite into a message the UI can show. */
export function toApiError(e: unknown, file?: string): ApiErrorShape {
  if (e instanceof ApiError) return e.toShape();
  if (e instanceof BoardFileError) return boardFileError(e);
  if (e instanceof FaultError) return { ...e.fault };
  if (e instanceof InUseError) return { code: 'in_use', message: e.message };
  if (e instanceof ZodError) return { code: 'invalid_input', message: 'Invalid data', issues: zodIssues(e) };
  const err = e as { code?: string; message?: string };
  const msg = err?.message ?? String(e);
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
    // The database's own triggers refuse changes to approved minutes and frozen snapshots.
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
  // The disk and the file: busy, read-only, full, vanished, refused, damaged — each by name.
  const fault = faultOf(e, file);
  if (fault) return { ...fault };
  return { code: 'internal', message: msg };
}

/**
 * A command: any slow gathering first (outside it), then its writes, its result's check and its audit row in
 * one BEGIN IMMEDIATE transaction, so a command that fails part-way leaves nothing behind.
 */
async function runCommand(session: Session, ctx: Ctx, name: MethodName, input: unknown): Promise<unknown> {
  const def = api[name];
  const handler = handlers[name] as CommandHandler<MethodName>;
  session.assertWritable(); // a read-only board refuses before any work
  const twoStep = typeof handler === 'function' ? null : (handler as TwoStepCommand<MethodName>);
  const gathered = twoStep ? await twoStep.gather(ctx, input as never) : undefined;
  return ctx.db
    .transaction(() => {
      session.assertWritable(); // with the write lock held: still the file that was opened
      const out = twoStep
        ? twoStep.write(ctx, input as never, gathered)
        : (handler as CommandWrite<MethodName>)(ctx, input as never);
      const value: unknown = def.output.parse(out);
      writeAudit(ctx, auditEntry(name, def, input, value));
      return value;
    })
    .immediate();
}

/**
 * How a door lets go of its board file and takes it up again around a command that replaces it
 * (the core also holds the file's in-use mark). By default: the session alone.
 */
export interface BoardControl {
  close(): void;
  open(file: string): void;
}

const sessionControl = (session: Session): BoardControl => ({
  close: () => session.close(),
  open: (file) => session.open(file),
});

/**
 * A command that replaces the board file (restoring a backup): checked with the board open, run
 * with it closed and outside any transaction, then the board is opened again — whatever happened —
 * and the audit row is written into the board now open.
 */
async function runReplace(
  session: Session,
  control: BoardControl,
  actor: string | null,
  name: MethodName,
  input: unknown,
) {
  const def = api[name];
  const handler = handlers[name] as ReplaceBoardCommand<MethodName>;
  session.assertWritable({ integrity: false }); // a read-only board is never replaced from here (a damaged one may be)
  const ctx = session.ctx(actor);
  const checked = handler.check(ctx, input as never);
  const file = session.file;
  control.close();
  let out: unknown;
  try {
    out = handler.replace(file, input as never, checked, ctx.now());
  } finally {
    control.open(file);
  }
  const value: unknown = def.output.parse(out);
  const after = session.ctx(actor);
  after.db
    .transaction(() => {
      writeAudit(after, auditEntry(name, def, input, value));
    })
    .immediate();
  return value;
}

async function runQuery(ctx: Ctx, name: MethodName, input: unknown): Promise<unknown> {
  const handler = handlers[name] as QueryHandler<MethodName>;
  return api[name].output.parse(await handler(ctx, input as never));
}

/**
 * The one entry point of every door: validates the input against the contract before any work,
 * runs the handler as its definition says (a command in a transaction, audited; a query as it
 * is), and checks the output against the contract too.
 */
export async function dispatch(
  session: Session,
  name: string,
  raw: unknown,
  /** The call envelope: `actor` is the person using the app (the renderer's first-use answer). */
  envelope: { actor?: unknown } = {},
  /** How the door closes and reopens its board around a command that replaces it. */
  control: BoardControl = sessionControl(session),
): Promise<ApiResult<unknown>> {
  if (!isMethodName(name))
    return {
      ok: false,
      error: { code: 'unknown_method', message: `There is no API method called "${name}"` },
    };
  const def = api[name];
  // Only characters XML can carry reach the board (no U+FFFE, lone surrogates or stray controls).
  const parsed = def.input.safeParse(cleanTexts(raw ?? {}));
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    const message = `${name}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`;
    return { ok: false, error: { code: 'invalid_input', message, issues } };
  }
  const actor = checkActorLabel(envelope.actor);
  if (!actor.ok) return { ok: false, error: { code: 'invalid_input', message: actor.message } };
  if (!session.isOpen) return { ok: false, error: { code: 'unavailable', message: 'No board file is open' } };
  try {
    const ctx = session.ctx(actor.actor);
    // A search sees everything saved: minutes saved are indexed after the save (migration 0014),
    // so any rows of the index still behind are brought up to date first.
    if (name.startsWith('search.')) session.refreshSearchIndex();
    const value = def.replacesBoard
      ? await runReplace(session, control, actor.actor, name, parsed.data)
      : def.kind === 'command'
        ? await runCommand(session, ctx, name, parsed.data)
        : await runQuery(ctx, name, parsed.data);
    if (def.kind === 'command') session.noteWrite();
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toApiError(e, session.file) };
  }
}
