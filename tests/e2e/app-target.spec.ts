// A clerk's short round trip, written once and run on either door: browser mode by default, the
// Electron app with CPB_E2E_TARGET=electron (npm run test:e2e:electron).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { makeDemoBoard } from './server';
import { openApp, type OpenApp } from './target';

const TODAY = '2026-11-23';
let app: OpenApp;

test.beforeAll(async ({ browser }) => {
  app = await openApp(makeDemoBoard(TODAY), { browser, env: { CPB_TODAY: TODAY } });
});
test.afterAll(async () => app?.close());

test('the dashboard, the meetings list and the action log, on this door', async () => {
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.locator('.board-name')).toContainText('Northshire Corporate Parenting Board');
  await app.goto('/meetings');
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
  await app.goto('/actions');
  await expect(page.getByRole('heading', { level: 1, name: 'Action log' })).toBeVisible();
  await expect(page.getByRole('table').first()).toBeVisible();
});

test('theme and text size are the user’s, kept across a reload, and the dark theme stays readable', async () => {
  const { page } = app;
  await app.goto('/settings');
  const section = page.getByRole('region', { name: 'This computer' });
  await section.getByRole('button', { name: /Theme/ }).click();
  await page.getByRole('option', { name: 'Dark' }).click();
  await expect(section.getByRole('status')).toHaveText('Theme saved.');
  await section.getByRole('button', { name: /Text size/ }).click();
  await page.getByRole('option', { name: 'Larger (125%)' }).click();
  await expect(section.getByRole('status')).toHaveText('Text size saved.');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveCSS('font-size', '20px');
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(27, 29, 31)');
  // Contrast in the dark theme, on the screens a clerk uses most.
  for (const route of ['/', '/meetings', '/actions', '/settings']) {
    await app.goto(route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(results.violations.map((v) => `${route}: ${v.id} ${v.nodes.length}`)).toEqual([]);
  }
  // Back to the defaults, so the rest of the journey sees the light theme.
  await app.goto('/settings');
  await section.getByRole('button', { name: /Theme/ }).click();
  await page.getByRole('option', { name: 'Follow the system' }).click();
  await expect(section.getByRole('status')).toHaveText('Theme saved.');
});
