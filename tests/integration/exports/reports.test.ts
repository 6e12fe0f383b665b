/**
 * The scorecard report, annual report and action log as a council would publish them (issue 14,
 * items 4–8), every document also as PDF, and the strict doors: read from the .docx XML, from the
 * PDF as pdftotext reads it, and through `cpb export`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { READ_ONLY_FILE, SafeWriteError, writeFileSafe } from '../../../electron/core/exports/write-file';
import { measureDecimals, measureFormat } from '../../../shared/domain/format';
import { callError, callOk, DEMO_TODAY, demoSession, tempDir } from '../../helpers';
import { wordText } from './word-text';

const root = path.resolve(__dirname, '..', '..', '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const BOARD = 'Northshire Corporate Parenting Board';

const { session, file: boardFile } = demoSession();
const db = session.ctx().db;
afterAll(() => session.close());
const out = tempDir('cpb-reports-');

const meetingId = (n: number) =>
  (db.prepare('SELECT id FROM meeting ORDER BY date LIMIT 1 OFFSET ?').get(n - 1) as { id: number }).id;
const M2 = meetingId(2);
const M4 = meetingId(4);
const YEAR = { from: '2026-04-01', to: '2027-03-31' };

interface Word {
  fileName: string;
  data: Buffer;
  zip: JSZip;
  xml: string;
  text: string;
}

async function word(input: Record<string, unknown>): Promise<Word> {
  const r = await dispatch(session, 'export.document', input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const v = r.value as { fileName: string; dataBase64: string };
  const data = Buffer.from(v.dataBase64, 'base64');
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { fileName: v.fileName, data, zip, xml, text: wordText(xml) };
}

interface Pdf {
  fileName: string;
  data: Buffer;
  /** pdftotext's text, pages split by form feeds. */
  text: string;
  info: string;
}

async function pdf(input: Record<string, unknown>): Promise<Pdf> {
  const r = await dispatch(session, 'export.document', { ...input, format: 'pdf' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const v = r.value as { fileName: string; dataBase64: string };
  const data = Buffer.from(v.dataBase64, 'base64');
  const file = path.join(out, v.fileName);
  writeFileSync(file, data);
  return {
    fileName: v.fileName,
    data,
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
    info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
  };
}

/** The text between two headings (paragraphs as lines); `last`: the heading's last occurrence (not the contents' or a table's). */
const section = (text: string, from: string, to: string, last = false) => {
  const start = last ? text.lastIndexOf(`\n${from}\n`) : text.indexOf(`\n${from}\n`);
  const end = text.indexOf(`\n${to}\n`, start + 1);
  expect(start, from).toBeGreaterThan(0);
  expect(end, to).toBeGreaterThan(start);
  return text.slice(start, end);
};

/**
 * An action on the Part B item of the second meeting (whose minutes are approved, so it is recorded
 * against the item alone): exempt, as its item is, and finished with a note.
 */
function addPartBAction(): number {
  const item = (
    db.prepare('SELECT id FROM agenda_item WHERE meeting_id = ? AND exempt = 1').get(M2) as { id: number }
  ).id;
  const id = Number(
    db
      .prepare(
        `INSERT INTO action (meeting_id, agenda_item_id, description, owner_member_id, due_date, urgency, status, created_at, completed_at)
         VALUES (NULL, ?, 'Confirm to the Chair in confidence the outcome of Young Person K’s secure accommodation review.', 5, '2026-08-19', 'medium', 'complete', '2026-08-05T12:30:00.000Z', '2026-08-14T15:00:00.000Z')`,
      )
      .run(item).lastInsertRowid,
  );
  db.prepare(
    "INSERT INTO action_update (action_id, date, author, text, created_at) VALUES (?, '2026-08-14', 'Helen Marsh', 'Outcome confirmed to the Chair in confidence after the review.', '2026-08-14T15:00:00.000Z')",
  ).run(id);
  return id;
}

const docs: Record<string, Word> = {};
beforeAll(async () => {
  addPartBAction();
  docs.scorecard = await word({ kind: 'scorecard' });
  docs.scorecardQ1 = await word({ kind: 'scorecard', from: '2026-04-01', to: '2026-06-30' });
  docs.annual = await word({ kind: 'annual', ...YEAR });
  docs.actions = await word({ kind: 'actions', public: false });
  docs.actionsPublic = await word({ kind: 'actions', public: true });
}, 240_000);

// ---- Scorecard report ---------------------------------------------------------------------------

describe('scorecard report', () => {
  it('says its reporting period in the title, the document properties and the footer', async () => {
    const d = docs.scorecard!;
    expect(d.text).toContain('Performance scorecard report: Q2 2026-27 (Jul–Sep 2026)');
    expect(d.text).toMatch(/Reporting period\nQ2 2026-27 \(Jul–Sep 2026\)/);
    const core = await d.zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain(
      `<dc:title>${BOARD}: performance scorecard report, Q2 2026-27 (Jul–Sep 2026)</dc:title>`,
    );
    const footer = (await d.zip.file('word/footer1.xml')?.async('string')) ?? '';
    expect(wordText(footer)).toContain('performance scorecard report, Q2 2026-27 (Jul–Sep 2026)');
  });

  it('has a contents page: a Word TOC field listing priorities and measures with page numbers', () => {
    const d = docs.scorecard!;
    expect(d.xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    expect(d.xml).toContain('w:val="Table of Contents"');
    // Written with its entries and page numbers, so it reads right before Word updates it.
    expect(d.text).toMatch(/\nP1 Listen to us and act on what we say\t\d+\n/);
    expect(d.text).toMatch(/\nV1 Children who took part in their review\t\d+\n/);
    expect(d.text).toMatch(/\nDefinitions and sources\t\d+\n/);
    // The contents list's own heading is not one of its entries.
    expect(d.text).not.toMatch(/\nContents\t\d+/);
    const pages = [...d.text.matchAll(/\n[^\n\t]+\t(\d+)(?=\n)/g)].map((m) => Number(m[1]));
    expect(pages.length).toBeGreaterThan(20);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages); // in page order
  });

  it('defines every measure: definition, owner, source, how often, and n of N where recorded', () => {
    const t = docs.scorecard!.text;
    const v1 = section(
      t,
      'V1 Children who took part in their review',
      'V2 Children visited by their IRO in the six weeks before their review',
    );
    expect(v1).toContain(
      'Definition: Percentage of children looked after for 4+ weeks whose review in the quarter they attended, spoke for themselves or conveyed their views.',
    );
    expect(v1).toContain('Owner\nIRO Service Manager');
    expect(v1).toContain('Source\nChildren’s social care case management system');
    expect(v1).toContain('Reported\nQuarterly');
    expect(v1).toContain('Unit and polarity\nPercentage; higher is better');
    const q2 = db
      .prepare(
        "SELECT v.numerator, v.denominator FROM measure_value v JOIN measure m ON m.id = v.measure_id WHERE m.code = 'V1' AND v.period = '2026-27 Q2'",
      )
      .get() as { numerator: number; denominator: number };
    expect(v1).toContain(`\n${q2.numerator} of ${q2.denominator}\nQ2 2026-27 (Jul–Sep 2026)\n`);
    // A measure recorded without numerators says nothing of n of N.
    const s3 = section(t, 'S3 Children looked after per 10,000 children', 'P3 Healthy in body and mind');
    expect(s3).not.toContain('n of N');
    // Every measure's definition and source again at the end, for whoever checks the figures.
    const defs = t.slice(t.lastIndexOf('\nDefinitions and sources\n'));
    const count = (db.prepare('SELECT count(*) AS n FROM measure WHERE archived = 0').get() as { n: number })
      .n;
    expect(
      defs.match(
        /Children’s social care case management system|Virtual School|Adoption scorecard|Looked After Children health team records/g,
      )!.length,
    ).toBeGreaterThanOrEqual(count);
  });

  it('keeps each measure’s heading, definition, figures, chart and commentary together', () => {
    const xml = docs.scorecard!.xml;
    const heading = /<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>).)*V2 Children visited by their IRO/.exec(
      xml,
    )!;
    const end = xml.indexOf('One post is now filled', heading.index);
    expect(end).toBeGreaterThan(heading.index);
    const paras = xml.slice(heading.index, end).split('<w:p>').slice(1, -1);
    expect(paras.length).toBeGreaterThan(15);
    // Every paragraph from the heading to the last line of commentary keeps with the next: the chart too.
    for (const para of paras) expect(para).toContain('<w:keepNext/>');
    expect(xml.slice(heading.index, end)).toContain('descr="Line chart of V2');
  });

  it('shows every figure of a measure with the same decimal places', () => {
    const t = docs.scorecard!.text;
    // S1 is recorded to one decimal place: its 10% target reads 10.0%, beside 11.3%.
    expect(t).toMatch(
      /\nS1\nChildren with three or more moves of home in the last 12 months\nQ2 2026-27 \(Jul–Sep 2026\)\n11\.3%\n10\.0%\nAmber\n/,
    );
    expect(t).not.toMatch(/\n11\.3%\n10%\n/);
    // Whole-number measures stay whole (E3 counts children).
    expect(t).toMatch(
      /\nE3\nChildren in care on a part-time timetable\nQ2 2026-27 \(Jul–Sep 2026\)\n\d+\nNo target\n/,
    );
    expect(measureDecimals([11, 11.3, 10], 'percent')).toBe(1);
    expect(measureDecimals([0.1 + 0.2, 4], 'percent')).toBe(1);
    expect(measureDecimals([2.345, 1], 'number')).toBe(2);
    expect(measureDecimals([512, 426], 'days')).toBe(0);
    const fmt = measureFormat('percent', [11, 11.3]);
    expect([fmt(11), fmt(11.3), fmt(null)]).toEqual(['11.0%', '11.3%', '–']);
  });

  it('says under a chart when its vertical axis does not start at zero', async () => {
    const t = docs.scorecard!.text;
    const v1 = section(
      t,
      'V1 Children who took part in their review',
      'V2 Children visited by their IRO in the six weeks before their review',
    );
    expect(v1).toMatch(
      /The vertical axis starts at \d+\.\d%, not at zero, so that the change between periods can be seen\./,
    );
    const { measureChartPng } = await import('../../../electron/core/exports/chart-render');
    const base = { title: 'T', unit: 'percent' as const, polarity: 'higher' as const, target: null };
    const high = measureChartPng(
      {
        ...base,
        series: [
          { period: '2025-26 Q1', value: 91 },
          { period: '2025-26 Q2', value: 96 },
        ],
      },
      'x',
    );
    expect(high.axisFrom).toBeGreaterThan(80);
    const low = measureChartPng(
      {
        ...base,
        series: [
          { period: '2025-26 Q1', value: 1 },
          { period: '2025-26 Q2', value: 9 },
        ],
      },
      'x',
    );
    expect(low.axisFrom).toBeNull();
  });

  it('honours --from and --to: figures for periods that ended in them, the period in the title', () => {
    const t = docs.scorecardQ1!.text;
    expect(docs.scorecardQ1!.fileName).toBe(
      'Northshire CPB scorecard report 1 April 2026 to 30 June 2026.docx',
    );
    expect(t).toContain('Performance scorecard report: 1 April 2026 to 30 June 2026');
    const v1 = db
      .prepare(
        "SELECT v.value FROM measure_value v JOIN measure m ON m.id = v.measure_id WHERE m.code = 'V1' AND v.period = '2026-27 Q1'",
      )
      .get() as { value: number };
    expect(t).toMatch(
      new RegExp(
        `\\nV1\\nChildren who took part in their review\\nQ1 2026-27 \\(Apr–Jun 2026\\)\\n${v1.value.toFixed(1).replace('.', '\\.')}%\\n`,
      ),
    );
    expect(t).not.toContain('Q2 2026-27 (Jul–Sep 2026)');
    // The charts show only the period's figures.
    expect(docs.scorecardQ1!.xml).toContain(
      'descr="Line chart of V1 Children who took part in their review (higher is better): 1 value, for Q1 2026-27 (Apr–Jun 2026).',
    );
  });

  it('refuses a reversed range, and a range with a frozen scorecard', async () => {
    const reversed = await callError(session, 'export.document', {
      kind: 'scorecard',
      from: '2026-09-30',
      to: '2026-04-01',
    });
    expect(reversed.code).toBe('invalid_input');
    expect(reversed.message).toContain('to must be on or after the start date');
    const frozen = await callError(session, 'export.document', {
      kind: 'scorecard',
      meetingId: M2,
      from: '2026-04-01',
    });
    expect(frozen.message).toContain('does not apply to a scorecard frozen for a meeting');
  });
});

// ---- Annual report --------------------------------------------------------------------------------

describe('annual report', () => {
  it('opens with the chair’s foreword and the narrative the clerk wrote for the year', () => {
    const t = docs.annual!.text;
    expect(t).toContain('\nAnnual report 2026-27\n');
    const foreword = section(t, 'Chair’s foreword', 'The year at a glance');
    expect(foreword).toContain('would this be good enough for my child?');
    expect(foreword).toContain(`Cllr Margaret Ellison, Chair of the ${BOARD}`);
    expect(section(t, 'The year in review', 'Themes of the year')).toContain(
      'members began a programme of visits to the council’s children’s homes.',
    );
    expect(t).toContain('\nChallenges and what we are doing about them\nTwo measures have fallen');
    expect(t).toContain('\nLooking ahead\nNext year the Board will keep health');
    // Bullets and numbered lists written in the text are Word lists.
    expect(docs.annual!.xml).toMatch(/<w:numPr>(?:(?!<\/w:p>).)*the dental checks recovery plan/);
  });

  it('names the year’s themes from the principles its agenda covered', () => {
    const themes = section(docs.annual!.text, 'Themes of the year', 'The voice of children and young people');
    expect(themes).toMatch(
      /The Board’s agenda returned most often to \([a-g]\) [^(]+ \(\d+ items at \d+ meetings?\)/,
    );
    expect(themes).toContain('Every principle was considered at least once.');
  });

  it('gives the voice of children and young people: the clerk’s words and “you said, we did”', () => {
    const voice = section(
      docs.annual!.text,
      'The voice of children and young people',
      'Challenges and what we are doing about them',
    );
    expect(voice).toContain('Jade and Kai represented the Children in Care Council');
    expect(voice).toContain('Pocket money should be the same whatever home you live in.');
    expect(voice).toMatch(/\d+ done, \d+ in progress, \d+ not yet started/);
  });

  it('counts completed and closed actions, and leaves procedural decisions out of the decisions', () => {
    const t = docs.annual!.text;
    const n = (sql: string) => (db.prepare(sql).get(YEAR.from, YEAR.to) as { n: number }).n;
    const completed = n(
      "SELECT count(*) AS n FROM action WHERE status = 'complete' AND substr(completed_at, 1, 10) BETWEEN ? AND ?",
    );
    const closed = n(
      "SELECT count(*) AS n FROM action WHERE status = 'closed' AND substr(completed_at, 1, 10) BETWEEN ? AND ?",
    );
    expect(closed).toBe(1);
    expect(t).toContain(`${completed} actions were completed and ${closed} was closed in the period;`);
    const closedTable = t.slice(t.indexOf('\nClosed without completion (1)\n'), t.indexOf('\nOutstanding ('));
    expect(closedTable).toContain(
      'Write to the Integrated Care Board about dental access for children in care.',
    );
    expect(closedTable).toContain('The Chair raised dental access with the Integrated Care Board in person');
    const procedural = n(
      `SELECT count(*) AS n FROM decision d JOIN agenda_item a ON a.id = d.agenda_item_id JOIN meeting m ON m.id = a.meeting_id
       WHERE a.kind = 'minutes' AND a.exempt = 0 AND m.date BETWEEN ? AND ? AND m.status IN ('in_progress', 'minutes_draft', 'minutes_approved')`,
    );
    expect(procedural).toBeGreaterThan(0);
    const decisions = section(t, 'Decisions', 'Actions');
    expect(decisions).not.toMatch(/be approved as a correct record/);
    expect(decisions).toContain(
      `${procedural} procedural decisions (approving the minutes of earlier meetings and the like) are not listed`,
    );
    expect(t).not.toMatch(/met 0 times/);
  });

  it('puts commentary with each chart: the year in a sentence, and the clerk’s words or the latest commentary', () => {
    const t = docs.annual!.text;
    const h2 = section(
      t,
      'H2 Children in care 12 months or more with an up-to-date dental check',
      'H3 Average Strengths and Difficulties Questionnaire score',
      true,
    );
    expect(h2).toMatch(
      /The year: From \d+\.\d% in Q1 2026-27 to \d+\.\d% in Q2 2026-27: [a-z ]+\. Against the target of 90\.0%: Red\./,
    );
    expect(h2).toContain(
      'Dental checks have fallen for four quarters in a row as NHS dental practices stopped taking new patients.',
    );
    const s1 = section(
      t,
      'S1 Children with three or more moves of home in the last 12 months',
      'S2 Long-term stability: under-16s in care 2½ years or more, in the same home for 2 years',
      true,
    );
    expect(s1).toContain('What is working well: Stability meetings are now held');
  });

  it('ends with the forward plan: the meetings arranged, from the meetings table', () => {
    const ahead = docs.annual!.text.slice(docs.annual!.text.lastIndexOf('\nForward plan\n'));
    expect(ahead).toContain('Wednesday 16 December 2026, 10:00');
    expect(ahead).toContain('Adoption timeliness improvement plan');
  });

  it('says the Board did not meet for a year without meetings, and refuses a year not yet begun', async () => {
    const empty = await word({ kind: 'annual', from: '2025-04-01', to: '2026-03-31' });
    expect(empty.text).toContain('The Board did not meet between 1 April 2025 and 31 March 2026');
    expect(empty.text).not.toMatch(/met 0 times|met 0/);
    const future = await callError(session, 'export.document', {
      kind: 'annual',
      from: '2027-04-01',
      to: '2028-03-31',
    });
    expect(future.code).toBe('invalid_input');
    expect(future.message).toContain('after today');
  });

  it('keeps the words per year through the API, refusing a stale save', async () => {
    const year = '2026-27';
    const before = await callOk(session, 'annual.texts', { year });
    const foreword = before.sections.find((s) => s.section === 'foreword')!;
    expect(foreword.label).toBe('Chair’s foreword');
    expect(before.from).toBe('2026-04-01');
    const saved = await callOk(session, 'annual.saveText', {
      year,
      section: 'foreword',
      body: 'A new foreword, written for the test.',
      baseRevision: foreword.revision,
    });
    expect(saved.revision).toBe(foreword.revision + 1);
    const stale = await callError(session, 'annual.saveText', {
      year,
      section: 'foreword',
      body: 'From an old copy.',
      baseRevision: foreword.revision,
    });
    expect(stale.code).toBe('conflict');
    const report = await word({ kind: 'annual', ...YEAR });
    expect(report.text).toContain('\nChair’s foreword\nA new foreword, written for the test.\n');
    expect(report.text).not.toContain('From an old copy.');
    // Another year's words are its own.
    const next = await callOk(session, 'annual.texts', { year: '2027-28' });
    expect(next.sections.every((s) => s.body === '' && s.revision === 0)).toBe(true);
    // An emptied section is left out of the report.
    await callOk(session, 'annual.saveText', { year, section: 'challenges', body: '' });
    expect((await word({ kind: 'annual', ...YEAR })).text).not.toContain(
      'Challenges and what we are doing about them',
    );
    const measure = before.measures.find((m) => m.code === 'S3')!;
    await callOk(session, 'annual.saveMeasureText', {
      year,
      measureId: measure.measureId,
      body: 'The rate is level with the sufficiency plan.',
      baseRevision: 0,
    });
    expect((await word({ kind: 'annual', ...YEAR })).text).toContain(
      'The rate is level with the sufficiency plan.',
    );
    expect((await callError(session, 'annual.texts', { year: '2026-28' })).message).toContain(
      'two years in a row',
    );
    expect(
      (await callError(session, 'annual.saveMeasureText', { year, measureId: 999, body: 'x' })).code,
    ).toBe('not_found');
  });
});

// ---- Action log ----------------------------------------------------------------------------------

describe('action log', () => {
  it('says when and how each finished action ended, never “No updates yet.” for one', () => {
    const t = docs.actions!.text;
    expect(t).toMatch(
      /Completed on 29 July 2026: Recovery plan drafted with the community dental service\. \(Gareth Lowe\)/,
    );
    expect(t).toMatch(
      /Closed on \d+ (June|July) 2026: The Chair raised dental access with the Integrated Care Board/,
    );
    const finished = t.slice(t.indexOf('\nComplete ('), t.indexOf('\nAbout this log'));
    expect(finished).not.toContain('No updates yet.');
    expect(finished).toContain('How it ended');
  });

  it('honours --from and --to: only the actions raised between them', async () => {
    const d = await word({ kind: 'actions', from: '2026-09-01', to: '2026-12-31' });
    const raised = (
      db
        .prepare(
          "SELECT count(*) AS n FROM action a JOIN meeting m ON m.id = a.meeting_id WHERE m.date BETWEEN '2026-09-01' AND '2026-12-31'",
        )
        .get() as { n: number }
    ).n;
    expect(d.text).toContain(
      'Action log: actions raised from 1 September 2026 to 31 December 2026, at 23 November 2026',
    );
    expect(d.text).toMatch(new RegExp(`\\n${raised} actions: `));
    expect(d.text).not.toContain('Bring a recovery plan for dental checks');
    // Public unless asked otherwise.
    expect(d.fileName).toBe('Northshire CPB action log 1 September 2026 to 31 December 2026 (public).docx');
    const reversed = await callError(session, 'export.document', {
      kind: 'actions',
      from: '2026-12-31',
      to: '2026-09-01',
    });
    expect(reversed.message).toContain('to must be on or after the start date');
  });

  it('the public version reduces Part B actions to their reference and is not the confidential one', async () => {
    const pub = docs.actionsPublic!;
    const conf = docs.actions!;
    const partB = db.prepare('SELECT id FROM action WHERE exempt = 1').all() as { id: number }[];
    expect(partB.length).toBeGreaterThan(0);
    expect(conf.text).toContain('Young Person K’s secure accommodation review');
    expect(conf.text).toMatch(/Version\nCONFIDENTIAL: includes 1 action on exempt \(Part B\) items/);
    expect(pub.text).toMatch(
      /Version\nPublic: 1 action on exempt \(Part B\) items is reduced to its reference, status and due date/,
    );
    for (const { id } of partB)
      expect(pub.text).toMatch(
        new RegExp(
          `\\n${id}\\nAction on an exempt \\(Part B\\) item: the details are withheld from the public version\\.\\nWithheld\\n`,
        ),
      );
    // Nothing of it anywhere in the public package: body, header, footer, properties.
    for (const name of Object.keys(pub.zip.files)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const xml = await pub.zip.file(name)!.async('string');
      expect(xml, name).not.toContain('Ravensmoor');
      expect(xml, name).not.toContain('Young Person K');
      expect(xml, name).not.toContain('CONFIDENTIAL');
    }
    expect(pub.data.equals(conf.data)).toBe(false);
    const headers = await Promise.all(
      Object.keys(conf.zip.files)
        .filter((n) => /^word\/header\d*\.xml$/.test(n))
        .map((n) => conf.zip.file(n)!.async('string')),
    );
    for (const h of headers) expect(wordText(h)).toContain('CONFIDENTIAL');
  });
});

// ---- PDF -----------------------------------------------------------------------------------------

describe('every document as PDF', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['agenda', { kind: 'agenda', meetingId: M4 }, 'Agenda — ordinary meeting', /agenda, 16 December 2026/],
    [
      'minutes',
      { kind: 'minutes', meetingId: M2, public: true },
      'Exclusion of the press and public',
      /minutes, 5 August 2026 \(public\)/,
    ],
    [
      'actions',
      { kind: 'actions', public: true },
      'Action log at 23 November 2026',
      /action log, 23 November 2026 \(public\)/,
    ],
    [
      'scorecard',
      { kind: 'scorecard' },
      'Performance scorecard report: Q2 2026-27',
      /performance scorecard report, Q2 2026-27/,
    ],
    ['annual', { kind: 'annual', ...YEAR }, 'Annual report 2026-27', /annual report 2026-27/],
  ];

  it.each(cases)(
    '%s: text, "Page X of Y" on every page, tagged, titled and in British English',
    async (_name, input, expected, titled) => {
      const d = await pdf(input);
      expect(d.fileName).toMatch(/\.pdf$/);
      expect(d.data.subarray(0, 5).toString()).toBe('%PDF-');
      expect(d.text.replace(/\s+/g, ' ')).toContain(expected);
      const pages = d.text.split('\f').filter((p) => p.trim() !== '');
      const count = Number(/Pages:\s+(\d+)/.exec(d.info)![1]);
      expect(pages).toHaveLength(count);
      pages.forEach((p, k) => {
        expect(p).toContain(`Page ${k + 1} of ${count}`);
        expect(p).toContain(BOARD);
      });
      expect(d.info).toMatch(new RegExp(`Title:\\s+${BOARD}: `));
      expect(d.info).toMatch(titled);
      expect(d.info).toMatch(/Tagged:\s+yes/);
      const raw = d.data.toString('latin1');
      expect(raw).toContain('/Lang (en-GB)');
      expect(raw).toMatch(/\/DisplayDocTitle true/);
      expect(raw).toContain('/StructTreeRoot');
      expect(raw).toMatch(/\/S \/H1\b/);
      // The header and footer are artifacts, not part of the text a screen reader reads.
      expect(raw).not.toContain('/Helvetica'); // the font is embedded, not the reader's own
    },
  );

  it('the public PDFs leak nothing of Part B; the confidential minutes say CONFIDENTIAL on every page', async () => {
    for (const input of [
      { kind: 'minutes', meetingId: M2, public: true },
      { kind: 'actions', public: true },
      { kind: 'annual', ...YEAR },
    ]) {
      const d = await pdf(input);
      expect(d.text).not.toContain('Ravensmoor');
      expect(d.text).not.toContain('Young Person K');
    }
    const conf = await pdf({ kind: 'minutes', meetingId: M2, public: false });
    for (const p of conf.text.split('\f').filter((x) => x.trim())) expect(p).toContain('CONFIDENTIAL');
    expect(conf.text).toContain('Ravensmoor');
  });

  it('has a real contents list: every heading with the page it is on, linked, and bookmarks', async () => {
    const d = await pdf({ kind: 'scorecard' });
    const pages = d.text.split('\f');
    const contents = pages[0]!;
    const entry = /V2 Children visited by their IRO in the six weeks before their review[ .]+(\d+)/.exec(
      contents,
    )!;
    expect(entry).not.toBeNull();
    const page = pages[Number(entry[1]) - 1]!;
    expect(page).toMatch(/V2 Children visited by their IRO in the six weeks before their\s+review/);
    const profile = Number(/Children in care profile[ .]+(\d+)/.exec(contents)![1]);
    expect(pages[profile - 1]).toContain('Children in care profile');
    const raw = d.data.toString('latin1');
    expect(raw).toContain('/S /TOC');
    expect(raw).toContain('/Outlines');
    expect(raw).toMatch(/\/S \/GoTo/);
    // Charts are figures with their alt text.
    expect(raw).toContain('/S /Figure');
    // Text strings are UTF-16 (big-endian) in the PDF.
    const utf16 = (t: string) => [...t].map((c) => `\u0000${c}`).join('');
    expect(raw).toContain(`/Alt (\u00fe\u00ff${utf16('Line chart of V1 Children who took part')}`);
  });
});

// ---- Well-formed XML -----------------------------------------------------------------------------

describe('every part of every Word document is well-formed XML', () => {
  it.each(['scorecard', 'scorecardQ1', 'annual', 'actions', 'actionsPublic'])('%s', async (name) => {
    const zip = docs[name]!.zip;
    const xmlParts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
    expect(xmlParts.length).toBeGreaterThan(8);
    for (const n of xmlParts) expect(XMLValidator.validate(await zip.file(n)!.async('string')), n).toBe(true);
  });
});

// ---- Strict doors --------------------------------------------------------------------------------

describe('strict options and safe targets', () => {
  beforeAll(() => {
    // The CLI is tested as shipped: the esbuild bundle (built when missing or older than this change).
    if (!existsSync(cli) || !readFileSync(cli, 'utf8').includes('OUT.docx|OUT.pdf')) {
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

  it('cpb export writes a PDF when --out ends in .pdf', () => {
    const file = path.join(out, 'scorecard from cli.pdf');
    const r = cpb('export', 'actions', '--board', boardFile, '--out', file, '--public');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Wrote ${file} (Northshire CPB action log 23 November 2026 (public))`);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('refuses options that do not apply, other file types and a read-only file, writing nothing', () => {
    const target = path.join(out, 'refused.docx');
    const cases: [string[], string][] = [
      [['export', 'agenda', '--meeting', '4', '--draft'], '--draft does not apply to the agenda'],
      [
        ['export', 'minutes', '--meeting', '2', '--from', '2026-04-01'],
        '--from does not apply to the minutes',
      ],
      [['export', 'actions', '--meeting', '2'], '--meeting does not apply to the actions'],
      [
        ['export', 'annual', '--from', '2026-04-01', '--to', '2027-03-31', '--public'],
        '--public does not apply to the annual',
      ],
      [
        ['export', 'scorecard', '--from', '2026-09-30', '--to', '2026-04-01'],
        'must be on or after the start date',
      ],
      [
        ['export', 'scorecard', '--meeting', '2', '--from', '2026-04-01'],
        'does not apply to a scorecard frozen for a meeting',
      ],
    ];
    for (const [args, message] of cases) {
      const r = cpb(...args, '--board', boardFile, '--out', target);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
    const txt = cpb('export', 'actions', '--board', boardFile, '--out', path.join(out, 'log.txt'));
    expect(txt.status).toBe(1);
    expect(txt.stderr).toContain('name the file .docx (a Word document) or .pdf (a PDF), not .txt');
    expect(existsSync(target)).toBe(false);
    expect(existsSync(path.join(out, 'log.txt'))).toBe(false);

    const locked = path.join(out, 'locked.pdf');
    writeFileSync(locked, 'the published copy');
    chmodSync(locked, 0o444);
    const r = cpb('export', 'actions', '--board', boardFile, '--out', locked);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Could not save locked.pdf: the file is read-only, so it was not replaced.');
    expect(readFileSync(locked, 'utf8')).toBe('the published copy');
    chmodSync(locked, 0o644);
  });

  it('the safe write refuses a read-only file with a named error, whatever wrote it', () => {
    const locked = path.join(out, 'locked.docx');
    writeFileSync(locked, 'old');
    chmodSync(locked, 0o444);
    let error: unknown;
    try {
      writeFileSafe(locked, Buffer.from('new'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SafeWriteError);
    expect((error as SafeWriteError).code).toBe(READ_ONLY_FILE);
    expect(readFileSync(locked, 'utf8')).toBe('old');
    expect(statSync(locked).mode & 0o777).toBe(0o444);
  });

  it('the API refuses a field a document does not take, and an unknown format', async () => {
    expect(
      (await callError(session, 'export.document', { kind: 'agenda', meetingId: M4, draft: true })).code,
    ).toBe('invalid_input');
    expect(
      (await callError(session, 'export.document', { kind: 'annual', ...YEAR, meetingId: M4 })).code,
    ).toBe('invalid_input');
    expect((await callError(session, 'export.document', { kind: 'actions', format: 'rtf' })).code).toBe(
      'invalid_input',
    );
  });
});
