import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { makeDemoBoard, startServer, type RunningServer } from './server';

// The Reports screen offers Word or PDF for every document, and holds the annual report's own words.
const TODAY = '2026-11-23';
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

async function choose(page: Page, label: string) {
  await page.locator('label.radio', { has: page.getByText(label, { exact: true }) }).click();
}

test('the scorecard report for a period downloads as a PDF', async ({ page }) => {
  await page.goto(server.url + '#/reports');
  await choose(page, 'Scorecard report with charts');
  const period = page.getByRole('group', { name: 'Period (optional)' });
  await period.getByRole('textbox', { name: 'From' }).fill('01/04/2026');
  await period.getByRole('textbox', { name: 'To' }).fill('30/06/2026');
  await choose(page, 'PDF (.pdf)');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Northshire CPB scorecard report 1 April 2026 to 30 June 2026.pdf');
  const saved = path.join(os.tmpdir(), `cpb-e2e-scorecard-${Date.now()}.pdf`);
  await file.saveAs(saved);
  const data = readFileSync(saved);
  expect(data.subarray(0, 5).toString()).toBe('%PDF-');
  expect(data.toString('latin1')).toContain('/Lang (en-GB)');

  // A reversed period is refused before anything is made.
  await period.getByRole('textbox', { name: 'From' }).fill('30/09/2026');
  await period.getByRole('textbox', { name: 'To' }).fill('01/04/2026');
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(page.getByText('The last day must be on or after the first day.')).toBeVisible();
});

test('the clerk writes the chair’s foreword for the year, and the annual report prints it', async ({
  page,
}) => {
  await page.goto(server.url + '#/reports');
  await choose(page, 'Annual report');
  const words = page.getByRole('region', { name: 'The report’s own words for 2026-27' });
  const foreword = words.getByRole('textbox', { name: 'Chair’s foreword' });
  await expect(foreword).toHaveValue(/would this be good enough for my child\?/);
  await foreword.fill('Our first year with the new strategy. Written in the e2e test.');
  await expect(words.getByText('Not saved yet.')).toBeVisible();
  await words.getByRole('button', { name: 'Save this section' }).first().click();
  await expect(words.getByText(/^Saved /).first()).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as Word document' }).click();
  const saved = path.join(os.tmpdir(), `cpb-e2e-annual-words-${Date.now()}.docx`);
  await (await download).saveAs(saved);
  const zip = await JSZip.loadAsync(readFileSync(saved));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('Our first year with the new strategy. Written in the e2e test.');
});

test('the Reports screen with a period, the format and the annual report’s words has no WCAG 2.2 AA violations', async ({
  page,
}) => {
  const axe = async () => {
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}`);
  };
  await page.goto(server.url + '#/reports');
  await choose(page, 'Scorecard report with charts');
  await expect(page.getByRole('group', { name: 'Period (optional)' })).toBeVisible();
  expect(await axe()).toEqual([]);
  await choose(page, 'Annual report');
  const words = page.getByRole('region', { name: 'The report’s own words for 2026-27' });
  await expect(words.getByRole('textbox', { name: 'Chair’s foreword' })).toBeVisible();
  await words.getByText(/^Commentary on each measure’s chart/).click();
  await expect(words.getByRole('textbox', { name: /^V1 / })).toBeVisible();
  expect(await axe()).toEqual([]);
});
