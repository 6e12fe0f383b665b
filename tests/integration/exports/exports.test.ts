/**
 * The Word documents, as a reader gets them: built through the API from the demo board, unzipped
 * and read as XML, converted with LibreOffice (our stand-in for Word) and read back as PDF text,
 * and written by `cpb export`. Plus the leak test for the public minutes and the safe writes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { EXEMPT_PHRASE } from '../../../electron/core/demo/meetings';
import { Session } from '../../../electron/core/session';
import { createBoardFromTemplate } from '../../../electron/core/templates';
import { SafeWriteError, saveErrorMessage, writeFileSafe } from '../../../electron/core/exports/write-file';
import { listCounter, renderDocument } from '../../../electron/core/exports/kit';
import { minutesParagraphs } from '../../../electron/core/exports/rich-text';
import { DEMO_TODAY, demoSession, tempDir } from '../../helpers';
import { wordText } from './word-text';

const root = path.resolve(__dirname, '..', '..', '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const BOARD = 'Northshire Corporate Parenting Board';

const { session, file: boardFile } = demoSession();
const db = session.ctx().db;
afterAll(() => session.close());

// The demo board: meeting 2 (approved) has the Part B item; meeting 3 has minutes in draft and a
// declaration; meeting 4 is the upcoming meeting with its agenda published.
const meetingId = (n: number) =>
  (db.prepare('SELECT id FROM meeting ORDER BY date LIMIT 1 OFFSET ?').get(n - 1) as { id: number }).id;
const M2 = meetingId(2);
const M3 = meetingId(3);
const M4 = meetingId(4);
const YEAR = { from: '2026-04-01', to: '2027-03-31' };

type Kind = 'agenda' | 'minutes' | 'actions' | 'scorecard' | 'annual';
interface Made {
  fileName: string;
  data: Buffer;
  zip: JSZip;
  xml: string;
  text: string;
}

async function make(input: {
  kind: Kind;
  meetingId?: number;
  from?: string;
  to?: string;
  public?: boolean;
}): Promise<Made> {
  const r = await dispatch(session, 'export.document', input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const v = r.value as { fileName: string; dataBase64: string };
  const data = Buffer.from(v.dataBase64, 'base64');
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { fileName: v.fileName, data, zip, xml, text: wordText(xml) };
}

const parts = (z: JSZip, re: RegExp) => Object.keys(z.files).filter((n) => re.test(n));
const partText = async (z: JSZip, re: RegExp) =>
  Promise.all(parts(z, re).map((n) => z.file(n)!.async('string')));

const docs: Record<string, Made> = {};
const outDir = tempDir('cpb-exports-');
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

beforeAll(async () => {
  docs.agenda = await make({ kind: 'agenda', meetingId: M4 });
  docs.agendaPartB = await make({ kind: 'agenda', meetingId: M2 });
  docs.agendaPartBConfidential = await make({ kind: 'agenda', meetingId: M2, public: false });
  docs.minutesPublic = await make({ kind: 'minutes', meetingId: M2, public: true });
  docs.minutesConfidential = await make({ kind: 'minutes', meetingId: M2, public: false });
  docs.minutesDraft = await make({ kind: 'minutes', meetingId: M3, public: true });
  docs.actions = await make({ kind: 'actions' });
  docs.scorecard = await make({ kind: 'scorecard' });
  docs.annual = await make({ kind: 'annual', ...YEAR });
  for (const [name, d] of Object.entries(docs)) writeFileSync(path.join(outDir, `${name}.docx`), d.data);
});

describe('every document uses the kit: styles, numbering, tables, header, footer, properties', () => {
  it.each(['agenda', 'minutesPublic', 'minutesConfidential', 'actions', 'scorecard', 'annual'])(
    '%s',
    async (name) => {
      const d = docs[name]!;
      expect(d.xml).toContain('<w:pStyle w:val="Heading1"/>');
      expect(d.xml).toContain('<w:pStyle w:val="Heading2"/>');
      expect(d.xml).toContain('<w:pStyle w:val="Title"/>');
      expect(d.xml).toContain('<w:tbl>');
      expect(d.xml).toMatch(/<w:tblHeader\/>/); // header rows repeat on each page
      const styles = await d.zip.file('word/styles.xml')!.async('string');
      expect(styles).toMatch(/w:styleId="Heading1"/);
      expect(styles).toMatch(/w:styleId="Normal"/);
      // British English for Word's spelling and grammar check.
      expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"\/>[\s\S]*<\/w:docDefaults>/);
      const numbering = await d.zip.file('word/numbering.xml')!.async('string');
      expect(numbering).toContain('<w:abstractNum');
      const headers = await partText(d.zip, /^word\/header\d*\.xml$/);
      expect(headers.length).toBeGreaterThan(0);
      for (const h of headers) expect(wordText(h)).toContain(BOARD);
      const footers = await partText(d.zip, /^word\/footer\d*\.xml$/);
      expect(footers.join('')).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(footers.join('')).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
      expect(wordText(footers.join(''))).toContain('Page ');
      const core = await d.zip.file('docProps/core.xml')!.async('string');
      expect(core).toContain(`<dc:creator>${BOARD}</dc:creator>`);
      expect(core).toMatch(/<dc:title>Northshire Corporate Parenting Board: [^<]+<\/dc:title>/);
      expect(core).toMatch(/<dc:subject>[^<]+<\/dc:subject>/);
    },
  );

  it('puts the board’s logo in the header when one is set', async () => {
    // A 2×1 PNG (red, blue).
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAABHNCSVQICAgIfAhkiAAAAAFzUkdCAK7OHOkAAAARSURBVAiZY/jPwPCfgeH/fwAP+QP9dhJt3wAAAABJRU5ErkJggg==',
      'base64',
    );
    db.prepare("UPDATE board SET logo = ?, logo_mime = 'image/png' WHERE id = 1").run(png);
    try {
      const d = await make({ kind: 'actions' });
      const [header] = await partText(d.zip, /^word\/header\d*\.xml$/);
      expect(header).toMatch(/<wp:docPr [^>]*descr="Northshire County Council logo"/);
      expect(wordText(header!)).toContain(BOARD);
      const rels = await partText(d.zip, /^word\/_rels\/header\d*\.xml\.rels$/);
      expect(rels.join('')).toMatch(/Target="media\/[^"]+\.png"/);
    } finally {
      db.prepare('UPDATE board SET logo = NULL, logo_mime = NULL WHERE id = 1').run();
    }
  });

  it('names the files as the chair expects', () => {
    expect(docs.minutesPublic!.fileName).toBe('Northshire CPB minutes 5 August 2026 (public).docx');
    expect(docs.minutesConfidential!.fileName).toBe(
      'Northshire CPB minutes 5 August 2026 (confidential).docx',
    );
    expect(docs.agenda!.fileName).toBe('Northshire CPB agenda 16 December 2026 (public).docx');
    expect(docs.agendaPartBConfidential!.fileName).toBe(
      'Northshire CPB agenda 5 August 2026 (confidential).docx',
    );
    expect(docs.actions!.fileName).toBe('Northshire CPB action log 23 November 2026 (public).docx');
    expect(docs.scorecard!.fileName).toBe('Northshire CPB scorecard report 23 November 2026.docx');
    expect(docs.annual!.fileName).toBe('Northshire CPB annual report 1 April 2026 to 31 March 2027.docx');
  });
});

describe('agenda and pre-meeting pack', () => {
  it('has the front page, membership and the numbered agenda with presenters, purposes and timings', async () => {
    const t = docs.agenda!.text;
    expect(t).toContain('Northshire County Council');
    expect(t).toMatch(/Date\nWednesday 16 December 2026/);
    expect(t).toMatch(/Time\n10:00/);
    expect(t).toMatch(/Venue\nCommittee Room 2, County Hall, Northshire/);
    expect(t).toMatch(/Quorum\n3 voting elected members/);
    expect(t).toMatch(
      /Cllr Margaret Ellison\nCabinet Member for Children and Families\nElected member, voting/,
    );
    // The public agenda (the default) names young people by first name.
    expect(t).toMatch(
      /\nJade\nRepresentative, Children in Care Council, Northshire Children in Care Council\nYoung person/,
    );
    expect(t).not.toContain('Jade Robinson');
    // No., item, presenter, purpose, time: welcome 5 minutes from 10:00, then declarations 2 minutes.
    expect(t).toMatch(/\n1\nWelcome, introductions and apologies\nChair\nFor information\n10:00–10:05\n/);
    expect(t).toMatch(/\n2\nDeclarations of interest\nChair\nFor information\n10:05–10:07\n/);
    expect(t).toMatch(
      /\n7\nAdoption timeliness improvement plan\nGareth Lowe\nFor decision\n\d\d:\d\d–\d\d:\d\d\n/,
    );
    expect(t).toContain('7. Adoption timeliness improvement plan');
    expect(t).toMatch(/Time: \d\d:\d\d–\d\d:\d\d \(20 minutes\)/);
    // Papers are real hyperlinks, numbered as appendices.
    expect(t).toContain('Appendix 7A: Adoption timeliness improvement plan');
    const rels = await docs.agenda!.zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toMatch(
      /Target="https:\/\/intranet\.northshire\.example\/cpb\/2026-12-16\/adoption-plan\.pdf" TargetMode="External"/,
    );
    expect(docs.agenda!.xml).toMatch(
      /<w:hyperlink [^>]*r:id="[^"]+"[^>]*>[\s\S]*?Adoption timeliness improvement plan/,
    );
  });

  it('shows the current scorecard clearly labelled when none was frozen, and the frozen one when it was', async () => {
    expect(docs.agenda!.text).toContain('Current scorecard — not frozen for this meeting.');
    expect(docs.agenda!.text).toContain(
      'these are the latest figures available before the meeting on 16 December 2026 (only periods that ended before then), as held on 23 November 2026',
    );
    expect(docs.agenda!.text).toMatch(/RAG ratings: \d+ red, \d+ amber, \d+ green/);
    // Freeze a snapshot for the upcoming meeting (straight into the tables, as the snapshot service does).
    const snap = db
      .prepare(
        "INSERT INTO snapshot (meeting_id, title, taken_at) VALUES (?, 'Scorecard for December', '2026-11-20T16:00:00.000Z')",
      )
      .run(M4).lastInsertRowid;
    db.prepare(
      `INSERT INTO snapshot_row (snapshot_id, position, measure_id, priority_title, code, title, unit, polarity, target, period, value, rag, direction)
       VALUES (?, 1, NULL, 'P9 Frozen priority', 'Z9', 'A frozen measure', 'percent', 'higher', 80, '2026-27 Q2', 71.5, 'red', 'worsening')`,
    ).run(snap);
    try {
      const frozen = await make({ kind: 'agenda', meetingId: M4 });
      expect(frozen.text).toContain(
        'Frozen for this meeting: Scorecard for December, taken 20 November 2026, 16:00.',
      );
      expect(frozen.text).toMatch(
        /Z9\nA frozen measure\nQ2 2026-27 \(Jul–Sep 2026\)\n71\.5%\n80\.0%\nRed\nWorsening/,
      );
      expect(frozen.text).not.toContain('not frozen');
    } finally {
      db.prepare('DELETE FROM snapshot WHERE id = ?').run(snap);
    }
  });

  it('without a snapshot, shows only figures for periods that ended before the meeting', async () => {
    // A figure for Q3 2026-27 (October–December 2026) does not end until after the meeting on 16 December 2026.
    const v2 = (db.prepare("SELECT id FROM measure WHERE code = 'V2'").get() as { id: number }).id;
    const row = db
      .prepare("INSERT INTO measure_value (measure_id, period, value) VALUES (?, '2026-27 Q3', 99.5)")
      .run(v2).lastInsertRowid;
    try {
      const t = (await make({ kind: 'agenda', meetingId: M4 })).text;
      expect(t).toMatch(
        /\nV2\nChildren visited by their IRO in the six weeks before their review\nQ2 2026-27 \(Jul–Sep 2026\)\n82\.7%\n/,
      );
      expect(t).not.toContain('Q3 2026-27');
      expect(t).not.toContain('99.5%');
    } finally {
      db.prepare('DELETE FROM measure_value WHERE id = ?').run(row);
    }
  });

  it('puts Part B items in their own section, last, under the exclusion recommendation', () => {
    const t = docs.agendaPartBConfidential!.text;
    const partB = t.indexOf('Part B: exempt items — not for publication');
    expect(partB).toBeGreaterThan(0);
    // After the public items and the scorecard appendix.
    expect(partB).toBeGreaterThan(t.indexOf('Performance scorecard summary\n'));
    expect(t.indexOf('Schedule 12A to the Act')).toBeGreaterThan(partB);
    const title = 'Emergency placement of Young Person K';
    expect(t.lastIndexOf(title)).toBeGreaterThan(partB);
    // The public agenda (the default) never prints the real title, only the public one.
    expect(docs.agendaPartB!.text).not.toContain(title);
    expect(docs.agendaPartB!.text).toContain('10. Placement matter — exempt under paragraph 1');
  });
});

describe('minutes', () => {
  it('records attendance, substitutes, numbered items, rich text, resolutions and actions', () => {
    const d = docs.minutesConfidential!;
    const t = d.text;
    expect(t).toContain('Minutes of the meeting held on Wednesday 5 August 2026');
    expect(t).toMatch(/Time\n10:00 to 12:25/);
    expect(t).toMatch(
      /Present\nCllr Margaret Ellison \(Chair\) — Cabinet Member for Children and Families\nCllr David Okafor — Vice-Chair\nCllr Tom Harwood\n/,
    );
    expect(t).toMatch(
      /Apologies\nCllr Priya Raman\nHelen Marsh — Director of Children's Services\nKai Mensah — Representative, Care Leavers Forum\n/,
    );
    expect(t).toMatch(
      /In attendance\nAnita Kowalski — Virtual School Head\nBen Ashworth — Performance and Intelligence Manager\n/,
    );
    expect(t).toMatch(
      /Substitutes\nGareth Lowe — Head of Service, Children in Care, substituting for Helen Marsh\n/,
    );
    // "Cllr Tom Harwood (Councillor)" said nothing twice; brackets are never nested.
    expect(t).not.toContain('(Councillor)');
    expect(t).not.toMatch(/\([^()\n]*\(/);
    expect(t).toContain('CPB/26/27/16\u2003Virtual School Head’s annual report');
    expect(t).toContain(
      'RESOLVED that the minutes of the meeting held on 10 June 2026 be approved as a correct record.',
    );
    expect(t).toContain('RESOLVED that:');
    expect(t).toMatch(
      /Approved as a correct record at the meeting on 30 September 2026 by Cllr Margaret Ellison \(Chair\)/,
    );
    // Bold and italic survive from the editor's document.
    expect(d.xml).toMatch(
      /<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">dental checks recovery plan<\/w:t><\/w:r>/,
    );
    expect(d.xml).toMatch(
      /<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">“I want to know who is coming before the meeting starts”<\/w:t><\/w:r>/,
    );
    // Bulleted and numbered lists are Word lists, not typed characters.
    const numIds = [
      ...d.xml.matchAll(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/g),
    ].map((m) => m[1]);
    expect(new Set(numIds).size).toBeGreaterThanOrEqual(3); // bullets, a numbered list, (a)/(b) resolutions
    // Minutes record what was agreed (owner, due date), never a status worked out on the export date,
    // and no "Priority" column printing "None".
    expect(t).toContain(
      'Action A1: Review the pocket money and savings policy with the Children in Care Council. Owner: Gareth Lowe. Due: 9 December 2026.',
    );
    expect(t).toContain(
      'Action A3: Report attendance and exclusion figures for children in care to the Board each term. Owner: Anita Kowalski. Due: 28 October 2026.',
    );
    expect(t).toMatch(
      /Appendix: action schedule\n[^]*\nAction\nMinute\nOwner\nDue date\nA1\nCPB\/26\/27\/14\nGareth Lowe\n9 December 2026\n/,
    );
    expect(t).not.toMatch(/\nPriority\n/);
    expect(t).not.toContain('None');
    for (const m of [docs.minutesConfidential!, docs.minutesPublic!, docs.minutesDraft!]) {
      expect(m.text).not.toMatch(/overdue|Due date\nStatus|\nIn progress\n|\nComplete\n|\nOpen\n/);
    }
    expect(t).toContain('Signed: ');
    expect(t).toContain('The meeting closed at 12:25.');
  });

  it('the confidential version has everything, with CONFIDENTIAL in every page header', async () => {
    const d = docs.minutesConfidential!;
    expect(d.text).toContain(EXEMPT_PHRASE);
    expect(d.text).toContain('CPB/26/27/20\u2003Emergency placement of Young Person K');
    expect(d.text).toMatch(/Version\nCONFIDENTIAL: includes exempt \(Part B\) items — not for publication/);
    // Part B follows the exclusion resolution under a banner.
    expect(d.text).toMatch(
      /CPB\/26\/27\/19\u2003Exclusion of the press and public\nRESOLVED that under section 100A\(4\)[^\n]+\nPART B — EXEMPT INFORMATION\. NOT FOR PUBLICATION\.\nCPB\/26\/27\/20/,
    );
    const headers = await partText(d.zip, /^word\/header\d*\.xml$/);
    for (const h of headers) expect(wordText(h)).toContain('CONFIDENTIAL');
    // One section, and it uses that header for every page (no first-page or even-page variants).
    expect(d.xml.match(/<w:sectPr/g)).toHaveLength(1);
    expect(d.xml).not.toMatch(/<w:headerReference w:type="(first|even)"/);
    expect(d.xml).not.toContain('<w:titlePg/>');
  });

  it('the public version reduces Part B items to their minute number and public title, after the exclusion resolution', () => {
    const t = docs.minutesPublic!.text;
    // The public record: the formal resolution, with the Schedule 12A paragraph and the public interest test.
    expect(t).toContain(
      'CPB/26/27/19\u2003Exclusion of the press and public\nRESOLVED that under section 100A(4) of the Local Government Act 1972 the press and public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 1 of Part 1 of Schedule 12A to the Act, and that the public interest in maintaining the exemption outweighs the public interest in disclosing the information.',
    );
    expect(t).toContain(
      'CPB/26/27/20\u2003Placement matter — exempt under paragraph 1\nThis item was considered in private after the press and public were excluded (minute CPB/26/27/19). Its minute contains exempt information as defined in paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972 and is not published.',
    );
    expect(t).not.toContain('CONFIDENTIAL');
    expect(t).not.toContain('PART B —');
  });

  it('the public minutes leak nothing of a Part B item into any part of the package', async () => {
    const exempt = db
      .prepare(
        'SELECT id, title, exempt_para, public_title, minutes_text, minutes_doc FROM agenda_item WHERE meeting_id = ? AND exempt = 1',
      )
      .all(M2) as {
      id: number;
      title: string;
      exempt_para: number;
      public_title: string;
      minutes_text: string;
      minutes_doc: string;
    }[];
    expect(exempt).toHaveLength(1);
    const item = exempt[0]!;
    // Meeting 2 is approved and locked; a correction to the exempt item is recorded as an amendment.
    // (Declarations and actions on a Part B item are covered on meeting 3 below.)
    const decisions = (
      db.prepare('SELECT text FROM decision WHERE agenda_item_id = ?').all(item.id) as { text: string }[]
    ).map((r) => r.text);
    db.prepare(
      "INSERT INTO minutes_amendment (meeting_id, agenda_item_id, text, author, created_at) VALUES (?, ?, 'Correction: the Ravensmoor review date is 14 March, not 12 March.', 'Clerk', '2026-10-01T09:00:00.000Z')",
    ).run(M2, item.id);
    db.prepare(
      "INSERT INTO minutes_amendment (meeting_id, agenda_item_id, text, author, created_at) VALUES (?, NULL, 'Correction: the venue was Committee Room 3.', 'Clerk', '2026-10-01T09:05:00.000Z')",
    ).run(M2);
    let pub: Made;
    let conf: Made;
    try {
      pub = await make({ kind: 'minutes', meetingId: M2, public: true });
      conf = await make({ kind: 'minutes', meetingId: M2, public: false });
    } finally {
      db.prepare('DELETE FROM minutes_amendment WHERE meeting_id = ?').run(M2);
    }
    // The paragraph relied on and the public title are public (and say nothing of the case): they
    // are shown, everything else is not.
    expect(item.exempt_para).toBe(1);
    expect(pub!.text).toContain('paragraph 1 of Part 1 of Schedule 12A');
    expect(pub!.text).toContain(item.public_title);
    const secrets = [
      item.title,
      EXEMPT_PHRASE,
      'Ravensmoor',
      'Young Person K',
      'criminal exploitation',
      'missing episodes',
      'younger brother',
      'secure accommodation review',
      'Correction: the Ravensmoor review date',
      ...item.minutes_text.split(/(?<=[.;:])\s+/).filter((s) => s.length > 20),
      ...decisions,
    ];
    // Every distinctive word of the item (not found in any other part of the meeting's record).
    const others =
      (
        db
          .prepare(
            `SELECT title || ' ' || minutes_text AS t FROM agenda_item WHERE meeting_id = ? AND exempt = 0
       UNION ALL SELECT d.text FROM decision d JOIN agenda_item a ON a.id = d.agenda_item_id WHERE a.meeting_id = ? AND a.exempt = 0
       UNION ALL SELECT name || ' ' || job_title || ' ' || organisation FROM member`,
          )
          .all(M2, M2) as { t: string }[]
      )
        .map((r) => r.t.toLowerCase())
        .join(' ') +
      ' ' +
      pub!.text.toLowerCase();
    const words = new Set(
      `${item.title} ${item.minutes_text} ${decisions.join(' ')}`.toLowerCase().match(/[a-z’']{6,}/g) ?? [],
    );
    const distinctive = [...words].filter((w) => !others.includes(w));
    expect(distinctive).toEqual(expect.arrayContaining(['ravensmoor', 'exploitation', 'brother']));
    // The secrets are really in the confidential version…
    for (const s of [item.title, EXEMPT_PHRASE, ...decisions]) expect(conf!.text).toContain(s);
    expect(conf!.text).toContain('Correction: the Ravensmoor review date is 14 March');
    // …and in no part of the public package: body, headers, footers, comments, properties, rels.
    const names = Object.keys(pub!.zip.files).filter((n) => !pub!.zip.files[n]!.dir);
    expect(names).toEqual(
      expect.arrayContaining(['word/document.xml', 'docProps/core.xml', 'docProps/app.xml']),
    );
    for (const name of names) {
      const raw = (await pub!.zip.file(name)!.async('nodebuffer')).toString('utf8');
      // What a reader could see: text nodes, and the attributes that carry words (alt text, names, titles).
      const readable =
        `${wordText(raw)}\n${raw.replace(/<[^>]+>/g, ' ')}\n${[...raw.matchAll(/\b(?:descr|title|name)="([^"]*)"/g)].map((m) => m[1]).join('\n')}`.toLowerCase();
      for (const s of secrets) {
        expect(raw.toLowerCase().includes(s.toLowerCase()), `"${s}" found in ${name}`).toBe(false);
        expect(readable.includes(s.toLowerCase()), `"${s}" found in the text of ${name}`).toBe(false);
      }
      for (const w of distinctive) expect(readable.includes(w), `word "${w}" found in ${name}`).toBe(false);
    }
    // The non-exempt amendment is still there, and the exempt one is referred to by number only.
    expect(pub!.text).toContain('Correction: the venue was Committee Room 3.');
    expect(pub!.text).toMatch(/CPB\/26\/27\/20, exempt item\nRecorded in the confidential minutes\./);
  });

  it('a declaration on a Part B item names the item number only in the public minutes', async () => {
    // Meeting 3 is not yet approved, so a Part B item and a declaration on it can be added.
    const pos =
      (db.prepare('SELECT max(position) AS p FROM agenda_item WHERE meeting_id = ?').get(M3) as { p: number })
        .p + 1;
    const itemId = Number(
      db
        .prepare(
          `INSERT INTO agenda_item (meeting_id, position, kind, title, presenter, purpose, exempt, exempt_para, minutes_doc, minutes_text)
         VALUES (?, ?, 'other', 'Contract award: Heronsgate residential provider', 'Head of Commissioning', 'decision', 1, 3, '', 'The Board considered the tender from Heronsgate Care Ltd.')`,
        )
        .run(M3, pos).lastInsertRowid,
    );
    db.prepare(
      "INSERT INTO declaration (meeting_id, member_id, agenda_item_id, nature) VALUES (?, 4, ?, 'Pecuniary interest: spouse employed by Heronsgate Care Ltd.')",
    ).run(M3, itemId);
    db.prepare(
      "INSERT INTO decision (agenda_item_id, position, text) VALUES (?, 1, 'the contract is awarded to Heronsgate Care Ltd for three years.')",
    ).run(itemId);
    db.prepare(
      "INSERT INTO action (meeting_id, agenda_item_id, description, owner_name, due_date, created_at) VALUES (?, ?, 'Notify Heronsgate Care Ltd of the award.', 'Head of Commissioning', '2026-10-31', '2026-09-30T12:00:00.000Z')",
    ).run(M3, itemId);
    try {
      const pub = await make({ kind: 'minutes', meetingId: M3, public: true });
      const conf = await make({ kind: 'minutes', meetingId: M3, public: false });
      // Meeting 3's minutes follow meeting 2's (CPB/26/27/10–20): its 9 public items are 21–29, then
      // the exclusion resolution (30) and the Part B item (31).
      expect(pub.text).toContain(
        'Cllr Tom Harwood declared an interest in minute CPB/26/27/31, an exempt item. The nature of the interest is recorded in the exempt minute.',
      );
      // No public title was written: the neutral one, naming the paragraph.
      expect(pub.text).toContain('CPB/26/27/31\u2003Exempt item — paragraph 3 of Schedule 12A');
      expect(conf.text).toContain('Pecuniary interest: spouse employed by Heronsgate Care Ltd.');
      expect(conf.text).toContain('Notify Heronsgate Care Ltd of the award.');
      for (const name of Object.keys(pub.zip.files)) {
        if (pub.zip.files[name]!.dir) continue;
        const raw = (await pub.zip.file(name)!.async('nodebuffer')).toString('utf8').toLowerCase();
        expect(raw.includes('heronsgate'), `Heronsgate found in ${name}`).toBe(false);
      }
      // …while the Schedule 12A paragraph relied on is part of the public record.
      expect(pub.text).toContain('as defined in paragraph 3 of Part 1 of Schedule 12A to the Act');
      // The other declaration, on a public item, is printed in full.
      expect(pub.text).toContain(
        'Cllr Priya Raman declared an interest in minute CPB/26/27/27, Permanence and adoption timeliness. Non-pecuniary interest',
      );
    } finally {
      db.prepare('DELETE FROM action WHERE agenda_item_id = ?').run(itemId);
      db.prepare('DELETE FROM declaration WHERE agenda_item_id = ?').run(itemId);
      db.prepare('DELETE FROM agenda_item WHERE id = ?').run(itemId);
    }
  });

  it('mentions Part B in the Version row only when the meeting had exempt items', async () => {
    const conf3 = await make({ kind: 'minutes', meetingId: M3, public: false });
    expect(conf3.text).toMatch(/Version\nCONFIDENTIAL: the full minutes \(the meeting had no exempt items\)/);
    expect(conf3.text).not.toContain('Part B');
    expect(docs.minutesDraft!.text).toMatch(
      /Version\nPublic: the full minutes \(the meeting had no exempt items\)/,
    );
    expect(docs.minutesPublic!.text).toMatch(/Version\nPublic: exempt \(Part B\) items are not included/);
  });

  it('ends all but the last (a)/(b) clause with ";" and "; and"', () => {
    const t = docs.minutesConfidential!.text;
    expect(t).toContain(
      'the Board receives the Virtual School Head’s annual report and thanks the Virtual School team for its work; and\n',
    );
  });

  it('draft minutes say they are a draft, on the front page and on every page', async () => {
    expect(docs.minutesDraft!.text).toMatch(/Status\nDraft — not yet approved by the Board/);
    for (const h of await partText(docs.minutesDraft!.zip, /^word\/header\d*\.xml$/))
      expect(wordText(h)).toContain('DRAFT — subject to approval');
    for (const h of await partText(docs.minutesPublic!.zip, /^word\/header\d*\.xml$/))
      expect(wordText(h)).not.toContain('DRAFT');
  });
});

describe('action log', () => {
  it('groups by status then urgency, with owner, due date, source, latest update and overdue in words and shading', () => {
    const d = docs.actions!;
    const t = d.text;
    const order = ['Open (', 'In progress (', 'Complete (', 'Closed ('].map((h) => t.indexOf(`\n${h}`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(t).toMatch(/High urgency \(\d+\)/);
    expect(t).toMatch(
      /Report attendance and exclusion figures for children in care to the Board each term\.\nPriority: P4 Learning and achieving\nAnita Kowalski\n28 October 2026\nMeeting on 5 August 2026, item 7: Virtual School Head’s annual report\n30 September 2026: Figures delayed by the change to the new attendance system\. \(Anita Kowalski\)\nOpen — overdue by 26 days/,
    );
    expect(d.xml).toMatch(/<w:shd [^>]*w:fill="F4C7C3"/);
    expect(t).toMatch(
      /\d+ actions: \d+ open, \d+ in progress, \d+ complete and \d+ closed\. \d+ actions? (is|are) overdue/,
    );
  });
});

describe('scorecard report', () => {
  it('has every measure with value, period, target, RAG in words and shading, direction, comparators, commentary and a chart', async () => {
    const d = docs.scorecard!;
    const t = d.text;
    const measures = db.prepare('SELECT count(*) AS n FROM measure WHERE archived = 0').get() as {
      n: number;
    };
    const withValues = db.prepare('SELECT count(DISTINCT measure_id) AS n FROM measure_value').get() as {
      n: number;
    };
    const cohortBreakdowns = db.prepare('SELECT count(DISTINCT breakdown) AS n FROM cohort_value').get() as {
      n: number;
    };
    expect(t).toContain(`Measures\n${measures.n}`);
    expect(t).toMatch(
      /\nV1 Children who took part in their review\nDefinition: [^\n]+\n(?:[^\n]+\n)*?Latest value\nn of N\nPeriod\nTarget\nRAG\nDirection\nPrevious\n9\d\.\d%\n\d+ of \d+\nQ2 2026-27 \(Jul–Sep 2026\)\n95\.0%\nGreen\n↑ Improving/,
    );
    expect(t).toContain(
      'Comparators: England 90.0% (2025-26); statistical neighbours 92.0% (2025-26); region: none published.',
    );
    expect(t).toContain('What is working well: Young people co-chairing part of their own review');
    for (const rag of ['Red', 'Amber', 'Green']) expect(t).toContain(`\n${rag}\n`);
    expect(d.xml).toMatch(/<w:shd [^>]*w:fill="F4C7C3"/);
    expect(d.xml).toMatch(/<w:shd [^>]*w:fill="C6E7C6"/);
    const media = parts(d.zip, /^word\/media\/.+\.png$/);
    expect(media).toHaveLength(withValues.n + cohortBreakdowns.n);
    const png = await d.zip.file(media[0]!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const alts = [...d.xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
    expect(alts).toHaveLength(media.length);
    expect(alts.every((a) => a.length > 40)).toBe(true);
    expect(alts.filter((a) => a.startsWith('Line chart of '))).toHaveLength(withValues.n);
    expect(alts.filter((a) => a.startsWith('Stacked bar chart of children in care by '))).toHaveLength(
      cohortBreakdowns.n,
    );
    expect(t).toContain('Children in care profile');
  });

  it('keeps each measure’s heading, row and chart together, with no forced page break before each priority', () => {
    const xml = docs.scorecard!.xml;
    // Only the children in care profile and the definitions at the end start on a new page.
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
    // Between a measure heading and its chart every paragraph keeps with the next.
    const heading = /<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>).)*V2 Children visited by their IRO/.exec(
      xml,
    )!;
    const block = xml.slice(heading.index, xml.indexOf('descr="Line chart of V2'));
    const paras = block.split('<w:p>').slice(1, -1); // the last is the chart's own paragraph
    expect(paras.length).toBeGreaterThan(8);
    for (const para of paras) expect(para).toContain('<w:keepNext/>');
    expect(docs.scorecard!.text).not.toMatch(/\(Q\d \d{4}-\d\d \(/);
  });
});

describe('annual report', () => {
  it('reports meetings, attendance, decisions, actions, principle coverage, trends and you said, we did', () => {
    const d = docs.annual!;
    const t = d.text;
    expect(t).toContain('Annual report 2026-27');
    expect(t).toMatch(/the Board met 3 times/);
    expect(t).toContain('Between 1 April 2026 and 31 March 2027 the Board met 3 times');
    // The year runs past today (23 November 2026): the figures are to today.
    expect(t).toContain('The period has not ended yet: the figures are to 23 November 2026.');
    expect(t).toContain('Figures for periods falling between 1 April 2026 and 31 March 2027:');
    expect(t).toMatch(/10 June 2026\nOrdinary\n\d+\nQuorate/);
    // Cllr Tom Harwood: apologies in June, present in August and September.
    expect(t).toMatch(/Cllr Tom Harwood\nElected member\n2 of 3\n1\n0\n67%/);
    expect(t).toMatch(/Cllr Margaret Ellison\nElected member\n3 of 3\n0\n0\n100%/);
    expect(t).toContain('RESOLVED that the Board endorses the health action plan for children in care');
    expect(t).toContain('1 decision was made on exempt (Part B) items and is not reported here.');
    expect(t).not.toContain(EXEMPT_PHRASE);
    expect(t).toMatch(/Completed \(\d+\)/);
    expect(t).toMatch(/Outstanding \(\d+\)/);
    expect(t).toMatch(/\(b\) Views, wishes and feelings: [^\n]+\n3\n3\nConsidered/);
    expect(t).toContain('The agenda touched all 7 Corporate Parenting Principles.');
    expect(t).not.toContain('7 of the 7');
    // Nested brackets are avoided: the short period form inside brackets.
    expect(t).toMatch(/\d days \(Q\d 2026-27\)\n/);
    expect(t).not.toMatch(/\(Q\d \d{4}-\d\d \(/);
    // Headings and the sentences introducing tables keep with them.
    expect(d.xml).toMatch(
      /<w:p><w:pPr><w:keepNext\/><\/w:pPr><w:r><w:t xml:space="preserve">Attendance is the share/,
    );
    expect(t).toContain('Pocket money should be the same whatever home you live in.');
    expect(parts(d.zip, /^word\/media\/.+\.png$/).length).toBeGreaterThan(5);
  });

  it('refuses a range that ends before it starts, and documents that need a meeting without one', async () => {
    const backwards = await dispatch(session, 'export.document', {
      kind: 'annual',
      from: '2027-03-31',
      to: '2026-04-01',
    });
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) {
      expect(backwards.error.code).toBe('invalid_input');
      expect(backwards.error.message).toContain('to must be on or after the start date');
    }
    const noMeeting = await dispatch(session, 'export.document', { kind: 'minutes' });
    expect(noMeeting.ok).toBe(false);
    if (!noMeeting.ok) expect(noMeeting.error.message).toContain('meetingId is required for the minutes');
    const missing = await dispatch(session, 'export.document', { kind: 'agenda', meetingId: 999 });
    expect(missing).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no meeting with id 999' },
    });
  });
});

describe('a new, empty board', () => {
  it('still produces the action log, scorecard and annual report, saying there is nothing yet', async () => {
    const file = path.join(tempDir('cpb-blank-'), 'blank.cpb');
    createBoardFromTemplate(file, 'blank', {
      authority: 'Westmoor Borough Council',
      boardName: 'Westmoor Corporate Parenting Board',
    });
    const blank = new Session('test');
    blank.open(file);
    try {
      for (const input of [{ kind: 'actions' }, { kind: 'scorecard' }, { kind: 'annual', ...YEAR }]) {
        const r = await dispatch(blank, 'export.document', input);
        expect(r.ok, JSON.stringify(r)).toBe(true);
        if (!r.ok) continue;
        const v = r.value as { fileName: string; dataBase64: string };
        expect(v.fileName).toMatch(/^Westmoor CPB /);
        const zip = await JSZip.loadAsync(Buffer.from(v.dataBase64, 'base64'));
        const text = wordText(await zip.file('word/document.xml')!.async('string'));
        expect(text).toContain('Westmoor Corporate Parenting Board');
        if (input.kind === 'actions') expect(text).toContain('No actions are open.');
        if (input.kind === 'annual') expect(text).toContain('The Board held no meetings in this period.');
      }
    } finally {
      blank.close();
    }
  });
});

describe('minutes text from the editor', () => {
  it('keeps bold, italic, line breaks, bulleted and numbered lists (each numbered list restarting), and nesting', async () => {
    const t = (text: string, ...marks: string[]) => ({
      type: 'text',
      text,
      ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
    });
    const li = (...content: object[]) => ({ type: 'listItem', content });
    const para = (...content: object[]) => ({ type: 'paragraph', content });
    const doc = {
      type: 'doc',
      content: [
        para(
          t('Plain, '),
          t('bold', 'bold'),
          t(' and '),
          t('italic', 'italic'),
          t(' and '),
          t('both', 'bold', 'italic'),
          { type: 'hardBreak' },
          t('after a break'),
        ),
        {
          type: 'bulletList',
          content: [
            li(para(t('first bullet'))),
            li(para(t('second bullet')), { type: 'orderedList', content: [li(para(t('nested one')))] }),
          ],
        },
        { type: 'orderedList', attrs: { start: 1 }, content: [li(para(t('alpha'))), li(para(t('beta')))] },
        para(t('Between the lists.')),
        { type: 'orderedList', content: [li(para(t('gamma')))] },
        { type: 'heading', attrs: { level: 3 }, content: [t('A heading typed in the minutes')] },
        para(),
      ],
    };
    const paragraphs = minutesParagraphs(JSON.stringify(doc), 'ignored when the document is readable', {
      nextListInstance: listCounter(),
    });
    const data = await renderDocument({
      board: { authority: 'A Council', name: 'A Board', logo: null, logoMime: null },
      title: 'T',
      subject: 'S',
      children: paragraphs,
    });
    const zip = await JSZip.loadAsync(data);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">bold<\/w:t>/);
    expect(xml).toMatch(/<w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">italic<\/w:t>/);
    expect(xml).toMatch(
      /<w:rPr><w:b\/><w:bCs\/><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">both<\/w:t>/,
    );
    expect(xml).toMatch(/<w:br\/><\/w:r><w:r><w:t xml:space="preserve">after a break<\/w:t>/);
    const numOf = (text: string) => {
      const m = new RegExp(
        `<w:numPr><w:ilvl w:val="(\\d)"/><w:numId w:val="(\\d+)"/></w:numPr>(?:(?!</w:p>).)*>${text}<`,
      ).exec(xml);
      return m ? { level: Number(m[1]), id: Number(m[2]) } : null;
    };
    const [b1, b2, nested, alpha, beta, gamma] = [
      'first bullet',
      'second bullet',
      'nested one',
      'alpha',
      'beta',
      'gamma',
    ].map(numOf);
    expect(b1).not.toBeNull();
    expect(b2!.id).toBe(b1!.id);
    expect(nested!.level).toBe(1);
    expect(alpha!.id).toBe(beta!.id);
    expect(gamma!.id).not.toBe(alpha!.id); // a second numbered list starts again at 1
    expect(alpha!.id).not.toBe(b1!.id);
    const numbering = await zip.file('word/numbering.xml')!.async('string');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(wordText(xml)).toContain('A heading typed in the minutes');
    expect(wordText(xml)).not.toContain('ignored when the document is readable');
  });

  it('falls back to the plain text when there is no editor document', () => {
    const paragraphs = minutesParagraphs('', 'Opening line.\n- a bullet\n1. first\n2. second', {
      nextListInstance: listCounter(),
    });
    expect(paragraphs).toHaveLength(4);
  });
});

// ---- LibreOffice: the documents open and read as they should ----------------------------------

const pdfDir = path.join(outDir, 'pdf');

/** Fails (never skips) when a tool these checks need is not on the PATH, saying how to install it. */
function needTool(command: string, args: string[], install: string) {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error(`${command} is not installed: ${install} (CI's .ci/run installs it)`);
}

describe('LibreOffice opens every document', () => {
  beforeAll(() => {
    needTool('soffice', ['--version'], 'apt-get install libreoffice-writer-nogui');
    needTool('pdftotext', ['-v'], 'apt-get install poppler-utils');
    needTool('pdfinfo', ['-v'], 'apt-get install poppler-utils');
    mkdirSync(pdfDir, { recursive: true });
    const files = ['agenda', 'minutesPublic', 'minutesConfidential', 'actions', 'scorecard', 'annual'].map(
      (n) => path.join(outDir, `${n}.docx`),
    );
    // One soffice run for all documents, with its own profile so no other LibreOffice can lock it.
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(outDir, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        pdfDir,
        ...files,
      ],
      {
        timeout: 150_000,
        stdio: 'pipe',
      },
    );
  }, 170_000);

  const pages = (name: string) =>
    Number(
      /Pages:\s+(\d+)/.exec(
        execFileSync('pdfinfo', [path.join(pdfDir, `${name}.pdf`)], { encoding: 'utf8' }),
      )![1],
    );
  const pdfText = (name: string) =>
    execFileSync('pdftotext', [path.join(pdfDir, `${name}.pdf`), '-'], { encoding: 'utf8' });
  /** The PDF's words in reading order, whitespace collapsed (table cells wrap onto several lines). */
  const pdfWords = (name: string) => pdfText(name).replace(/\s+/g, ' ');

  it.each([
    ['agenda', 3, 12],
    ['minutesPublic', 2, 8],
    ['minutesConfidential', 2, 8],
    ['actions', 2, 10],
    ['scorecard', 8, 30],
    ['annual', 5, 25],
  ])('%s converts, with "Page X of Y" on every page', (name, min, max) => {
    const n = pages(name);
    expect(n).toBeGreaterThanOrEqual(min);
    expect(n).toBeLessThanOrEqual(max);
    const text = pdfText(name);
    const perPage = text.split('\f').filter((p) => p.trim() !== '');
    expect(perPage).toHaveLength(n);
    perPage.forEach((p, k) => {
      expect(p).toContain(`Page ${k + 1} of ${n}`);
      expect(p).toContain(BOARD);
    });
  });

  it('the confidential minutes say CONFIDENTIAL on every page; the public ones never', () => {
    for (const p of pdfText('minutesConfidential')
      .split('\f')
      .filter((x) => x.trim()))
      expect(p).toContain('CONFIDENTIAL');
    const pub = pdfText('minutesPublic');
    expect(pub).not.toContain('CONFIDENTIAL');
    expect(pub).not.toContain('Ravensmoor');
    expect(pub).toContain('Placement matter — exempt under paragraph 1');
  });

  it('leaves no near-empty page before the end, and keeps the Chair’s signature with its heading', () => {
    for (const name of ['agenda', 'minutesPublic', 'minutesConfidential']) {
      const perPage = pdfText(name)
        .split('\f')
        .filter((p) => p.trim() !== '');
      // Every page but the last two (the last page of the body, and an appendix) is well filled:
      // at least 20 lines besides the header and footer.
      for (const [k, page] of perPage.slice(0, -2).entries())
        expect(
          page.split('\n').filter((l) => l.trim()).length,
          `${name} page ${k + 1} is nearly empty`,
        ).toBeGreaterThan(20);
    }
    for (const name of ['minutesPublic', 'minutesConfidential']) {
      const signed = pdfText(name)
        .split('\f')
        .find((p) => p.includes('Signed as a correct record'))!;
      expect(signed).toContain('Signed: ....');
      expect(signed).toContain('Date: ....');
      expect(signed).toContain('Cllr Margaret Ellison, Chair');
      expect(signed).toMatch(/The meeting closed at 12:25\./);
    }
  });

  it('reads like the council’s document', () => {
    expect(pdfWords('agenda')).toContain('Wednesday 16 December 2026');
    const minutes = pdfWords('minutesConfidential');
    expect(minutes).toContain('RESOLVED that the minutes of the meeting held on 10 June 2026');
    expect(minutes).toMatch(/• the Chair has written to the Integrated Care Board/);
    expect(minutes).toMatch(/1\. Personal Education Plan completion above 95%/);
    expect(minutes).toMatch(/\(a\) the Board receives the Virtual School Head’s annual report/);
    expect(pdfWords('actions')).toContain('Open — overdue by 26 days');
    expect(pdfWords('scorecard')).toContain('V1 Children who took part in their review');
    expect(pdfWords('annual')).toContain('The voice of children and young people');
  });
});

// ---- cpb export -------------------------------------------------------------------------------

describe('cpb export', () => {
  beforeAll(() => {
    // The CLI is tested as shipped: the esbuild bundle.
    if (!existsSync(cli) || !readFileSync(cli, 'utf8').includes('cpb export KIND')) {
      const r = spawnSync(process.execPath, [path.join(root, 'build', 'bundle.mjs')], {
        cwd: root,
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(r.stderr);
    }
  }, 120_000);
  const cpb = (...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], {
      encoding: 'utf8',
      env: { ...process.env, CPB_TODAY: DEMO_TODAY },
    });
  const dir = tempDir('cpb-export-cli-');

  it.each([
    ['agenda', ['--meeting', '4'], 'Agenda — ordinary meeting'],
    // Public by default; --public is accepted (a no-op), --confidential opts in to Part B in full.
    ['minutes', ['--meeting', '2'], 'Placement matter — exempt under paragraph 1'],
    ['minutes', ['--meeting', '2', '--public'], 'Placement matter — exempt under paragraph 1'],
    ['minutes', ['--meeting', '2', '--confidential'], EXEMPT_PHRASE],
    ['minutes', ['--meeting', '4', '--draft'], 'DRAFT — meeting not yet held'],
    ['agenda', ['--meeting', '2', '--confidential'], 'Emergency placement of Young Person K'],
    ['actions', [], 'Action log at 23 November 2026'],
    ['scorecard', [], 'Performance scorecard report'],
    ['annual', ['--from', '2026-04-01', '--to', '2027-03-31'], 'Annual report 2026-27'],
  ])('cpb export %s %s', async (kind, extra, expected) => {
    const out = path.join(dir, `${kind}-${extra.join('')}.docx`);
    const r = cpb('export', kind, '--board', boardFile, '--out', out, ...extra);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Wrote ${out}`);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(wordText(await zip.file('word/document.xml')!.async('string'))).toContain(expected);
  });

  it('says what is missing or wrong, exits 1 and writes nothing', () => {
    const out = path.join(dir, 'bad.docx');
    const cases: [string[], string][] = [
      [['export', 'minutes', '--board', boardFile, '--out', out], '--meeting is required for the minutes'],
      [
        ['export', 'annual', '--board', boardFile, '--out', out, '--from', '2026-04-01'],
        '--to is required for the annual report',
      ],
      [
        [
          'export',
          'annual',
          '--board',
          boardFile,
          '--out',
          out,
          '--from',
          '2027-04-01',
          '--to',
          '2026-04-01',
        ],
        'to must be on or after the start date',
      ],
      [
        ['export', 'agenda', '--board', boardFile, '--out', out, '--meeting', '99'],
        'There is no meeting with id 99',
      ],
      [['export', 'memo', '--board', boardFile, '--out', out], 'unknown document "memo"'],
      [
        ['export', 'minutes', '--board', boardFile, '--out', out, '--meeting', '4'],
        'The meeting on 16 December 2026 has not been held yet',
      ],
      [
        [
          'export',
          'minutes',
          '--board',
          boardFile,
          '--out',
          out,
          '--meeting',
          '2',
          '--public',
          '--confidential',
        ],
        '--public and --confidential together',
      ],
      [
        ['export', 'scorecard', '--board', boardFile, '--out', out, '--confidential'],
        '--confidential does not apply to the scorecard',
      ],
      [
        ['export', 'agenda', '--board', boardFile, '--out', out, '--meeting', '4', '--draft'],
        '--draft does not apply to the agenda',
      ],
      [
        ['export', 'actions', '--board', boardFile, '--out', path.join(dir, 'no-such-folder', 'log.docx')],
        'no-such-folder does not exist',
      ],
    ];
    for (const [args, message] of cases) {
      const r = cpb(...args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(message);
    }
    expect(existsSync(out)).toBe(false);
  });
});

// ---- Safe writes --------------------------------------------------------------------------------

describe('safe writes', () => {
  const leftovers = (dir: string) =>
    readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.endsWith('.partial'));

  it('replaces an existing document atomically: new content, a new file, nothing left over', () => {
    const dir = tempDir('cpb-safe-');
    const target = path.join(dir, 'Minutes.docx');
    writeFileSync(target, 'old version');
    const before = statSync(target).ino;
    writeFileSafe(target, Buffer.from('new version'));
    expect(readFileSync(target, 'utf8')).toBe('new version');
    expect(statSync(target).ino).not.toBe(before); // renamed into place, never rewritten in place
    expect(readdirSync(dir)).toEqual(['Minutes.docx']);
  });

  it('a read-only folder gives a clear error naming the file, and leaves no file behind', () => {
    const dir = tempDir('cpb-readonly-');
    chmodSync(dir, 0o555);
    let folder = dir;
    try {
      writeFileSync(path.join(dir, 'probe'), '');
      // Running as root, permissions do not bite: use a folder no one can write in (sysfs).
      folder = '/sys';
    } catch {
      // permissions are enforced: the temp folder itself is the read-only folder
    }
    const target = path.join(folder, 'Northshire CPB minutes.docx');
    let error: unknown;
    try {
      writeFileSafe(target, Buffer.from('x'));
    } catch (e) {
      error = e;
    }
    chmodSync(dir, 0o755);
    expect(error).toBeInstanceOf(SafeWriteError);
    expect((error as Error).message).toMatch(
      /^Could not save Northshire CPB minutes\.docx: (you do not have permission to save in|the folder .* is read-only)/,
    );
    expect(existsSync(target)).toBe(false);
    if (folder === dir) expect(readdirSync(dir)).toEqual([]);
  });

  it('a failure at the last step (the target cannot be replaced) keeps the old one and removes the temporary file', () => {
    const dir = tempDir('cpb-safe-');
    const target = path.join(dir, 'Report.docx');
    mkdirSync(target); // a folder in the way: rename cannot replace it
    writeFileSync(path.join(target, 'keep.txt'), 'kept');
    expect(() => writeFileSafe(target, Buffer.from('new'))).toThrow(/Could not save Report\.docx/);
    expect(readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('kept');
    expect(leftovers(dir)).toEqual([]);
  });

  it('explains a full disk and a file held open by Word in words', () => {
    expect(saveErrorMessage('ENOSPC', 'write', '/x/Minutes.docx')).toBe(
      'Could not save Minutes.docx: the disk is full. Free some space or choose another folder.',
    );
    expect(saveErrorMessage('EBUSY', 'replace', '/x/Minutes.docx')).toMatch(
      /^Could not save Minutes\.docx: the file is open in another program \(Word\?\)/,
    );
    expect(saveErrorMessage('EPERM', 'replace', '/x/Minutes.docx')).toMatch(/open in another program/);
    expect(saveErrorMessage('EACCES', 'write', '/x/Minutes.docx')).toMatch(
      /you do not have permission to save in \/x/,
    );
  });
});
