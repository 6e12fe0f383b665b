import { expect, test } from '@playwright/test';
import { downloadedText } from './documents';
import { makeDemoBoard, startServer, type RunningServer } from './server';

const TODAY = '2026-11-23';
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

test('a member visit: recorded, followed up in the action log, reported on an agenda, in the agenda pack and the annual report', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Member visits' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Member visits' })).toBeVisible();
  await expect(page.getByText('No visits have been recorded yet.')).toBeVisible();

  // Record it: a date in the future is refused with the field named.
  await page.getByRole('button', { name: 'Record a visit' }).click();
  const form = page.getByRole('form', { name: 'Record a visit' });
  await expect(form.getByLabel('Date of the visit')).toBeFocused();
  await page.keyboard.type('30/11/2026');
  await form.getByLabel('Setting', { exact: true }).fill('Oak House');
  await form.getByLabel('Unannounced visit').check();
  await form.getByLabel('Cllr David Okafor').check();
  await form.getByLabel('Cllr Priya Raman').check();
  await form
    .getByLabel('Findings')
    .fill('A warm, settled home. Young people asked for a say in the menus. The garden fence needs repair.');
  await form.getByRole('button', { name: 'Record the visit' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'Date of the visit: must be today or earlier: record a visit once it has taken place',
  );
  await form.getByLabel('Date of the visit').fill('02/11/2026');
  await form.getByRole('button', { name: 'Record the visit' }).click();
  const card = page.getByRole('article', { name: 'Oak House, 2 November 2026' });
  await expect(card).toContainText(
    'Children’s home · Unannounced visit by Cllr David Okafor, Cllr Priya Raman',
  );
  await expect(card).toContainText('Not yet reported to the Board.');
  // It fits a council laptop: no sideways scrolling at 1366×768.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

  // A follow-up action: in the action log, from the visit.
  await card.getByRole('button', { name: 'Add a follow-up action' }).click();
  const action = card.getByRole('form', { name: /Add a follow-up action/ });
  await expect(action.getByLabel('Action', { exact: true })).toBeFocused();
  await page.keyboard.type('Repair the garden fence at Oak House');
  await action.getByLabel('Owner', { exact: true }).selectOption({ label: 'Someone else (type a name)' });
  await action.getByLabel('Owner’s name or team').fill('Residential services manager');
  await action.getByLabel('Due date').fill('18/12/2026');
  await action.getByRole('button', { name: 'Add the action' }).click();
  await expect(card.getByRole('link', { name: 'Repair the garden fence at Oak House' })).toBeVisible();
  await card.getByRole('link', { name: 'Repair the garden fence at Oak House' }).click();
  await expect(page.getByRole('dialog', { name: 'Action' })).toContainText(
    'From the member visit to Oak House on 2 November 2026',
  );
  await page.keyboard.press('Escape');

  // Reported to the Board at the December meeting, under one agenda item.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Member visits' }).click();
  const report = page.getByRole('form', { name: 'Report visits to the Board' });
  await report.getByLabel('Oak House, 2 November 2026').check();
  await report.getByLabel('Meeting').selectOption({ label: 'Wednesday 16 December 2026' });
  await report.getByRole('button', { name: 'Put them on the agenda' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'added to a new “Member visits” item' }),
  ).toContainText('1 visit added to a new “Member visits” item on the agenda of Wednesday 16 December 2026.');
  await expect(card).toContainText('Reported to the Board at the meeting on 16 December 2026, item 10.');

  // In the agenda pack…
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await page
    .locator('label.radio', { has: page.getByText('Agenda and pre-meeting pack', { exact: true }) })
    .click();
  const agendaDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as Word document' }).click();
  const agenda = await downloadedText(await agendaDownload);
  expect(agenda).toContain('10. Member visits to children’s homes and other settings');
  expect(agenda).toContain('Visits reported: 1.');
  expect(agenda).toContain('Oak House\nChildren’s home, unannounced');
  expect(agenda).toContain('Repair the garden fence at Oak House (Residential services manager; Open)');

  // …and in the annual report.
  await page.locator('label.radio', { has: page.getByText('Annual report', { exact: true }) }).click();
  const annualDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as Word document' }).click();
  const annual = await downloadedText(await annualDownload);
  expect(annual).toContain('Member visits');
  expect(annual).toContain(
    'Members made 1 visit to 1 setting (1 unannounced); 2 members took part. 1 follow-up action was raised, of which 0 are complete.',
  );
  expect(annual).toContain('A warm, settled home. Young people asked for a say in the menus.');
});
