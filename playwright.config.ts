import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './tests/e2e/chromium';

// e2e: the real renderer over the real core in browser mode, in Chromium. Playwright uses its own
// browser when installed, otherwise Debian's /usr/bin/chromium (it cannot download one here).
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: chromiumExecutable(),
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
