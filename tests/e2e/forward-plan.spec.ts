import { expect, test } from '@playwright/test';
import { downloadedText } from './documents';
import { makeDemoBoard, startServer, type RunningServer } from './server';

const TODAY = '2026-11-23';
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

test('the forward plan: standing reports placed in the year, a one-off report, the agenda drafted from it, in Word', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forward plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forward plan' })).toBeVisible();
  await expect(page.getByLabel('Year')).toHaveValue('2026');
  await expect(page.getByLabel('Year').locator('option:checked')).toHaveText('2026-27 (May to April)');
  await expect(page.getByRole('heading', { name: 'Meetings in 2026-27 (4)' })).toBeVisible();
  await expect(
    page.getByRole('row', {
      name: /Virtual School Head annual report Virtual School Head Once a year, in November/,
    }),
  ).toBeVisible();

  // Place the standing reports: three fall due at the December meeting; those due earlier fell at meetings
  // already held, and two are due after the last meeting arranged.
  await page.getByRole('button', { name: 'Plan the year from the standing reports' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText(
    'Planned 3 standing reports across 1 meeting. Due after the last meeting arranged this year: Placement sufficiency strategy update; Care leavers (leaving care) service report. Arrange the meetings, then plan again.',
  );
  const december = page.getByRole('article', { name: /^Wednesday 16 December 2026, 10:00/ });
  await expect(december.getByRole('rowheader')).toHaveText([
    'Children in Care Council update',
    'Virtual School Head annual report',
    'Member visits to children’s homes',
  ]);

  // A one-off report, with who presents it.
  await december.getByLabel('Report', { exact: true }).selectOption({ label: 'A one-off report…' });
  await december.getByLabel('Title').fill('Ofsted focused visit: action plan');
  await december.getByLabel('Presenter').fill('Director of Children’s Services');
  await december.getByRole('button', { name: 'Add to the plan' }).click();
  await expect(
    december.getByRole('row', { name: /Ofsted focused visit: action plan Director of Children’s Services/ }),
  ).toBeVisible();

  // Draft the agenda from the plan: four items, before any other business.
  await december.getByRole('button', { name: 'Draft the agenda: add 4 reports' }).click();
  await expect(december.getByRole('status')).toContainText(
    'Added 4 items to the agenda of Wednesday 16 December 2026',
  );
  await expect(december.getByRole('row', { name: /^Ofsted focused visit: action plan/ })).toContainText(
    'Item 13',
  );
  await expect(
    december.getByRole('button', { name: 'Every planned report is on the agenda' }),
  ).toBeDisabled();
  // It fits a council laptop: no sideways scrolling at 1366×768.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  await december.getByRole('link', { name: 'Open the agenda' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('16 December 2026');
  await expect(page.getByText('Ofsted focused visit: action plan').first()).toBeVisible();

  // Saved as Word from the plan itself…
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forward plan' }).click();
  const fromPlan = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as Word' }).click();
  const plan = await fromPlan;
  // The plan's year is the board's municipal year (from May).
  expect(plan.suggestedFilename()).toBe('Northshire CPB forward plan 1 May 2026 to 30 April 2027.docx');
  const text = await downloadedText(plan);
  expect(text).toContain('Forward plan (work programme): 1 May 2026 to 30 April 2027');
  expect(text).toMatch(
    /Ofsted focused visit: action plan\nDirector of Children’s Services\nFor assurance\nNo time set\nItem 13/,
  );
  expect(text).toContain('Virtual School Head annual report');

  // …and from the Reports screen, with the other documents.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await page
    .locator('label.radio', { has: page.getByText('Forward plan (work programme)', { exact: true }) })
    .click();
  const fromReports = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as Word document' }).click();
  expect((await fromReports).suggestedFilename()).toBe(
    'Northshire CPB forward plan 1 April 2026 to 31 March 2027.docx',
  );
});
