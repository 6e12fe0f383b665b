import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { ApiInput, ApiOutput, MethodName } from '../../shared/api';
import { call } from './client';

/** Reads through TanStack Query, keyed by method and input so any write can invalidate it. */
export function useApi<M extends MethodName>(
  method: M,
  input: ApiInput<M>,
  options: Omit<UseQueryOptions<ApiOutput<M>, Error>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ApiOutput<M>, Error>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    ...options,
  });
}

/** Writes; on success every cached read is refreshed (the board file is the one source of truth). */
export function useApiMutation<M extends MethodName>(method: M) {
  const qc = useQueryClient();
  return useMutation<ApiOutput<M>, Error, ApiInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => qc.invalidateQueries(),
  });
}
