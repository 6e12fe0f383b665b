/**
 * Part B is a property of the content. Random sequences of API operations on the demo board
 * (add items, mark them Part B, minute them, record decisions, actions and updates, remove and
 * move items, approve minutes) never let a word entered into a Part B item reach a public
 * output: the public minutes, the public action log and the annual report leave it out, and the
 * screens that show it (dashboard, action log, search) label it Part B. Seeded, so a failure
 * reproduces; the shrunk sequence is printed by fast-check.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { createDemoBoardFile } from '../../../electron/core/demo/file';
import { Session } from '../../../electron/core/session';
import { DEMO_TODAY, tempDir } from '../../helpers';
import { docxText } from '../exports/word-text';

process.env.CPB_TODAY = DEMO_TODAY;
const dir = tempDir('cpb-partb-');
const template = path.join(dir, 'template.cpb');
createDemoBoardFile(template, DEMO_TODAY);
let runNo = 0;
const sessions: Session[] = [];
afterAll(() => sessions.forEach((s) => s.isOpen && s.close()));

type Op =
  | { t: 'addItem'; meeting: 0 | 1; partB: boolean }
  | { t: 'markPartB'; item: number }
  | { t: 'minutes'; item: number }
  | { t: 'decision'; item: number }
  | { t: 'action'; item: number }
  | { t: 'update'; action: number }
  | { t: 'remove'; item: number }
  | { t: 'move'; item: number }
  | { t: 'approve' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constant('addItem' as const),
    meeting: fc.constantFrom(0 as const, 1 as const),
    partB: fc.boolean(),
  }),
  fc.record({ t: fc.constant('markPartB' as const), item: fc.nat(40) }),
  fc.record({ t: fc.constant('minutes' as const), item: fc.nat(40) }),
  fc.record({ t: fc.constant('decision' as const), item: fc.nat(40) }),
  fc.record({ t: fc.constant('action' as const), item: fc.nat(40) }),
  fc.record({ t: fc.constant('update' as const), action: fc.nat(40) }),
  fc.record({ t: fc.constant('remove' as const), item: fc.nat(40) }),
  fc.record({ t: fc.constant('move' as const), item: fc.nat(40) }),
  fc.constant({ t: 'approve' as const }),
);

interface Item {
  id: number;
  meetingId: number;
  title: string;
  presenter: string;
  purpose: string;
  minutesAllowed: number | null;
  exempt: boolean;
  priorityIds: number[];
  pledgeIds: number[];
  principleIds: number[];
  papers: { label: string; ref: string }[];
  withdrawn: boolean;
}

/** One board for one run: a copy of the demo board, with its held and upcoming meetings. */
async function board() {
  const file = path.join(dir, `run-${++runNo}.cpb`);
  copyFileSync(template, file);
  const session = new Session('test');
  sessions.push(session);
  session.open(file);
  const call = async <T = unknown>(method: string, input: unknown): Promise<T | undefined> => {
    const r = await dispatch(session, method, input);
    return r.ok ? (r.value as T) : undefined; // refusals (locked, not quorate…) are part of the game
  };
  const list = (await call<{ upcoming: { id: number }[] }>('meeting.list', {}))!;
  const upcoming = list.upcoming[0]!.id;
  const held = (await call<{ previousMeeting: { id: number } }>('meeting.get', { id: upcoming }))!
    .previousMeeting.id;
  return { session, call, meetings: [held, upcoming] as const };
}

async function check(ops: Op[]): Promise<void> {
  const { session, call, meetings } = await board();
  const secrets: string[] = [];
  let n = 0;
  const marker = () => `Zq${runNo}x${++n}secret`;
  const items = async (): Promise<Item[]> => {
    const out: Item[] = [];
    for (const id of meetings) {
      const m = await call<{ items: Omit<Item, 'meetingId'>[] }>('meeting.get', { id });
      out.push(...m!.items.map((i) => ({ ...i, meetingId: id })));
    }
    return out;
  };
  const actionIds = (): number[] =>
    (session.ctx().db.prepare('SELECT id FROM action ORDER BY id').all() as { id: number }[]).map(
      (r) => r.id,
    );
  const text = (s: string) => ({
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: s }] }] },
  });

  for (const o of ops) {
    const all = await items();
    const it = 'item' in o ? all.at(o.item % all.length)! : undefined; // negative: from the end
    const note = (exempt: boolean) => {
      const m = marker();
      if (exempt) secrets.push(m);
      return m;
    };
    switch (o.t) {
      case 'addItem': {
        const r = await call<{ id: number }>('item.add', {
          meetingId: meetings[o.meeting],
          title: 'Added item',
          kind: 'other',
          afterPosition: null,
        });
        if (r && o.partB) await markPartB({ ...(await items()).find((i) => i.id === r.id)! });
        break;
      }
      case 'markPartB':
        await markPartB(it!);
        break;
      case 'minutes':
        await call('item.saveMinutes', { itemId: it!.id, ...text(note(it!.exempt)) });
        break;
      case 'decision':
        await call('decision.add', { itemId: it!.id, text: `RESOLVED that ${note(it!.exempt)} be noted.` });
        break;
      case 'action':
        await call('meeting.addAction', {
          itemId: it!.id,
          description: `Follow up ${note(it!.exempt)}.`,
          ownerMemberId: 5,
          ownerName: '',
          dueDate: '2026-10-01', // overdue, so the dashboard shows it
          urgency: 'high',
        });
        break;
      case 'update': {
        const ids = actionIds();
        const id = ids.at(o.action % ids.length)!;
        const a = await call<{ exempt: boolean }>('action.get', { id });
        await call('action.addUpdate', { actionId: id, text: `Progress on ${note(a!.exempt)}.` });
        break;
      }
      case 'remove':
        await call('item.remove', { itemId: it!.id });
        break;
      case 'move': {
        const mine = all.filter((i) => i.meetingId === it!.meetingId).map((i) => i.id);
        await call('item.reorder', {
          meetingId: it!.meetingId,
          itemIds: [it!.id, ...mine.filter((x) => x !== it!.id)],
        });
        break;
      }
      case 'approve': {
        await call('meeting.setStatus', {
          id: meetings[1],
          status: 'in_progress',
          early: { reason: 'Property test' },
        });
        for (const memberId of [1, 2, 3])
          await call('attendance.set', {
            meetingId: meetings[1],
            memberId,
            status: 'present',
            substituteForMemberId: null,
          });
        await call('meeting.approveMinutes', { meetingId: meetings[0], atMeetingId: meetings[1] });
        break;
      }
    }
  }

  async function markPartB(i: Item): Promise<void> {
    await call('item.update', {
      itemId: i.id,
      title: i.title,
      presenter: i.presenter,
      purpose: i.purpose,
      minutesAllowed: i.minutesAllowed,
      exempt: true,
      exemptParagraph: 'Paragraph 1 — information relating to an individual',
      priorityIds: i.priorityIds,
      pledgeIds: i.pledgeIds,
      principleIds: i.principleIds,
      papers: i.papers,
    });
  }

  if (secrets.length === 0) return;
  const leaks = (where: string, s: string) =>
    secrets.filter((m) => s.includes(m)).map((m) => `${m} in ${where}`);
  const doc = async (input: Record<string, unknown>) => {
    const v = await call<{ dataBase64: string }>('export.document', input);
    if (!v) throw new Error(`export failed: ${JSON.stringify(input)}`);
    return docxText(Buffer.from(v.dataBase64, 'base64'));
  };
  const found: string[] = [];
  for (const id of meetings)
    found.push(
      ...leaks(`public minutes of ${id}`, await doc({ kind: 'minutes', meetingId: id, public: true })),
    );
  found.push(...leaks('public action log', await doc({ kind: 'actions', public: true })));
  found.push(...leaks('annual report', await doc({ kind: 'annual', from: '2026-04-01', to: '2027-03-31' })));

  // Screens: Part B text may be shown to the clerk only with its Part B label.
  const dash = (await call<{
    overdueActions: { description: string; exempt: boolean }[];
    recentDecisions: { text: string; exempt: boolean }[];
  }>('dashboard.get', {}))!;
  for (const a of dash.overdueActions.filter((x) => !x.exempt))
    found.push(...leaks('dashboard (unlabelled action)', a.description));
  for (const d of dash.recentDecisions.filter((x) => !x.exempt))
    found.push(...leaks('dashboard (unlabelled decision)', d.text));
  const log = (await call<{
    actions: { description: string; exempt: boolean; latestUpdate: { text: string } | null }[];
  }>('actions.list', {}))!;
  for (const a of log.actions.filter((x) => !x.exempt))
    found.push(...leaks('action log (unlabelled)', `${a.description} ${a.latestUpdate?.text ?? ''}`));
  for (const m of secrets) {
    const s = (await call<{ hits: { exempt: boolean; label: string }[] }>('search.query', { q: m }))!;
    for (const h of s.hits.filter((x) => !x.exempt)) found.push(`${m} in search, unlabelled: ${h.label}`);
  }
  expect(found).toEqual([]);
}

describe('Part B is a property of the content', () => {
  it('no text entered into a Part B item reaches a public output, whatever the clerk does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => check(ops)),
      { seed: 20261123, numRuns: 50 },
    );
  }, 240_000);

  it('the finding: an action on a Part B item keeps its exemption when the item is removed', async () => {
    await check([
      { t: 'addItem', meeting: 1, partB: true },
      { t: 'action', item: -1 },
      { t: 'update', action: -1 },
      { t: 'remove', item: -1 },
      { t: 'approve' },
    ]);
  }, 60_000);
});
