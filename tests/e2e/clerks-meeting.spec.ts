import { expect, test, type Page } from '@playwright/test';
import { downloadedText } from './documents';
import { makeDemoBoard, startServer, type RunningServer } from './server';

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

const quorum = (page: Page) => page.getByTestId('quorum');

test.describe('the clerk records declarations, who was in the room, votes and approval as councils do', () => {
  let server: RunningServer;
  let upcoming: number;
  let nextId: number;

  test.beforeAll(async () => {
    server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
    upcoming = (await api<{ upcoming: { id: number }[] }>(server, 'meeting.list', {})).upcoming[0]!.id;
    nextId = (
      await api<{ id: number }>(server, 'meeting.create', {
        date: '2027-02-03',
        startTime: '10:00',
        venue: 'Committee Room 2',
        chairMemberId: 1,
        type: 'ordinary',
        from: 'template',
      })
    ).id;
    await api(server, 'meeting.setStatus', { id: nextId, status: 'agenda_published' });
    for (const memberId of [1, 2, 3])
      await api(server, 'attendance.set', {
        meetingId: nextId,
        memberId,
        status: 'present',
        substituteForMemberId: null,
      });
    await api(server, 'snapshot.freeze', { meetingId: upcoming });
    await api(server, 'snapshot.freeze', { meetingId: nextId });
  });
  test.afterAll(async () => server?.stop());

  test('live mode by keyboard, and all of it in the minutes', async ({ page }) => {
    const k = page.keyboard;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${server.url}#/meetings/${upcoming}/live`);
    await expect(page.getByTestId('meeting-status')).toHaveText('Agenda published');
    await k.press('Alt+KeyS');
    await expect(page.getByTestId('meeting-status')).toHaveText('Meeting in progress');
    // The register: three councillors present, one with apologies.
    await expect(page.getByLabel('Attendance of Cllr Margaret Ellison')).toBeFocused();
    for (const key of ['Pr', 'Pr', 'Pr', 'Ap']) {
      await k.type(key);
      await k.press('Tab');
    }
    await expect(quorum(page)).toHaveText(/Item 1: Quorate: 3 voting elected members present \(3 needed\)/);

    // A disclosable pecuniary interest in item 7: the member withdraws for it.
    await k.press('Alt+KeyI');
    await expect(page.getByLabel('Member', { exact: true })).toBeFocused();
    await k.type('Cllr P');
    await k.press('Tab');
    await k.type('7');
    await k.press('Tab');
    await expect(page.getByLabel('Type of interest')).toBeFocused();
    await k.type('Disc');
    await expect(page.getByLabel('Withdrew from the meeting for the item')).toBeChecked();
    await k.press('Tab');
    await k.type('Her partner is a director of a fostering agency');
    await k.press('Enter');
    await expect(page.getByTestId('declarations')).toContainText(
      'Cllr Priya Raman (item 7): Her partner is a director of a fostering agency — Disclosable pecuniary interest; withdrew for the item',
    );

    // On item 7 the meeting is not quorate without her, and says why.
    for (let i = 0; i < 6; i++) await k.press('Control+Period');
    await expect(page.getByRole('heading', { level: 2, name: /^Item 7 of 11:/ })).toBeVisible();
    await expect(quorum(page)).toHaveText(/Item 7: Not quorate: 2 of 3 voting elected members present/);
    await expect(page.getByTestId('quorum-notes')).toHaveText('Cllr Priya Raman withdrew for this item');
    await k.press('Alt+KeyD');
    await k.type('the sufficiency plan be approved.');
    await k.press('Enter');
    await expect(page.getByRole('form', { name: 'Add a decision' }).getByRole('alert')).toContainText(
      'is not quorate for item 7',
    );
    await k.press('Escape');

    // Cllr Harwood arrives after all, during item 7.
    await page.getByLabel('Attendance of Cllr Tom Harwood').selectOption('present');
    await expect(quorum(page)).toHaveText(/Item 7: Quorate: 3 voting elected members present/);
    await page.getByRole('button', { name: 'Cllr Tom Harwood: arrived late' }).click();
    await expect(page.getByLabel('Cllr Tom Harwood arrived during item')).toBeFocused();
    await expect(page.getByLabel('Cllr Tom Harwood arrived during item')).toHaveValue(/\d+/);
    await k.press('Tab');
    await k.type('10:40');
    await k.press('Enter');
    await expect(page.getByTestId('arrived-4')).toHaveText('10:40, during item 7');
    // So he does not count for item 6 (where Cllr Raman, who withdrew only for item 7, makes three).
    await k.press('Control+Comma');
    await expect(quorum(page)).toHaveText(/Item 6: Quorate: 3 voting elected members present/);
    await expect(page.getByTestId('quorum-notes')).toHaveText(
      'Cllr Tom Harwood had not arrived (arrived during item 7)',
    );
    await k.press('Control+Period');

    // The chair dials in remotely for a moment: remote attendance does not count.
    await page.getByLabel('Cllr Margaret Ellison attends remotely').check();
    await expect(quorum(page)).toHaveText(/Item 7: Not quorate/);
    await expect(page.getByTestId('quorum-notes')).toContainText(
      'Cllr Margaret Ellison is attending remotely and does not count towards the quorum',
    );
    await page.getByLabel('Cllr Margaret Ellison attends remotely').uncheck();
    await expect(quorum(page)).toHaveText(/Item 7: Quorate/);

    // The decision, then a named vote by keyboard (Alt+V).
    await k.press('Alt+KeyD');
    await expect(page.getByLabel('RESOLVED that…')).toBeFocused();
    await k.type('the placement sufficiency plan be approved.');
    await k.press('Enter');
    await expect(page.getByRole('list', { name: 'Decisions on item 7' })).toContainText(
      'RESOLVED that the placement sufficiency plan be approved.',
    );
    await k.press('Alt+KeyV');
    await expect(page.getByLabel('Record how each member voted (a named vote)')).toBeFocused();
    await k.press('Space');
    await expect(page.getByText('3 members are entitled to vote on item 7')).toBeVisible();
    await k.press('Tab');
    await expect(page.getByLabel('Cllr Margaret Ellison', { exact: true })).toBeFocused();
    await k.type('F');
    await k.press('Tab');
    await k.type('A');
    await k.press('Tab');
    await k.type('F');
    await expect(page.getByTestId('vote-tally')).toHaveText('For 2, against 1, abstentions 0');
    await k.press('Tab');
    await expect(page.getByRole('button', { name: 'Save the vote' })).toBeFocused();
    await k.press('Enter');
    await expect(page.getByTestId('votes')).toContainText(
      'For 2 (Cllr Margaret Ellison, Cllr Tom Harwood), against 1 (Cllr David Okafor), abstentions 0 — carried',
    );
    await k.press('Alt+KeyE');
    await expect(page.getByTestId('meeting-status')).toHaveText('Minutes in draft');

    // The minutes, from the Reports screen: the declaration, the arrival and the vote are there.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.locator('label.radio', { has: page.getByText('Minutes', { exact: true }) }).click();
    await page.locator('label.radio', { has: page.getByText('Confidential', { exact: true }) }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as Word document' }).click();
    const text = await downloadedText(await download);
    // Item 7 is named by its minute number (CPB/26/27/…) in the council's pattern.
    const minute = /in (minute CPB\/26\/27\/\d+), Adoption timeliness improvement plan/.exec(text)![1]!;
    expect(text).toContain(
      `Cllr Priya Raman declared a disclosable pecuniary interest in ${minute}, Adoption timeliness improvement plan. Her partner is a director of a fostering agency. Cllr Priya Raman left the meeting for ${minute} and took no part in the discussion or vote.`,
    );
    expect(text).toContain(`Cllr Tom Harwood arrived at 10:40, during ${minute}.`);
    expect(text).toContain(
      'On being put to the vote: For 2 (Cllr Margaret Ellison, Cllr Tom Harwood), against 1 (Cllr David Okafor), abstentions 0. The resolution was carried.',
    );

    // The next meeting approves them subject to an amendment.
    await page.goto(`${server.url}#/meetings/${nextId}/live`);
    await expect(page.getByTestId('meeting-status')).toHaveText('Agenda published');
    await k.press('Alt+KeyS');
    await expect(page.getByTestId('meeting-status')).toHaveText('Meeting in progress');
    await k.press('Control+Period');
    await k.press('Control+Period');
    await expect(
      page.getByRole('heading', { level: 2, name: /^Item 3 of 9: Minutes of the meeting held on/ }),
    ).toBeVisible();
    await k.press('Alt+KeyP');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Approve the minutes' })).toBeFocused();
    await dialog.getByLabel('As a correct record, subject to amendments').check();
    await dialog.getByLabel('The amendments agreed').fill('Item 7: the plan approved was the 2026-28 plan');
    await dialog.getByRole('button', { name: 'Approve the minutes' }).click();
    await expect(page.getByTestId('approval-state')).toContainText(
      'are approved (approved at this meeting) and locked',
    );
    await expect(page.getByRole('list', { name: 'Decisions on item 3' })).toContainText(
      'be approved as a correct record, subject to the following amendments: Item 7: the plan approved was the 2026-28 plan.',
    );
    await page.goto(`${server.url}#/meetings/${upcoming}`);
    await expect(page.getByTestId('approval-amendments')).toHaveText(
      'Approved subject to amendments: Item 7: the plan approved was the 2026-28 plan',
    );
    await expect(page.getByTestId('presence-summary')).toContainText(
      'Cllr Tom Harwood arrived at 10:40, during item 7.',
    );
  });
});
