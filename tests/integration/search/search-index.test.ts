import { afterAll, describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../../shared/api';
import { formatDate } from '../../../shared/domain/dates';
import { callOk, demoSession } from '../../helpers';

// The search index of migration 0010: English stemming, members and papers indexed, each hit
// labelled with what it is and where its meeting is in its life, and a change touching only its
// own row of the index.

const { session } = demoSession('2026-11-23');
afterAll(() => session.close());
const db = () => session.ctx().db;

type Result = ApiOutput<'search.query'>;
const search = (q: string): Promise<Result> => callOk(session, 'search.query', { q });
const meetingOn = (date: string) =>
  db().prepare('SELECT id, date, status FROM meeting WHERE date = ?').get(date) as {
    id: number;
    date: string;
    status: string;
  };
/** The demo's next meeting, on the agenda and not yet held. */
const upcomingMeeting = () =>
  db().prepare("SELECT id, date, status FROM meeting WHERE status = 'agenda_published'").get() as {
    id: number;
    date: string;
    status: string;
  };

describe('search with stemming, members and papers', () => {
  it('finds a word from its other forms (placements, placement, placing)', async () => {
    const item = db()
      .prepare(
        `SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
         WHERE m.date = '2026-09-30' AND a.position = 6`,
      )
      .get() as { id: number };
    db()
      .prepare('UPDATE agenda_item SET minutes_text = ? WHERE id = ?')
      .run('Members asked about the sufficiency of foster placements across the county.', item.id);
    for (const q of ['placements', 'placement', 'placing', 'Placement']) {
      const r = await search(q);
      expect(
        r.hits.map((h) => h.refId),
        q,
      ).toContain(item.id);
    }
    const hit = (await search('sufficiencies')).hits.find((h) => h.refId === item.id)!;
    expect(hit.kind).toBe('minutes');
    expect(hit.context.filter((s) => s.mark).map((s) => s.text)).toContain('sufficiency');
  });

  it('finds a member by name, job title or organisation, and opens their entry in Settings', async () => {
    const created = await callOk(session, 'member.create', {
      name: 'Philippa Quennell-Ashdown',
      role: 'partner_agency',
      jobTitle: 'Designated Doctor for Looked After Children',
      organisation: 'Northshire Integrated Care Board',
      voting: false,
      activeFrom: null,
      activeTo: null,
    });
    for (const q of ['Quennell', 'designated doctor', 'Integrated Care']) {
      const hit = (await search(q)).hits.find((h) => h.kind === 'member' && h.refId === created.id);
      expect(hit, q).toMatchObject({
        label:
          'Member — Philippa Quennell-Ashdown, Designated Doctor for Looked After Children, Northshire Integrated Care Board',
        exempt: false,
        meeting: null,
        target: { to: 'member', memberId: created.id },
      });
    }
    await callOk(session, 'member.update', {
      id: created.id,
      name: 'Philippa Ashdown',
      role: 'partner_agency',
      jobTitle: 'Designated Doctor for Looked After Children',
      organisation: 'Northshire Integrated Care Board',
      voting: false,
      activeFrom: null,
      activeTo: null,
    });
    expect((await search('Quennell')).hits.filter((h) => h.kind === 'member')).toEqual([]);
    expect((await search('Ashdown')).hits.map((h) => h.refId)).toContain(created.id);
  });

  it('finds a paper by its title, labelled with its item and meeting', async () => {
    const m = upcomingMeeting();
    const rec = await callOk(session, 'meeting.get', { id: m.id });
    const it6 = rec.items.find((i) => i.position === 6)!;
    await callOk(session, 'item.update', {
      itemId: it6.id,
      title: it6.title,
      presenter: it6.presenter,
      purpose: it6.purpose,
      minutesAllowed: it6.minutesAllowed,
      exempt: false,
      exemptParagraph: null,
      priorityIds: it6.priorityIds,
      pledgeIds: it6.pledgeIds,
      principleIds: it6.principleIds,
      papers: [{ label: 'Kinship carers’ allowances review', ref: 'https://example.gov.uk/kinship.pdf' }],
    });
    const hit = (await search('kinship allowance')).hits.find((h) => h.kind === 'paper')!;
    expect(hit.label).toMatch(
      new RegExp(`^Paper — “Kinship carers’ allowances review”, ${formatDate(m.date)}, item 6: `),
    );
    expect(hit.target).toEqual({ to: 'item', meetingId: m.id, itemId: it6.id });
  });

  it('says what the meeting of a hit is: an agenda item of a meeting not yet held is not labelled minutes', async () => {
    const upcoming = upcomingMeeting();
    expect(['draft', 'agenda_published']).toContain(upcoming.status);
    const held = meetingOn('2026-09-30');
    const title = (await search('Welcome apologies')).hits.filter((h) => h.kind === 'minutes');
    const ofUpcoming = title.find((h) => h.meeting?.id === upcoming.id)!;
    const ofHeld = title.find((h) => h.meeting?.id === held.id)!;
    expect(ofUpcoming.meeting).toMatchObject({ date: upcoming.date, status: upcoming.status, held: false });
    expect(ofUpcoming.label).toMatch(
      new RegExp(`^Agenda item — meeting on ${formatDate(upcoming.date)} \\(not yet held\\), item 1: `),
    );
    expect(ofHeld.meeting).toMatchObject({ date: '2026-09-30', held: true });
    expect(ofHeld.label).toMatch(/^Minutes — 30 September 2026, item 1: /);
    // Actions carry their meeting too; measures and voice entries have none.
    const action = (await search('IRO')).hits.find((h) => h.kind === 'action');
    expect(action?.meeting?.held).toBe(true);
    const measure = (await search('adoptive family')).hits.find((h) => h.kind === 'commentary');
    expect(measure?.meeting).toBeNull();
  });

  it('an autosave replaces only its own row of the index (keyed by rowid, no scan of the index)', async () => {
    const item = db()
      .prepare(
        `SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.status = 'agenda_published' LIMIT 1`,
      )
      .get() as { id: number };
    const rows = () => (db().prepare('SELECT count(*) AS n FROM search_index').get() as { n: number }).n;
    const before = rows();
    await callOk(session, 'item.saveMinutes', {
      itemId: item.id,
      doc: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Wombats were discussed.' }] }],
      },
    });
    expect(rows()).toBe(before);
    expect((await search('wombat')).hits.map((h) => h.refId)).toEqual([item.id]);
    // Each trigger finds its row by rowid: the plan is a lookup, never a scan of the whole index.
    const triggers = db()
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fts_%'")
      .all() as { name: string; sql: string }[];
    expect(triggers.length).toBeGreaterThanOrEqual(24);
    for (const t of triggers)
      if (/DELETE FROM search_index/.test(t.sql))
        expect(t.sql, t.name).toMatch(/WHERE rowid = OLD\.id \* 16 \+ \d/);
    const plan = db()
      .prepare('EXPLAIN QUERY PLAN DELETE FROM search_index WHERE rowid = ?')
      .all(item.id * 16 + 1) as { detail: string }[];
    // FTS5 says "INDEX 0:=" for a rowid lookup, "INDEX 0:" for a walk through every row.
    expect(plan.map((p) => p.detail)).toEqual(['SCAN search_index VIRTUAL TABLE INDEX 0:=']);
  });
});
