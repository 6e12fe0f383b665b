import { expect, test } from '@playwright/test';
import { makeDemoBoard, startServer, type RunningServer } from './server';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const TODAY = '2026-11-23';
let server: RunningServer;
let expected: { red: number; amber: number; green: number; overdue: number; open: number; nextDate: string };

test.beforeAll(async () => {
  const board = makeDemoBoard(TODAY);
  // The expected figures come from the board file itself, via `cpb dump`, not from the UI.
  const dump = JSON.parse(
    execFileSync(process.execPath, [path.resolve('dist/cli.cjs'), 'dump', board], { encoding: 'utf8' }),
  );
  const open = dump.actions.filter(
    (a: { status: string }) => a.status === 'open' || a.status === 'in_progress',
  );
  expected = {
    red: 0,
    amber: 0,
    green: 0,
    overdue: open.filter((a: { dueDate: string | null }) => a.dueDate !== null && a.dueDate < TODAY).length,
    open: open.length,
    nextDate: dump.meetings.find(
      (m: { date: string; status: string }) => m.date >= TODAY && m.status === 'agenda_published',
    ).date,
  };
  const { demoExpected } = await import('../../electron/core/demo/index');
  expected.red = demoExpected.red;
  expected.amber = demoExpected.amber;
  expected.green = demoExpected.green;
  server = await startServer(board, { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

test('the dashboard shows the demo board’s figures', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.locator('.board-name')).toHaveText(
    'Northshire Corporate Parenting Board — Northshire County Council',
  );
  await expect(page.getByTestId('rag-red')).toHaveText(String(expected.red));
  await expect(page.getByTestId('rag-amber')).toHaveText(String(expected.amber));
  await expect(page.getByTestId('rag-green')).toHaveText(String(expected.green));
  await expect(page.getByTestId('overdue-count')).toHaveText(String(expected.overdue));
  await expect(page.getByTestId('open-count')).toHaveText(String(expected.open));
  expect(expected.overdue).toBeGreaterThanOrEqual(3);
  const d = new Date(`${expected.nextDate}T12:00:00Z`);
  const long = d
    .toLocaleDateString('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
    .replace(',', '');
  await expect(page.getByTestId('next-meeting-date')).toContainText(long);
  // RAG is never colour alone: the chip carries its word.
  await expect(page.locator('.rag-chip.rag-red').first()).toHaveText(/Red/);
  // The token was tidied out of the address bar.
  expect(page.url()).not.toContain('token=');
});

test('browser mode shows nothing of the board without the token', async ({ page }) => {
  await page.goto(server.origin + '/');
  await expect(page.getByRole('alert')).toContainText(
    'Unauthorised: open CPB with the address printed when browser mode started',
  );
  await expect(page.locator('.board-name')).toHaveCount(0);
  const api = await page.request.post(server.origin + '/api/app.info', { data: {} });
  expect(api.status()).toBe(401);
});

test('the token is never a cookie (cookies for 127.0.0.1 reach every port); a second tab still gets in', async ({
  page,
  context,
}) => {
  await page.goto(server.url);
  await expect(page.locator('.board-name')).toContainText('Northshire');
  expect(await context.cookies()).toEqual([]);
  // A second tab on the bare address (no token in it) finds the token this origin keeps.
  const second = await context.newPage();
  await second.goto(server.origin + '/');
  await expect(second.locator('.board-name')).toContainText('Northshire');
  await second.close();
});
