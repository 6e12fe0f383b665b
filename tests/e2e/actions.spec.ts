import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { daysBetween, formatDate } from '../../shared/domain/dates';
import { makeDemoBoard, startServer, type RunningServer } from './server';

const TODAY = '2026-11-23';
let server: RunningServer;
interface DumpAction {
  id: number;
  description: string;
  owner: string;
  dueDate: string | null;
  status: string;
}
interface DumpItem {
  id: number;
  position: number;
  title: string;
  minutes: string;
}
let dump: {
  actions: DumpAction[];
  meetings: { id: number; date: string; status: string; items: DumpItem[] }[];
};
let overdue: (DumpAction & { days: number })[];

test.beforeAll(async () => {
  const board = makeDemoBoard(TODAY);
  // Expected figures come from the board file itself (cpb dump), not from the UI.
  dump = JSON.parse(
    execFileSync(process.execPath, [path.resolve('dist/cli.cjs'), 'dump', board], { encoding: 'utf8' }),
  );
  overdue = dump.actions
    .filter(
      (a) => (a.status === 'open' || a.status === 'in_progress') && a.dueDate !== null && a.dueDate < TODAY,
    )
    .map((a) => ({ ...a, days: daysBetween(a.dueDate!, TODAY) }));
  server = await startServer(board, { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

const daysWords = (n: number) => `Overdue by ${n} ${n === 1 ? 'day' : 'days'}`;

test('the action log filtered to overdue shows the demo’s overdue actions, in words', async ({ page }) => {
  expect(overdue).toHaveLength(4);
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Action log' })).toBeVisible();
  await expect(page.getByTestId('action-count')).toContainText(
    `${dump.actions.length} actions, ${overdue.length} overdue`,
  );
  await page.getByLabel('Overdue only').check();
  // The filters stay on screen while the list reloads, so the keyboard user's place is kept.
  await expect(page.getByLabel('Overdue only')).toBeFocused();
  const rows = page.locator('table.action-log tbody tr');
  await expect(rows).toHaveCount(overdue.length);
  for (const a of overdue) {
    const row = page.locator(`tr[data-action-id="${a.id}"]`);
    await expect(row).toContainText(a.description);
    await expect(row).toContainText(a.owner);
    await expect(row.getByTestId('overdue-words')).toHaveText(daysWords(a.days));
    await expect(row).toHaveClass(/row-overdue/);
  }
  expect(page.url()).toContain('overdue=1');
});

test('the clerk adds a dated update to an action by keyboard', async ({ page }) => {
  const a = overdue.find((x) => x.owner === 'IRO Service Manager')!;
  await page.goto(server.url + '#/actions?overdue=1');
  await page.getByRole('button', { name: a.description }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Action' });
  await expect(dialog).toContainText(daysWords(a.days));
  await dialog
    .getByLabel('Update', { exact: true })
    .fill('Recovery trajectory agreed with the IRO team; two more visits booked.');
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByRole('status').filter({ hasText: 'Update recorded.' })).toBeVisible();
  await expect(dialog.locator('.updates li').first()).toContainText(`${formatDate(TODAY)} · ${a.owner}`);
  await expect(dialog.locator('.updates li').first()).toContainText(
    'Recovery trajectory agreed with the IRO team; two more visits booked.',
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator(`tr[data-action-id="${a.id}"]`)).toContainText(
    'Recovery trajectory agreed with the IRO team',
  );
  // A new due date takes it out of the overdue list (overdue is computed, not stored).
  await page.goto(server.url + `#/actions?focus=${a.id}`);
  await dialog.getByLabel('Due date').fill('29/01/2027');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await expect(dialog).toContainText('29 January 2027');
  await expect(dialog).not.toContainText('Overdue by');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('action-count')).toContainText(
    `${dump.actions.length} actions, ${overdue.length - 1} overdue`,
  );
  await page.goto(server.url + `#/actions?focus=${a.id}`);
  await dialog.getByLabel('Due date').fill(a.dueDate!);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toContainText(daysWords(a.days));
  // It is in the board file, newest first.
  const db = new Database(server.board, { readonly: true });
  const latest = db
    .prepare('SELECT date, author, text FROM action_update WHERE action_id = ? ORDER BY id DESC LIMIT 1')
    .get(a.id);
  db.close();
  expect(latest).toEqual({
    date: TODAY,
    author: a.owner,
    text: 'Recovery trajectory agreed with the IRO team; two more visits booked.',
  });
});

test('Ctrl+K search finds a word typed in the minutes and opens the item', async ({ page }) => {
  const meeting = dump.meetings.find((m) => m.status === 'minutes_draft')!;
  const item = meeting.items.find((i) => i.position === 6)!;
  const text = `${item.minutes}\nMembers asked for a heliotrope chart of visits by team.`;
  const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
  // Typed through the API, as the live minutes editor saves it.
  const res = await fetch(`${server.origin}/api/item.saveMinutes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CPB-Token': server.token },
    body: JSON.stringify({ itemId: item.id, doc }),
  });
  const result = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
  expect(result).toMatchObject({ ok: true });

  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Search (Ctrl+K)' })).toBeVisible();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('heliotrope');
  const label = `Minutes — ${formatDate(meeting.date)}, item 6: ${item.title}`;
  const hit = dialog.getByRole('link', { name: label });
  await expect(hit).toBeVisible();
  await expect(dialog.getByTestId('search-count')).toHaveText('1 result');
  await expect(dialog.locator('mark')).toHaveText(['heliotrope']);
  await page.keyboard.press('ArrowDown');
  await expect(hit).toBeFocused();
  // Enter in the search field itself opens the first result.
  await page.keyboard.press('ArrowUp');
  await expect(dialog.getByRole('searchbox')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/meetings/${meeting.id}/live\\?item=${item.id}$`));
});

test('search opens an action and a “you said, we did” entry in place', async ({ page }) => {
  await page.goto(server.url + '#/search?q=pocket%20money');
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  const voiceHit = page.getByRole('link', { name: /^You said, we did — Children in Care Council/ });
  await expect(voiceHit).toBeVisible();
  await voiceHit.click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Voice of the child: you said, we did' }),
  ).toBeVisible();
  await expect(page.locator('.voice-entry.row-focus')).toContainText(
    'Pocket money should be the same whatever home you live in.',
  );

  await page.keyboard.press('Control+k');
  await page.keyboard.type('savings policy');
  const actionHit = page
    .getByRole('dialog', { name: 'Search' })
    .getByRole('link', { name: /^Action — Gareth Lowe/ });
  await actionHit.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Action' })).toContainText(
    'Review the pocket money and savings policy with the Children in Care Council.',
  );
});

test('the board adds a “you said, we did” entry', async ({ page }) => {
  await page.goto(server.url + '#/voice');
  // Escape closes the dialog and puts focus back on the button that opened it.
  await page.getByRole('button', { name: 'Add an entry' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Add an entry' })).toBeFocused();
  await page.getByRole('button', { name: 'Add an entry' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a “You said, we did” entry' });
  // The dialog opens in its first field, so typing goes straight in.
  await expect(dialog.getByLabel('You said (what young people told us)')).toBeFocused();
  await dialog.getByRole('button', { name: 'Add the entry' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Please check:');
  await expect(dialog.getByRole('alert')).toContainText('You said is required');
  await expect(dialog.getByRole('alert')).toContainText('Said on is required');
  await expect(dialog.getByRole('alert')).not.toContainText('voice.create');
  await expect(dialog.getByRole('alert')).not.toContainText('is not a real date');
  await dialog
    .getByLabel('You said (what young people told us)')
    .fill('We would like a say in choosing the new foster carers’ training.');
  await dialog.getByLabel('Said on').fill('18/11/2026');
  await dialog.getByRole('button', { name: 'Add the entry' }).click();
  await expect(dialog).toBeHidden();
  const entry = page.locator('.voice-entry').first();
  await expect(entry).toContainText('We would like a say in choosing the new foster carers’ training.');
  await expect(entry).toContainText('Children in Care Council, 18 November 2026');
  await expect(page.getByRole('status').filter({ hasText: 'entries' })).toHaveText('5 entries');
});

test('matters arising lists the open actions of earlier meetings; an update marked complete drops out', async ({
  page,
}) => {
  const next = dump.meetings.find((m) => m.status === 'agenda_published')!;
  const earlier = dump.meetings.filter((m) => m.date < next.date).map((m) => m.id);
  const open = dump.actions.filter(
    (a) =>
      (a.status === 'open' || a.status === 'in_progress') &&
      earlier.includes((a as unknown as { meetingId: number }).meetingId),
  );
  // The e2e tests before this one added an update but changed no status.
  await page.goto(server.url + '#/actions');
  await page
    .getByRole('link', { name: `Matters arising for the meeting on ${formatDate(next.date)}` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Matters arising' })).toBeVisible();
  const matters = page.locator('.matters-list > li.matter');
  await expect(matters).toHaveCount(open.length);
  await expect(page.locator('.matters-arising > p[role="status"]')).toHaveText(
    `${open.length} open actions, ${overdue.length} overdue.`,
  );
  const target = overdue.find((a) => a.owner === 'Anita Kowalski')!;
  const item = page.locator(`li.matter[data-action-id="${target.id}"]`);
  await expect(item).toContainText(daysWords(target.days));
  // By keyboard: type the update, tick "Mark complete", Ctrl+Enter.
  await item.getByLabel('Update', { exact: true }).focus();
  await page.keyboard.type('Autumn term figures circulated with the papers; reporting now routine.');
  await page.keyboard.press('Tab');
  await expect(item.getByLabel('Mark complete')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Control+Enter');
  await expect(matters).toHaveCount(open.length - 1);
  await expect(page.locator('.matters-arising > p[role="status"]')).toHaveText(
    `${open.length - 1} open actions, ${overdue.length - 1} overdue.`,
  );
  const done = page.locator('.matters-list.done > li');
  await expect(done).toHaveCount(1);
  await expect(done).toContainText(target.description);
  await expect(done).toContainText(
    'Recorded at this meeting (Anita Kowalski): Autumn term figures circulated with the papers; reporting now routine.',
  );
});

test('a due date is typed the UK way; an impossible one is refused in words and nothing is written', async ({
  page,
}) => {
  const a = dump.actions.find(
    (x) => x.status === 'open' && x.dueDate !== null && !overdue.some((o) => o.id === x.id),
  )!;
  const dialog = page.getByRole('dialog');
  const due = dialog.getByRole('textbox', { name: 'Due date' });
  const stored = () => {
    const db = new Database(server.board, { readonly: true });
    const row = db.prepare('SELECT due_date AS dueDate FROM action WHERE id = ?').get(a.id) as {
      dueDate: string | null;
    };
    db.close();
    return row.dueDate;
  };
  await page.goto(server.url + `#/actions?focus=${a.id}`);
  // Shown day first, whatever the browser's locale.
  await expect(due).toHaveValue(
    `${a.dueDate!.slice(8, 10)}/${a.dueDate!.slice(5, 7)}/${a.dueDate!.slice(0, 4)}`,
  );
  await due.fill('31/02/2027');
  await due.press('Tab');
  await expect(dialog.getByText('"31/02/2027" is not a real date')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText('"31/02/2027" is not a real date')).toBeVisible();
  expect(stored()).toBe(a.dueDate);
  // 20112027 typed without separators is 20 November 2027 (it was once read as the year 12027).
  await due.fill('20112027');
  await due.press('Tab');
  await expect(due).toHaveValue('20/11/2027');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await expect(dialog).toContainText('20 November 2027');
  expect(stored()).toBe('2027-11-20');
  // Put it back for the tests that count.
  await page.goto(server.url + `#/actions?focus=${a.id}`);
  await due.fill(a.dueDate!);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  expect(stored()).toBe(a.dueDate);
});
