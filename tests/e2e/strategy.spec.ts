import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeDemoBoard, startServer, type RunningServer } from './server';

const TODAY = '2026-11-23';
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

const dump = () =>
  JSON.parse(
    execFileSync(process.execPath, [path.resolve('dist/cli.cjs'), 'dump', server.board], {
      encoding: 'utf8',
    }),
  );

test('add a priority linked to a principle, reorder it, and see it after a reload', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Strategy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strategy' })).toBeVisible();
  await expect(page.getByTestId('strategy-title')).toContainText(
    'Our Promise to Children in Care and Care Leavers',
  );

  await page.getByRole('button', { name: 'Add a priority' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a priority' });
  await dialog.getByRole('textbox', { name: 'Code' }).fill('P7');
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Safe from exploitation');
  await dialog
    .getByRole('textbox', { name: 'Description' })
    .fill('Children are protected from criminal and sexual exploitation.');
  await dialog.getByRole('checkbox', { name: /\(f\) Safe and stable/ }).check();
  await dialog.getByRole('button', { name: 'Add priority' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('strategy-announce')).toHaveText('Added priority P7.');
  await expect(page.getByTestId('priority-P7-principles')).toHaveText('(f) Safe and stable');

  await page.getByRole('button', { name: 'Move priority P7 up' }).click();
  await expect(page.getByTestId('strategy-announce')).toHaveText('Moved priority P7 up: now 6 of 7.');
  // Keyboard users keep their place: focus stays on the moved priority's button.
  await expect(page.getByRole('button', { name: 'Move priority P7 up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('strategy-announce')).toHaveText('Moved priority P7 up: now 5 of 7.');
  await page.getByRole('button', { name: 'Move priority P7 down' }).click();
  await expect(page.getByTestId('strategy-announce')).toHaveText('Moved priority P7 down: now 6 of 7.');

  await page.reload();
  const items = page.getByRole('list', { name: 'Priorities in order' }).locator(':scope > li');
  await expect(items).toHaveCount(7);
  await expect(items.nth(5)).toContainText('Safe from exploitation');
  await expect(page.getByTestId('priority-P7-principles')).toHaveText('(f) Safe and stable');

  // It is in the board file, not only on screen.
  const d = dump();
  const p7 = d.strategy.priorities.find((p: { code: string }) => p.code === 'P7');
  expect(p7).toMatchObject({
    title: 'Safe from exploitation',
    links: { principles: [6], pledges: [], priorities: [] },
  });

  // The priority's own page.
  await page.getByRole('link', { name: 'Safe from exploitation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Safe from exploitation');
  await expect(page.getByText('No actions in the plan for this priority.')).toBeVisible();
});

test('link a pledge to a principle and see it after a reload and in the board file', async ({ page }) => {
  const pledgeL = dump().strategy.pledges.find((p: { code: string }) => p.code === 'L');
  await page.goto(`${server.url}#/strategy?tab=pledges`);
  await expect(page.getByTestId(`pledge-${pledgeL.id}-principles`)).toHaveText('none linked directly');
  await page.getByRole('button', { name: new RegExp(`^Edit pledge L ${pledgeL.title}`) }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit pledge L' });
  await dialog.getByRole('checkbox', { name: /\(c\) Take account of views/ }).check();
  await dialog.getByRole('button', { name: 'Save pledge' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('strategy-announce')).toHaveText('Saved pledge L.');
  await expect(page.getByTestId(`pledge-${pledgeL.id}-principles`)).toHaveText('(c) Take account of views');

  await page.reload();
  await expect(page.getByTestId(`pledge-${pledgeL.id}-principles`)).toHaveText('(c) Take account of views');
  const d = dump();
  expect(d.strategy.pledges.find((p: { code: string }) => p.code === 'L').links).toEqual({
    priorities: [],
    pledges: [],
    principles: [3],
  });
});

test('a priority’s page shows its measures with RAG chips and the meetings that dealt with it', async ({
  page,
}) => {
  await page.goto(`${server.url}#/strategy/priority/5`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'A permanent family and lasting relationships',
  );
  await expect(page.getByTestId('pd-measure-A1').locator('.rag-chip')).toHaveText(/Red|Amber|Green/);
  await expect(page.getByRole('heading', { name: 'Agenda items and decisions' })).toBeVisible();
  await expect(page.locator('.priority-items > li').first()).toBeVisible();
});

test('add a progress update to a plan action and see it, newest first, after a reload', async ({ page }) => {
  await page.goto(`${server.url}#/strategy/plan`);
  await expect(page.getByRole('heading', { level: 1, name: 'Action plan' })).toBeVisible();
  await expect(page.getByTestId('plan-count')).toHaveText('12 actions');

  // Filter by lead.
  await page.getByRole('button', { name: 'Any lead Lead' }).click();
  await page.getByRole('option', { name: 'Fostering Service Manager' }).click();
  await expect(page.getByTestId('plan-count')).toHaveText('1 action');

  await page.getByRole('button', { name: /Recruit 25 more in-house foster carers/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('plan-detail-status')).toHaveText('Off track');
  // The dialog opens in the progress text; the required author starts filled in.
  await expect(dialog.getByRole('textbox', { name: 'Progress' })).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Author' })).not.toHaveValue('');
  await dialog
    .getByRole('textbox', { name: 'Progress' })
    .fill('Recruitment fair held: 14 households began assessment.');
  await dialog.getByRole('textbox', { name: 'Author' }).fill('Fostering Service Manager');
  await dialog.getByRole('button', { name: 'Off track Status' }).click();
  await page.getByRole('option', { name: 'At risk' }).click();
  await dialog.getByRole('button', { name: 'Add update' }).click();
  await expect(page.getByTestId('plan-announce')).toHaveText(
    'Progress update added; the action is now at risk.',
  );
  await expect(dialog.getByTestId('plan-updates').locator('li').first()).toContainText(
    '23 November 2026 — Fostering Service Manager',
  );
  await expect(dialog.getByTestId('plan-updates').locator('li').first()).toContainText(
    'Recruitment fair held: 14 households began assessment.',
  );

  await page.reload();
  const reopened = page.getByRole('dialog');
  await expect(reopened.getByTestId('plan-detail-status')).toHaveText('At risk');
  const updates = reopened.getByTestId('plan-updates').locator('li');
  await expect(updates).toHaveCount(4);
  await expect(updates.first()).toContainText('Recruitment fair held');
  await expect(updates.nth(1)).toContainText('3 November 2026');

  const d = dump();
  const a = d.strategy.actionPlan.find((x: { ref: string }) => x.ref === '2.1');
  expect(a.status).toBe('at_risk');
  expect(a.updates[0]).toEqual({
    date: TODAY,
    author: 'Fostering Service Manager',
    text: 'Recruitment fair held: 14 households began assessment.',
  });
});

test('filter the plan by status', async ({ page }) => {
  await page.goto(`${server.url}#/strategy/plan`);
  await page.getByRole('button', { name: 'Any status Status' }).click();
  await page.getByRole('option', { name: 'Complete' }).click();
  await expect(page.getByTestId('plan-count')).toHaveText('2 actions');
  await expect(page.locator('.plan-table tbody tr')).toHaveCount(2);
  for (const row of await page.locator('.plan-table tbody tr').all())
    await expect(row).toContainText('Complete');
});

test('create a new board file from a template in browser mode', async ({ page }) => {
  const file = path.join(server.dir, 'Westmoor.cpb');
  await page.goto(`${server.url}#/strategy`);
  await page.getByRole('tab', { name: 'New board from a template' }).click();
  await page.getByRole('button', { name: 'Blank board Template' }).click();
  await page.getByRole('option', { name: /^St Helens/ }).click();
  await expect(page.getByTestId('template-description')).toContainText('A1 (426 days) and A2 (121 days)');
  // A name, not a path: the file goes beside the board open now.
  await page.getByRole('textbox', { name: 'Name of the new board file' }).fill('Westmoor');
  await page.getByRole('textbox', { name: 'Council (optional)' }).fill('Westmoor Borough Council');
  await page.getByRole('button', { name: 'Create board file' }).click();
  await expect(page.getByTestId('new-board-written')).toContainText(
    `Written to ${file}. This window keeps the current board open`,
  );
  const d = JSON.parse(
    execFileSync(process.execPath, [path.resolve('dist/cli.cjs'), 'dump', file], { encoding: 'utf8' }),
  );
  expect(d.board.authority).toBe('Westmoor Borough Council');
  expect(d.strategy.priorities.map((p: { title: string }) => p.title)).toEqual([
    'Respect us',
    'Skills for life',
    'Support us',
    'Help us to keep healthy',
    'Achieving permanence',
  ]);
  // Again: refused, with the reason.
  await page.getByRole('button', { name: 'Create board file' }).click();
  await expect(page.getByRole('alert')).toContainText('already exists; CPB will not overwrite a board file');
});
