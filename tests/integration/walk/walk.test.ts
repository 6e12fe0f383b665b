/**
 * Walking the agenda against the strategy, through the API on the demo board (today pinned to
 * 23 November 2026; the upcoming meeting is on 16 December 2026, agenda published, nothing frozen).
 */
import type { ApiInput } from '../../../shared/api';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/core/session';
import { callError, callOk, demoSession, rowCounts } from '../../helpers';

let session: Session;
beforeEach(() => {
  session = demoSession().session;
});
afterEach(() => session.close());

const UPCOMING = 4;
interface Item {
  id: number;
  kind: string;
  title: string;
}
async function items(meetingId = UPCOMING): Promise<Item[]> {
  return (await callOk(session, 'meeting.get', { id: meetingId })).items;
}
async function itemTitled(title: string): Promise<Item> {
  return (await items()).find((i) => i.title === title)!;
}
const context = (itemId: number) => callOk(session, 'item.context', { itemId });
const measureId = (code: string) =>
  (session.ctx().db.prepare('SELECT id FROM measure WHERE code = ?').get(code) as { id: number }).id;

describe('item.context: a priority item with its priority’s figures, actions and voice', () => {
  it('with no scorecard frozen, says so and shows the figures for periods ended before the meeting', async () => {
    const item = await itemTitled('Adoption timeliness improvement plan');
    const c = await context(item.id);
    expect(c.meeting).toEqual({ id: UPCOMING, date: '2026-12-16', status: 'agenda_published' });
    expect(c.item).toEqual({ id: item.id, position: 7, kind: 'priority', title: item.title, exempt: false });
    expect(c.figures).toEqual({ basis: 'before_meeting', takenAt: null });
    expect(c.priorities.map((p) => `${p.code} ${p.title}`)).toEqual([
      'P5 A permanent family and lasting relationships',
    ]);
    expect(c.principles).toEqual([{ id: 6, code: 'f', title: 'Safe and stable' }]);
    expect(c.pledges).toEqual([]);
    expect(c.scorecard).toBeNull();
    expect(c.notesOpen).toBe(false);
    const p5 = c.priorities[0]!;
    expect(
      p5.measures.map((m) => [m.code, m.rag, m.direction, m.latest, m.previous, m.target, m.series.length]),
    ).toEqual([
      [
        'A1',
        'red',
        'worsening',
        { period: '2026-27 Q2', value: 512 },
        { period: '2026-27 Q1', value: 497 },
        426,
        8,
      ],
      // Reported yearly, as the DfE does: three-year figures, compared with the one before.
      [
        'A10',
        'amber',
        'improving',
        { period: '2023-26', value: 441 },
        { period: '2022-25', value: 451 },
        426,
        4,
      ],
      [
        'A2',
        'green',
        'improving',
        { period: '2026-27 Q2', value: 118 },
        { period: '2026-27 Q1', value: 122 },
        121,
        8,
      ],
    ]);
    expect(p5.measures[0]!.series[0]).toEqual({ period: '2024-25 Q3', value: 468 });
    expect(p5.measures[0]!.series.at(-1)).toEqual({ period: '2026-27 Q2', value: 512 });
    expect([p5.measures[0]!.england, p5.measures[0]!.neighbours, p5.measures[0]!.region]).toEqual([
      450, 470, 458,
    ]);
    expect(p5.actions).toEqual([
      {
        id: 12,
        description: 'Present an adoption timeliness improvement plan, including early permanence.',
        owner: 'Gareth Lowe',
        dueDate: '2026-12-16',
        status: 'open',
        overdue: false,
        daysOverdue: 0,
        meetingDate: '2026-09-30',
      },
    ]);
    expect(p5.planActions.map((a) => [a.ref, a.status, a.latestUpdate?.date])).toEqual([
      ['5.1', 'at_risk', '2026-10-29'],
    ]);
    expect(p5.voice.map((v) => [v.said, v.status, v.saidDate])).toEqual([
      [
        'We want to see our brothers and sisters more often, especially in the school holidays.',
        'open',
        '2026-10-14',
      ],
    ]);
  });

  it('once frozen, shows the frozen figures: a later value does not change what the meeting saw', async () => {
    const item = await itemTitled('Adoption timeliness improvement plan');
    await callOk(session, 'snapshot.freeze', { meetingId: UPCOMING });
    await callOk(session, 'measure.setValue', {
      measureId: measureId('A1'),
      period: '2026-27 Q2',
      value: 400,
    });
    await callOk(session, 'measure.setValue', {
      measureId: measureId('A1'),
      period: '2026-27 Q3',
      value: 380,
    });
    const c = await context(item.id);
    expect(c.figures.basis).toBe('frozen');
    expect(c.figures.takenAt).toMatch(/^2026-11-23T09:00/);
    const a1 = c.priorities[0]!.measures[0]!;
    expect([a1.code, a1.rag, a1.latest, a1.direction]).toEqual([
      'A1',
      'red',
      { period: '2026-27 Q2', value: 512 },
      'worsening',
    ]);
    // The sparkline ends at the frozen figure, whatever was corrected or added since.
    expect(a1.series.at(-1)).toEqual({ period: '2026-27 Q2', value: 512 });
    expect(a1.series).toHaveLength(8);
  });

  it('an item on two priorities: each with its measures worst first and its open actions, overdue first', async () => {
    const c = await context((await itemTitled('Voice of the child: contact with brothers and sisters')).id);
    expect(c.priorities.map((p) => p.code)).toEqual(['P1', 'P5']);
    const p1 = c.priorities[0]!;
    expect(p1.measures.map((m) => `${m.code} ${m.rag}`)).toEqual(['V2 red', 'V1 green']);
    expect(p1.actions.map((a) => [a.id, a.owner, a.dueDate, a.overdue, a.daysOverdue])).toEqual([
      [1, 'Helen Marsh', '2026-08-19', true, 96],
      [11, 'IRO Service Manager', '2026-10-28', true, 26],
      [5, 'Gareth Lowe', '2026-12-09', false, 0],
    ]);
    expect(p1.planActions.map((a) => `${a.ref} ${a.status}`)).toEqual(['1.1 on_track', '1.2 at_risk']);
    expect(p1.voice.map((v) => v.status)).toEqual(['done', 'in_progress']);
    expect(c.principles.map((p) => p.code)).toEqual(['b', 'c']);
  });

  it('an item with no links has no priorities; an unknown item is not found', async () => {
    const c = await context((await itemTitled('Any other business')).id);
    expect(c.priorities).toEqual([]);
    expect(c.scorecard).toBeNull();
    expect((await callError(session, 'item.context', { itemId: 9999 })).code).toBe('not_found');
  });
});

describe('the scorecard item: the frozen scorecard minuted measure by measure', () => {
  it('groups measures by priority, red and amber first', async () => {
    const scorecard = (await items()).find((i) => i.kind === 'scorecard')!;
    await callOk(session, 'snapshot.freeze', { meetingId: UPCOMING });
    const c = await context(scorecard.id);
    expect(c.figures.basis).toBe('frozen');
    expect(
      c.scorecard!.map((g) => [g.priorityCode, g.red, g.amber, g.rows.map((r) => `${r.code} ${r.rag}`)]),
    ).toEqual([
      ['P3', 1, 2, ['H2 red', 'H1 amber', 'H3 amber']],
      ['P5', 1, 1, ['A1 red', 'A10 amber', 'A2 green']],
      ['P1', 1, 0, ['V2 red', 'V1 green']],
      ['P2', 0, 1, ['S1 amber', 'S2 green', 'S3 not_rated']],
      ['P6', 0, 1, ['L1 amber', 'L2 green']],
      ['P4', 0, 0, ['E1 green', 'E2 green', 'E3 no_target']],
    ]);
  });

  it('a note, a decision and an action per measure: on the item, in measure.get and in the minutes', async () => {
    const scorecard = (await items()).find((i) => i.kind === 'scorecard')!;
    const h2 = measureId('H2');
    // Not before the meeting starts.
    const early = await callError(session, 'measureNote.save', {
      itemId: scorecard.id,
      measureId: h2,
      text: 'x',
    });
    expect(early.code).toBe('conflict');
    expect(early.message).toMatch(/Agenda published.*once it has started/);
    await callOk(session, 'meeting.setStatus', {
      id: UPCOMING,
      status: 'in_progress',
      early: { reason: 'Brought forward' },
    });
    // Decisions are recorded only while the meeting is quorate.
    for (const memberId of [1, 2, 3])
      await callOk(session, 'attendance.set', {
        meetingId: UPCOMING,
        memberId,
        status: 'present',
        substituteForMemberId: null,
      });
    // Only on the scorecard item.
    const aob = await itemTitled('Any other business');
    expect(
      (await callError(session, 'measureNote.save', { itemId: aob.id, measureId: h2, text: 'x' })).code,
    ).toBe('conflict');
    expect(
      (
        await callError(session, 'decision.add', {
          itemId: aob.id,
          text: 'the Board notes H2.',
          measureId: h2,
        })
      ).code,
    ).toBe('conflict');
    expect(
      (await callError(session, 'measureNote.save', { itemId: scorecard.id, measureId: 9999, text: 'x' }))
        .code,
    ).toBe('not_found');

    const note = 'Members asked why dental checks remain below England; the Designated Nurse to report.';
    const saved = await callOk(session, 'measureNote.save', {
      itemId: scorecard.id,
      measureId: h2,
      text: note,
    });
    expect(saved.savedAt).toMatch(/^2026-11-23T09:00/);
    await callOk(session, 'decision.add', {
      itemId: scorecard.id,
      text: 'RESOLVED that the Board asks for a dental access recovery trajectory.',
      measureId: h2,
    });
    await callOk(session, 'meeting.addAction', {
      itemId: scorecard.id,
      description: 'Report the dental access pathway’s first quarter.',
      ownerMemberId: 8,
      ownerName: '',
      dueDate: '2027-02-03',
      urgency: 'high',
      measureId: h2,
    });

    const row = (await context(scorecard.id)).scorecard![0]!.rows[0]!;
    expect(row.code).toBe('H2');
    expect(row.note).toEqual({ text: note, updatedAt: saved.savedAt });
    expect(row.decisions.map((d) => d.text)).toEqual([
      'the Board asks for a dental access recovery trajectory.',
    ]);
    expect(row.actions).toEqual([
      expect.objectContaining({
        description: 'Report the dental access pathway’s first quarter.',
        owner: 'Dr Fiona Blake',
        dueDate: '2027-02-03',
      }),
    ]);
    // The action serves the measure's priority (the scorecard item has none of its own).
    const log = await callOk(session, 'actions.list', {});
    expect(log.actions.find((a) => a.description.startsWith('Report the dental'))?.priorityId).toBe(3);

    const m = await callOk(session, 'measure.get', { id: h2 });
    expect(m.discussions).toEqual([
      {
        meetingId: UPCOMING,
        meetingDate: '2026-12-16',
        itemId: scorecard.id,
        itemTitle: scorecard.title,
        exempt: false,
        note,
        decisions: ['the Board asks for a dental access recovery trajectory.'],
        actions: [
          {
            description: 'Report the dental access pathway’s first quarter.',
            owner: 'Dr Fiona Blake',
            dueDate: '2027-02-03',
          },
        ],
      },
    ]);
    expect((await callOk(session, 'measure.get', { id: measureId('H1') })).discussions).toEqual([]);

    // The note is in the minutes, under the item.
    const doc = await callOk(session, 'export.document', {
      kind: 'minutes',
      meetingId: UPCOMING,
      public: true,
    });
    const xml = await (
      await JSZip.loadAsync(Buffer.from(doc.dataBase64, 'base64'))
    )
      .file('word/document.xml')!
      .async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Discussion of measures');
    expect(text).toContain('H2 Children in care 12 months or more with an up-to-date dental check');
    expect(text).toContain('Members asked why dental checks remain below England');

    // Empty text removes the note.
    await callOk(session, 'measureNote.save', { itemId: scorecard.id, measureId: h2, text: '' });
    expect((await context(scorecard.id)).scorecard![0]!.rows[0]!.note).toBeNull();
  });

  it('approved minutes refuse a change to a note, in the API and in the database', async () => {
    const scorecard = (await items()).find((i) => i.kind === 'scorecard')!;
    const h2 = measureId('H2');
    await callOk(session, 'meeting.setStatus', {
      id: UPCOMING,
      status: 'in_progress',
      early: { reason: 'Brought forward' },
    });
    // Decisions are recorded only while the meeting is quorate.
    for (const memberId of [1, 2, 3])
      await callOk(session, 'attendance.set', {
        meetingId: UPCOMING,
        memberId,
        status: 'present',
        substituteForMemberId: null,
      });
    await callOk(session, 'measureNote.save', { itemId: scorecard.id, measureId: h2, text: 'Noted.' });
    await callOk(session, 'meeting.setStatus', { id: UPCOMING, status: 'minutes_draft' });
    const next = await callOk(session, 'meeting.create', {
      date: '2027-02-03',
      startTime: '10:00',
      venue: '',
      chairMemberId: 1,
      type: 'ordinary',
      from: 'template',
    });
    // Approved at the next meeting, under way and quorate, with its chair present.
    await callOk(session, 'meeting.setStatus', { id: next.id, status: 'agenda_published' });
    await callOk(session, 'meeting.setStatus', {
      id: next.id,
      status: 'in_progress',
      early: { reason: 'Test' },
    });
    for (const memberId of [1, 2, 3])
      await callOk(session, 'attendance.set', {
        meetingId: next.id,
        memberId,
        status: 'present',
        substituteForMemberId: null,
      });
    await callOk(session, 'meeting.approveMinutes', { meetingId: UPCOMING, atMeetingId: next.id });
    const before = rowCounts(session);
    const refused = await callError(session, 'measureNote.save', {
      itemId: scorecard.id,
      measureId: h2,
      text: 'Changed afterwards.',
    });
    expect(refused.code).toBe('locked');
    expect(refused.message).toBe(
      'The minutes of the meeting on 16 December 2026 are approved and locked; record a correction as an amendment',
    );
    expect(rowCounts(session)).toEqual(before);
    const db = session.ctx().db;
    expect(() => db.prepare("UPDATE measure_note SET text = 'x'").run()).toThrow(/approved and locked/);
    expect(() => db.prepare('DELETE FROM measure_note').run()).toThrow(/approved and locked/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO measure_note (agenda_item_id, measure_id, text, updated_at) VALUES (?, ?, 'x', 'now')",
        )
        .run(scorecard.id, measureId('H1')),
    ).toThrow(/approved and locked/);
    expect((await context(scorecard.id)).scorecard![0]!.rows[0]!.note?.text).toBe('Noted.');
    expect((await context(scorecard.id)).notesOpen).toBe(false);
  });
});

describe('meeting.coverage: which priorities and principles an agenda covers, and since when', () => {
  it('for the upcoming meeting', async () => {
    const c = await callOk(session, 'meeting.coverage', { meetingId: UPCOMING });
    expect(c.meeting).toEqual({ id: UPCOMING, date: '2026-12-16' });
    expect(c.year).toEqual({ label: '2026-27', from: '2026-04-01', to: '2027-03-31' });
    expect(c.yearMeetings.map((m) => [m.date, m.priorityIds, m.principleIds])).toEqual([
      ['2026-06-10', [1, 3], [1, 2, 3, 4]],
      ['2026-08-05', [1, 2, 4], [1, 2, 3, 4, 5, 6]],
      ['2026-09-30', [1, 5, 6], [1, 2, 3, 5, 6, 7]],
      ['2026-12-16', [1, 2, 5, 6], [1, 2, 3, 5, 6, 7]],
    ]);
    expect(
      c.priorities.map((p) => [
        p.code,
        p.items.map((i) => i.position),
        p.lastOnAgenda?.date ?? null,
        p.meetingsThisYear,
      ]),
    ).toEqual([
      ['P1', [5], '2026-09-30', 4],
      ['P2', [9], '2026-08-05', 2],
      ['P3', [], '2026-06-10', 1],
      ['P4', [], '2026-08-05', 1],
      ['P5', [5, 7], '2026-09-30', 2],
      ['P6', [8], '2026-09-30', 2],
    ]);
    // P2 was last on an agenda as a Part B item: the row says so.
    expect(c.priorities[1]!.lastOnAgenda).toEqual(expect.objectContaining({ meetingId: 2, exempt: true }));
    expect(c.priorities[2]!.lastOnAgenda).toEqual({
      meetingId: 1,
      date: '2026-06-10',
      itemTitle: 'Health of children in care: annual report of the Designated Nurse',
      exempt: false,
    });
    expect(
      c.principles.map((p) => [
        p.code,
        p.items.map((i) => i.position),
        p.lastOnAgenda?.date ?? null,
        p.meetingsThisYear,
      ]),
    ).toEqual([
      ['a', [5, 7, 9], '2026-09-30', 4],
      ['b', [5], '2026-09-30', 4],
      ['c', [5], '2026-09-30', 4],
      ['d', [], '2026-08-05', 2],
      ['e', [8], '2026-09-30', 3],
      ['f', [5, 7, 9], '2026-09-30', 3],
      ['g', [8], '2026-09-30', 2],
    ]);
  });

  it('an earlier meeting counts only the meetings before it as “last on an agenda”', async () => {
    const c = await callOk(session, 'meeting.coverage', { meetingId: 3 });
    expect(c.priorities.map((p) => [p.code, p.lastOnAgenda?.date ?? null])).toEqual([
      ['P1', '2026-08-05'],
      ['P2', '2026-08-05'],
      ['P3', '2026-06-10'],
      ['P4', '2026-08-05'],
      ['P5', null],
      ['P6', null],
    ]);
    expect((await callError(session, 'meeting.coverage', { meetingId: 99 })).code).toBe('not_found');
  });
});

describe('in the record: “Performance against this priority” under each item linked to one', () => {
  /** Paragraph text of the document, one line per paragraph (table cells are paragraphs). */
  async function docText(input: ApiInput<'export.document'>): Promise<string> {
    const doc = await callOk(session, 'export.document', input);
    const xml = await (
      await JSZip.loadAsync(Buffer.from(doc.dataBase64, 'base64'))
    )
      .file('word/document.xml')!
      .async('string');
    return xml
      .split(/<\/w:p>/)
      .map((para) => [...para.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
      .join('\n')
      .replace(/&amp;/g, '&');
  }
  /** The lines of the document from one heading to the next item heading. */
  const section = (text: string, heading: string) => {
    const from = text.indexOf(`\n${heading}\n`);
    expect(from, heading).toBeGreaterThan(-1);
    const rest = text.slice(from + heading.length + 2);
    const next = rest.search(/\n(\d+\. |CPB\/\d\d\/\d\d\/\d+\u2003)/);
    return next === -1 ? rest : rest.slice(0, next);
  };

  it('the agenda pack shows the frozen figures, whatever arrived since', async () => {
    await callOk(session, 'snapshot.freeze', { meetingId: UPCOMING });
    await callOk(session, 'measure.setValue', {
      measureId: measureId('A1'),
      period: '2026-27 Q2',
      value: 400,
    });
    const text = await docText({ kind: 'agenda', meetingId: UPCOMING });
    const item7 = section(text, '7. Adoption timeliness improvement plan');
    expect(item7).toContain('Performance against this priority (the scorecard frozen for this meeting)');
    expect(item7).toMatch(
      /A1\nAverage days between entering care and moving in with an adoptive family\nQ2 2026-27 \(Jul–Sep 2026\)\n512 days\n426 days\nRed\n↑ Worsening/,
    );
    expect(item7).not.toContain('400 days');
    // Items with no priority have no table.
    expect(section(text, '4. Action log and matters arising')).not.toContain(
      'Performance against this priority',
    );
  });

  it('minutes with nothing frozen say so and use the figures for periods ended before the meeting', async () => {
    const text = await docText({ kind: 'minutes', meetingId: 3 });
    const item7 = section(text, 'CPB/26/27/27\u2003Permanence and adoption timeliness');
    expect(item7).toContain(
      'Performance against this priority (no scorecard was frozen for this meeting: the latest figures for periods that ended before it)',
    );
    expect(item7).toMatch(
      /A1\nAverage days between entering care and moving in with an adoptive family\nQ1 2026-27 \(Apr–Jun 2026\)\n497 days/,
    );
    // An item on two priorities: a table for each, named.
    const voice = section(text, 'CPB/26/27/25\u2003Voice of the child: Care Leavers Forum');
    expect(voice).toContain('P1 Listen to us and act on what we say');
    expect(voice).toContain('P6 Ready for adult life');
  });

  it('a Part B item shows nothing of the kind in the public minutes', async () => {
    const pub = await docText({ kind: 'minutes', meetingId: 2, public: true });
    expect(section(pub, 'CPB/26/27/20\u2003Placement matter — exempt under paragraph 1')).not.toContain(
      'Performance against this priority',
    );
    const conf = await docText({ kind: 'minutes', meetingId: 2, public: false });
    expect(section(conf, 'CPB/26/27/20\u2003Emergency placement of Young Person K')).toContain(
      'Performance against this priority',
    );
  });
});
