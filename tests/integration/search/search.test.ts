import { afterAll, describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../../shared/api';
import { dispatch } from '../../../electron/core/dispatch';
import { toFtsQuery, toSegments } from '../../../electron/core/services/search';
import { demoSession } from '../../helpers';

// Search over the real FTS5 index of a demo board, kept in step by the schema's triggers.

const { session } = demoSession('2026-11-23');
afterAll(() => session.close());
const db = () => session.ctx().db;

type Result = ApiOutput<'search.query'>;
async function search(q: string): Promise<Result> {
  const r = await dispatch(session, 'search.query', { q });
  if (!r.ok) throw new Error(`search "${q}" failed: ${r.error.message}`);
  return r.value as Result;
}
const plain = (h: Result['hits'][number]) => h.context.map((s) => s.text).join('');
const marked = (h: Result['hits'][number]) => h.context.filter((s) => s.mark).map((s) => s.text);

describe('search', () => {
  it('finds a word saved into an item’s minutes, labelled with the meeting date, item number and title', async () => {
    const item = db()
      .prepare(
        `SELECT a.id, a.meeting_id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
                WHERE m.date = '2026-09-30' AND a.position = 6`,
      )
      .get() as { id: number; meeting_id: number };
    expect((await search('zeppelin')).hits).toEqual([]);
    db()
      .prepare('UPDATE agenda_item SET minutes_text = ? WHERE id = ?')
      .run(
        'Ben Ashworth presented the scorecard. Members compared the trend to a zeppelin slowly losing height.',
        item.id,
      );
    const r = await search('zeppelin');
    expect(r.total).toBe(1);
    expect(r.hits).toHaveLength(1);
    const hit = r.hits[0]!;
    expect(hit).toMatchObject({
      kind: 'minutes',
      refId: item.id,
      exempt: false,
      label: 'Minutes — 30 September 2026, item 6: Performance scorecard, 2026-27 Q1',
      target: { to: 'item', meetingId: item.meeting_id, itemId: item.id },
    });
    expect(marked(hit)).toEqual(['zeppelin']);
    expect(plain(hit)).toContain('compared the trend to a zeppelin slowly losing height');
    // Case, prefixes and diacritics do not matter.
    expect((await search('ZEPP')).hits).toHaveLength(1);
    expect((await search('zéppelin')).hits).toHaveLength(1);
  });

  it('stays in step after an update and a delete', async () => {
    const v = db()
      .prepare(
        "INSERT INTO voice_entry (said, did, said_date) VALUES ('We want a quokka at the office.', '', '2026-11-01')",
      )
      .run();
    const id = Number(v.lastInsertRowid);
    let hits = (await search('quokka')).hits;
    expect(hits.map((h) => [h.kind, h.refId, h.label])).toEqual([
      ['voice', id, 'You said, we did — Children in Care Council, 1 November 2026'],
    ]);
    expect(hits[0]!.target).toEqual({ to: 'voice', voiceId: id });
    db().prepare("UPDATE voice_entry SET said = 'We want a wombat at the office.' WHERE id = ?").run(id);
    expect((await search('quokka')).hits).toEqual([]);
    expect((await search('wombat')).hits).toHaveLength(1);
    const r = await dispatch(session, 'voice.delete', { id });
    expect(r.ok).toBe(true);
    expect((await search('wombat')).hits).toEqual([]);

    // An action's update, and a decision.
    await dispatch(session, 'action.addUpdate', {
      actionId: 11,
      text: 'The trajectory uses a kangaroo model.',
    });
    hits = (await search('kangaroo')).hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]!.kind).toBe('action_update');
    expect(hits[0]!.target).toEqual({ to: 'action', actionId: 11 });
    expect(hits[0]!.label).toBe(
      'Action update — 23 November 2026, on “Explain the fall in IRO visits before reviews and set out a recovery…” (IRO Service Manager)',
    );
  });

  it('resolves every kind of hit to where it opens', async () => {
    const dental = await search('dental');
    const kinds = new Set(dental.hits.map((h) => h.kind));
    expect([...kinds].sort()).toEqual(['action', 'action_update', 'commentary', 'decision', 'minutes']);
    const decision = dental.hits.find((h) => h.kind === 'decision' && h.label.includes('item 7'))!;
    expect(decision.label).toBe(
      'Decision — 10 June 2026, item 7: Health of children in care: annual report of the Designated Nurse',
    );
    expect(decision.target.to).toBe('item');
    const commentary = dental.hits.find((h) => h.kind === 'commentary')!;
    expect(commentary.label).toMatch(/^Scorecard commentary — H2 /);
    expect(commentary.target).toMatchObject({ to: 'measure' });
    const action = dental.hits.find((h) => h.kind === 'action' && h.refId === 4)!;
    expect(action.label).toBe(
      'Action — Cllr Margaret Ellison, from 10 June 2026, item 7: Health of children in care: annual report of the Designated Nurse',
    );
  });

  it('marks the Part B (exempt) minute as exempt', async () => {
    const r = await search('Ravensmoor');
    expect(r.hits.length).toBeGreaterThanOrEqual(2);
    expect(r.hits.every((h) => h.exempt && h.label.endsWith('(Part B — exempt)'))).toBe(true);
  });

  it('never throws on odd input, and treats operators and markup as words', async () => {
    const odd = [
      '"',
      '""',
      'AND (',
      'OR',
      'NOT',
      'NEAR(',
      '*',
      '***',
      'title:x',
      'kind:voice',
      '^',
      '-',
      "'",
      '(',
      ')',
      '{a b}',
      'a"b',
      '\u0000',
      '   ',
      '\\',
      '<script>alert(1)</script>',
      'dental AND',
      'ab"cd"ef*',
      '"unbalanced phrase',
    ];
    for (const q of odd) {
      const r = await dispatch(session, 'search.query', { q });
      expect(r.ok, `query ${JSON.stringify(q)}`).toBe(true);
    }
    // Operators are words, not syntax: "dental AND" finds text with both words.
    const and = await search('dental AND');
    expect(and.hits.length).toBeGreaterThan(0);
    expect(and.match).toBe('"dental" "AND"*');
    // Markup comes back as text in segments, never as HTML.
    db()
      .prepare(
        "INSERT INTO voice_entry (said, did, said_date) VALUES ('Use <b>bold</b> & <script>x</script> please', '', '2026-11-02')",
      )
      .run();
    const html = await search('script');
    expect(plain(html.hits[0]!)).toContain('<script>x</script>');
  });

  it('a quoted phrase is a phrase; a trailing * asks for a prefix', async () => {
    expect(toFtsQuery('dental access')).toBe('"dental" "access"*');
    expect(toFtsQuery('"dental access" plan')).toBe('"dental access" "plan"*');
    expect(toFtsQuery('dent* board')).toBe('"dent"* "board"*');
    expect(toFtsQuery('AND ( "')).toBe('"AND"*');
    expect(toFtsQuery('" * ( )')).toBe('');
    const phrase = await search('"dental access"');
    const loose = await search('dental access');
    expect(phrase.total).toBeGreaterThan(0);
    expect(phrase.total).toBeLessThanOrEqual(loose.total);
    expect((await search('"access dental"')).total).toBe(0);
  });

  it('splits snippets into marked and unmarked segments', () => {
    expect(toSegments('a \u0002b\u0003 c \u0002d\u0003')).toEqual([
      { text: 'a ', mark: false },
      { text: 'b', mark: true },
      { text: ' c ', mark: false },
      { text: 'd', mark: true },
    ]);
    expect(toSegments('')).toEqual([]);
    expect(toSegments('\u0002open')).toEqual([{ text: 'open', mark: true }]);
  });
});
