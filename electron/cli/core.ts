import type { ApiResult } from '../../shared/api';
import type { CoreClient } from '../core/client/core-client';
import { startWorkerCore } from '../core/client/worker-endpoint';
import { CliError } from './commands';

/**
 * `cpb` runs the core as the app does, on its own worker thread (dist/core-worker.cjs beside
 * dist/cli.cjs): the board is opened there (checked, migrated) and closed tidily afterwards.
 */
export async function withBoard<T>(file: string, work: (core: CoreClient) => Promise<T>): Promise<T> {
  const core = startWorkerCore({ actor: 'cpb' });
  try {
    const opened = await core.open(file);
    if (!opened.ok) throw new CliError(opened.error.message);
    return await work(core);
  } finally {
    await core.close();
  }
}

/** An API call's value, or a CliError in words (each problem with its field). */
export function valueOf<T>(r: ApiResult<unknown>): T {
  if (r.ok) return r.value as T;
  const detail = r.error.issues?.length
    ? r.error.issues.map((i) => `${i.path} ${i.message}`).join('; ')
    : r.error.message;
  throw new CliError(detail);
}
