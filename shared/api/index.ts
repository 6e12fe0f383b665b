import type { z } from 'zod';
import { appApi } from './app';
import type { MethodDef } from './method';

/**
 * The whole API: every method the renderer, the HTTP server, the CLI and the tests may call.
 * An area adds its methods by spreading its table in here (schema → service → UI).
 */
export const api = {
  ...appApi,
} satisfies Record<string, MethodDef>;

export type Api = typeof api;
export type MethodName = keyof Api;
export type ApiInput<M extends MethodName> = z.input<Api[M]['input']>;
export type ApiParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type ApiOutput<M extends MethodName> = z.output<Api[M]['output']>;

export const methodNames = Object.keys(api) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}

export { ApiError, type ApiErrorShape, type ApiResult } from './errors';
