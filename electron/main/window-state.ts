// What the Electron main process remembers and receives, kept free of any `electron` import so it
// is unit-tested under plain Node: window bounds and recent boards (JSON files in the user data
// folder), the board file named on a command line, and safe names for saved documents.
import { mkdirSync, readFileSync } from 'node:fs';
import { writeFileSafe } from '../core/exports/write-file';
import { parseDesktopSettings, type DesktopSettings } from '../../shared/domain/desktop-settings';
import path from 'node:path';

// ---------------------------------------------------------------------------------------------
// Window bounds

export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 640;
const MAX_SIDE = 16_384; // larger than any real display; rejects nonsense from a damaged file

export interface WindowState {
  width: number;
  height: number;
  /** Absent when the window should be centred by the operating system. */
  x?: number;
  y?: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultWindowState: WindowState = { width: 1280, height: 860, maximized: false };
export const windowStateFileName = 'window-state.json';

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** Validates anything read from disk; falls back to the defaults field by field. */
export function parseWindowState(raw: unknown): WindowState {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...defaultWindowState };
  const r = raw as Record<string, unknown>;
  const width = isFiniteNumber(r.width)
    ? clamp(Math.round(r.width), MIN_WIDTH, MAX_SIDE)
    : defaultWindowState.width;
  const height = isFiniteNumber(r.height)
    ? clamp(Math.round(r.height), MIN_HEIGHT, MAX_SIDE)
    : defaultWindowState.height;
  const state: WindowState = { width, height, maximized: r.maximized === true };
  if (
    isFiniteNumber(r.x) &&
    isFiniteNumber(r.y) &&
    Math.abs(r.x) <= MAX_SIDE * 4 &&
    Math.abs(r.y) <= MAX_SIDE * 4
  ) {
    state.x = Math.round(r.x);
    state.y = Math.round(r.y);
  }
  return state;
}

/**
 * Keeps the window on a screen that still exists (a laptop undocked from its second monitor):
 * if the saved title bar is not on any display's work area the position is dropped (centred), and
 * the size is shrunk to fit the display it is on (but never below the minimum).
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (state.x === undefined || state.y === undefined || workAreas.length === 0) {
    const { x: _x, y: _y, ...rest } = state;
    return rest;
  }
  const x = state.x;
  const y = state.y;
  // The top strip of the window (where it is dragged from) must be at least partly visible.
  const home = workAreas.find(
    (a) => x + state.width > a.x + 40 && x < a.x + a.width - 40 && y >= a.y - 10 && y < a.y + a.height - 40,
  );
  if (!home) {
    const { x: _x, y: _y, ...rest } = state;
    return rest;
  }
  return {
    ...state,
    width: Math.max(MIN_WIDTH, Math.min(state.width, home.width)),
    height: Math.max(MIN_HEIGHT, Math.min(state.height, home.height)),
  };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined; // missing or damaged: use the defaults
  }
}

/** Writes small settings files via a temporary file, so a crash never leaves half a file. */
function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSafe(file, Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8'));
  } catch {
    // Settings are a convenience; failing to save them must never disturb the clerk.
  }
}

export function loadWindowState(dir: string): WindowState {
  return parseWindowState(readJson(path.join(dir, windowStateFileName)));
}

export function saveWindowState(dir: string, state: WindowState): void {
  writeJson(path.join(dir, windowStateFileName), parseWindowState(state));
}

// ---------------------------------------------------------------------------------------------
// Recent boards

export const recentBoardsFileName = 'recent-boards.json';
export const MAX_RECENT = 8;

const samePath = (a: string, b: string) =>
  process.platform === 'win32' || process.platform === 'darwin'
    ? a.toLowerCase() === b.toLowerCase()
    : a === b;

/** Puts `file` first, without duplicates, keeping at most MAX_RECENT absolute paths. */
export function withRecent(list: readonly string[], file: string): string[] {
  const abs = path.resolve(file);
  return [abs, ...list.filter((f) => !samePath(f, abs))].slice(0, MAX_RECENT);
}

export function parseRecentBoards(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const out: string[] = [];
  for (const f of raw) {
    if (typeof f === 'string' && f.length < 4096 && path.isAbsolute(f) && !out.some((o) => samePath(o, f)))
      out.push(f);
  }
  return out.slice(0, MAX_RECENT);
}

export function loadRecentBoards(dir: string): string[] {
  return parseRecentBoards(readJson(path.join(dir, recentBoardsFileName)));
}

export function saveRecentBoards(dir: string, list: readonly string[]): void {
  writeJson(path.join(dir, recentBoardsFileName), parseRecentBoards(list));
}

// ---------------------------------------------------------------------------------------------
// The board named on a command line

/**
 * The `.cpb` file a launch names, resolved against its working folder: the last argument ending
 * in .cpb that is not a switch. Works for `CPB.exe board.cpb`, `electron . board.cpb` and the
 * argv a second instance hands to the first.
 */
export function boardFileFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const a = argv[i]!;
    if (a.startsWith('-')) continue;
    if (/\.cpb$/i.test(a)) return path.resolve(cwd, a);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Saving a document (the write itself is electron/core/exports/write-file.ts, shared with cpb)

/** Makes a suggested name safe as a file name on Windows, macOS and Linux, ending in `.ext`. */
export function safeFileName(suggested: string, ext: string): string {
  const dotExt = ext.startsWith('.') ? ext : `.${ext}`;
  let base = suggested
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (base.toLowerCase().endsWith(dotExt.toLowerCase())) base = base.slice(0, -dotExt.length);
  base = base.replace(/[. ]+$/, '').slice(0, 150);
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = `${base} document`;
  return `${base || 'Document'}${dotExt}`;
}

// ---------------------------------------------------------------------------------------------
// The desktop user's settings (theme, text size, backup folder, approved paper servers)

export const desktopSettingsFileName = 'settings.json';

export function loadDesktopSettings(dir: string): DesktopSettings {
  return parseDesktopSettings(readJson(path.join(dir, desktopSettingsFileName)));
}

/** Unlike window state, the user asked for this save: a failure is reported, not swallowed. */
export function saveDesktopSettings(dir: string, settings: DesktopSettings): void {
  const file = path.join(dir, desktopSettingsFileName);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSafe(file, Buffer.from(`${JSON.stringify(settings, null, 2)}\n`, 'utf8'));
}
