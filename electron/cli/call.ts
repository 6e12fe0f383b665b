import type { ApiInput, ApiOutput, MethodName } from '../../shared/api';
import type { CoreClient } from '../core/client/core-client';
import { startWorkerCore } from '../core/client/worker-endpoint';
import { inspectBoardFile } from '../core/store/board-file';
import { CliError } from './commands';

/**
 * `cpb` runs the core as the app does, on its own worker thread (dist/core-worker.cjs beside
 * dist/cli.cjs), acting as `actor` (see cliActor); every read and change goes through its dispatch.
 */
export async function withBoard<T>(
  file: string,
  actor: string,
  run: (core: CoreClient) => Promise<T>,
): Promise<T> {
  inspectBoardFile(file); // a clear message for a missing, foreign or damaged file, before opening it
  const core = startWorkerCore({ actor, door: 'cli' });
  try {
    const opened = await core.open(file);
    if (!opened.ok) throw new CliError(opened.error.message);
    return await run(core);
  } finally {
    await core.close();
  }
}

/**
 * Calls one API method; a refusal becomes a one-line CliError. `flags` names the command-line
 * flag for an input field, so a problem reads "--meeting is required…", not "meetingId is required…".
 */
export async function callApi<M extends MethodName>(
  core: CoreClient,
  method: M,
  input: ApiInput<M>,
  flags: Record<string, string> = {},
): Promise<ApiOutput<M>> {
  const r = await core.call(method, input);
  if (r.ok) return r.value as ApiOutput<M>;
  const detail = r.error.issues?.length
    ? r.error.issues.map((i) => `${flags[i.path] ?? i.path} ${i.message}`).join('; ')
    : r.error.message;
  throw new CliError(detail);
}
