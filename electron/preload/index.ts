// The preload: exposes `window.cpb` (the CpbBridge) and nothing else. It runs sandboxed, so it may
// only require 'electron' (contextBridge, ipcRenderer); everything else is bundled in.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult } from '../../shared/api/errors';
import { IPC, methodChannel, type CpbBridge, type SaveDocumentRequest } from '../../shared/api/bridge';

function invalid(message: string): Promise<ApiResult<never>> {
  return Promise.resolve({ ok: false, error: { code: 'invalid_input', message } });
}

const bridge: CpbBridge = {
  invoke(method: string, input: unknown, actor?: string) {
    if (typeof method !== 'string' || method === '')
      return invalid('cpb.invoke: the method name must be a string');
    // Only a string crosses as the actor (who is using the app); the core checks and bounds it.
    const who = typeof actor === 'string' ? actor : undefined;
    // A method main has not registered has no channel: say so as an API error, not a crash.
    const args = who === undefined ? [input] : [input, who];
    return (ipcRenderer.invoke(methodChannel(method), ...args) as Promise<ApiResult<unknown>>).catch(
      (): ApiResult<unknown> => ({
        ok: false,
        error: { code: 'unknown_method', message: `There is no API method called "${method}"` },
      }),
    );
  },
  saveDocument(req: SaveDocumentRequest) {
    if (
      typeof req !== 'object' ||
      req === null ||
      typeof req.suggestedName !== 'string' ||
      typeof req.input !== 'object' ||
      req.input === null
    ) {
      return invalid('cpb.saveDocument: needs { suggestedName, input }');
    }
    // Only these two fields cross the bridge, never anything else the caller attached.
    const clean: SaveDocumentRequest = { suggestedName: req.suggestedName, input: req.input };
    return ipcRenderer.invoke(IPC.saveDocument, clean) as Promise<
      ApiResult<{ saved: boolean; path: string | null }>
    >;
  },
  openPaper(ref: string) {
    if (typeof ref !== 'string' || ref.trim() === '')
      return invalid('cpb.openPaper: needs a link or a file path');
    return ipcRenderer.invoke(IPC.openPaper, ref) as Promise<ApiResult<{ opened: boolean }>>;
  },
  getSettings() {
    return ipcRenderer.invoke(IPC.getSettings) as ReturnType<CpbBridge['getSettings']>;
  },
  saveSettings(settings) {
    if (typeof settings !== 'object' || settings === null)
      return invalid('cpb.saveSettings: needs the settings');
    return ipcRenderer.invoke(IPC.saveSettings, settings) as ReturnType<CpbBridge['saveSettings']>;
  },
  chooseFolder(title: string) {
    if (typeof title !== 'string') return invalid('cpb.chooseFolder: needs a title');
    return ipcRenderer.invoke(IPC.chooseFolder, title.slice(0, 200)) as ReturnType<CpbBridge['chooseFolder']>;
  },
  openChairDisplay(meetingId: number) {
    if (!Number.isInteger(meetingId) || meetingId <= 0)
      return invalid('cpb.openChairDisplay: needs a meeting id');
    return ipcRenderer.invoke(IPC.openChairDisplay, meetingId) as Promise<ApiResult<{ opened: boolean }>>;
  },
};

contextBridge.exposeInMainWorld('cpb', Object.freeze(bridge));
