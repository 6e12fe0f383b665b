import { parentPort, workerData } from 'node:worker_threads';
import { dispatch, toApiError } from '../dispatch';
import { Session } from '../session';

// A worker thread for one slow call: its own Session on the same board file, closed afterwards.
const { file, actor, method, input } = workerData as {
  file: string;
  actor: string;
  method: string;
  input: unknown;
};
const session = new Session(actor);
void (async () => {
  try {
    session.open(file);
    parentPort!.postMessage(await dispatch(session, method, input));
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: toApiError(e) });
  } finally {
    session.close();
  }
})();
