import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { makeDemoBoard, startServer, type RunningServer } from './server';

const TODAY = '2026-11-23';
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

/** Picks a radio option the way a user does: by its visible label. */
async function choose(page: Page, label: string) {
  await page.locator('label.radio', { has: page.getByText(label, { exact: true }) }).click();
}

async function documentText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
}

test('the public minutes download as a Word document from the Reports screen', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();

  await choose(page, 'Minutes');
  await page
    .getByRole('button', { name: /^Wednesday 30 September 2026, 10:00 — minutes in draft Meeting$/ })
    .click(); // the latest held meeting is chosen first
  await page
    .getByRole('option', { name: /Wednesday 5 August 2026, 10:00 — minutes approved \(1 Part B item\)/ })
    .click();
  // Public is the default: nothing to choose.
  await expect(page.getByRole('radio', { name: /^Public/ })).toBeChecked();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as Word document' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Northshire CPB minutes 5 August 2026 (public).docx');
  const saved = path.join(os.tmpdir(), `cpb-e2e-${Date.now()}.docx`);
  await file.saveAs(saved);
  const text = await documentText(saved);
  expect(text).toContain('Placement matter — exempt under paragraph 1');
  expect(text).toContain('RESOLVED that under section 100A(4) of the Local Government Act 1972');
  expect(text).not.toContain('Ravensmoor');
  expect(text).not.toContain('Jade Robinson');
  await expect(page.getByRole('status')).toContainText(
    'Downloaded Northshire CPB minutes 5 August 2026 (public).docx',
  );
});

test('the annual report checks its dates in words before doing anything, then downloads', async ({
  page,
}) => {
  await page.goto(server.url + '#/reports');
  await choose(page, 'Annual report');
  await expect(page.getByRole('radio', { name: /^Annual report/ })).toBeChecked();
  // Dates are typed the UK way; an impossible one is named as soon as the field is left.
  await page.getByRole('textbox', { name: 'From' }).fill('31/02/2027');
  await page.getByRole('textbox', { name: 'From' }).press('Tab');
  await expect(page.getByText('"31/02/2027" is not a real date')).toBeVisible();
  await page.getByRole('textbox', { name: 'From' }).fill('31/03/2027');
  await page.getByRole('textbox', { name: 'To' }).fill('1 April 2026');
  await page.getByRole('textbox', { name: 'To' }).press('Tab');
  await expect(page.getByRole('textbox', { name: 'To' })).toHaveValue('01/04/2026');
  await page.getByRole('button', { name: 'Save as Word document' }).click();
  await expect(page.getByText('The last day must be on or after the first day.')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Some choices need attention');

  await page.getByRole('textbox', { name: 'From' }).fill('01/04/2026');
  await page.getByRole('textbox', { name: 'To' }).fill('31.03.27');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as Word document' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Northshire CPB annual report 1 April 2026 to 31 March 2027.docx');
  const saved = path.join(os.tmpdir(), `cpb-e2e-annual-${Date.now()}.docx`);
  await file.saveAs(saved);
  expect(await documentText(saved)).toContain('Annual report 2026-27');
});

test('the agenda is public by default too, and minutes of a meeting not yet held only as a stamped draft', async ({
  page,
}) => {
  await page.goto(server.url + '#/reports');
  await choose(page, 'Agenda and pre-meeting pack');
  await expect(page.getByRole('radio', { name: /^Public/ })).toBeChecked();
  const agenda = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as Word document' }).click();
  expect((await agenda).suggestedFilename()).toBe('Northshire CPB agenda 16 December 2026 (public).docx');

  await choose(page, 'Minutes');
  // Only meetings held are offered, until a draft is asked for.
  await page.getByRole('button', { name: /Meeting$/ }).click();
  await expect(page.getByRole('option', { name: /16 December 2026/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByLabel(/Draft minutes for a meeting not yet held/).check();
  await page.getByRole('button', { name: /Meeting$/ }).click();
  await page.getByRole('option', { name: /Wednesday 16 December 2026, 10:00 — agenda published/ }).click();
  const draft = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as Word document' }).click();
  const file = await draft;
  const saved = path.join(os.tmpdir(), `cpb-e2e-draft-${Date.now()}.docx`);
  await file.saveAs(saved);
  expect(await documentText(saved)).toContain('DRAFT — meeting not yet held');
});

test('the agenda and minutes settings are edited in Settings and reach the documents', async ({ page }) => {
  await page.goto(server.url + '#/settings');
  const section = page.getByRole('region', { name: 'Agenda and minutes' });
  await expect(section.getByLabel('Contact officer', { exact: true })).toHaveValue('Rachel Greaves');
  const firstNames = section.getByLabel(/name young people by first name only/);
  await expect(firstNames).toBeChecked();
  await section.getByLabel('Contact officer', { exact: true }).fill('Priya Shah');
  await firstNames.uncheck();
  await section.getByRole('button', { name: 'Save agenda and minutes settings' }).click();
  await expect(section.getByRole('status')).toContainText('Agenda and minutes settings saved.');

  await page.goto(server.url + '#/reports');
  await choose(page, 'Agenda and pre-meeting pack');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as Word document' }).click();
  const saved = path.join(os.tmpdir(), `cpb-e2e-agenda-${Date.now()}.docx`);
  await (await download).saveAs(saved);
  const text = await documentText(saved);
  expect(text).toContain('Priya Shah, Democratic Services Officer');
  expect(text).toContain('Jade Robinson');
});
