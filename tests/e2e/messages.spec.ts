import { expect, test } from '@playwright/test';
import { makeDemoBoard, startServer, type RunningServer } from './server';

// Issue 15: one date format in hints, fields and errors (23/11/2026); every message led by its
// field's label, "is required" for an empty field; a message goes once the field is put right;
// a date far in the past or future is confirmed first. And search says what a hit is.
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

test('a new meeting’s date: required, a real date, plausible — said in the field’s words, gone once fixed', async ({
  page,
}) => {
  const before = (await api<{ upcoming: unknown[] }>(server, 'meeting.list', {})).upcoming.length;
  await page.goto(`${server.url}#/meetings`);
  await page.getByRole('button', { name: 'New meeting…' }).click();
  const form = page.locator('.new-meeting');
  const date = form.getByLabel('Date', { exact: true });
  await expect(form.getByText('For example 23/11/2026')).toBeVisible();

  // Empty: required — not "not a real date", not an ISO example.
  await form.getByRole('button', { name: 'Create meeting' }).click();
  await expect(form.locator('.field-error').first()).toHaveText('Date is required');
  await expect(form.getByRole('alert')).toContainText('Date is required');
  await expect(form).not.toContainText('not a real date');
  await expect(form).not.toContainText('2025-06-30');

  // Not a real date: said in the same format as the hint, led by the label.
  await date.fill('31/02/2027');
  // The stale "is required" has gone as soon as the field changed.
  await expect(form.getByText('Date is required')).toHaveCount(0);
  await date.press('Tab');
  await expect(form.locator('.field-error').first()).toHaveText('Date: "31/02/2027" is not a real date');
  await date.fill('12/02/2027');
  await date.press('Tab');
  await expect(form.locator('.field-error')).toHaveCount(0);
  await expect(date).toHaveValue('12/02/2027');

  // Far in the past: confirmed before anything is written.
  await date.fill('01/01/2001');
  await expect(form.getByTestId('date-check')).toContainText(
    '01/01/2001 is more than a year ago. Is that right?',
  );
  await form.getByRole('button', { name: 'Create meeting' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Date: 01/01/2001 is more than a year ago. Tick “This date is right” to keep it',
  );
  expect((await api<{ upcoming: unknown[] }>(server, 'meeting.list', {})).upcoming.length).toBe(before);
  await date.fill('12/02/2027');
  await expect(form.getByTestId('date-check')).toHaveCount(0);
  await expect(form.getByRole('alert')).toHaveCount(0);
  await form.getByRole('button', { name: 'Create meeting' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Meeting on Friday 12 February 2027' }),
  ).toBeVisible();
});

test('live mode: a decision without words, and a due date of 01/01/2001, are caught in words', async ({
  page,
}) => {
  const list = await api<{ upcoming: { id: number }[] }>(server, 'meeting.list', {});
  const id = list.upcoming[0]!.id;
  await api(server, 'snapshot.freeze', { meetingId: id });
  await api(server, 'meeting.setStatus', { id, status: 'in_progress', early: { reason: 'Test' } });
  for (const memberId of [1, 2, 3])
    await api(server, 'attendance.set', {
      meetingId: id,
      memberId,
      status: 'present',
      substituteForMemberId: null,
    });
  await page.goto(`${server.url}#/meetings/${id}/live`);
  await expect(page.getByTestId('meeting-status')).toHaveText('Meeting in progress');
  const k = page.keyboard;

  // A decision with no words: its label, "is required" — never "Text: must not be empty".
  await k.press('Alt+KeyD');
  const decision = page.getByRole('form', { name: 'Add a decision' });
  await k.press('Enter');
  await expect(decision.getByRole('alert')).toHaveText('RESOLVED that… is required');
  await expect(decision).not.toContainText('Text');
  await k.type('the Board notes the report.');
  await expect(decision.getByRole('alert')).toHaveCount(0);
  await k.press('Escape');

  // An action due on 01/01/2001: asked about, not accepted silently.
  await k.press('Alt+KeyA');
  const action = page.getByRole('form', { name: 'Add an action' });
  await k.type('Circulate the sufficiency strategy');
  await k.press('Tab');
  await k.type('Gareth');
  await k.press('Tab');
  await k.type('01/01/2001');
  await expect(action.getByTestId('date-check')).toContainText(
    '01/01/2001 is more than a year ago. Is that right?',
  );
  await k.press('Enter');
  await expect(action.getByRole('alert')).toHaveText(
    'Due date: 01/01/2001 is more than a year ago. Tick “This date is right” to keep it',
  );
  const count = async () =>
    (await api<{ items: { actions: unknown[] }[] }>(server, 'meeting.get', { id })).items.flatMap(
      (i) => i.actions,
    ).length;
  const n = await count();
  await action.getByLabel('This date is right').check();
  await expect(action.getByRole('alert')).toHaveCount(0);
  await action.getByRole('button', { name: 'Record action' }).click();
  await expect(action).toHaveCount(0);
  expect(await count()).toBe(n + 1);

  // A due date that cannot be read: the label, the hint's format.
  await k.press('Alt+KeyA');
  await k.type('Another action');
  await k.press('Tab');
  await k.type('Gareth');
  await k.press('Tab');
  await k.type('next Tuesday');
  await k.press('Enter');
  await expect(action.getByRole('alert')).toHaveText(
    'Due date: "next Tuesday" is not a date. Enter a date like 23/11/2026, or leave it empty',
  );
});

test('search says what a hit is, and that a meeting is not yet held', async ({ page }) => {
  // A meeting being prepared, with an item no meeting has discussed yet.
  const { id } = await api<{ id: number }>(server, 'meeting.create', {
    date: '2027-02-03',
    startTime: '10:00',
    venue: 'Committee Room 2',
    chairMemberId: 1,
    type: 'ordinary',
    from: 'template',
  });
  await api(server, 'item.add', {
    meetingId: id,
    title: 'Kinship care sufficiency review',
    kind: 'priority',
    afterPosition: null,
  });
  const m = await api<{ items: { position: number; title: string }[] }>(server, 'meeting.get', { id });
  const item = m.items.find((i) => i.title === 'Kinship care sufficiency review')!;
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Search (Ctrl+K)' })).toBeVisible();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('Kinship care sufficiency');
  await expect(
    dialog.getByRole('link', {
      name: `Agenda item — meeting on 3 February 2027 (not yet held), item ${item.position}: Kinship care sufficiency review`,
    }),
  ).toBeVisible();
  await expect(dialog.getByRole('link', { name: /^Minutes — 3 February 2027/ })).toHaveCount(0);
  // Items of meetings that were held are labelled by their minutes.
  await dialog.getByRole('searchbox').fill('Placement sufficiency');
  await expect(
    dialog.getByRole('link', { name: /^Minutes — \d+ \w+ 2026, item \d+: Placement sufficiency/ }).first(),
  ).toBeVisible();
});
