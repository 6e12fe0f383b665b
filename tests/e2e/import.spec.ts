import { expect, test } from '@playwright/test';
import path from 'node:path';
import { makeDemoBoard, startServer, type RunningServer } from './server';

const TODAY = '2026-11-23';
const fixture = (name: string) => path.resolve('tests', 'fixtures', 'imports', name);
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

test('a spreadsheet with errors lists every problem and cannot be imported', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scorecard' }).click();
  await page.getByRole('link', { name: 'Import figures…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import figures' })).toBeVisible();
  await page.getByLabel('Spreadsheet file (.xlsx or .csv)').setInputFiles(fixture('errors.xlsx'));
  const problems = page.getByTestId('import-problems').getByRole('listitem');
  await expect(problems).toHaveText([
    'Sheet Q3 return, row 1, column D (Q5 2026-27): the column header is not a period: "Q5 2026-27" is not a financial quarter: quarters run from Q1 (April–June) to Q4 (January–March)',
    'Sheet Q3 return, row 3, column A (Code): unknown measure code "X9": no measure on this board has it (create it first, or tick “Create measures that are not on the board yet” in step 1)',
    'Sheet Q3 return, row 4, column E (Q3 2026-27): "about 10" is not a number',
    'Sheet Q3 return, row 5, column E (Q3 2026-27): "9.4%" is a percentage, but this measure is days',
  ]);
  await expect(page.getByRole('button', { name: /^Import \d+ changes?$/ })).toBeDisabled();
  await expect(page.locator('#import-blocked')).toContainText('Fix the 4 problems listed above');
});

test('import the council workbook through the wizard and see the figures on the scorecard', async ({
  page,
}) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scorecard' }).click();
  await expect(page.getByTestId('measure-row-A1').locator('.col-latest')).toContainText('512 days');
  await page.getByRole('link', { name: 'Import figures…' }).click();

  await page.getByLabel('Spreadsheet file (.xlsx or .csv)').setInputFiles(fixture('council-scorecard.xlsx'));
  // The cover sheet is passed over; the columns are guessed from the merged two-row header.
  await expect(page.getByRole('button', { name: 'Scorecard Sheet' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^E 2026-27 Q2/ })).toContainText('Q2 2026-27 (Jul–Sep 2026)');
  await expect(page.getByRole('row', { name: /^G England/ }).getByRole('button')).toContainText(
    'England comparator',
  );
  await expect(page.getByTestId('import-summary')).toContainText('Values: 8 new, 0 changed, 5 unchanged.');
  await expect(page.getByTestId('import-summary')).toContainText(
    'Comparators: 9 new, 0 changed, 0 unchanged.',
  );
  await expect(page.getByTestId('import-no-problems')).toHaveText('No problems found.');

  // Change a guessed column: ignore the neighbours column; the preview follows.
  await page
    .getByRole('row', { name: /^H Stat neighbours/ })
    .getByRole('button')
    .click();
  await page.getByRole('option', { name: 'Ignore this column' }).click();
  await expect(page.getByTestId('import-summary')).toContainText(
    'Comparators: 5 new, 0 changed, 0 unchanged.',
  );

  await page.getByRole('button', { name: 'Import 13 changes' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Imported council-scorecard.xlsx (sheet Scorecard).');
  await expect(result).toContainText('Values: 8 new, 0 changed, 5 unchanged.');
  await result.getByRole('link', { name: 'Open the scorecard' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Scorecard' })).toBeVisible();
  await expect(page.getByTestId('measure-row-A1').locator('.col-latest')).toContainText('498 days');
  await expect(page.getByTestId('measure-row-V2').locator('.col-latest')).toContainText('84.5%');
  await expect(page.getByTestId('measure-row-S1').locator('.col-latest')).toContainText('9.4%');
  await expect(page.getByTestId('measure-row-V1').locator('.col-latest')).toContainText('96.8%');
});

test('a quarterly return: the bare year of "North East 2025" is asked about once, then everything lands', async ({
  page,
}) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scorecard' }).click();
  await page.getByRole('link', { name: 'Import figures…' }).click();
  await page.getByLabel('Spreadsheet file (.xlsx or .csv)').setInputFiles(fixture('quarterly-return.xlsx'));

  const questions = page.getByTestId('import-questions');
  await expect(questions).toContainText('Which years do these columns mean?');
  await expect(page.getByTestId('import-problems')).toContainText('"2025" is a year on its own');
  await expect(page.getByRole('button', { name: /^Import \d+ changes?$/ })).toBeDisabled();

  await questions.getByRole('button', { name: /Column J \(North East 2025\)/ }).click();
  await page.getByRole('option', { name: /^2024-25 — The year ending in it/ }).click();
  await expect(page.getByTestId('import-no-problems')).toHaveText('No problems found.');
  const readings = page.getByTestId('import-readings');
  await expect(readings).toContainText('Column E: “Q4 25/26” → Q4 2025-26 (Jan–Mar 2026)');
  await expect(readings).toContainText(
    '“North East 2025” → 2024-25 — "2025" read as 2024-25: the year ending 31 March 2025, as DfE and LAIT label years (as answered)',
  );
  await page
    .getByTestId('import-skipped')
    .getByText(/Rows left out/)
    .click();
  await expect(page.getByTestId('import-skipped')).toContainText(
    'Row 10: a total row: totals are not measures',
  );
  await expect(page.getByTestId('import-settings')).toContainText(
    'S1 target: 10 on the board, 9 in the sheet',
  );

  await page.getByRole('button', { name: /^Import \d+ changes?$/ }).click();
  await expect(page.getByTestId('import-result')).toContainText(
    'Imported quarterly-return.xlsx (sheet Return).',
  );
  await page.getByTestId('import-result').getByRole('link', { name: 'Open the scorecard' }).click();
  // 94.96% in Q2 was shown as 95%; Q3 (97%) is now the latest.
  await expect(page.getByTestId('measure-row-V1').locator('.col-latest')).toContainText('97%');
});
