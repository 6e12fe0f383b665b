import type { ApiInput, ApiOutput, MethodName } from '../../shared/api';
import { dispatch } from '../core/dispatch';
import { Session } from '../core/session';
import { inspectBoardFile } from '../core/store/board-file';
import { CliError } from './commands';

/** Every `cpb` change and read goes through the API, as the app's do, acting as 'cpb'. */
export async function withBoard<T>(file: string, run: (session: Session) => Promise<T>): Promise<T> {
  inspectBoardFile(file); // a clear message for a missing, foreign or damaged file, before opening it
  const session = new Session('cpb');
  session.open(file);
  try {
    return await run(session);
  } finally {
    session.close();
  }
}

/**
 * Calls one API method; a refusal becomes a one-line CliError. `flags` names the command-line
 * flag for an input field, so a problem reads "--meeting is required…", not "meetingId is required…".
 */
export async function callApi<M extends MethodName>(
  session: Session,
  method: M,
  input: ApiInput<M>,
  flags: Record<string, string> = {},
): Promise<ApiOutput<M>> {
  const r = await dispatch(session, method, input);
  if (r.ok) return r.value as ApiOutput<M>;
  const detail = r.error.issues?.length
    ? r.error.issues.map((i) => `${flags[i.path] ?? i.path} ${i.message}`).join('; ')
    : r.error.message;
  throw new CliError(detail);
}
