import type { ApiOutput, ApiParsedInput, MethodName } from '../../shared/api';
import type { Ctx } from './context';

export type Handler<M extends MethodName> = (
  ctx: Ctx,
  input: ApiParsedInput<M>,
) => ApiOutput<M> | Promise<ApiOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
/** What one service module contributes to the table. */
export type HandlerGroup<K extends MethodName> = { [M in K]: Handler<M> };
