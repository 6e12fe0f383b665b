import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../../electron/core/session';
import { dispatch } from '../../../electron/core/dispatch';
import { createDemoBoardFile } from '../../../electron/core/demo/file';
import { startServer, type RunningServer } from '../../e2e/server';
import { DEMO_TODAY, tempDir } from '../../helpers';

// The clerk's guarantee: once 'item.saveMinutes' has answered, the words are on disk, even if the
// process is killed outright the next instant (synchronous = FULL, no buffering in the server).
let board: string;
let server: RunningServer | null = null;

beforeAll(() => {
  board = path.join(tempDir(), 'board.cpb');
  createDemoBoardFile(board, DEMO_TODAY);
});
afterAll(async () => {
  await server?.stop('SIGKILL');
});

const words = 'The Board heard from Jade about contact with brothers and sisters in the holidays.';

describe('autosave durability', () => {
  it('keeps minutes saved over HTTP when the server is killed with SIGKILL', async () => {
    server = await startServer(board, { CPB_TODAY: DEMO_TODAY });
    const api = async (method: string, input: unknown) => {
      const r = await fetch(`${server!.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CPB-Token': server!.token },
        body: JSON.stringify(input),
      });
      const body = (await r.json()) as { ok: boolean; value: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(body.error?.message);
      return body.value as never;
    };
    const list = (await api('meeting.list', {})) as { upcoming: { id: number }[] };
    const meeting = (await api('meeting.get', { id: list.upcoming[0]!.id })) as {
      items: { id: number; kind: string }[];
    };
    const item = meeting.items.find((i) => i.kind === 'voice')!;
    const doc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: words, marks: [{ type: 'bold' }] }] }],
    };
    // Several quick saves, as the autosave sends while typing; the last one answered must survive.
    for (let n = 10; n <= words.length; n += 10) {
      const part = words.slice(0, n);
      await api('item.saveMinutes', {
        itemId: item.id,
        doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: part }] }] },
      });
    }
    await api('item.saveMinutes', { itemId: item.id, doc });
    await server.stop('SIGKILL');
    expect(server.proc.signalCode).toBe('SIGKILL');
    server = null;

    // Reopen the board file as the app would (it checks integrity first) and read the item.
    const session = new Session('test');
    session.open(board);
    try {
      const r = await dispatch(session, 'meeting.get', { id: list.upcoming[0]!.id });
      expect(r.ok).toBe(true);
      const saved = (
        r as { value: { items: { id: number; minutesText: string; minutesDoc: unknown }[] } }
      ).value.items.find((i) => i.id === item.id)!;
      expect(saved.minutesText).toBe(words);
      expect(saved.minutesDoc).toEqual(doc);
    } finally {
      session.close();
    }
  });
});
