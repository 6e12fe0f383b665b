import { afterAll, describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../../shared/api';
import { callOk, demoSession } from '../../helpers';

// The read model does its work in SQL (issue 17): the dashboard counts without building the
// scorecard yet agrees with it; the action log and "you said, we did" are filtered, sorted and
// paged by the database, and a page is exactly that slice of the whole list.

const TODAY = '2026-11-23';
const { session } = demoSession(TODAY);
afterAll(() => session.close());
const db = () => session.ctx().db;

type Action = ApiOutput<'actions.list'>['actions'][number];

/** A dozen more overdue actions, so the dashboard has more than it lists. */
async function moreOverdue(n: number): Promise<void> {
  const item = db()
    .prepare(
      `SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
       WHERE m.status = 'minutes_draft' ORDER BY m.date DESC, a.position LIMIT 1`,
    )
    .get() as { id: number };
  for (let i = 0; i < n; i++)
    await callOk(session, 'meeting.addAction', {
      itemId: item.id,
      description: `Overdue action ${i + 1}`,
      ownerMemberId: null,
      ownerName: 'Democratic Services',
      dueDate: `2026-10-${String(10 + i).padStart(2, '0')}`,
      urgency: 'medium',
    });
}

describe('counts and lists from SQL', () => {
  it('the dashboard’s RAG counts agree with the scorecard’s, measure for measure', async () => {
    const dash = await callOk(session, 'dashboard.get', {});
    const card = await callOk(session, 'scorecard.get', {});
    expect(dash.rag).toEqual({
      red: card.counts.red,
      amber: card.counts.amber,
      green: card.counts.green,
      noTarget: card.counts.no_target,
      noData: card.counts.no_data,
      notRated: card.counts.not_rated,
    });
    expect(Object.values(dash.rag).reduce((a, b) => a + b, 0)).toBe(
      card.groups.reduce((n, g) => n + g.rows.length, 0),
    );
  });

  it('the dashboard lists the ten most overdue and counts them all', async () => {
    await moreOverdue(12);
    const dash = await callOk(session, 'dashboard.get', {});
    const all = await callOk(session, 'actions.list', { overdue: true, sort: 'due' });
    expect(dash.overdueCount).toBe(all.total);
    expect(dash.overdueCount).toBeGreaterThan(10);
    expect(dash.overdueActions).toHaveLength(10);
    expect(dash.overdueActions.map((a) => a.id)).toEqual(all.actions.slice(0, 10).map((a) => a.id));
    // Most overdue first.
    const days = dash.overdueActions.map((a) => a.daysOverdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    const open = await callOk(session, 'actions.list', { status: 'outstanding' });
    expect(dash.openActions).toBe(open.total);
  });

  it('a page of the action log is that slice of the whole, in every order', async () => {
    const whole = await callOk(session, 'actions.list', {});
    expect(whole.total).toBe(whole.actions.length);
    for (const sort of ['meeting', 'due', 'owner', 'urgency', 'status', 'latest', 'description'] as const)
      for (const desc of [false, true]) {
        const list = await callOk(session, 'actions.list', { sort, desc });
        const pages: Action[] = [];
        for (let offset = 0; offset < list.total; offset += 4) {
          const page = await callOk(session, 'actions.list', {
            sort,
            desc,
            offset,
            limit: 4,
            choices: false,
          });
          expect(page.total).toBe(list.total);
          expect(page.offset).toBe(offset);
          expect(page.owners).toBeUndefined();
          pages.push(...page.actions);
        }
        expect(
          pages.map((a) => a.id),
          `${sort} ${desc}`,
        ).toEqual(list.actions.map((a) => a.id));
      }
    const byDue = (await callOk(session, 'actions.list', { sort: 'due' })).actions;
    const dated = byDue.filter((a) => a.dueDate !== null).map((a) => a.dueDate!);
    expect(dated).toEqual([...dated].sort());
    expect(byDue.slice(dated.length).every((a) => a.dueDate === null)).toBe(true);
  });

  it('filters in SQL exactly as the rule says, and counts what is overdue among them', async () => {
    const whole = (await callOk(session, 'actions.list', {})).actions;
    type Filter = {
      overdue?: boolean;
      status?: 'outstanding' | 'complete';
      urgency?: 'high';
      owner?: string;
    };
    const check = async (input: Filter, keep: (a: Action) => boolean) => {
      const r = await callOk(session, 'actions.list', input);
      const expected = whole.filter(keep);
      expect(r.actions.map((a) => a.id).sort((a, b) => a - b)).toEqual(
        expected.map((a) => a.id).sort((a, b) => a - b),
      );
      expect(r.total).toBe(expected.length);
      expect(r.overdueCount).toBe(expected.filter((a) => a.overdue).length);
    };
    await check({ overdue: true }, (a) => a.overdue);
    await check({ overdue: false }, (a) => !a.overdue);
    await check({ status: 'outstanding' }, (a) => a.status === 'open' || a.status === 'in_progress');
    await check({ status: 'complete' }, (a) => a.status === 'complete');
    await check({ urgency: 'high' }, (a) => a.urgency === 'high');
    await check({ owner: 'democratic services' }, (a) => a.owner.toLowerCase() === 'democratic services');
  });

  it('each action carries its latest update and how many it has, read by a join', async () => {
    const list = (await callOk(session, 'actions.list', {})).actions;
    for (const a of list.filter((x) => x.updateCount > 0).slice(0, 8)) {
      const full = await callOk(session, 'action.get', { id: a.id });
      expect(a.updateCount).toBe(full.updates.length);
      expect(a.latestUpdate).toEqual(full.updates[0]);
    }
  });

  it('a list row (read as a tuple) is the action as action.get reads it, field for field', async () => {
    const list = (await callOk(session, 'actions.list', {})).actions;
    expect(list.length).toBeGreaterThan(10);
    // Every nullable field is filled somewhere, so a column read into the wrong field shows (a
    // visit's fields: tests/integration/record/visits.test.ts).
    for (const key of ['priorityId', 'meetingId', 'agendaItemId', 'completedAt', 'latestUpdate'] as const)
      expect(
        list.some((a) => a[key] !== null),
        key,
      ).toBe(true);
    for (const a of list) {
      const { updates, ...one } = await callOk(session, 'action.get', { id: a.id });
      expect(a).toEqual(one);
      expect(a.updateCount).toBe(updates.length);
    }
  });

  it('the filter choices come apart from the list, the same as with it', async () => {
    const choices = await callOk(session, 'actions.choices', {});
    const list = await callOk(session, 'actions.list', { limit: 1 });
    expect(choices).toEqual({
      owners: list.owners,
      meetings: list.meetings,
      priorities: list.priorities,
      members: list.members,
      nextMeeting: list.nextMeeting,
    });
    expect(choices.owners).toContain('Democratic Services');
  });

  it('“you said, we did” pages through the database, and opens at the page holding an entry', async () => {
    const priority = db().prepare('SELECT id FROM priority ORDER BY id LIMIT 1').get() as { id: number };
    for (let i = 0; i < 7; i++)
      await callOk(session, 'voice.create', {
        said: `Entry ${i + 1} about our reviews`,
        saidDate: `2026-0${(i % 9) + 1}-15`,
        priorityId: priority.id,
      });
    const whole = await callOk(session, 'voice.list', {});
    expect(whole.total).toBe(whole.entries.length);
    const pages = [];
    for (let offset = 0; offset < whole.total; offset += 3)
      pages.push(...(await callOk(session, 'voice.list', { offset, limit: 3 })).entries);
    expect(pages.map((e) => e.id)).toEqual(whole.entries.map((e) => e.id));
    // Newest said first.
    const said = whole.entries.map((e) => e.saidDate);
    expect(said).toEqual([...said].sort().reverse());
    // A search hit opens the page that holds its entry.
    const target = whole.entries[whole.total - 2]!;
    const page = await callOk(session, 'voice.list', { focus: target.id, limit: 3 });
    expect(page.offset).toBe(Math.floor((whole.total - 2) / 3) * 3);
    expect(page.entries.map((e) => e.id)).toContain(target.id);
    // Filters narrow the count too.
    const mine = await callOk(session, 'voice.list', { priorityId: priority.id, limit: 2 });
    expect(mine.total).toBe(whole.entries.filter((e) => e.priorityId === priority.id).length);
    expect(mine.entries).toHaveLength(2);
    const open = await callOk(session, 'voice.list', { status: 'open' });
    expect(open.total).toBe(whole.entries.filter((e) => e.status === 'open').length);
  });
});
