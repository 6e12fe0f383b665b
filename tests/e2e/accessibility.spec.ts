import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { makeDemoBoard, startServer, type RunningServer } from './server';

// WCAG 2.2 AA, checked by axe-core on every screen of the demo board as a clerk first sees it.
const TODAY = '2026-11-23';
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

const screens = [
  ['Dashboard', '/'],
  ['Strategy', '/strategy'],
  ['Action plan', '/strategy/plan'],
  ['Priority', '/strategy/priority/1'],
  ['Scorecard', '/scorecard'],
  ['Measure', '/scorecard/measure/1'],
  ['Cohort profile', '/scorecard/cohort'],
  ['Import', '/import'],
  ['Meetings', '/meetings'],
  ['Meeting', '/meetings/4'],
  ['Live meeting', '/meetings/3/live'],
  ['Chair’s display', '/meetings/3/display'],
  ['Approved meeting', '/meetings/1'],
  ['Actions', '/actions'],
  ['Voice of the child', '/voice'],
  ['Search', '/search?q=placement'],
  ['Reports', '/reports'],
  ['Settings', '/settings'],
  ['Audit log', '/audit'],
  ['Forward plan', '/forward-plan'],
  ['Member visits', '/visits'],
  ['Backups', '/backups'],
] as const;

for (const [name, route] of screens) {
  test(`${name} has no WCAG 2.2 AA violations`, async ({ page }) => {
    await page.goto(`${server.url}#${route}`);
    await expect(page.locator('main h1').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const summary = results.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
    expect(summary, summary.join('\n')).toEqual([]);
  });
}

const axeSummary = async (page: import('@playwright/test').Page) => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
};

test('the first-use “Who is using CPB?” prompt has no WCAG 2.2 AA violations', async ({ page }) => {
  await page.goto(`${server.url}#/`);
  await page.getByRole('button', { name: 'Say who you are' }).click();
  await expect(page.getByRole('dialog', { name: 'Who is using CPB?' })).toBeVisible();
  const summary = await axeSummary(page);
  expect(summary, summary.join('\n')).toEqual([]);
});

test('a record’s history has no WCAG 2.2 AA violations', async ({ page }) => {
  await page.goto(`${server.url}#/scorecard/measure/1`);
  await page.getByRole('button', { name: /^History of measure/ }).click();
  await expect(page.locator('main h1').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const summary = await axeSummary(page);
  expect(summary, summary.join('\n')).toEqual([]);
});
