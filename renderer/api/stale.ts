import type { Query } from '@tanstack/react-query';
import { api, type MethodName } from '../../shared/api';
import { areaOf } from '../../shared/api/stale';

/**
 * Which cached reads a successful command makes stale: those whose method's area (query keys are
 * `[method, input]`) is in the command's `invalidates`; every read when it declares none.
 */
export function staleAfter(
  invalidates: readonly string[] | null,
): (query: Pick<Query, 'queryKey'>) => boolean {
  if (invalidates === null) return () => true;
  const areas = new Set(invalidates);
  return ({ queryKey }) => typeof queryKey[0] === 'string' && areas.has(areaOf(queryKey[0]));
}

/** The predicate for one command, from its definition in the API. */
export const staleAfterCommand = (method: MethodName) => staleAfter(api[method].invalidates);
