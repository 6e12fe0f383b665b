import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiInput, ApiOutput, MethodName } from '../../shared/api';
import { call } from './client';
import { staleAfterCommand } from './stale';

/** Reads through TanStack Query, keyed by method and input so a write can invalidate it. */
export function useApi<M extends MethodName>(
  method: M,
  input: ApiInput<M>,
  options: Omit<UseQueryOptions<ApiOutput<M>, Error>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ApiOutput<M>, Error>({ ...apiQuery(method, input), ...options });
}

/** A read's cache key and fetch: one for the screens' reads and the reads fetched ahead. */
const apiQuery = <M extends MethodName>(method: M, input: ApiInput<M>) => ({
  queryKey: [method, input],
  queryFn: () => call(method, input),
});

/**
 * Fetches a read ahead of need (the answer a screen's likely next click asks for), under the
 * same key `useApi` uses, so the screen that asks for it next finds it in the cache.
 */
export function usePrefetchApi() {
  const qc = useQueryClient();
  return useCallback(
    <M extends MethodName>(method: M, input: ApiInput<M>) =>
      void qc.prefetchQuery<ApiOutput<M>, Error>(apiQuery(method, input)),
    [qc],
  );
}

/** Writes; on success the reads the command declares stale (`invalidates`) are refreshed. */
export function useApiMutation<M extends MethodName>(method: M) {
  const qc = useQueryClient();
  return useMutation<ApiOutput<M>, Error, ApiInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => qc.invalidateQueries({ predicate: staleAfterCommand(method) }),
  });
}

/**
 * For writes made outside a mutation (the minutes autosave): marks the reads the command makes
 * stale without refetching the ones on screen, so the editor being typed in is left alone and
 * the next screen to show them fetches them afresh.
 */
export function useMarkStale() {
  const qc = useQueryClient();
  return useCallback(
    (method: MethodName) =>
      void qc.invalidateQueries({ predicate: staleAfterCommand(method), refetchType: 'none' }),
    [qc],
  );
}
