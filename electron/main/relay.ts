// Main's part in an API call: pass it to the core and hand back the answer. Plain functions over
// injected Electron pieces, so tests drive them with fakes and the real core.
import path from 'node:path';
import { methodNames, type ApiErrorShape, type ApiResult } from '../../shared/api';
import { IPC, methodChannel } from '../../shared/api/bridge';
import { exportDocumentInput } from '../../shared/api/exports';
import type { CoreClient } from '../core/client/core-client';
import { SafeWriteError, writeFileSafe } from '../core/exports/write-file';

/** The part of an IPC event main looks at: which page sent it. */
export interface IpcSender {
  senderFrame?: { url: string } | null;
}

/** As much of Electron's ipcMain as the relay uses. */
export interface IpcMainApi {
  handle(channel: string, listener: (event: IpcSender, ...args: unknown[]) => unknown): void;
}

export const fail = (code: ApiErrorShape['code'], message: string): ApiResult<never> => ({
  ok: false,
  error: { code, message },
});
export const refused = () => fail('internal', 'Refused: not the CPB window');

export interface RelayDeps {
  core: CoreClient;
  /** Whether the event comes from the CPB window (see security.ts). */
  trusted(event: IpcSender): boolean;
  /** Shows the save dialog for a document; the chosen path, or null when cancelled. */
  chooseSaveTarget(suggestedName: string): Promise<string | null>;
}

/**
 * Methods that create a file where their input says: in the desktop app only main calls them, with
 * the path the user chose in a save dialog (File › New board from template…), never with one the window names.
 */
const mainOnly: Partial<Record<string, string>> = {
  'board.createFromTemplate':
    'In the desktop app a new board is created with File › New board from template…, which asks where to save it.',
};

/**
 * One channel per API method (its input goes to the core as it came: the core validates it), and
 * the save-document channel. Everything answers only the CPB window.
 */
export function registerRelay(ipc: IpcMainApi, deps: RelayDeps): void {
  for (const method of methodNames) {
    // The second argument is the call envelope's actor (who is using the app); the core checks it.
    ipc.handle(methodChannel(method), async (event, input, actor) =>
      !deps.trusted(event)
        ? refused()
        : mainOnly[method]
          ? fail('invalid_input', mainOnly[method])
          : deps.core.call(method, input, typeof actor === 'string' ? actor : undefined),
    );
  }
  ipc.handle(IPC.saveDocument, async (event, req) =>
    deps.trusted(event) ? saveDocument(req, deps) : refused(),
  );
}

/**
 * Save a Word document: the renderer says what to export (kind, meeting, dates), never which method
 * to run. Main checks the request against export.document's input, shows the save dialog, asks the
 * core for exactly that document and writes it safely (temporary file, then rename).
 */
export async function saveDocument(
  req: unknown,
  deps: Pick<RelayDeps, 'core' | 'chooseSaveTarget'>,
): Promise<ApiResult<{ saved: boolean; path: string | null }>> {
  const r = req as { suggestedName?: unknown; input?: unknown } | null;
  if (typeof r !== 'object' || r === null || typeof r.suggestedName !== 'string')
    return fail('invalid_input', 'saveDocument needs { suggestedName, input }');
  const parsed = exportDocumentInput.safeParse(r.input ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.join('.') || '(input)',
      message: i.message,
    }));
    const message = `export.document: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`;
    return { ok: false, error: { code: 'invalid_input', message, issues } };
  }

  const chosen = await deps.chooseSaveTarget(r.suggestedName);
  if (!chosen) return { ok: true, value: { saved: false, path: null } };
  const ext = `.${parsed.data.format}`;
  const target = chosen.toLowerCase().endsWith(ext) ? chosen : `${chosen}${ext}`;

  const made = await deps.core.call('export.document', parsed.data);
  if (!made.ok) return made;
  const doc = made.value as { dataBase64?: unknown } | null;
  if (typeof doc?.dataBase64 !== 'string')
    return fail('internal', 'export.document did not produce a document');
  try {
    writeFileSafe(target, Buffer.from(doc.dataBase64, 'base64'));
  } catch (e) {
    return fail(
      'unavailable',
      e instanceof SafeWriteError ? e.message : `Could not save ${path.basename(target)}: ${String(e)}`,
    );
  }
  return { ok: true, value: { saved: true, path: target } };
}
