import type { z } from 'zod';
import { appApi } from './app';
import { exportsApi } from './exports';
import { strategyApi } from './strategy';
import { importsApi } from './imports';
import { meetingsApi } from './meetings';
import { membersApi } from './members';
import { actionsApi } from './actions';
import { voiceApi } from './voice';
import { searchApi } from './search';
import { measuresApi } from './measures';
import { scorecardApi } from './scorecard';
import { walkApi } from './walk';
import { binApi } from './bin';
import { auditApi } from './audit';
import { recordApi } from './record';
import { forwardApi } from './forward';
import { visitsApi } from './visits';
import { backupsApi } from './backups';
import { publishingApi } from './publishing';
import { annualApi } from './annual';
import type { MethodDef } from './method';

/**
 * The whole API: every method the renderer, the HTTP server, the CLI and the tests may call.
 * An area adds its methods by spreading its table in here (schema → service → UI).
 */
export const api = {
  ...appApi,
  ...exportsApi,
  ...strategyApi,
  ...importsApi,
  ...measuresApi,
  ...scorecardApi,
  ...membersApi,
  ...meetingsApi,
  ...actionsApi,
  ...voiceApi,
  ...searchApi,
  ...walkApi,
  ...binApi,
  ...auditApi,
  ...recordApi,
  ...forwardApi,
  ...visitsApi,
  ...backupsApi,
  ...publishingApi,
  ...annualApi,
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
