import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { makeDemoBoard, startServer, type RunningServer } from './server';

// The chair walks the upcoming meeting's agenda against the strategy on a 1366×768 laptop.
const TODAY = '2026-11-23';
const RAG_WORDS: Record<string, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  no_target: 'No target',
  no_data: 'No data',
  not_rated: 'Not rated',
};

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

interface Context {
  figures: { basis: string };
  priorities: {
    code: string;
    measures: { code: string; rag: string }[];
    actions: { description: string; overdue: boolean }[];
  }[];
}

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
});
test.afterAll(async () => server?.stop());

test('live mode at 1366×768: each priority item shows its priority’s measures and open actions; the scorecard item is minuted per measure', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const list = await api<{ upcoming: { id: number }[] }>(server, 'meeting.list', {});
  const meetingId = list.upcoming[0]!.id;
  const meeting = await api<{ items: { id: number; kind: string; title: string; priorityIds: number[] }[] }>(
    server,
    'meeting.get',
    { id: meetingId },
  );
  const k = page.keyboard;
  await page.goto(`${server.url}#/meetings/${meetingId}/live`);
  await expect(page.getByTestId('meeting-status')).toHaveText('Agenda published');
  const panel = page.getByRole('region', { name: /Strategy for this item/ });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('button', { name: /Strategy for this item/ })).toHaveAttribute(
    'aria-expanded',
    'true',
  );

  // Starting with nothing frozen asks first; the clerk freezes the scorecard and starts.
  await k.press('Alt+KeyS');
  const ask = page.getByRole('dialog', { name: 'Freeze the scorecard before the meeting starts?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Start without freezing' })).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Freeze the scorecard and start' })).toBeFocused();
  await k.press('Enter');
  await expect(page.getByTestId('meeting-status')).toHaveText('Meeting in progress');
  expect(
    (await api<{ snapshot: { rowCount: number } | null }>(server, 'snapshot.get', { meetingId })).snapshot
      ?.rowCount,
  ).toBe(16);

  // Walk the agenda item by item.
  await k.press('Alt+KeyM');
  for (const [i, item] of meeting.items.entries()) {
    await expect(
      page.getByRole('heading', { level: 2, name: new RegExp(`^Item ${i + 1} of ${meeting.items.length}:`) }),
    ).toBeVisible();
    if (item.priorityIds.length > 0) {
      const ctx = await api<Context>(server, 'item.context', { itemId: item.id });
      expect(ctx.figures.basis).toBe('frozen');
      await expect(panel.getByTestId('walk-basis')).toContainText('Frozen scorecard for this meeting');
      for (const p of ctx.priorities) {
        const section = panel.getByTestId(`walk-priority-${p.code}`);
        await expect(section).toBeVisible();
        for (const m of p.measures)
          await expect(section.getByTestId(`walk-measure-${m.code}`)).toContainText(RAG_WORDS[m.rag]!);
        for (const a of p.actions)
          await expect(section.getByTestId(`walk-actions-${p.code}`)).toContainText(a.description);
      }
    }
    if (i < meeting.items.length - 1) await k.press('Control+Period');
  }

  // Item 7 exactly: adoption timeliness, P5, the red A1 first and its overdue-free open action.
  await page.getByRole('button', { name: /^7\. Adoption timeliness improvement plan/ }).click();
  const p5 = panel.getByTestId('walk-priority-P5');
  await expect(
    p5.getByRole('heading', { name: 'P5 A permanent family and lasting relationships' }),
  ).toBeVisible();
  await expect(p5.getByTestId('walk-measure-A1')).toContainText('Red');
  await expect(p5.getByTestId('walk-measure-A1')).toContainText('512 days');
  await expect(p5.getByTestId('walk-measure-A1')).toContainText('Worsening');
  await expect(p5.getByTestId('walk-measure-A2')).toContainText('Green');
  // A10 is yearly, as the DfE publishes it: its latest is a three-year figure, beside England's.
  await expect(p5.getByTestId('walk-measure-A10')).toContainText('441 days');
  await expect(p5.getByTestId('walk-measure-A10')).toContainText('2023-26 (3 years to March 2026)');
  await expect(p5.getByTestId('walk-measure-A10')).toContainText('Amber');
  await expect(p5.getByTestId('walk-actions-P5')).toContainText(
    'Present an adoption timeliness improvement plan, including early permanence.',
  );
  await expect(p5.getByRole('img', { name: /^Trend for A1 Average/ })).toBeVisible();
  // Everything fits across the laptop screen: no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

  // Alt+G opens the first measure's chart with its comparators; Escape closes it.
  await k.press('Alt+KeyG');
  const chart = page.getByRole('dialog', { name: /^A1 Average days between entering care/ });
  await expect(chart).toBeVisible();
  await expect(chart.getByTestId('walk-chart')).toHaveAttribute('aria-label', /England/);
  await k.press('Escape');
  await expect(chart).toHaveCount(0);

  // The panel folds away and back with Alt+C.
  await k.press('Alt+KeyC');
  await expect(panel.getByRole('button', { name: /Strategy for this item/ })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(p5).toBeHidden();
  await k.press('Alt+KeyC');
  await expect(p5).toBeVisible();

  // The scorecard item: the frozen scorecard grouped by priority, red and amber first.
  const scorecard = meeting.items.findIndex((i) => i.kind === 'scorecard');
  await page.getByRole('button', { name: new RegExp(`^${scorecard + 1}\\. Performance scorecard`) }).click();
  const groups = panel.locator('[data-testid^="walk-group-"]');
  await expect(groups.first()).toHaveAttribute('data-testid', 'walk-group-P3');
  await expect(groups.first().locator('.walk-measure').first()).toContainText('Red');
  await expect(groups.first().locator('.walk-measure').first()).toContainText('H2');
  const note =
    'Members asked why dental checks are below England; the Designated Nurse will report in February.';
  await panel.getByLabel('Minute on H2').fill(note);
  await expect(panel.getByTestId('note-state-H2')).toHaveText(/^Saved at \d{2}:\d{2}$/);

  // The note reaches the minutes, under the scorecard item.
  const doc = await api<{ dataBase64: string }>(server, 'export.document', {
    kind: 'minutes',
    meetingId,
    public: true,
    // The meeting is under way, with no attendance taken in this journey: a draft is what exists.
    draft: true,
  });
  const xml = await (
    await JSZip.loadAsync(Buffer.from(doc.dataBase64, 'base64'))
  )
    .file('word/document.xml')!
    .async('string');
  const text = xml.replace(/<[^>]+>/g, '');
  expect(text).toContain('Discussion of measures');
  expect(text).toContain(note);

  // …and the measure's own history.
  await groups.first().locator('.walk-measure').first().getByRole('button', { name: 'Chart of H2' }).click();
  await page.getByRole('dialog').getByRole('link', { name: 'Open the measure' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^H2 — / })).toBeVisible();
  await expect(page.getByTestId('measure-discussions')).toContainText(note);
});

test('the meeting page shows which priorities and principles the agenda leaves out, and since when', async ({
  page,
}) => {
  await page.goto(`${server.url}#/meetings/4`);
  const section = page.getByRole('region', { name: 'Priorities and principles on this agenda' });
  const rows = section.getByTestId('coverage-priority');
  await expect(rows.getByRole('row', { name: /^P4 Learning and achieving/ })).toContainText(
    'Not on this agenda',
  );
  await expect(rows.getByRole('row', { name: /^P4 Learning and achieving/ })).toContainText('5 August 2026');
  await expect(section.getByTestId('coverage-principle').getByRole('row', { name: /^\(d\)/ })).toContainText(
    'Not on this agenda',
  );
});
