/**
 * Issue 12: every Word document is well-formed XML, whatever text reached the board. Every kind of
 * document is made for the demo board and every XML part checked with an XML parser; then again
 * after hostile text has gone in through the API (cleaned at the door) and straight into the file
 * (as an old board might hold it: cleaned by the document kit).
 */
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { Packer } from 'docx';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { wellFormedScan, xmlPartProblems, xmlProblem } from '../../../electron/core/exports/well-formed';
import { p, renderDocument } from '../../../electron/core/exports/kit';
import type { MeetingDetail } from '../../../shared/api/meetings';
import { callError, callOk, demoSession } from '../../helpers';

const { session } = demoSession();
const db = session.ctx().db;
afterAll(() => session.close());

const HOSTILE = 'Bad\uFFFE text\uFFFF with\uD800 a lone surrogate,\u0001 a control,\u000B a vertical tab';
const CLEAN = 'Bad text with a lone surrogate, a control,  a vertical tab';
/** What SQLite can hold (it stores UTF-8: a lone surrogate would already be U+FFFD). */
const HOSTILE_STORED = 'Stored\uFFFE text\uFFFF with\u0001 controls\u001F in it';

/** Every document the Reports screen offers for the demo board. */
async function everyDocument(): Promise<{ name: string; data: Buffer }[]> {
  const options = await callOk(session, 'export.options', {});
  const inputs: Record<string, unknown>[] = [
    { kind: 'actions', public: false },
    { kind: 'actions', public: true },
    { kind: 'scorecard' },
    { kind: 'annual', from: options.yearFrom, to: options.yearTo },
  ];
  // One meeting of each status (draft, published, in progress, minutes in draft, approved).
  const seen = new Set<string>();
  for (const m of options.meetings) {
    if (seen.has(m.status)) continue;
    seen.add(m.status);
    inputs.push({ kind: 'agenda', meetingId: m.id, public: true });
    inputs.push({ kind: 'agenda', meetingId: m.id, public: false });
    // A draft: minutes of a meeting not yet held are refused otherwise.
    inputs.push({ kind: 'minutes', meetingId: m.id, public: false, draft: true });
    inputs.push({ kind: 'minutes', meetingId: m.id, public: true, draft: true });
    if (m.snapshot) inputs.push({ kind: 'scorecard', meetingId: m.id });
  }
  const out: { name: string; data: Buffer }[] = [];
  for (const input of inputs) {
    const doc = await callOk(session, 'export.document', input as never);
    out.push({
      name: `${JSON.stringify(input)} ${doc.fileName}`,
      data: Buffer.from(doc.dataBase64, 'base64'),
    });
  }
  return out;
}

/** Each XML part: parsed by fast-xml-parser's validator, and every character one XML 1.0 allows. */
async function partsOf(data: Buffer): Promise<{ part: string; xml: string }[]> {
  const zip = await JSZip.loadAsync(data);
  const parts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
  return Promise.all(parts.map(async (part) => ({ part, xml: await zip.file(part)!.async('string') })));
}
const xmlChars = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

async function expectWellFormed(docs: { name: string; data: Buffer }[]): Promise<number> {
  let parts = 0;
  for (const d of docs) {
    for (const { part, xml } of await partsOf(d.data)) {
      parts += 1;
      expect(XMLValidator.validate(xml), `${d.name}: ${part}`).toBe(true);
      expect(xmlChars.test(xml), `${d.name}: ${part} holds a character XML cannot carry`).toBe(true);
      expect(xml, `${d.name}: ${part}`).not.toMatch(/&#x?(0|[0-8]|1[0-9]|FFF[EF]|65534|65535);/i);
    }
    expect(await xmlPartProblems(d.data)).toEqual([]);
  }
  return parts;
}

describe('Word documents are well-formed XML', () => {
  it('every kind of document for the demo board: every XML part parses', async () => {
    const docs = await everyDocument();
    expect(docs.length).toBeGreaterThanOrEqual(12);
    expect(await expectWellFormed(docs)).toBeGreaterThan(docs.length * 5);
  });

  it('the checker itself catches what the parser alone does not (U+FFFE, &#xFFFF;, a broken tag)', () => {
    expect(XMLValidator.validate('<a>x\uFFFEy</a>')).toBe(true); // why the kit checks characters too
    expect(xmlProblem('<a>x\uFFFEy</a>')).toBe('it holds a character XML cannot carry (U+FFFE)');
    expect(xmlProblem('<a>x&#xFFFF;</a>')).toBe('it refers to a character XML cannot carry (&#xFFFF;)');
    expect(xmlProblem('<a>x<b></a>')).toMatch(/^line 1, column 8: Expected closing tag 'b'/);
    expect(xmlProblem('<a>x &amp; &#x1F600; y</a>')).toBeNull();
  });

  it('the one-pass structure check refuses whatever the validator refuses, and passes every part of every document', async () => {
    const broken = [
      '<a>x<b></a>',
      '<a>x & y</a>',
      '<a b="1" b="2"/>',
      '<a b=1/>',
      'x<a/>',
      '<a>',
      '<a></A>',
      '</a>',
      '<a><b></a></b>',
      '<a x="<"/>',
      '<a b="x&y"/>',
      '<a></a><b/>',
      '<a>]]></a>',
      '<!DOCTYPE a><a/>',
      '<a>&nbsp;</a>',
      '',
    ];
    for (const xml of broken) {
      expect(wellFormedScan(xml), xml).not.toBeNull();
      expect(xmlProblem(xml), xml).not.toBeNull();
    }
    for (const ok of [
      '<a><![CDATA[ <x> & ]]></a>',
      '<?xml version="1.0"?>\n<a:b c:d="1">&amp;&#x41;<!-- c --></a:b>',
    ])
      expect(wellFormedScan(ok), ok).toBeNull();
    let parts = 0;
    for (const d of await everyDocument())
      for (const { part, xml } of await partsOf(d.data)) {
        parts += 1;
        expect(wellFormedScan(xml), `${d.name}: ${part}`).toBeNull();
      }
    expect(parts).toBeGreaterThan(60);
  });

  it('hostile text through the API is cleaned at the door; the agenda and minutes stay well-formed', async () => {
    const options = await callOk(session, 'export.options', {});
    const drafted = options.meetings.find((m) => m.status === 'minutes_draft')!;
    const meeting = (await callOk(session, 'meeting.get', { id: drafted.id })) as MeetingDetail;
    await callOk(session, 'meeting.update', {
      id: meeting.id,
      date: meeting.date,
      startTime: meeting.startTime,
      venue: HOSTILE,
      chairMemberId: meeting.chairMemberId,
      type: meeting.type,
    } as never);
    const item = meeting.items[0]!;
    await callOk(session, 'item.saveMinutes', {
      itemId: item.id,
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: HOSTILE }] }] },
    });
    const after = (await callOk(session, 'meeting.get', { id: meeting.id })) as MeetingDetail;
    expect(after.venue).toBe(CLEAN);
    expect(JSON.stringify(after.items[0]!.minutesDoc)).toContain(CLEAN);

    const docs = await Promise.all(
      [{ kind: 'agenda' }, { kind: 'minutes', public: false }].map(async (k) => {
        const d = await callOk(session, 'export.document', { ...k, meetingId: meeting.id } as never);
        return { name: k.kind, data: Buffer.from(d.dataBase64, 'base64') };
      }),
    );
    await expectWellFormed(docs);
    const minutes = (await partsOf(docs[1]!.data)).find((x) => x.part === 'word/document.xml')!.xml;
    expect(minutes).toContain('Bad text with a lone surrogate');
  });

  it('hostile text already in the board file (saved before the check) is cleaned by the document kit', async () => {
    // As an old board might hold it: written past the API.
    db.prepare(
      'UPDATE measure SET title = ? WHERE id = (SELECT id FROM measure WHERE archived = 0 ORDER BY sort LIMIT 1)',
    ).run(HOSTILE_STORED);
    db.prepare('UPDATE action SET description = ? WHERE id = (SELECT MAX(id) FROM action)').run(
      HOSTILE_STORED,
    );
    const item = db
      .prepare(
        "SELECT i.id, i.meeting_id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE m.status = 'agenda_published' LIMIT 1",
      )
      .get() as { id: number; meeting_id: number };
    db.prepare('UPDATE agenda_item SET title = ? WHERE id = ?').run(HOSTILE_STORED, item.id);
    const docs: { name: string; data: Buffer }[] = [];
    for (const input of [
      { kind: 'scorecard' },
      { kind: 'actions', public: false },
      { kind: 'agenda', meetingId: item.meeting_id },
    ]) {
      const d = await callOk(session, 'export.document', input as never);
      docs.push({ name: input.kind, data: Buffer.from(d.dataBase64, 'base64') });
    }
    await expectWellFormed(docs);
    for (const d of docs) {
      const xml = (await partsOf(d.data)).find((x) => x.part === 'word/document.xml')!.xml;
      expect(xml, d.name).toContain('Stored text with controls in it');
    }
  });

  it('the kit refuses to hand back a document that is not well-formed', async () => {
    // Should the library ever write a broken part, the kit says so instead of handing it over.
    const broken = new JSZip();
    broken.file('[Content_Types].xml', '<Types/>');
    broken.file('word/document.xml', '<w:document><w:body><w:p></w:body></w:document>');
    const spy = vi
      .spyOn(Packer, 'toBuffer')
      .mockResolvedValue(await broken.generateAsync({ type: 'nodebuffer' }));
    try {
      const spec = {
        title: 'Minutes',
        subject: 'S',
        board: { name: 'B', authority: 'A' },
        children: [p('x')],
      };
      await expect(renderDocument(spec as never)).rejects.toThrow(
        /^The document “Minutes” was not made: word\/document\.xml is not well-formed XML \(line 1, column \d+: .*\)\. Nothing was written\.$/,
      );
    } finally {
      spy.mockRestore();
    }
  });
});

describe('numbers and dates at the boundary', () => {
  const percent = () =>
    db.prepare("SELECT id FROM measure WHERE unit = 'percent' AND archived = 0 LIMIT 1").get() as {
      id: number;
    };

  it('a percentage of 1e308, or over 100, or below 0 is refused naming the field', async () => {
    const { id } = percent();
    for (const value of [1e308, 100.5, -1]) {
      const e = await callError(session, 'measure.setValue', { measureId: id, period: '2025-26 Q1', value });
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(/^(measure\.setValue: )?value[: ]/);
    }
    const e = await callError(session, 'measure.setValue', {
      measureId: id,
      period: '2025-26 Q1',
      value: 1e308,
    });
    expect(e.message).toBe('measure.setValue: value must be at most 1,000,000,000');
    const e2 = await callError(session, 'measure.setValue', {
      measureId: id,
      period: '2025-26 Q1',
      value: 101,
    });
    expect(e2.message).toBe('value: 101 is out of range: a percentage is between 0 and 100');
    const e3 = await callError(session, 'measure.setComparator', {
      measureId: id,
      kind: 'england',
      period: '2025-26 Q1',
      value: 250,
    });
    expect(e3.message).toBe('value: 250 is out of range: a percentage is between 0 and 100');
    await callOk(session, 'measure.setValue', { measureId: id, period: '2025-26 Q1', value: 100 });
  });

  it('a target, a tolerance and a unit change are held to the unit too', async () => {
    const e = await callError(session, 'measure.create', {
      code: 'NEW1',
      title: 'New',
      unit: 'days',
      polarity: 'lower',
      target: -3,
    });
    expect(e.message).toBe('target: -3 is out of range: a number of days is between 0 and 36,500');
    const t = await callError(session, 'measure.create', {
      code: 'NEW2',
      title: 'New',
      unit: 'percent',
      polarity: 'higher',
      target: 50,
      tolerance: 120,
    });
    expect(t.message).toBe('tolerance: 120 is out of range: for this unit it is between 0 and 100');
    const days = db
      .prepare(
        "SELECT m.id FROM measure m JOIN measure_value v ON v.measure_id = m.id WHERE m.unit = 'days' AND v.value > 100 LIMIT 1",
      )
      .get() as { id: number };
    const u = await callError(session, 'measure.update', { id: days.id, unit: 'percent' });
    expect(u.code).toBe('conflict');
    expect(u.message).toMatch(
      /^unit: .* which cannot be a percentage \(.* is out of range: a percentage is between 0 and 100\); correct its values first$/,
    );
  });

  it('dates in year 0000 or 9999 are refused naming the field; 1990 and 2100 are the bounds', async () => {
    const options = await callOk(session, 'export.options', {});
    const meeting = (await callOk(session, 'meeting.get', { id: options.meetings[0]!.id })) as MeetingDetail;
    const fields = {
      id: meeting.id,
      startTime: meeting.startTime,
      venue: meeting.venue,
      chairMemberId: meeting.chairMemberId,
      type: meeting.type,
    };
    for (const date of ['0000-01-01', '1989-12-31', '2101-01-01', '9999-12-31']) {
      const e = await callError(session, 'meeting.update', { ...fields, date });
      expect(e.code).toBe('invalid_input');
      expect(e.message).toBe('meeting.update: date must be a date between 1990 and 2100');
    }
    const a = await callError(session, 'export.document', {
      kind: 'annual',
      from: '0000-04-01',
      to: '2027-03-31',
    });
    expect(a.issues).toEqual([{ path: 'from', message: 'must be a date between 1990 and 2100' }]);
  });

  it('an import of a percentage over 100 lists the row as a problem and imports nothing', async () => {
    const code = (
      db
        .prepare("SELECT code FROM measure WHERE unit = 'percent' AND frequency = 'quarterly' LIMIT 1")
        .get() as { code: string }
    ).code;
    const csv = `measure_code,period,value\n${code},2025-26 Q1,1e308\n${code},2025-26 Q2,250\n`;
    const r = await callOk(session, 'import.preview', {
      fileName: 'bad.csv',
      dataBase64: Buffer.from(csv).toString('base64'),
    });
    expect(r.problems.map((x) => [x.row, x.reason])).toEqual(
      expect.arrayContaining([
        [3, `measure ${code}, 2025-26 Q2: 250 is out of range: a percentage is between 0 and 100`],
      ]),
    );
  });
});
