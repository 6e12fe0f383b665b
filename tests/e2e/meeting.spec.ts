import { expect, test, type Page } from '@playwright/test';
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
  date: string;
  status: string;
  items: {
    id: number;
    kind: string;
    title: string;
    minutesText: string;
    minutesDoc: unknown;
    decisions: { text: string }[];
    actions: { description: string; owner: string; dueDate: string | null; urgency: string }[];
  }[];
  attendance: { memberId: number; status: string; substituteForMemberId: number | null }[];
  declarations: { member: string; itemPosition: number | null; nature: string }[];
}

const saved = (page: Page) =>
  expect(page.getByTestId('save-state')).toHaveText(/^Saved at \d{2}:\d{2}:\d{2}$/);

test.describe('a clerk runs a meeting by keyboard alone', () => {
  let server: RunningServer;
  let upcoming: Detail;
  let nextId: number;

  test.beforeAll(async () => {
    server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
    const list = await api<{ upcoming: { id: number }[] }>(server, 'meeting.list', {});
    upcoming = await api<Detail>(server, 'meeting.get', { id: list.upcoming[0]!.id });
    // The meeting after it, prepared earlier by the clerk (agenda from the standard template).
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
    // Minutes are approved at a quorate meeting by its chair: the register of that meeting.
    for (const memberId of [1, 2, 3])
      await api(server, 'attendance.set', {
        meetingId: nextId,
        memberId,
        status: 'present',
        substituteForMemberId: null,
      });
    // The performance manager froze both meetings' scorecards beforehand, so starting does not ask.
    await api(server, 'snapshot.freeze', { meetingId: upcoming.id });
    await api(server, 'snapshot.freeze', { meetingId: nextId });
  });
  test.afterAll(async () => server?.stop());

  test('attendance, declarations, minutes, a decision and two actions; approval at the next meeting locks them', async ({
    page,
  }) => {
    const k = page.keyboard;
    await page.goto(`${server.url}#/meetings/${upcoming.id}/live`);
    await expect(page.getByRole('heading', { level: 1, name: /^Live meeting:/ })).toBeVisible();
    await expect(page.getByTestId('meeting-status')).toHaveText('Agenda published');

    // Start the meeting: focus lands on the first member's attendance.
    await k.press('Alt+KeyS');
    await expect(page.getByTestId('meeting-status')).toHaveText('Meeting in progress');
    await expect(page.getByLabel('Attendance of Cllr Margaret Ellison')).toBeFocused();
    await expect(page.getByTestId('quorum')).toHaveText(
      /Not quorate: 0 of 3 voting elected members present \(3 more needed\)/,
    );

    // Attendance, one member after another with Tab.
    const marks: [string, string][] = [
      ['Cllr Margaret Ellison', 'Pr'],
      ['Cllr David Okafor', 'Pr'],
      ['Cllr Priya Raman', 'Pr'],
      ['Cllr Tom Harwood', 'Ap'],
      ['Helen Marsh', 'Pr'],
      ['Gareth Lowe', 'Pr'],
      ['Anita Kowalski', 'Pr'],
      ['Dr Fiona Blake', 'Pr'],
      ['DI Mark Sutton', 'Ap'],
      ['Jade Robinson', 'Pr'],
      ['Kai Mensah', 'Ab'],
    ];
    for (const [name, key] of marks) {
      await expect(page.getByLabel(`Attendance of ${name}`)).toBeFocused();
      await k.type(key);
      await k.press('Tab');
    }
    // Ben Ashworth attends as substitute for DI Mark Sutton.
    await expect(page.getByLabel('Attendance of Ben Ashworth')).toBeFocused();
    await k.type('Su');
    await k.press('Tab');
    await expect(page.getByLabel('Ben Ashworth attends as substitute for')).toBeFocused();
    await k.type('DI');
    await expect(page.getByTestId('quorum')).toHaveText(
      /Quorate: 3 voting elected members present \(3 needed\)/,
    );

    // A declaration of interest on item 7.
    await k.press('Alt+KeyI');
    await expect(page.getByLabel('Member', { exact: true })).toBeFocused();
    await k.type('Cllr P');
    await k.press('Tab');
    await k.type('7');
    await k.press('Tab');
    await expect(page.getByLabel('Type of interest')).toBeFocused();
    await k.type('Other');
    await k.press('Tab');
    await k.type('Non-pecuniary: member of the regional adoption panel');
    await k.press('Enter');
    await expect(page.getByTestId('declarations')).toContainText(
      'Cllr Priya Raman (item 7): Non-pecuniary: member of the regional adoption panel — Other registrable interest',
    );

    // Item 1: minutes with bold.
    await k.press('Alt+KeyM');
    await expect(page.getByTestId('minutes-editor')).toBeFocused();
    await k.type('The Chair welcomed everyone. ');
    await k.press('Control+KeyB');
    await k.type('Apologies');
    await k.press('Control+KeyB');
    await k.type(' were received from Cllr Tom Harwood, DI Mark Sutton and Kai Mensah.');
    await saved(page);

    // Item 2: declarations.
    await k.press('Control+Period');
    await expect(
      page.getByRole('heading', { level: 2, name: /^Item 2 of 11: Declarations of interest/ }),
    ).toBeVisible();
    await expect(page.getByTestId('minutes-editor')).toBeFocused();
    await k.type('Cllr Priya Raman declared a non-pecuniary interest in item 7.');
    await saved(page);

    // Item 7: a numbered list, a decision and two actions.
    for (let i = 0; i < 5; i++) await k.press('Control+Period');
    await expect(
      page.getByRole('heading', { level: 2, name: /^Item 7 of 11: Adoption timeliness improvement plan/ }),
    ).toBeVisible();
    await expect(page.getByTestId('minutes-editor')).toBeFocused();
    await k.type('Gareth Lowe presented the plan. Its main points:');
    await k.press('Enter');
    await k.type('1. ');
    await k.type('early permanence placements');
    await k.press('Enter');
    await k.type('quicker matching after placement orders');
    await k.press('Enter');
    await k.press('Enter');
    await k.type('Members welcomed the plan.');
    await saved(page);

    await k.press('Alt+KeyD');
    await expect(page.getByLabel('RESOLVED that…')).toBeFocused();
    await k.type('the Board endorses the adoption timeliness improvement plan.');
    await k.press('Enter');
    await expect(page.getByRole('list', { name: 'Decisions on item 7' })).toContainText(
      'RESOLVED that the Board endorses the adoption timeliness improvement plan.',
    );

    await k.press('Alt+KeyA');
    await expect(page.getByLabel('Action', { exact: true })).toBeFocused();
    await k.type('Report progress on early permanence placements.');
    await k.press('Tab');
    await k.type('Gareth');
    await k.press('Tab');
    await k.type('31/03/2027');
    await k.press('Tab');
    await k.type('H');
    await k.press('Tab');
    await k.press('Enter');
    await expect(page.getByRole('table', { name: 'Actions arising from item 7' })).toContainText(
      'Report progress on early permanence placements.',
    );

    await k.press('Alt+KeyA');
    await expect(page.getByLabel('Action', { exact: true })).toBeFocused();
    await k.type('Circulate the fostering campaign timetable.');
    await k.press('Tab');
    await k.type('Someone');
    await k.press('Tab');
    await k.type('Fostering Service Manager');
    await k.press('Tab');
    await k.type('15 Jan 2027');
    await k.press('Enter');
    await expect(page.getByRole('table', { name: 'Actions arising from item 7' })).toContainText(
      'Fostering Service Manager',
    );

    // End the meeting.
    await k.press('Alt+KeyE');
    await expect(page.getByTestId('meeting-status')).toHaveText('Minutes in draft');

    // What the board file now holds.
    const m = await api<Detail>(server, 'meeting.get', { id: upcoming.id });
    expect(m.status).toBe('minutes_draft');
    expect(m.attendance.filter((a) => a.status === 'present')).toHaveLength(8);
    expect(m.attendance.find((a) => a.memberId === 12)).toMatchObject({
      memberId: 12,
      status: 'substitute',
      substituteForMemberId: 9,
    });
    expect(m.declarations).toEqual([
      expect.objectContaining({
        member: 'Cllr Priya Raman',
        itemPosition: 7,
        nature: 'Non-pecuniary: member of the regional adoption panel',
      }),
    ]);
    expect(m.items[0]!.minutesText).toBe(
      'The Chair welcomed everyone. Apologies were received from Cllr Tom Harwood, DI Mark Sutton and Kai Mensah.',
    );
    expect(JSON.stringify(m.items[0]!.minutesDoc)).toContain(
      '{"type":"text","marks":[{"type":"bold"}],"text":"Apologies"}',
    );
    expect(m.items[1]!.minutesText).toBe('Cllr Priya Raman declared a non-pecuniary interest in item 7.');
    expect(m.items[6]!.minutesText).toBe(
      'Gareth Lowe presented the plan. Its main points:\n1. early permanence placements\n2. quicker matching after placement orders\nMembers welcomed the plan.',
    );
    expect(m.items[6]!.decisions.map((d) => d.text)).toEqual([
      'the Board endorses the adoption timeliness improvement plan.',
    ]);
    expect(m.items[6]!.actions).toEqual([
      expect.objectContaining({
        description: 'Report progress on early permanence placements.',
        owner: 'Gareth Lowe',
        dueDate: '2027-03-31',
        urgency: 'high',
      }),
      expect.objectContaining({
        description: 'Circulate the fostering campaign timetable.',
        owner: 'Fostering Service Manager',
        dueDate: '2027-01-15',
        urgency: 'medium',
      }),
    ]);

    // The next meeting approves those minutes from its "minutes of the last meeting" item.
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
    await expect(dialog).toContainText('Once approved they are locked');
    await expect(dialog.getByRole('button', { name: 'Approve the minutes' })).toBeFocused();
    await k.press('Enter');
    await expect(page.getByTestId('approval-state')).toContainText(
      'are approved (approved at this meeting) and locked',
    );

    // The earlier minutes are locked: the page says so, there is nothing to edit, the API refuses.
    await page.goto(`${server.url}#/meetings/${upcoming.id}`);
    await expect(page.getByTestId('approved-note')).toContainText(
      /Approved on \d{1,2} \w+ 20\d\d, \d{2}:\d{2} at the meeting of 3 February 2027/,
    );
    await expect(page.getByRole('button', { name: 'Save item' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Record an amendment' })).toBeVisible();
    await expect(page.getByText('The Chair welcomed everyone.')).toBeVisible();
    await page.goto(`${server.url}#/meetings/${upcoming.id}/live`);
    await expect(page.getByTestId('meeting-status')).toHaveText('Minutes approved (locked)');
    await expect(page.locator('[contenteditable="true"]')).toHaveCount(0);
    await k.press('Alt+KeyD');
    await expect(page.getByLabel('RESOLVED that…')).toHaveCount(0);
    const refused = await api(server, 'item.saveMinutes', {
      itemId: m.items[0]!.id,
      doc: { type: 'doc', content: [] },
    }).catch((e: Error & { code: string }) => e);
    expect((refused as Error & { code: string }).code).toBe('locked');
    const after = await api<Detail>(server, 'meeting.get', { id: upcoming.id });
    expect(after.items[0]!.minutesText).toBe(m.items[0]!.minutesText);
  });
});

test('autosave: words typed are on disk when the server is killed, and there after a restart', async ({
  page,
}) => {
  const board = makeDemoBoard(TODAY);
  let server = await startServer(board, { CPB_TODAY: TODAY });
  try {
    const list = await api<{ upcoming: { id: number }[] }>(server, 'meeting.list', {});
    const id = list.upcoming[0]!.id;
    await api(server, 'meeting.setStatus', {
      id,
      status: 'in_progress',
      early: { reason: 'Started early to rehearse' },
    });
    await page.goto(`${server.url}#/meetings/${id}/live`);
    await expect(page.getByTestId('meeting-status')).toHaveText('Meeting in progress');
    await page.keyboard.press('Alt+KeyM');
    await expect(page.getByTestId('minutes-editor')).toBeFocused();
    await page.keyboard.type('Every word must survive a crash of the laptop.');
    await saved(page);
    await server.stop('SIGKILL');
    expect(server.proc.signalCode).toBe('SIGKILL');

    server = await startServer(board, { CPB_TODAY: TODAY });
    const m = await api<Detail>(server, 'meeting.get', { id });
    expect(m.items[0]!.minutesText).toBe('Every word must survive a crash of the laptop.');
    await page.goto(`${server.url}#/meetings/${id}/live`);
    await expect(page.getByTestId('minutes-editor')).toHaveText(
      'Every word must survive a crash of the laptop.',
    );
  } finally {
    await server.stop();
  }
});

test('agenda builder: reorder by keyboard (announced), edit an item, papers shown safely in a browser', async ({
  page,
}) => {
  const server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
  try {
    const list = await api<{ upcoming: { id: number }[] }>(server, 'meeting.list', {});
    const id = list.upcoming[0]!.id;
    const before = await api<Detail>(server, 'meeting.get', { id });
    await page.goto(`${server.url}#/meetings/${id}`);
    await expect(page.getByRole('grid')).toBeVisible();
    // Move item 2 down two places with the keyboard: focus the row, its handle, Enter, arrows, Enter.
    await page.getByRole('row', { name: /^2\. Declarations of interest/ }).click();
    const k = page.keyboard;
    await k.press('ArrowRight');
    await expect(page.getByRole('button', { name: 'Move item 2, Declarations of interest' })).toBeFocused();
    await k.press('Enter');
    await expect(page.getByTestId('agenda-announce')).toContainText(
      'Picked up Declarations of interest: position 2 of 11',
    );
    await k.press('ArrowDown');
    await k.press('ArrowDown');
    await k.press('Enter');
    await expect(page.getByTestId('agenda-announce')).toHaveText(
      'Dropped. Declarations of interest: position 4 of 11.',
    );
    await expect
      .poll(async () => (await api<Detail>(server, 'meeting.get', { id })).items.map((i) => i.id))
      .toEqual([
        before.items[0]!.id,
        before.items[2]!.id,
        before.items[3]!.id,
        before.items[1]!.id,
        ...before.items.slice(4).map((i) => i.id),
      ]);
    await expect(page.locator('.agenda-title').nth(3)).toHaveText('Declarations of interest');

    // Edit item 7: Part B with its paragraph, a file-path paper.
    await page.getByRole('row', { name: /^7\. Adoption timeliness/ }).click();
    await expect(page.getByRole('heading', { name: 'Item 7: edit' })).toBeVisible();
    await page.getByLabel('Part B: exempt from the public minutes').check();
    await page.getByRole('button', { name: 'Save item' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'a Part B item must say which paragraph of Schedule 12A applies',
    );
    // The paragraph is chosen from Part 1 of Schedule 12A (1–7), not typed; the public title is the clerk's.
    await page.getByRole('button', { name: /Exempt under \(Schedule 12A paragraph\)/ }).click();
    await page.getByRole('option', { name: 'Paragraph 1 — information relating to any individual' }).click();
    await page.getByLabel('Public title').fill('Adoption matter — exempt under paragraph 1');
    await page.getByLabel('Report author').fill('Gareth Lowe, Head of Service, Children in Care');
    await page.getByLabel('Recommendations').fill('Endorse the plan.\nAsk for a progress report in June.');
    await page.getByLabel('Paper title').fill('Case summaries');
    await page.getByLabel('Link or file path').fill('\\\\northshire\\cpb\\case-summaries.docx');
    await page.getByRole('button', { name: 'Add paper' }).click();
    await page.getByRole('button', { name: 'Save item' }).click();
    await expect(page.getByText('Item 7 saved.')).toBeVisible();
    const item = (
      await api<
        Detail & {
          items: {
            exempt: boolean;
            exemptParagraph: number | null;
            publicTitle: string;
            reportAuthor: string;
            recommendations: string;
            papers: { label: string; ref: string }[];
          }[];
        }
      >(server, 'meeting.get', { id })
    ).items[6]!;
    expect(item.exempt).toBe(true);
    expect(item.exemptParagraph).toBe(1);
    expect(item.publicTitle).toBe('Adoption matter — exempt under paragraph 1');
    expect(item.reportAuthor).toBe('Gareth Lowe, Head of Service, Children in Care');
    expect(item.recommendations).toBe('Endorse the plan.\nAsk for a progress report in June.');
    expect(item.papers.map((p) => p.ref)).toEqual([
      'https://intranet.northshire.example/cpb/' + before.date + '/adoption-plan.pdf',
      '\\\\northshire\\cpb\\case-summaries.docx',
    ]);
    // In a browser: the https paper is an ordinary link opening a new tab; the path is text to copy.
    const link = page.getByRole('link', { name: 'Adoption timeliness improvement plan' });
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
    await expect(page.locator('code.copyable')).toHaveText('\\\\northshire\\cpb\\case-summaries.docx');
  } finally {
    await server.stop();
  }
});

test('approved minutes: a correction is recorded as an amendment and shown with the minutes', async ({
  page,
}) => {
  const server = await startServer(makeDemoBoard(TODAY), { CPB_TODAY: TODAY });
  try {
    const list = await api<{ past: { id: number; status: string; date: string }[] }>(
      server,
      'meeting.list',
      {},
    );
    const approved = list.past.find((m) => m.status === 'minutes_approved')!;
    await page.goto(`${server.url}#/meetings/${approved.id}`);
    await expect(page.getByTestId('approved-note')).toContainText('These minutes are locked');
    await page
      .getByLabel('Correction')
      .fill('Item 6: the dental checks figure quoted should read 71%, not 17%.');
    await page.getByRole('button', { name: 'Record amendment' }).click();
    await expect(page.getByText('Amendment recorded.')).toBeVisible();
    await expect(page.getByTestId('amendments')).toContainText(
      'Item 6: the dental checks figure quoted should read 71%, not 17%.',
    );
    const m = await api<{ amendments: { text: string; author: string }[] }>(server, 'meeting.get', {
      id: approved.id,
    });
    expect(m.amendments).toEqual([
      expect.objectContaining({ text: 'Item 6: the dental checks figure quoted should read 71%, not 17%.' }),
    ]);
    expect(m.amendments[0]!.author.length).toBeGreaterThan(0);
  } finally {
    await server.stop();
  }
});
