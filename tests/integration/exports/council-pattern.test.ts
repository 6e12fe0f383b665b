/**
 * The minutes and agenda pack in the pattern English councils publish (issue 14), through the API
 * as every door calls it: running minute numbers through the municipal year, one declarations
 * minute, each action once, the formal exclusion resolution with its Schedule 12A paragraph,
 * minutes refused for a meeting not yet held, public by default, one Part B title policy, young
 * people by first name, and the agenda's front sheet and reports.
 */
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../shared/api';
import { dispatch } from '../../../electron/core/dispatch';
import { EXEMPT_PHRASE } from '../../../electron/core/demo/meetings';
import { callError, callOk, demoSession } from '../../helpers';
import { wordText } from './word-text';

const { session } = demoSession();
const db = session.ctx().db;
afterAll(() => session.close());

const meetingId = (n: number) =>
  (db.prepare('SELECT id FROM meeting ORDER BY date LIMIT 1 OFFSET ?').get(n - 1) as { id: number }).id;
const [M1, M2, M3, M4] = [1, 2, 3, 4].map(meetingId) as [number, number, number, number];

interface Made {
  fileName: string;
  text: string;
  xml: string;
  zip: JSZip;
}

async function make(input: Record<string, unknown>): Promise<Made> {
  const r = await dispatch(session, 'export.document', input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const v = r.value as { fileName: string; dataBase64: string };
  const zip = await JSZip.loadAsync(Buffer.from(v.dataBase64, 'base64'));
  const xml = await zip.file('word/document.xml')!.async('string');
  return { fileName: v.fileName, text: wordText(xml), xml, zip };
}
const headers = async (d: Made) =>
  Promise.all(
    Object.keys(d.zip.files)
      .filter((n) => /^word\/header\d*\.xml$/.test(n))
      .map(async (n) => wordText(await d.zip.file(n)!.async('string'))),
  );
const count = (text: string, s: string) => text.split(s).length - 1;
const items = (m: number) =>
  (db.prepare('SELECT count(*) AS n FROM agenda_item WHERE meeting_id = ?').get(m) as { n: number }).n;

describe('minute numbers run through the municipal year', () => {
  it('numbers each meeting’s minutes on from the last, with one for the exclusion resolution', async () => {
    // The demo's meetings are in June, August and September 2026 and December 2026: one municipal
    // year (from May), 2026/27.
    const m1 = await make({ kind: 'minutes', meetingId: M1 });
    const m2 = await make({ kind: 'minutes', meetingId: M2 });
    const m3 = await make({ kind: 'minutes', meetingId: M3 });
    expect(m1.text).toMatch(/Minutes\nCPB\/26\/27\/1 to CPB\/26\/27\/9\n/);
    expect(items(M1)).toBe(9);
    // Meeting 2: 10 items, one of them Part B, so 11 minutes (10–20).
    expect(items(M2)).toBe(10);
    expect(m2.text).toMatch(/Minutes\nCPB\/26\/27\/10 to CPB\/26\/27\/20\n/);
    expect(m2.text).toContain('CPB/26/27/10\u2003Welcome, introductions and apologies');
    expect(m2.text).toContain('CPB/26/27/19\u2003Exclusion of the press and public');
    expect(m3.text).toMatch(/Minutes\nCPB\/26\/27\/21 to CPB\/26\/27\/29\n/);
    // The numbers are fixed when the minutes are approved (the two approved demo meetings).
    expect(
      db
        .prepare('SELECT minute_series, minute_start FROM meeting WHERE id IN (?, ?) ORDER BY date')
        .all(M1, M2),
    ).toEqual([
      { minute_series: 'CPB/26/27', minute_start: 1 },
      { minute_series: 'CPB/26/27', minute_start: 10 },
    ]);
  });

  it('approved minutes keep their numbers when the settings change; the others follow them', async () => {
    const before = await callOk(session, 'board.publishing', {});
    await callOk(session, 'board.setPublishing', { ...before, minutePrefix: 'CPC' });
    try {
      expect((await make({ kind: 'minutes', meetingId: M2 })).text).toContain('CPB/26/27/19\u2003Exclusion');
      expect((await make({ kind: 'minutes', meetingId: M3 })).text).toMatch(
        /Minutes\nCPC\/26\/27\/21 to CPC\/26\/27\/29\n/,
      );
    } finally {
      await callOk(session, 'board.setPublishing', before);
    }
  });
});

describe('minutes in the committee pattern', () => {
  it('puts declarations in the declarations minute only, once', async () => {
    const d = await make({ kind: 'minutes', meetingId: M3, public: false });
    expect(count(d.text, 'declared an interest')).toBe(1);
    expect(d.text).toContain(
      'CPB/26/27/22\u2003Declarations of interest\nCllr Priya Raman declared an interest in minute CPB/26/27/27, Permanence and adoption timeliness. Non-pecuniary interest: member of the regional adoption agency’s adoption panel.\nCllr Priya Raman remained in the meeting and took part in the discussion of the adoption item.',
    );
    // No separate section as well as the minute.
    expect(d.text).not.toMatch(/\nDeclarations of interest\nNo declarations/);
  });

  it('records each action once, in its minute, with an action schedule appended by reference', async () => {
    const d = await make({ kind: 'minutes', meetingId: M2, public: false });
    const actions = db
      .prepare('SELECT agreed_description AS text FROM action WHERE meeting_id = ? ORDER BY id')
      .all(M2) as { text: string }[];
    expect(actions.length).toBeGreaterThanOrEqual(4);
    for (const a of actions) expect(count(d.text, a.text), a.text).toBe(1);
    const schedule = d.text.slice(d.text.indexOf('Appendix: action schedule'));
    expect(schedule).toMatch(/\nA1\nCPB\/26\/27\/14\nGareth Lowe\n9 December 2026\n/);
    for (const a of actions) expect(schedule).not.toContain(a.text);
    // Short tables never leave a one-row fragment: every row but the last keeps with the next.
    const table = d.xml.slice(d.xml.indexOf('Appendix: action schedule'));
    const rows = table.slice(0, table.indexOf('</w:tbl>')).split('<w:tr>').slice(1);
    expect(rows.length).toBe(actions.length + 1);
    rows.forEach((row, k) => {
      expect(row).toContain('<w:cantSplit/>');
      if (k < rows.length - 1) expect(row, `row ${k}`).toContain('<w:keepNext/>');
    });
  });

  it('says when the meeting started and closed, and keeps the Chair’s signature with its heading', async () => {
    const d = await make({ kind: 'minutes', meetingId: M2 });
    expect(d.text).toMatch(/Time\n10:00 to 12:25\n/);
    const from = d.xml.lastIndexOf('<w:p>', d.xml.indexOf('The meeting closed at 12:25.'));
    const block = d.xml.slice(from, d.xml.indexOf('Cllr Margaret Ellison, Chair'));
    // Every paragraph from the closing time to the Chair's name keeps with the next.
    const paras = block.split('<w:p>').slice(1, -1);
    expect(paras.length).toBeGreaterThanOrEqual(6);
    for (const para of paras) expect(para).toContain('<w:keepNext/>');
    expect(wordText(block)).toContain('Signed as a correct record');
  });

  it('records the closing time when the meeting ends, editable afterwards but not before', async () => {
    const { session: s2 } = demoSession();
    try {
      const list = await callOk(s2, 'meeting.list', {});
      const id = list.upcoming[0]!.id;
      const m = await callOk(s2, 'meeting.get', { id });
      const edit = (closingTime: string | null) =>
        ({
          id,
          date: m.date,
          startTime: m.startTime,
          venue: m.venue,
          chairMemberId: m.chairMemberId,
          type: m.type,
          closingTime,
        }) as ApiInput<'meeting.update'>;
      expect((await callError(s2, 'meeting.update', edit('12:00'))).message).toMatch(
        /has not ended yet; its closing time is recorded when it ends/,
      );
      await callOk(s2, 'meeting.setStatus', {
        id,
        status: 'in_progress',
        early: { reason: 'Brought forward' },
      });
      for (const memberId of [1, 2, 3])
        await callOk(s2, 'attendance.set', {
          meetingId: id,
          memberId,
          status: 'present',
          substituteForMemberId: null,
        });
      await callOk(s2, 'meeting.setStatus', { id, status: 'minutes_draft' });
      const ended = await callOk(s2, 'meeting.get', { id });
      expect(ended.closingTime).toMatch(/^\d\d:\d\d$/);
      await callOk(s2, 'meeting.update', edit('12:05'));
      expect((await callOk(s2, 'meeting.get', { id })).closingTime).toBe('12:05');
      const v = await callOk(s2, 'export.document', { kind: 'minutes', meetingId: id });
      const zip = await JSZip.loadAsync(Buffer.from(v.dataBase64, 'base64'));
      expect(wordText(await zip.file('word/document.xml')!.async('string'))).toContain(
        'The meeting closed at 12:05.',
      );
    } finally {
      s2.close();
    }
  });

  it('refuses minutes of a meeting not yet held, unless a draft is asked for, which says so', async () => {
    const e = await callError(session, 'export.document', { kind: 'minutes', meetingId: M4 });
    expect(e.code).toBe('conflict');
    expect(e.message).toBe(
      'The meeting on 16 December 2026 has not been held yet, so it has no minutes. Start the meeting and record attendance first, or ask for a draft stamped “DRAFT — meeting not yet held”.',
    );
    const draft = await make({ kind: 'minutes', meetingId: M4, draft: true });
    for (const h of await headers(draft)) expect(h).toContain('DRAFT — meeting not yet held');
    expect(draft.text).toContain('DRAFT — meeting not yet held. Prepared before the meeting');
    // Nothing is claimed that was not recorded.
    expect(draft.text).not.toMatch(/None received|No declarations of interest were|The meeting closed/);
    expect(draft.text).toContain('Attendance has not been recorded yet.');
    expect(draft.text).toContain('To be recorded at the meeting.');
  });

  it('refuses minutes of a meeting under way with no attendance recorded', async () => {
    const { session: s2 } = demoSession();
    try {
      const id = (await callOk(s2, 'meeting.list', {})).upcoming[0]!.id;
      await callOk(s2, 'meeting.setStatus', {
        id,
        status: 'in_progress',
        early: { reason: 'Brought forward' },
      });
      const e = await callError(s2, 'export.document', { kind: 'minutes', meetingId: id });
      expect(e.message).toMatch(/^No attendance has been recorded for the meeting on 16 December 2026/);
      const r = await dispatch(s2, 'export.document', { kind: 'minutes', meetingId: id, draft: true });
      expect(r.ok).toBe(true);
    } finally {
      s2.close();
    }
  });

  it('never says "None" for apologies of members whose attendance was not recorded', async () => {
    const { session: s2 } = demoSession();
    try {
      const id = (await callOk(s2, 'meeting.list', {})).upcoming[0]!.id;
      await callOk(s2, 'meeting.setStatus', {
        id,
        status: 'in_progress',
        early: { reason: 'Brought forward' },
      });
      await callOk(s2, 'attendance.set', {
        meetingId: id,
        memberId: 1,
        status: 'present',
        substituteForMemberId: null,
      });
      const v = await callOk(s2, 'export.document', { kind: 'minutes', meetingId: id, public: false });
      const zip = await JSZip.loadAsync(Buffer.from(v.dataBase64, 'base64'));
      const t = wordText(await zip.file('word/document.xml')!.async('string'));
      expect(t).toContain('Apologies\nNone recorded.');
      expect(t).not.toContain('None received');
      expect(t).toMatch(/Attendance not recorded\nCllr David Okafor\n/);
    } finally {
      s2.close();
    }
  });
});

describe('public by default at every door', () => {
  it('the API makes the public minutes, agenda and action log unless asked for the confidential version', async () => {
    const minutes = await make({ kind: 'minutes', meetingId: M2 });
    expect(minutes.fileName).toBe('Northshire CPB minutes 5 August 2026 (public).docx');
    expect(minutes.text).not.toContain(EXEMPT_PHRASE);
    const agenda = await make({ kind: 'agenda', meetingId: M2 });
    expect(agenda.fileName).toBe('Northshire CPB agenda 5 August 2026 (public).docx');
    expect(agenda.text).not.toContain('Emergency placement');
    expect((await make({ kind: 'actions' })).fileName).toBe(
      'Northshire CPB action log 23 November 2026 (public).docx',
    );
    const conf = await make({ kind: 'minutes', meetingId: M2, public: false });
    expect(conf.text).toContain(EXEMPT_PHRASE);
    expect((await make({ kind: 'agenda', meetingId: M2, public: false })).text).toContain(
      'Emergency placement of Young Person K',
    );
  });
});

describe('one Part B title policy for the agenda and the minutes', () => {
  it('prints the public title the clerk writes, never the real title, and a neutral one until it is written', async () => {
    const { session: s2 } = demoSession();
    try {
      const id = (await callOk(s2, 'meeting.list', {})).upcoming[0]!.id;
      const m = await callOk(s2, 'meeting.get', { id });
      const it = m.items.find((x) => x.title === 'Placement sufficiency and the fostering campaign')!;
      const update = (extra: Partial<ApiInput<'item.update'>>) =>
        callOk(s2, 'item.update', {
          itemId: it.id,
          title: 'Residential contract with Heronsgate Care Ltd',
          presenter: it.presenter,
          purpose: it.purpose,
          minutesAllowed: it.minutesAllowed,
          exempt: true,
          exemptParagraph: 3,
          priorityIds: it.priorityIds,
          pledgeIds: it.pledgeIds,
          principleIds: it.principleIds,
          papers: it.papers,
          ...extra,
        });
      await update({});
      const get = async (input: ApiInput<'export.document'>) => {
        const v = await callOk(s2, 'export.document', input);
        const zip = await JSZip.loadAsync(Buffer.from(v.dataBase64, 'base64'));
        return wordText(await zip.file('word/document.xml')!.async('string'));
      };
      // No public title yet: the neutral one, naming the paragraph, in both public documents.
      const neutral = 'Exempt item — paragraph 3 of Schedule 12A';
      expect(await get({ kind: 'agenda', meetingId: id })).toContain(`9. ${neutral}`);
      expect(await get({ kind: 'minutes', meetingId: id, draft: true })).toContain(neutral);

      await update({ publicTitle: 'Residential placements contract — exempt under paragraph 3' });
      const agenda = await get({ kind: 'agenda', meetingId: id });
      const minutes = await get({ kind: 'minutes', meetingId: id, draft: true });
      for (const t of [agenda, minutes]) {
        expect(t).toContain('Residential placements contract — exempt under paragraph 3');
        expect(t).not.toContain('Heronsgate');
      }
      expect(agenda).toContain('as defined in paragraph 3 of Part 1 of Schedule 12A to the Act');
      // The confidential versions print the real title.
      expect(await get({ kind: 'agenda', meetingId: id, public: false })).toContain(
        'Residential contract with Heronsgate Care Ltd',
      );
      expect(await get({ kind: 'minutes', meetingId: id, draft: true, public: false })).toContain(
        'Residential contract with Heronsgate Care Ltd',
      );
      // Omitting the public title on a later save leaves it as it was.
      await update({});
      expect((await callOk(s2, 'meeting.get', { id })).items.find((x) => x.id === it.id)!.publicTitle).toBe(
        'Residential placements contract — exempt under paragraph 3',
      );
    } finally {
      s2.close();
    }
  });

  it('takes the Schedule 12A paragraph from 1 to 7 only, and requires one for a Part B item', async () => {
    const m = await callOk(session, 'meeting.get', { id: M4 });
    const it = m.items[8]!;
    const base = {
      itemId: it.id,
      title: it.title,
      presenter: it.presenter,
      purpose: it.purpose,
      minutesAllowed: it.minutesAllowed,
      exempt: true,
      priorityIds: it.priorityIds,
      pledgeIds: it.pledgeIds,
      principleIds: it.principleIds,
      papers: it.papers,
    };
    const eight = await callError(session, 'item.update', { ...base, exemptParagraph: 8 });
    expect(eight.issues).toEqual([
      { path: 'exemptParagraph', message: 'must be a paragraph from 1 to 7 (Part 1 of Schedule 12A)' },
    ]);
    const none = await callError(session, 'item.update', { ...base, exemptParagraph: null });
    expect(none.issues).toEqual([
      { path: 'exemptParagraph', message: 'a Part B item must say which paragraph of Schedule 12A applies' },
    ]);
    // The database refuses one too, whatever the door.
    expect(() => db.prepare('UPDATE agenda_item SET exempt_para = 8 WHERE id = ?').run(it.id)).toThrow(
      /CHECK/,
    );
  });
});

describe('young people by first name in public documents', () => {
  it('follows the board’s setting (on by default), and never in the confidential version', async () => {
    const settings = await callOk(session, 'board.publishing', {});
    expect(settings.youngPeopleFirstNames).toBe(true);
    const pub = await make({ kind: 'minutes', meetingId: M2 });
    expect(pub.text).toContain('Jade — Representative, Children in Care Council');
    expect(pub.text).toContain('Jade reported on the Children in Care Council’s survey of reviews.');
    expect(pub.text).not.toMatch(/Robinson|Mensah/);
    expect((await make({ kind: 'agenda', meetingId: M4 })).text).not.toMatch(/Robinson|Mensah/);
    expect((await make({ kind: 'minutes', meetingId: M2, public: false })).text).toContain(
      'Jade Robinson — Representative',
    );
    await callOk(session, 'board.setPublishing', { ...settings, youngPeopleFirstNames: false });
    try {
      expect((await make({ kind: 'minutes', meetingId: M2 })).text).toContain(
        'Jade Robinson reported on the Children in Care Council’s survey of reviews.',
      );
    } finally {
      await callOk(session, 'board.setPublishing', settings);
    }
  });
});

describe('the agenda pack a council publishes', () => {
  it('has the front sheet: summons, contact officer, publication date and the public-access and filming notice', async () => {
    const t = (await make({ kind: 'agenda', meetingId: M4 })).text;
    expect(t).toContain(
      'To the members of the Northshire Corporate Parenting Board: you are summoned to attend a meeting of the Board in Committee Room 2, County Hall, Northshire on Wednesday 16 December 2026 at 10:00',
    );
    expect(t).toContain('Sarah Whitfield, Director of Law and Governance, 21 November 2026');
    expect(t).toMatch(
      /Contact officer\nRachel Greaves, Democratic Services Officer\nTelephone: 01632 960 412\nEmail: democratic\.services@northshire\.example\n/,
    );
    expect(t).toMatch(/Date of publication\n21 November 2026\n/);
    expect(t).toContain('Public access, filming and recording');
    expect(t).toContain('Openness of Local Government Bodies Regulations 2014');
  });

  it('gives each report its author, purpose, recommendations, priorities and papers', async () => {
    const t = (await make({ kind: 'agenda', meetingId: M4 })).text;
    expect(t).toContain(
      '7. Adoption timeliness improvement plan\nReport author: Gareth Lowe, Head of Service, Children in Care\nPresented by: Gareth Lowe\nPurpose: For decision\n',
    );
    expect(t).toContain('Strategic priorities: P5 A permanent family and lasting relationships');
    expect(t).toContain('Purpose of the report\nTo ask the Board to endorse a plan');
    expect(t).toContain(
      'Recommendations\nThe Board is recommended to:\nEndorse the adoption timeliness improvement plan.\nAsk for a progress report on adoption timeliness at the meeting in June.',
    );
    expect(t).toContain(
      'Appendices\nAppendix 3A (item 3): Draft minutes\nAppendix 6A (item 6): Performance scorecard',
    );
  });

  it('the settings are the board’s, edited through the API and checked', async () => {
    const before = await callOk(session, 'board.publishing', {});
    const bad = await callError(session, 'board.setPublishing', { ...before, contactEmail: 'not an email' });
    expect(bad.issues).toEqual([
      { path: 'contactEmail', message: 'must be an email address like name@council.gov.uk' },
    ]);
    await callOk(session, 'board.setPublishing', { ...before, contactName: 'Priya Shah' });
    try {
      expect((await make({ kind: 'agenda', meetingId: M4 })).text).toContain(
        'Contact officer\nPriya Shah, Democratic Services Officer',
      );
    } finally {
      await callOk(session, 'board.setPublishing', before);
    }
  });
});
