import { expect, test } from '@playwright/test';
import { makeDemoBoard, startServer, type RunningServer } from './server';

// The record can be trusted: two tabs on one item cannot silently overwrite each other, and every
// change is attributed to the person who said who they are.
const TODAY = '2026-11-23';

async function api<T = unknown>(server: RunningServer, method: string, input: unknown): Promise<T> {
  const r = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CPB-Token': server.token },
    body: JSON.stringify(input),
  });
  const body = (await r.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error!.message);
  return body.value;
}

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

test('two tabs on one item: the stale tab’s save shows a conflict, not “Saved”', async ({ browser }) => {
  const list = await api<{ upcoming: { id: number }[] }>(server, 'meeting.list', {});
  const id = list.upcoming[0]!.id;
  await api(server, 'meeting.setStatus', {
    id,
    status: 'in_progress',
    early: { reason: 'Started early to test two tabs' },
  });
  const tabA = await (await browser.newContext()).newPage();
  const tabB = await (await browser.newContext()).newPage();
  for (const p of [tabA, tabB]) {
    await p.goto(`${server.url}#/meetings/${id}/live`);
    await expect(p.getByTestId('minutes-editor')).toBeVisible();
  }

  await tabA.getByTestId('minutes-editor').click();
  await tabA.keyboard.type('Tab A: the Chair welcomed everyone.');
  await expect(tabA.getByTestId('save-state')).toHaveText(/^Saved at/);
  // More quick saves from the same tab keep working: each uses the revision the last one returned.
  await tabA.keyboard.type(' Apologies were received.');
  await expect(tabA.getByTestId('save-state')).toHaveText(/^Saved at/);

  await tabB.getByTestId('minutes-editor').click();
  await tabB.keyboard.type('Tab B: stale words.');
  const conflict = tabB.getByTestId('minutes-conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Someone else saved these minutes');
  await expect(tabB.getByTestId('save-state')).not.toHaveText(/^Saved/);

  await conflict.getByRole('button', { name: 'Load their version' }).click();
  await expect(tabB.getByTestId('minutes-editor')).toHaveText(
    'Tab A: the Chair welcomed everyone. Apologies were received.',
  );
  await expect(conflict).toBeHidden();

  // Keep mine, deliberately: B types again, conflicts with A's next save, and keeps its words.
  await tabA.keyboard.type(' More from A.');
  await expect(tabA.getByTestId('save-state')).toHaveText(/^Saved at/);
  await tabB.getByTestId('minutes-editor').click();
  await tabB.keyboard.press('End');
  await tabB.keyboard.type(' B adds this.');
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Keep mine (save over theirs)' }).click();
  await expect(tabB.getByTestId('save-state')).toHaveText(/^Saved at/);
  const item = (await api<{ items: { minutesText: string }[] }>(server, 'meeting.get', { id })).items[0]!;
  expect(item.minutesText).toContain('B adds this.');
});

test('first use asks who is using CPB; the audit log shows their name after an edit', async ({ page }) => {
  await page.goto(`${server.url}#/voice`);
  await page.getByRole('button', { name: 'Say who you are' }).click();
  const who = page.getByRole('dialog', { name: 'Who is using CPB?' });
  await expect(who.getByLabel('Your name')).toBeFocused();
  await who.getByLabel('Your name').fill('Sam Patel');
  await who.getByLabel('Your role').fill('Clerk');
  await who.getByRole('button', { name: 'Use this name' }).click();
  await expect(page.getByTestId('current-person')).toHaveText('Sam Patel (Clerk)');

  // Kept on this device: still known after a reload.
  await page.reload();
  await expect(page.getByTestId('current-person')).toHaveText('Sam Patel (Clerk)');

  await page.getByRole('button', { name: 'Add an entry' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a “You said, we did” entry' });
  await dialog.getByLabel('You said (what young people told us)').fill('We want a say in the new youth hub.');
  await dialog.getByLabel('Said on').fill('18/11/2026');
  await dialog.getByRole('button', { name: 'Add the entry' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await page.getByLabel('Person').selectOption('Sam Patel (Clerk)');
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText('Sam Patel (Clerk)');
  await expect(table).toContainText('We want a say in the new youth hub.');
});
