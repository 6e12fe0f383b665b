import type { ApiResult } from './errors';
import type { ApiInput } from './index';
import type { DesktopSettings } from '../domain/desktop-settings';

/** IPC channel names shared by preload and main. */
export const IPC = {
  saveDocument: 'cpb:save-document',
  openPaper: 'cpb:open-paper',
  openChairDisplay: 'cpb:open-chair-display',
  getSettings: 'cpb:get-settings',
  saveSettings: 'cpb:save-settings',
  chooseFolder: 'cpb:choose-folder',
} as const;

/** Each API method has its own IPC channel, registered by main with ipcMain.handle. */
export const methodChannel = (method: string): string => `cpb:api:${method}`;

export interface SaveDocumentRequest {
  /** e.g. "Minutes 21 November 2025 (public).docx" */
  suggestedName: string;
  /** Which document (kind, meeting, dates): main runs export.document with it, nothing else. */
  input: ApiInput<'export.document'>;
}

/**
 * The one object the preload exposes as `window.cpb` (Electron only). In browser mode it is
 * absent and the renderer's client talks HTTP to the same handler table instead.
 */
export interface CpbBridge {
  /** `actor`: the call envelope's person using the app ("Sam Patel (Clerk)"), asked on first use. */
  invoke(method: string, input: unknown, actor?: string): Promise<ApiResult<unknown>>;
  /** Shows the native save dialog, produces the document and writes it safely. */
  saveDocument(req: SaveDocumentRequest): Promise<ApiResult<{ saved: boolean; path: string | null }>>;
  /** Opens an agenda paper (a file path or https link) with the operating system; nothing else. */
  openPaper(ref: string): Promise<ApiResult<{ opened: boolean }>>;
  /** The desktop user's settings (theme, text size, backup folder, approved paper servers). */
  getSettings(): Promise<ApiResult<DesktopSettings>>;
  /** Saves them (checked by main); answers with what was saved. */
  saveSettings(settings: DesktopSettings): Promise<ApiResult<DesktopSettings>>;
  /** The system's folder picker; the chosen folder's path, or null when cancelled. */
  chooseFolder(title: string): Promise<ApiResult<{ folder: string | null }>>;
  /** Opens the meeting's chair's display in a second window, on the second screen if there is one. */
  openChairDisplay(meetingId: number): Promise<ApiResult<{ opened: boolean }>>;
}
