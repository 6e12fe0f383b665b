import { describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../../shared/api';
import { callError, callOk, demoSession, rowCounts } from '../../helpers';

// No silent overwrite: a save says which revision it started from; one from a stale copy (another
// tab, another window) is refused, writes nothing, and carries the version that is there now.
const doc = (words: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }],
});

async function upcomingItem() {
  const { session } = demoSession();
  const list = await callOk(session, 'meeting.list', {});
  const meeting = await callOk(session, 'meeting.get', { id: list.upcoming[0]!.id });
  const item = meeting.items.find((i) => !i.exempt)!;
  return { session, meeting, item };
}

type Item = ApiOutput<'meeting.get'>['items'][number];
const fields = (it: Item) => ({
  itemId: it.id,
  title: it.title,
  presenter: it.presenter,
  purpose: it.purpose,
  minutesAllowed: it.minutesAllowed,
  exempt: it.exempt,
  exemptParagraph: it.exemptParagraph,
  priorityIds: it.priorityIds,
  pledgeIds: it.pledgeIds,
  principleIds: it.principleIds,
  papers: it.papers,
});

describe('revisions: item minutes', () => {
  it('reads return the revision and each save returns the next, so quick autosaves chain', async () => {
    const { session, item } = await upcomingItem();
    let base = item.minutesRevision;
    for (let n = 1; n <= 5; n++) {
      const saved = await callOk(session, 'item.saveMinutes', {
        itemId: item.id,
        doc: doc(`Draft ${n}`),
        baseRevision: base,
      });
      expect(saved.revision).toBe(base + 1);
      base = saved.revision;
    }
  });

  it('refuses a save from a stale copy, writes nothing, and returns the other version', async () => {
    const { session, meeting, item } = await upcomingItem();
    const start = item.minutesRevision;
    // Tab A saves first.
    const a = await callOk(session, 'item.saveMinutes', {
      itemId: item.id,
      doc: doc('Tab A: the Board agreed the plan.'),
      baseRevision: start,
    });
    const before = rowCounts(session);
    // Tab B still holds the copy read before A saved.
    const err = await callError(session, 'item.saveMinutes', {
      itemId: item.id,
      doc: doc('Tab B: stale words'),
      baseRevision: start,
    });
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/Someone else saved these minutes/);
    expect(err.message).toMatch(/Load their version, or keep yours/);
    expect(err.current).toEqual({
      revision: a.revision,
      doc: doc('Tab A: the Board agreed the plan.'),
      text: 'Tab A: the Board agreed the plan.',
    });
    expect(rowCounts(session)).toEqual(before);
    const now = (await callOk(session, 'meeting.get', { id: meeting.id })).items.find(
      (i) => i.id === item.id,
    )!;
    expect(now.minutesText).toBe('Tab A: the Board agreed the plan.');
    expect(now.minutesRevision).toBe(a.revision);

    // "Keep mine": B saves again, deliberately, on top of A's revision.
    const b = await callOk(session, 'item.saveMinutes', {
      itemId: item.id,
      doc: doc('Tab B: kept'),
      baseRevision: a.revision,
    });
    expect(b.revision).toBe(a.revision + 1);
  });

  it('a save without a base revision (the command line) overwrites deliberately', async () => {
    const { session, item } = await upcomingItem();
    const saved = await callOk(session, 'item.saveMinutes', { itemId: item.id, doc: doc('x') });
    expect(saved.revision).toBe(item.minutesRevision + 1);
  });
});

describe('revisions: item details', () => {
  it('refuses item.update from a stale copy with the current details, and writes nothing', async () => {
    const { session, meeting, item } = await upcomingItem();
    const first = await callOk(session, 'item.update', {
      ...fields(item),
      presenter: 'Director of Children’s Services',
      baseRevision: item.revision,
    });
    expect(first.revision).toBe(item.revision + 1);
    const before = rowCounts(session);
    const err = await callError(session, 'item.update', {
      ...fields(item),
      presenter: 'Stale presenter',
      baseRevision: item.revision,
    });
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/Someone else saved this item’s details/);
    expect(err.current).toMatchObject({
      revision: first.revision,
      presenter: 'Director of Children’s Services',
    });
    expect(rowCounts(session)).toEqual(before);
    const now = (await callOk(session, 'meeting.get', { id: meeting.id })).items.find(
      (i) => i.id === item.id,
    )!;
    expect(now.presenter).toBe('Director of Children’s Services');
  });

  it('autosaving the minutes does not make the item’s open details stale', async () => {
    const { session, item } = await upcomingItem();
    await callOk(session, 'item.saveMinutes', {
      itemId: item.id,
      doc: doc('Minutes'),
      baseRevision: item.minutesRevision,
    });
    const r = await callOk(session, 'item.update', { ...fields(item), baseRevision: item.revision });
    expect(r.revision).toBe(item.revision + 1);
  });
});

describe('revisions: decisions and the other records', () => {
  it('refuses a stale decision.update with the current wording, and writes nothing', async () => {
    const { session, meeting, item } = await upcomingItem();
    const { id } = await callOk(session, 'decision.add', {
      itemId: item.id,
      text: 'RESOLVED that the plan be noted',
    });
    const read = async () =>
      (await callOk(session, 'meeting.get', { id: meeting.id })).items
        .find((i) => i.id === item.id)!
        .decisions.find((d) => d.id === id)!;
    const start = (await read()).revision;
    const first = await callOk(session, 'decision.update', {
      id,
      text: 'RESOLVED that the plan be approved',
      baseRevision: start,
    });
    expect(first.revision).toBe(start + 1);
    const before = rowCounts(session);
    const err = await callError(session, 'decision.update', {
      id,
      text: 'RESOLVED that the plan be rejected',
      baseRevision: start,
    });
    expect(err.code).toBe('conflict');
    expect(err.current).toMatchObject({
      revision: first.revision,
      text: expect.stringContaining('approved'),
    });
    expect(rowCounts(session)).toEqual(before);
    expect((await read()).text).toContain('approved');
  });

  it('the database bumps the revision of members, meetings, actions and the rest on every update', async () => {
    const { session } = demoSession();
    const db = session.ctx().db;
    for (const table of ['member', 'meeting', 'action', 'measure', 'voice_entry', 'plan_action']) {
      const row = db
        .prepare(
          `SELECT id, revision FROM ${table} WHERE ${table === 'meeting' ? "status <> 'minutes_approved'" : '1'} LIMIT 1`,
        )
        .get() as { id: number; revision: number } | undefined;
      if (!row) continue;
      try {
        const set = table === 'action' ? 'status = status' : 'id = id';
        db.prepare(`UPDATE ${table} SET ${set} WHERE id = ?`).run(row.id);
      } catch (e) {
        throw new Error(`${table}: ${(e as Error).message}`);
      }
      const after = db.prepare(`SELECT revision FROM ${table} WHERE id = ?`).get(row.id) as {
        revision: number;
      };
      expect(after.revision, table).toBe(row.revision + 1);
    }
  });
});
