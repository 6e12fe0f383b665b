import { expect, test } from '@playwright/test';
import { makeDemoBoard, startServer, type RunningServer } from './server';

// Issue 15: what was recorded at a meeting — decisions, actions — is put right in place, in live
// mode and on the meeting's page, until the minutes are approved; a change saved meanwhile
// elsewhere is never overwritten unseen; after approval there is nothing to edit and the core refuses.
const TODAY = '2026-11-23';

async function api<T = unknown>(server: RunningServer, method: string, input: unknown): Promise<T> {
  const r = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CPB-Token': server.token },
    body: JSON.stringify(input),
  });
  const body = (await r.json()) as { ok: boolean; value: T; error?: { code: string; message: string } };
  if (!body.ok) throw Object.assign(new Error(body.error!.message), { code: body.error!.code });
  return body.value;
}

interface Detail {
  id: number;
  status: string;
  items: {
    id: number;
    position: number;
    title: string;
    kind: string;
    decisions: { id: number; text: string; revision: number }[];
    actions: { id: number; description: string; owner: string; dueDate: string | null; revision: number }[];
  }[];
}

let server: RunningServer;
let held: Detail;
let next: { id: number };

test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
  const list = await api<{ upcoming: { id: number }[]; past: { id: number; status: string }[] }>(
    server,
    'meeting.list',
    {},
  );
  held = await api<Detail>(server, 'meeting.get', {
    id: list.past.find((m) => m.status === 'minutes_draft')!.id,
  });
  next = list.upcoming[0]!;
});
test.afterAll(async () => server?.stop());

test('decisions and actions are edited in place until approval, from the revision shown, and audited', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const item = held.items.find((i) => i.decisions.length > 0 && i.actions.length > 0)!;
  const d = item.decisions[0]!;
  const a = item.actions[0]!;

  // Live mode (the meeting has ended; its minutes are in draft).
  await page.goto(`${server.url}#/meetings/${held.id}/live?item=${item.id}`);
  await expect(page.getByTestId('meeting-status')).toHaveText('Minutes in draft');
  const decisions = page.getByRole('list', { name: `Decisions on item ${item.position}` });
  await decisions.getByRole('button', { name: 'Edit decision 1' }).click();
  const field = page.getByRole('form', { name: 'Edit the decision' }).getByLabel('RESOLVED that…');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(d.text);
  await field.fill('the Board approves the report and asks for a follow-up in March 2027.');
  await page.keyboard.press('Enter');
  await expect(decisions).toContainText(
    'RESOLVED that the Board approves the report and asks for a follow-up in March 2027.',
  );
  await expect(page.getByRole('form', { name: 'Edit the decision' })).toHaveCount(0);
  // Focus goes back to the minutes.
  await expect(page.getByTestId('minutes-editor')).toBeFocused();

  // An action: a new owner (someone named) and due date, typed the UK way.
  const actions = page.getByRole('table', { name: `Actions arising from item ${item.position}` });
  await actions.getByRole('button', { name: 'Edit action 1' }).click();
  const form = page.getByRole('form', { name: 'Edit the action' });
  await expect(form.getByLabel('Action', { exact: true })).toHaveValue(a.description);
  await form.getByLabel('Owner', { exact: true }).selectOption({ label: 'Someone else (type a name)' });
  await form.getByLabel('Owner’s name or team').fill('Head of Service, Fostering');
  await form.getByLabel('Due date').fill('31/03/2027');
  await form.getByRole('button', { name: 'Save action' }).click();
  await expect(form).toHaveCount(0);
  await expect(actions.getByRole('row').nth(1)).toContainText('Head of Service, Fostering');
  await expect(actions.getByRole('row').nth(1)).toContainText('31 March 2027');

  const after = await api<Detail>(server, 'meeting.get', { id: held.id });
  const it = after.items.find((i) => i.id === item.id)!;
  expect(it.decisions[0]!.text).toBe('the Board approves the report and asks for a follow-up in March 2027.');
  expect(it.actions[0]).toMatchObject({ owner: 'Head of Service, Fostering', dueDate: '2027-03-31' });
  const audit = await api<{ rows: { method: string }[] }>(server, 'audit.forRecord', {
    entity: 'action',
    id: a.id,
  });
  expect(audit.rows[0]!.method).toBe('action.update');
  const dAudit = await api<{ rows: { method: string }[] }>(server, 'audit.forRecord', {
    entity: 'decision',
    id: d.id,
  });
  expect(dAudit.rows[0]!.method).toBe('decision.update');

  // A change saved elsewhere while the form was open is not overwritten: their version is offered.
  await actions.getByRole('button', { name: 'Edit action 1' }).click();
  await expect(form.getByLabel('Action', { exact: true })).toBeVisible();
  const now = it.actions[0]!;
  await api(server, 'action.update', {
    id: now.id,
    description: 'Changed in another window',
    baseRevision: now.revision,
  });
  await form.getByLabel('Action', { exact: true }).fill('Changed here');
  await form.getByRole('button', { name: 'Save action' }).click();
  await expect(form.getByRole('alert')).toContainText('Someone else saved this action');
  await expect(form).toContainText('Their version: Changed in another window');
  await form.getByRole('button', { name: 'Use their version' }).click();
  await expect(form.getByLabel('Action', { exact: true })).toHaveValue('Changed in another window');
  await form.getByLabel('Action', { exact: true }).fill('Changed in another window, and here');
  await form.getByRole('button', { name: 'Save action' }).click();
  await expect(form).toHaveCount(0);
  await expect(actions).toContainText('Changed in another window, and here');

  // The meeting's own page offers the same, while the minutes are in draft.
  await page.goto(`${server.url}#/meetings/${held.id}`);
  const minute = page.getByRole('article', { name: new RegExp(`^${item.position}\\. `) });
  await expect(minute.getByRole('button', { name: 'Edit decision 1' })).toBeVisible();
  await expect(minute.getByRole('button', { name: 'Edit action 1' })).toBeVisible();
});

test('once the minutes are approved there is nothing to edit, and the core refuses', async ({ page }) => {
  // Approved at the next meeting.
  await api(server, 'snapshot.freeze', { meetingId: next.id });
  await api(server, 'meeting.setStatus', { id: next.id, status: 'in_progress', early: { reason: 'Test' } });
  for (const memberId of [1, 2, 3])
    await api(server, 'attendance.set', {
      meetingId: next.id,
      memberId,
      status: 'present',
      substituteForMemberId: null,
    });
  await api(server, 'meeting.approveMinutes', { meetingId: held.id, atMeetingId: next.id });

  const item = held.items.find((i) => i.decisions.length > 0 && i.actions.length > 0)!;
  await page.goto(`${server.url}#/meetings/${held.id}/live?item=${item.id}`);
  await expect(page.getByTestId('meeting-status')).toHaveText('Minutes approved (locked)');
  await expect(page.getByRole('list', { name: `Decisions on item ${item.position}` })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Edit (decision|action)/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Delete (decision|action)/ })).toHaveCount(0);
  await page.goto(`${server.url}#/meetings/${held.id}`);
  await expect(page.getByTestId('approved-note')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Edit (decision|action)/ })).toHaveCount(0);

  const d = (await api<Detail>(server, 'meeting.get', { id: held.id })).items.find((i) => i.id === item.id)!
    .decisions[0]!;
  const refused = await api(server, 'decision.update', {
    id: d.id,
    text: 'reworded',
    baseRevision: d.revision,
  }).catch((e: Error & { code: string }) => e);
  expect((refused as Error & { code: string }).code).toBe('locked');
});
