import { expect, test, type Page } from '@playwright/test';
import { makeDemoBoard, startServer, type RunningServer } from './server';

// Issue 15: live mode's shortcuts, pressed back to back with no waits, land focus where they
// say, every time — Alt+M then Alt+D puts the resolution in the decision field, never in the
// minutes (the editor must not take focus back after a save or a re-render). 50 rounds in one
// test. CPB_E2E_THROTTLE=4 slows the page's CPU fourfold, to stress it locally.
const TODAY = '2026-12-16';

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

interface Detail {
  id: number;
  items: { id: number; position: number; title: string; minutesText: string; decisions: unknown[] }[];
}

let server: RunningServer;
let meeting: Detail;

test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
  const list = await api<{ upcoming: { id: number; date: string }[] }>(server, 'meeting.list', {});
  const id = list.upcoming.find((m) => m.date === TODAY)?.id ?? list.upcoming[0]!.id;
  await api(server, 'snapshot.freeze', { meetingId: id });
  await api(server, 'meeting.setStatus', {
    id,
    status: 'in_progress',
    early: { reason: 'For the keyboard test' },
  }).catch(() => api(server, 'meeting.setStatus', { id, status: 'in_progress' }));
  meeting = await api<Detail>(server, 'meeting.get', { id });
});
test.afterAll(async () => server?.stop());

async function throttle(page: Page) {
  const rate = Number(process.env.CPB_E2E_THROTTLE ?? 0);
  if (rate > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
}

test('shortcuts pressed back to back land focus where they say, 50 rounds in a row', async ({ page }) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await throttle(page);
  const first = meeting.items[0]!;
  await page.goto(`${server.url}#/meetings/${meeting.id}/live?item=${first.id}`);
  await expect(page.getByTestId('meeting-status')).toHaveText('Meeting in progress');
  const k = page.keyboard;
  const editor = page.getByTestId('minutes-editor');
  const decision = page.getByLabel('RESOLVED that…');
  const action = page.getByLabel('Action', { exact: true });
  const title = page.locator('#current-item');
  let position = 1;

  for (let round = 1; round <= 50; round++) {
    // Minutes typed, then straight to a decision: the save on leaving the editor must not pull
    // focus back into it.
    await k.press('Alt+KeyM');
    await k.type(`m${round} `);
    await k.press('Alt+KeyD');
    await k.type(`d${round} the report is noted`);
    await expect(decision, `round ${round}: Alt+M, Alt+D`).toHaveValue(`d${round} the report is noted`);
    await expect(editor).not.toContainText(`d${round}`);
    await expect(decision).toBeFocused();

    // Alt+M then Alt+D with nothing typed between (Escape first: the form closes, its text goes).
    await k.press('Escape');
    await k.press('Alt+KeyM');
    await k.press('Alt+KeyD');
    await k.type(`e${round}`);
    await expect(decision, `round ${round}: Alt+M Alt+D back to back`).toHaveValue(`e${round}`);
    await k.press('Escape');
    await expect(decision).toHaveCount(0);
    await expect(editor).toBeFocused();

    // The next item, then an action at once: the cursor must not land in the new item's minutes.
    const forward = round % 10 !== 0;
    await k.press(forward ? 'Control+Period' : 'Control+Comma');
    await k.press('Alt+KeyA');
    await k.type(`a${round}`);
    position = Math.min(meeting.items.length, Math.max(1, position + (forward ? 1 : -1)));
    await expect(title).toContainText(`Item ${position} of ${meeting.items.length}:`);
    await expect(action, `round ${round}: Ctrl+. Alt+A`).toHaveValue(`a${round}`);
    await expect(editor).not.toContainText(`a${round}`);

    // From the action form straight back to the minutes.
    await k.press('Alt+KeyM');
    await k.type(`n${round} `);
    await expect(editor, `round ${round}: Alt+A, Alt+M`).toContainText(`n${round}`);
    await expect(action).toHaveValue(`a${round}`);
    await k.press('Alt+KeyA');
    await k.press('Escape');
    await expect(action).toHaveCount(0);
    if (position === meeting.items.length) {
      for (let i = 1; i < meeting.items.length; i++) await k.press('Control+Comma');
      position = 1;
    }
  }

  // On the board: every word meant for the minutes is there, and not one resolution or action.
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved at/);
  await k.press('Alt+KeyD');
  await expect
    .poll(async () => {
      const m = await api<Detail>(server, 'meeting.get', { id: meeting.id });
      return m.items.map((i) => i.minutesText).join(' ');
    })
    .toContain('m50');
  const m = await api<Detail>(server, 'meeting.get', { id: meeting.id });
  const all = m.items.map((i) => i.minutesText).join(' ');
  for (let round = 1; round <= 50; round++) {
    expect(all).toMatch(new RegExp(`\\bm${round}\\b`));
    expect(all).toMatch(new RegExp(`\\bn${round}\\b`));
    expect(all).not.toMatch(new RegExp(`\\b[dea]${round}\\b`));
  }
  expect(m.items.flatMap((i) => i.decisions)).toHaveLength(0);
});

test('the agenda moves exactly one place per key press, pressed back to back', async ({ page }) => {
  await throttle(page);
  const order = async () =>
    (await api<Detail>(server, 'meeting.get', { id: meeting.id })).items.map((i) => i.title);
  const start = await order();
  await page.goto(`${server.url}#/meetings/${meeting.id}`);
  const k = page.keyboard;
  const announce = page.getByTestId('agenda-announce');
  // Alt+↓ three times, no waits: item 2 goes to 5.
  await page.getByRole('row', { name: new RegExp(`^2\\. ${start[1]}`) }).click();
  await k.press('Alt+ArrowDown');
  await k.press('Alt+ArrowDown');
  await k.press('Alt+ArrowDown');
  await expect(announce).toHaveText(`Moved. ${start[1]}: position 5 of ${start.length}.`);
  const afterDown = [start[0], start[2], start[3], start[4], start[1], ...start.slice(5)];
  await expect.poll(order).toEqual(afterDown);
  // Alt+↑ once: one place.
  await k.press('Alt+ArrowUp');
  const afterUp = [start[0], start[2], start[3], start[1], start[4], ...start.slice(5)];
  await expect.poll(order).toEqual(afterUp);
  await expect(page.locator('.agenda-title').nth(3)).toHaveText(start[1]!);

  // Picked up by its handle: ↑ moves one place, ↓ one back, ↓ one on — the item ends one down.
  await page.getByRole('row', { name: new RegExp(`^7\\. `) }).click();
  await k.press('ArrowRight');
  const seventh = afterUp[6]!;
  await expect(page.getByRole('button', { name: `Move item 7, ${seventh}` })).toBeFocused();
  await k.press('Enter');
  await expect(announce).toContainText(`Picked up ${seventh}: position 7 of ${start.length}`);
  await k.press('ArrowUp');
  await k.press('ArrowDown');
  await k.press('ArrowDown');
  await expect(announce).toHaveText(`Moved. ${seventh}: position 8 of ${start.length}.`);
  await k.press('Enter');
  await expect(announce).toHaveText(`Dropped. ${seventh}: position 8 of ${start.length}.`);
  await expect.poll(order).toEqual([...afterUp.slice(0, 6), afterUp[7], seventh, ...afterUp.slice(8)]);
  // Escape puts a picked-up item back where it was.
  await page.getByRole('row', { name: new RegExp(`^3\\. `) }).click();
  await k.press('ArrowRight');
  await k.press('Enter');
  await k.press('ArrowDown');
  await k.press('ArrowDown');
  await k.press('Escape');
  await expect(announce).toContainText('Move cancelled.');
  await expect(page.locator('.agenda-title').nth(2)).toHaveText(afterUp[2]!);
});
