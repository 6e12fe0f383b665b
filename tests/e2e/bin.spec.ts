import { expect, test } from '@playwright/test';
import { makeDemoBoard, startServer, type RunningServer } from './server';

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
  items: { id: number; title: string; decisions: { id: number; text: string }[] }[];
}
interface List {
  upcoming: { id: number }[];
  past: { id: number; status: string }[];
}

test.describe('nothing is lost by accident', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
  });
  test.afterAll(async () => server?.stop());

  test('deleting a meeting from its page asks, lands on the meetings list, and Undo restores it', async ({
    page,
  }) => {
    const { id } = await api<{ id: number }>(server, 'meeting.create', {
      date: '2027-02-10',
      startTime: '10:00',
      venue: 'Committee Room 1',
      chairMemberId: 1,
      type: 'ordinary',
      from: 'template',
    });
    await api(server, 'meeting.setStatus', { id, status: 'agenda_published' });
    const before = await api<Detail>(server, 'meeting.get', { id });

    await page.goto(`${server.url}#/meetings/${id}`);
    await page.getByRole('button', { name: 'Delete this meeting' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('The meeting of 10 February 2027 will be moved to the bin');
    await expect(dialog).toContainText(`Its ${before.items.length} agenda items go with it`);
    // Asking first: Keep it leaves the meeting where it was.
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect((await api<Detail>(server, 'meeting.get', { id })).id).toBe(id);

    await page.getByRole('button', { name: 'Delete this meeting' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete the meeting' }).click();
    await expect(page).toHaveURL(/#\/meetings$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
    await expect(page.getByText(/There is no meeting/)).toHaveCount(0);
    const status = page.getByTestId('undo-bar');
    await expect(status).toContainText('The meeting of 10 February 2027 moved to the bin.');
    const gone = await api<List>(server, 'meeting.list', {});
    expect([...gone.upcoming, ...gone.past].map((m) => m.id)).not.toContain(id);

    await status.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByTestId('undo-bar')).toContainText('The meeting of 10 February 2027 restored.');
    await expect(page).toHaveURL(new RegExp(`#/meetings/${id}$`));
    const back = await api<Detail>(server, 'meeting.get', { id });
    expect(back.items.map((i) => i.title)).toEqual(before.items.map((i) => i.title));
    expect(back.status).toBe('agenda_published');
  });

  test('deleting a decision in live mode asks first, and it can be restored from the Bin', async ({
    page,
  }) => {
    const list = await api<List>(server, 'meeting.list', {});
    let meeting: Detail | undefined;
    for (const m of list.past.filter((x) => x.status === 'minutes_draft')) {
      const d = await api<Detail>(server, 'meeting.get', { id: m.id });
      if (d.items.some((i) => i.decisions.length > 0)) meeting = d;
    }
    const item = meeting!.items.find((i) => i.decisions.length > 0)!;
    const decision = item.decisions[0]!;
    // Open live mode on that item (it remembers the clerk's place per tab).
    await page.addInitScript(
      ([key, value]) => sessionStorage.setItem(key!, value!),
      [`cpb-live-${meeting!.id}-item`, String(item.id)],
    );
    await page.goto(`${server.url}#/meetings/${meeting!.id}/live`);
    const del = page.getByRole('button', { name: 'Delete decision' }).first();
    await del.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('will be moved to the bin');
    await expect(dialog).toContainText(decision.text.slice(0, 30));
    // Nothing is deleted until the clerk confirms.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    let now = await api<Detail>(server, 'meeting.get', { id: meeting!.id });
    expect(now.items.find((i) => i.id === item.id)!.decisions.map((d) => d.id)).toContain(decision.id);

    await del.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete the decision' }).click();
    await expect(page.getByTestId('undo-bar')).toContainText('moved to the bin');
    now = await api<Detail>(server, 'meeting.get', { id: meeting!.id });
    expect(now.items.find((i) => i.id === item.id)!.decisions.map((d) => d.id)).not.toContain(decision.id);

    // The Bin lists it with Restore.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bin' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bin' })).toBeVisible();
    await page
      .getByRole('button', { name: /^Restore decision:/ })
      .first()
      .click();
    await expect(page.getByText(/^Decision “.*” restored\./)).toBeVisible();
    now = await api<Detail>(server, 'meeting.get', { id: meeting!.id });
    expect(now.items.find((i) => i.id === item.id)!.decisions.map((d) => d.id)).toContain(decision.id);
  });

  test('an agenda item’s unsaved edits are not dropped on switching items, and Save is in view at 1366×768', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const { id } = await api<{ id: number }>(server, 'meeting.create', {
      date: '2027-03-10',
      startTime: '10:00',
      venue: '',
      chairMemberId: 1,
      type: 'ordinary',
      from: 'template',
    });
    const m = await api<Detail>(server, 'meeting.get', { id });
    await page.goto(`${server.url}#/meetings/${id}`);
    await page.getByRole('row', { name: new RegExp(`^7\\. ${m.items[6]!.title}`) }).click();
    await expect(page.getByRole('heading', { name: 'Item 7: edit' })).toBeVisible();
    await page.getByLabel('Presenter').fill('Director of Children’s Services');
    await expect(page.getByRole('button', { name: 'Save item' })).toBeInViewport();

    await page.getByRole('row', { name: /^2\. / }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Item 7 has changes that are not saved');
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    await expect(page.getByRole('heading', { name: 'Item 7: edit' })).toBeVisible();
    await expect(page.getByLabel('Presenter')).toHaveValue('Director of Children’s Services');

    await page.getByRole('button', { name: 'Save item' }).click();
    await expect(page.getByText('Item 7 saved.')).toBeVisible();
    await page.getByRole('row', { name: /^2\. / }).click();
    await expect(page.getByRole('heading', { name: 'Item 2: edit' })).toBeVisible();
    expect(
      (await api<{ items: { presenter: string }[] }>(server, 'meeting.get', { id })).items[6]!.presenter,
    ).toBe('Director of Children’s Services');
  });
});
