import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemoBoardFile } from '../../../electron/core/demo/file';
import { startServer, type RunningServer } from '../../e2e/server';
import { DEMO_TODAY, tempDir } from '../../helpers';

// No silent overwrite across processes: two browser-mode servers (two processes, two connections)
// on one board file. The second writer's save from a stale copy is refused, not applied.
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string; current?: unknown } };
const api = async (s: RunningServer, method: string, input: unknown, actor?: string): Promise<Reply> => {
  const r = await fetch(`${s.origin}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-CPB-Token': s.token,
      ...(actor ? { 'X-CPB-Actor': encodeURIComponent(actor) } : {}),
    },
    body: JSON.stringify(input),
  });
  return (await r.json()) as Reply;
};
const doc = (t: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }],
});

describe('two server processes on one board file', () => {
  it('refuses the second writer’s stale save and keeps the first writer’s minutes', async () => {
    const board = path.join(tempDir(), 'shared.cpb');
    createDemoBoardFile(board, DEMO_TODAY);
    const a = await startServer(board, { CPB_TODAY: DEMO_TODAY });
    servers.push(a);
    const b = await startServer(board, { CPB_TODAY: DEMO_TODAY });
    servers.push(b);

    const list = (await api(a, 'meeting.list', {})).value as { upcoming: { id: number }[] };
    const meetingId = list.upcoming[0]!.id;
    const read = async (s: RunningServer) =>
      (
        (await api(s, 'meeting.get', { id: meetingId })).value as {
          items: { id: number; exempt: boolean; minutesRevision: number; minutesText: string }[];
        }
      ).items.find((i) => !i.exempt)!;
    const itemA = await read(a);
    const itemB = await read(b);
    expect(itemB.minutesRevision).toBe(itemA.minutesRevision);

    const first = await api(
      a,
      'item.saveMinutes',
      {
        itemId: itemA.id,
        doc: doc('From server A'),
        baseRevision: itemA.minutesRevision,
      },
      'Sam Patel (Clerk)',
    );
    expect(first.ok).toBe(true);
    const second = await api(
      b,
      'item.saveMinutes',
      {
        itemId: itemB.id,
        doc: doc('From server B'),
        baseRevision: itemB.minutesRevision,
      },
      'Alex Jones (Officer)',
    );
    expect(second.ok).toBe(false);
    expect(second.error?.code).toBe('conflict');
    expect(second.error?.current).toMatchObject({ text: 'From server A' });
    expect((await read(b)).minutesText).toBe('From server A');
    expect((await read(a)).minutesText).toBe('From server A');
  }, 60_000);
});
