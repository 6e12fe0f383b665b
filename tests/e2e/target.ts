// Which door the e2e specs drive: browser mode (the default; the real renderer over the real core
// in Chromium) or the Electron app itself (`CPB_E2E_TARGET=electron`, through Playwright's
// _electron.launch). Specs written with openApp() run on either, with the same board and clock.
import { _electron, type Browser, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server';

export type E2ETarget = 'browser' | 'electron';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function e2eTarget(env: NodeJS.ProcessEnv = process.env): E2ETarget {
  const t = env.CPB_E2E_TARGET ?? 'browser';
  if (t !== 'browser' && t !== 'electron')
    throw new Error(`CPB_E2E_TARGET must be "browser" or "electron", not "${t}"`);
  return t;
}

/**
 * The Electron binary's path, or null where it could not be downloaded (as on this machine). Read
 * from the package's path.txt: require('electron') would try the download again.
 */
export function electronBinary(): string | null {
  const dir = path.join(root, 'node_modules', 'electron');
  const txt = path.join(dir, 'path.txt');
  if (!existsSync(txt)) return null;
  const binary = path.join(dir, 'dist', readFileSync(txt, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const noElectronLine =
  'skipped: no Electron binary (CPB_E2E_TARGET=electron needs node_modules/electron/dist; it could not be downloaded here)';

export interface OpenApp {
  page: Page;
  target: E2ETarget;
  /** Shows a route of the app (e.g. "/meetings/3"), in the same window. */
  goto(route: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens the app on a board: the Electron window, or a browser-mode server and a page on it. */
export async function openApp(
  board: string,
  opts: { browser: Browser; env?: Record<string, string> },
): Promise<OpenApp> {
  const env = opts.env ?? {};
  if (e2eTarget() === 'electron') {
    const executablePath = electronBinary();
    if (!executablePath) throw new Error(noElectronLine);
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([k, v]) => v !== undefined && k !== 'ELECTRON_RUN_AS_NODE'),
    ) as Record<string, string>;
    const app = await _electron.launch({
      executablePath,
      args: [path.join(root, 'dist', 'main.cjs'), board],
      env: { ...clean, ...env, CPB_USER_DATA: path.join(path.dirname(board), 'user-data') },
    });
    const page = await app.firstWindow();
    return {
      page,
      target: 'electron',
      goto: async (route) => {
        await page.evaluate((r) => (window.location.hash = r), route);
      },
      close: () => app.close(),
    };
  }
  const server = await startServer(board, env);
  const context = await opts.browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await page.goto(server.url);
  return {
    page,
    target: 'browser',
    goto: async (route) => {
      await page.goto(`${server.url}#${route}`);
    },
    close: async () => {
      await context.close();
      await server.stop();
    },
  };
}
