import { chmodSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { unprivileged } from '../support/unprivileged';
import { makeDemoBoard, startServer, type RunningServer } from './server';

const TODAY = '2026-11-23';

// A board the computer lets CPB read but not change (a 0444 file; run as root, the server runs as
// 'nobody', where file modes bite) opens read-only: a banner says so and why, and the edit
// controls are gone, while reading, filtering and exporting still work.
test.describe('a read-only board in the window', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    const board = makeDemoBoard(TODAY);
    chmodSync(path.dirname(board), 0o755);
    chmodSync(board, 0o444);
    server = await startServer(board, { CPB_TODAY: TODAY }, unprivileged());
  });
  test.afterAll(async () => server?.stop());

  test('a banner says why; edit buttons and fields are gone; filters and exports remain', async ({
    page,
  }) => {
    await page.goto(`${server.url}#/strategy`);
    const banner = page.getByRole('status').filter({ hasText: 'Read-only:' });
    await expect(banner).toHaveText(
      'Read-only: the file is read-only. You can read, search and export, but nothing can be changed, so the edit controls are hidden. To make changes, copy the board file to a folder you can write to and open the copy.',
    );
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add a priority' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Edit priority/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Edit title and period' })).toHaveCount(0);

    await page.goto(`${server.url}#/meetings`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create meeting' })).toHaveCount(0);
    const list = await fetch(`${server.origin}/api/meeting.list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CPB-Token': server.token },
      body: '{}',
    });
    const { value } = (await list.json()) as { value: { upcoming: { id: number }[] } };
    await page.goto(`${server.url}#/meetings/${value.upcoming[0]!.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Delete this meeting' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save details' })).toHaveCount(0);

    await page.goto(`${server.url}#/actions`);
    // Filters change nothing in the board: they still work.
    const status = page.getByRole('group', { name: 'Filter the action log' }).getByRole('button').first();
    await expect(status).toBeEnabled();

    await page.goto(`${server.url}#/reports`);
    await expect(page.getByRole('button', { name: 'Save as Word document' })).toBeVisible();

    await page.goto(`${server.url}#/settings`);
    await expect(page.getByRole('button', { name: 'Add a member' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save names' })).toHaveCount(0);
    const authority = page.getByRole('textbox').first();
    await expect(authority).toHaveAttribute('readonly', '');
  });
});
