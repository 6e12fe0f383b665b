// The user's own settings in the renderer: read and saved through Electron's main process (its
// settings.json in the user data folder), or in browser mode kept in this browser (appearance
// only: backups and paper servers are the desktop app's). Appearance is applied to <html>.
import type { ApiResult } from '../../shared/api/errors';
import {
  defaultDesktopSettings,
  parseDesktopSettings,
  type DesktopSettings,
} from '../../shared/domain/desktop-settings';

const KEY = 'cpb.desktopSettings';

/** True in the Electron window, where backups and paper servers are settings too. */
export const isDesktop = (): boolean => typeof window !== 'undefined' && window.cpb !== undefined;

export async function loadDesktopSettings(): Promise<DesktopSettings> {
  if (window.cpb) {
    const r = await window.cpb.getSettings();
    return r.ok ? parseDesktopSettings(r.value) : defaultDesktopSettings;
  }
  try {
    return parseDesktopSettings(JSON.parse(window.localStorage.getItem(KEY) ?? '{}'));
  } catch {
    return defaultDesktopSettings;
  }
}

export async function saveDesktopSettings(next: DesktopSettings): Promise<ApiResult<DesktopSettings>> {
  if (window.cpb) {
    const r = await window.cpb.saveSettings(next);
    if (r.ok) applyAppearance(r.value);
    return r;
  }
  const clean = parseDesktopSettings(next);
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ theme: clean.theme, textSize: clean.textSize }));
  } catch {
    return {
      ok: false,
      error: {
        code: 'unavailable',
        message: 'This browser would not keep the settings (storage is full or blocked)',
      },
    };
  }
  applyAppearance(clean);
  return { ok: true, value: clean };
}

/** Theme and text size on <html>: the style sheet's variables and rem sizes follow them. */
export function applyAppearance(s: Pick<DesktopSettings, 'theme' | 'textSize'>): void {
  const root = document.documentElement;
  root.dataset.theme = s.theme;
  root.style.fontSize = `${s.textSize}%`;
}

/** Applied before the first paint where possible, so the page does not flash in the wrong theme. */
export function applyStoredAppearance(): void {
  void loadDesktopSettings().then(applyAppearance);
}
