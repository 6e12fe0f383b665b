import { expect, test } from '@playwright/test';
import { makeDemoBoard, startServer, type RunningServer } from './server';

const TODAY = '2026-11-23';
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

test('changing a target in the UI changes the RAG chip', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scorecard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scorecard' })).toBeVisible();
  // A2: 118 days against a target of 121, lower is better, amber within 20 days → green.
  const row = page.getByTestId('measure-row-A2');
  await expect(row.locator('.col-latest')).toContainText('118 days');
  await expect(row.locator('.col-target')).toHaveText('121 days');
  await expect(row.locator('.rag-chip')).toHaveText(/Green/);

  await row.getByRole('link', { name: /Average days between placement order and match/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'A2 — Average days between placement order',
  );
  await expect(page.getByTestId('measure-rag')).toHaveText(/Green/);
  // The chart's text alternative says the same as the figures.
  await expect(page.getByTestId('measure-chart')).toHaveAttribute(
    'aria-label',
    /The latest value, 118 days for .*, is 3 days below the target of 121 days, better than target\./,
  );

  await page.getByRole('button', { name: 'Edit measure' }).click();
  await page.getByRole('textbox', { name: 'Target' }).fill('100');
  await page.getByRole('button', { name: 'Save measure' }).click();
  // 18 days worse than target, within the 20-day tolerance → amber.
  await expect(page.getByTestId('measure-rag')).toHaveText(/Amber/);
  await expect(page.getByTestId('measure-target')).toHaveText('100 days');
  // Focus returns to the button that opened the form, not the page body.
  await expect(page.getByRole('button', { name: 'Edit measure' })).toBeFocused();

  await page.getByRole('button', { name: 'Edit measure' }).click();
  await page.getByRole('textbox', { name: 'Target' }).fill('ninety');
  await page.getByRole('button', { name: 'Save measure' }).click();
  await expect(page.getByText('Target must be a number, like 9.4 — “ninety” is not')).toBeVisible();
  await page.getByRole('textbox', { name: 'Target' }).fill('90');
  await page.getByRole('button', { name: 'Save measure' }).click();
  await expect(page.getByTestId('measure-rag')).toHaveText(/Red/);

  await page.getByRole('link', { name: '← Scorecard' }).click();
  await expect(page.getByTestId('measure-row-A2').locator('.rag-chip')).toHaveText(/Red/);
  await expect(page.getByTestId('measure-row-A2').locator('.col-target')).toHaveText('90 days');

  // Filter to red: A2 is now among them.
  await page.getByLabel(/^Red \(\d+\)$/).check();
  await expect(page.getByTestId('measure-row-A2')).toBeVisible();
  await expect(page.getByTestId('measure-row-A1')).toBeVisible();
  await expect(page.getByTestId('measure-row-E1')).toHaveCount(0);
});

test('a frozen snapshot does not change when a value changes', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scorecard' }).click();
  await expect(page.getByTestId('measure-row-A1').locator('.col-latest')).toContainText('512 days');

  await page.getByRole('button', { name: 'Freeze for meeting…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Not frozen yet.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Freeze scorecard' }).click();
  await expect(dialog.getByTestId('freeze-done')).toContainText('Frozen 23 November 2026');
  await dialog.getByRole('link', { name: 'View the snapshot' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Scorecard for the meeting on');
  await expect(page.getByTestId('snapshot-taken')).toContainText('Frozen 23 November 2026');
  const frozenA1 = page.getByTestId('snapshot-row-A1');
  await expect(frozenA1.locator('.col-latest')).toContainText('512 days');
  await expect(frozenA1.locator('.rag-chip')).toHaveText(/Red/);
  const snapshotUrl = page.url();

  // Correct A1's latest value in place on its detail page.
  await page.getByRole('link', { name: '← Scorecard' }).click();
  await page.getByTestId('measure-row-A1').getByRole('link').click();
  await page
    .getByTestId('values-table')
    .getByRole('button', { name: /^Edit the value for/ })
    .first()
    .click();
  const value = page.locator('[data-testid^="editing-"]').getByRole('textbox', { name: /^Value for / });
  await expect(value).toHaveValue('512');
  await value.fill('400');
  await page.getByTestId('values-table').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('measure-latest')).toHaveText('400 days');
  await expect(page.getByTestId('measure-rag')).toHaveText(/Green/);

  // The live scorecard moves on; the meeting's snapshot does not.
  await page.getByRole('link', { name: '← Scorecard' }).click();
  await expect(page.getByTestId('measure-row-A1').locator('.col-latest')).toContainText('400 days');
  await page.goto(snapshotUrl);
  await expect(page.getByTestId('snapshot-row-A1').locator('.col-latest')).toContainText('512 days');
  await expect(page.getByTestId('snapshot-row-A1').locator('.rag-chip')).toHaveText(/Red/);
});

test('the children in care profile shows a table and a chart per breakdown', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scorecard' }).click();
  await page.getByRole('link', { name: 'Children in care profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Children in care profile' })).toBeVisible();
  const age = page.getByTestId('cohort-table-age_band');
  await expect(age.locator('tfoot td').last()).toHaveText('336');
  await expect(page.getByTestId('cohort-chart-age_band')).toHaveAttribute(
    'aria-label',
    /Stacked bar chart of children in care by age band .* \(total 336 children\)\./,
  );
  await expect(page.locator('canvas[data-testid^="cohort-chart-"]')).toHaveCount(6);
});

test('after adding a value, focus stays in the add row ready for the next one', async ({ page }) => {
  await page.goto(`${server.url}#/scorecard`);
  await page
    .getByTestId('measure-row-A2')
    .getByRole('link', { name: /Average days between placement order and match/ })
    .click();
  const period = page.getByRole('textbox', { name: 'Period of the new value' });
  const placeholder = (await period.getAttribute('placeholder')) ?? '';
  // An old period of the measure's frequency, so it cannot clash with the demo's figures.
  const old = placeholder.includes('Q1')
    ? '2015-16 Q1'
    : placeholder.endsWith('2025-06')
      ? '2015-06'
      : '2015-16';
  await period.fill(old);
  await page.getByRole('textbox', { name: 'Value for the new period' }).fill('130');
  await page.getByTestId('new-value-row').getByRole('button', { name: 'Add value' }).click();
  await expect(page.getByTestId(`value-${old}`)).toContainText('130');
  await expect(period).toBeFocused();
  await expect(period).toHaveValue('');
});
