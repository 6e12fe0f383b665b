import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './tests/e2e/chromium';

// e2e: the real renderer over the real core in browser mode, in Chromium. Playwright uses its own
// browser when installed, otherwise Debian's /usr/bin/chromium (it cannot download one here).

// `npm run test:e2e:shifted` runs this suite under libfaketime, so the test runner and the CPB
// server see a wall clock years away from the days the tests pin. Chromium hangs under libfaketime,
// so the browser is started without it: the page takes its dates from the core, never its own clock.
const browserEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k, v]) => v !== undefined && k !== 'LD_PRELOAD' && !k.startsWith('FAKETIME'),
  ),
) as Record<string, string>;
// CPB_E2E_TARGET=electron runs the specs written for both doors (tests/e2e/target.ts) in the
// Electron app; the rest drive browser-mode features (two tabs, HTTP) and stay in the browser.
const electronTarget = process.env.CPB_E2E_TARGET === 'electron';
export default defineConfig({
  testDir: 'tests/e2e',
  ...(electronTarget ? { testMatch: ['app-target.spec.ts'] } : {}),
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: chromiumExecutable(),
      env: browserEnv,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'off',
  },
});
