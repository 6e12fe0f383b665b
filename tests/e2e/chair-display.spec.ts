import { expect, test } from '@playwright/test';
import { makeDemoBoard, startServer, type RunningServer } from './server';

// The chair's display on a second screen follows live mode, and never shows a Part B item.
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

interface Item {
  id: number;
  title: string;
  presenter: string;
  purpose: string;
  minutesAllowed: number | null;
  exempt: boolean;
  priorityIds: number[];
  pledgeIds: number[];
  principleIds: number[];
  papers: unknown[];
}

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

test('the display follows live mode item by item, with measures in words, and shows nothing of a Part B item', async ({
  page,
  context,
}) => {
  const list = await api<{ upcoming: { id: number }[] }>(server, 'meeting.list', {});
  const meetingId = list.upcoming[0]!.id;
  const meeting = await api<{ items: Item[] }>(server, 'meeting.get', { id: meetingId });
  const at = meeting.items.findIndex((i, n) => i.priorityIds.length > 0 && n + 1 < meeting.items.length);
  expect(at).toBeGreaterThanOrEqual(0);
  const linked = meeting.items[at]!;
  const secret = meeting.items[at + 1]!;
  // The next item becomes Part B for this test.
  await api(server, 'item.update', {
    itemId: secret.id,
    title: secret.title,
    presenter: secret.presenter,
    purpose: secret.purpose,
    minutesAllowed: secret.minutesAllowed,
    exempt: true,
    exemptParagraph: 1,
    priorityIds: secret.priorityIds,
    pledgeIds: secret.pledgeIds,
    principleIds: secret.principleIds,
    papers: secret.papers,
  });

  await page.goto(`${server.url}#/meetings/${meetingId}/live?item=${linked.id}`);
  await expect(page.locator('#current-item')).toContainText(linked.title);

  // A second page of the same browser: the chair's display, asking live mode where it is.
  const display = await context.newPage();
  await display.goto(`${server.url}#/meetings/${meetingId}/display`);
  const heading = display.getByTestId('display-item');
  await expect(heading).toContainText(linked.title);
  await expect(display.getByRole('navigation')).toHaveCount(0); // no app frame, nothing to edit
  await expect(display.getByRole('textbox')).toHaveCount(0);
  const firstMeasure = display.locator('.display-measure').first();
  await expect(firstMeasure).toBeVisible();
  await expect(firstMeasure).toContainText(/Red|Amber|Green|No target|No data|Not rated/);

  // The clerk moves on to the Part B item: the display follows and shows nothing of it.
  await page.getByRole('button', { name: /Next item/ }).click();
  await expect(page.locator('#current-item')).toContainText(secret.title);
  await expect(heading).toContainText('Part B — exempt item');
  await expect(display.locator('body')).not.toContainText(secret.title);
  await expect(display.locator('.display-measure')).toHaveCount(0);

  // And back again.
  await page.getByRole('button', { name: /Previous item/ }).click();
  await expect(heading).toContainText(linked.title);
});

test('live mode opens the display in a second window', async ({ page, context }) => {
  const list = await api<{ upcoming: { id: number }[] }>(server, 'meeting.list', {});
  const meetingId = list.upcoming[0]!.id;
  await page.goto(`${server.url}#/meetings/${meetingId}/live`);
  const [display] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open chair’s display' }).click(),
  ]);
  await expect(display.getByTestId('display-item')).toBeVisible();
  expect(display.url()).toContain(`#/meetings/${meetingId}/display`);
});
