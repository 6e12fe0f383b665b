import type { Api, ApiOutput, ApiParsedInput, MethodName } from '../../shared/api';
import type { Ctx } from './context';

/** A query: reads the board (it may await, e.g. to draw charts) and writes nothing. */
export type QueryHandler<M extends MethodName> = (
  ctx: Ctx,
  input: ApiParsedInput<M>,
) => ApiOutput<M> | Promise<ApiOutput<M>>;

/**
 * A command's writes. Synchronous on purpose: `dispatch` runs it inside one BEGIN IMMEDIATE
 * transaction, which a promise could not stay inside.
 */
export type CommandWrite<M extends MethodName> = (ctx: Ctx, input: ApiParsedInput<M>) => ApiOutput<M>;

/**
 * A command with slow work to do before it writes (reading a spreadsheet): `dispatch` awaits
 * `gather` outside the transaction, then runs `write` with its result inside it.
 */
export interface TwoStepCommand<M extends MethodName, P = unknown> {
  /** Must not write to the board. */
  gather(ctx: Ctx, input: ApiParsedInput<M>): Promise<P>;
  write(ctx: Ctx, input: ApiParsedInput<M>, gathered: P): ApiOutput<M>;
}

/**
 * A command that replaces the board file itself (restoring a backup): `check` runs with the board
 * open and must not write; `replace` runs with it closed; `dispatch` opens it again afterwards
 * (whatever happened) and writes the audit row into the board now open.
 */
export interface ReplaceBoardCommand<M extends MethodName, P = unknown> {
  check(ctx: Ctx, input: ApiParsedInput<M>): P;
  replace(file: string, input: ApiParsedInput<M>, checked: P, now: Date): ApiOutput<M>;
}

export type CommandHandler<M extends MethodName> =
  CommandWrite<M> | TwoStepCommand<M> | ReplaceBoardCommand<M>;

export type Handler<M extends MethodName> = Api[M]['kind'] extends 'command'
  ? CommandHandler<M>
  : QueryHandler<M>;
export type Handlers = { [M in MethodName]: Handler<M> };
/** What one service module contributes to the table. */
export type HandlerGroup<K extends MethodName> = { [M in K]: Handler<M> };

/** Declares a board-replacing command, checking that `replace` takes what `check` gives. */
export function replaceBoard<M extends MethodName, P>(h: ReplaceBoardCommand<M, P>): ReplaceBoardCommand<M> {
  return h as ReplaceBoardCommand<M>;
}

/** Declares a two-step command, checking that `write` takes what `gather` gives. */
export function twoStep<M extends MethodName, P>(h: TwoStepCommand<M, P>): TwoStepCommand<M> {
  return h as TwoStepCommand<M>;
}
