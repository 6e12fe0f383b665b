import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { garbleMiddle, setLastFullCheck } from '../support/damage';
import { makeDemoBoard, startServer, type RunningServer } from './server';

// A board opened today already answers its open at once and is quick-checked just after. When a
// board damaged since the day's full check is found so, the window turns read-only, says so and
// offers the board's backups; restoring one brings the board back.
const TODAY = '2026-11-23';
let server: RunningServer;

test.beforeAll(async () => {
  const board = makeDemoBoard(TODAY);
  execFileSync(process.execPath, [path.resolve('dist', 'cli.cjs'), 'backup', board]);
  // Checked in full today already (so this open only quick-checks), then garbled mid-file.
  setLastFullCheck(board, TODAY);
  garbleMiddle(board);
  server = await startServer(board, { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

test('a board found damaged after its open turns read-only, says why, and is restored from Backups', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.url);
  const banner = page.getByTestId('damaged-banner');
  await expect(banner).toContainText('This board’s file is damaged', { timeout: 10_000 });
  await expect(banner).toContainText('nothing more can be saved to it');
  await expect(page.locator('.frame')).toHaveAttribute('data-access', 'read-only');
  await banner.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
  // Nothing can be backed up from a damaged file; its sound backup can be restored.
  await expect(page.getByRole('button', { name: 'Back up now' })).toHaveCount(0);
  const restore = page.getByRole('button', { name: /^Restore demo-/ }).first();
  await restore.click();
  await page
    .getByRole('dialog', { name: 'Restore this backup?' })
    .getByRole('button', { name: 'Restore the backup' })
    .click();
  await expect(page.getByTestId('restored-note')).toContainText(
    'The board as it was is kept aside as demo.cpb.before-restore-',
  );
  await expect(banner).toHaveCount(0);
  await expect(page.locator('.frame')).toHaveAttribute('data-access', 'read-write');
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeVisible();
});
