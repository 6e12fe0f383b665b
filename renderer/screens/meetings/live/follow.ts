import { useEffect } from 'react';
import type { ApiInput, MethodName } from '../../../../shared/api';
import { useApi } from '../../../api/hooks';

/**
 * A read that follows the meeting on screen: fetched when `version` (the meeting as last read)
 * changes, rather than on every write. A write's own callbacks (closing the clerk's decision or
 * action form) wait for every active read to refresh; the strategy panel must not hold them up,
 * so it stays out of that set and refreshes as soon as the meeting itself has.
 */
export function useFollowingMeeting<M extends MethodName>(
  method: M,
  input: ApiInput<M>,
  version: unknown,
  active = true,
) {
  const q = useApi(method, input, { enabled: false });
  const { refetch } = q;
  const key = JSON.stringify(input);
  useEffect(() => {
    if (active) void refetch();
  }, [refetch, key, version, active]);
  return q;
}
