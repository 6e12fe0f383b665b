import { expect, test } from '@playwright/test';
import { makeDemoBoard, startServer, type RunningServer } from './server';

const TODAY = '2026-11-23';
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

test('a meeting shows the scorecard frozen for it, and offers to freeze one', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Open the agenda' }).click();
  const section = page.locator('section.meeting-snapshot');
  await expect(section.getByRole('heading', { name: 'Scorecard for this meeting' })).toBeVisible();
  await expect(section).toContainText('No scorecard has been frozen for this meeting yet');
  await section.getByRole('button', { name: 'Freeze the scorecard for this meeting' }).click();
  // The demo board's latest figures: 3 red, 5 amber, 6 green of 16 measures.
  await expect(page.getByTestId('meeting-snapshot')).toContainText('16 measures');
  await expect(page.getByTestId('meeting-snapshot')).toContainText(/Red\s*3.*Amber\s*5.*Green\s*6/s);
  await section.getByRole('link', { name: 'Open the frozen scorecard' }).click();
  await expect(page).toHaveURL(/#\/scorecard\/snapshot\/4$/);
});
