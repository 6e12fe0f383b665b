import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeDemoBoard, startServer, type RunningServer } from './server';

const TODAY = '2026-11-23';
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

test('backups and the audit log are in the Admin navigation; a backup made now is restored, the app reloading onto it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.url);
  const admin = page.getByRole('list', { name: 'Admin' });
  await expect(admin.getByRole('link')).toHaveText(['Settings', 'Audit log', 'Backups', 'Bin']);
  await admin.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();

  // The daily automatic backup made when the board opened is listed; make one by hand now.
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('backup-status')).toHaveText(/^Backed up now: demo-.*\.cpb\.$/);
  const name = (await page.getByTestId('backup-status').textContent())!.replace(
    /^Backed up now: (.*)\.$/,
    '$1',
  );
  const row = page.getByRole('row', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await expect(row).toContainText('Made by hand');
  // It fits a council laptop: no sideways scrolling at 1366×768.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

  // A change after the backup: the board is renamed in Settings.
  await admin.getByRole('link', { name: 'Settings' }).click();
  const boardName = page.getByRole('textbox', { name: 'Board name' });
  await boardName.fill('Renamed after the backup');
  await page.getByRole('button', { name: 'Save names' }).click();
  await expect(page.locator('.board-name')).toHaveText(/^Renamed after the backup/);

  // Restore asks first; keeping the board as it is changes nothing.
  await admin.getByRole('link', { name: 'Backups' }).click();
  await row.getByRole('button', { name: `Restore ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('the board as it is now is kept aside');
  await expect(dialog.getByRole('button', { name: 'Keep the board as it is' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.board-name')).toHaveText(/^Renamed after the backup/);

  await row.getByRole('button', { name: `Restore ${name}` }).click();
  await dialog.getByRole('button', { name: 'Restore the backup' }).click();
  // The app reloads onto the restored board.
  await expect(page.getByTestId('restored-note')).toContainText(
    `Restored ${name}. The board as it was is kept aside as demo.cpb.before-restore-`,
  );
  await expect(page.locator('.board-name')).toHaveText(/^Northshire Corporate Parenting Board/);
  const aside = readdirSync(server.dir).filter(
    (f) => f.startsWith('demo.cpb.before-restore-') && f.endsWith('.cpb'),
  );
  expect(aside).toHaveLength(1);
  expect(existsSync(path.join(server.dir, 'demo.cpb'))).toBe(true);

  // The restore is in the audit log of the restored board, reached from the same group.
  await admin.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('table').first()).toContainText('Restore a backup over the board');
});
