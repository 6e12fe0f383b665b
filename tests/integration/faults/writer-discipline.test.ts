import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemoBoardFile } from '../../../electron/core/demo/file';
import { openSnapshot } from '../../../electron/core/store/board-file';
import { latestSchemaVersion } from '../../../electron/core/store/migrations';
import { nativeBinding } from '../../../electron/core/store/native';
import { startServer, type RunningServer } from '../../e2e/server';
import { callError, callOk, DEMO_TODAY, demoSession, rowCounts, tempDir } from '../../helpers';
import { makeOldBoard } from '../../support/old-board';

// One writer at a time: every write is BEGIN IMMEDIATE with a busy timeout, so two processes on
// one board wait their turn instead of failing; a write that truly cannot get the lock is refused
// by name.

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
async function api(s: RunningServer, method: string, input: unknown): Promise<{ status: number } & Reply> {
  const r = await fetch(`${s.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CPB-Token': s.token },
    body: JSON.stringify(input),
  });
  return { status: r.status, ...((await r.json()) as Reply) };
}

describe('two server processes writing to one board at once', () => {
  it('eight writes in flight from each: every decision.add is saved, none refused, none lost', async () => {
    const board = path.join(tempDir(), 'shared.cpb');
    createDemoBoardFile(board, DEMO_TODAY);
    const [a, b] = await Promise.all([
      startServer(board, { CPB_TODAY: DEMO_TODAY }),
      startServer(board, { CPB_TODAY: DEMO_TODAY }),
    ]);
    servers.push(a!, b!);

    const list = (await api(a!, 'meeting.list', {})).value as { upcoming: { id: number }[] };
    const meeting = (await api(a!, 'meeting.get', { id: list.upcoming[0]!.id })).value as {
      items: { id: number; exempt: boolean }[];
    };
    const itemId = meeting.items.find((i) => !i.exempt)!.id;

    const perLane = 20;
    const lanes = 8;
    const failures: string[] = [];
    const saved: string[] = [];
    const lane = async (s: RunningServer, name: string) => {
      for (let n = 0; n < perLane; n++) {
        const text = `soak ${name} ${n}`;
        const r = await api(s, 'decision.add', { itemId, text: `RESOLVED that ${text}` });
        if (r.ok) saved.push(text);
        else failures.push(`${r.status} ${r.error?.code}: ${r.error?.message}`);
      }
    };
    await Promise.all(Array.from({ length: lanes }, (_, k) => [lane(a!, `a${k}`), lane(b!, `b${k}`)]).flat());
    expect(failures).toEqual([]);
    expect(saved).toHaveLength(2 * lanes * perLane); // 320 acknowledged

    // Every acknowledged decision is in the file, once.
    const { db } = openSnapshot(board);
    try {
      const texts = (
        db.prepare("SELECT text FROM decision WHERE text LIKE '%soak %'").all() as { text: string }[]
      ).map((r) => r.text.replace(/^.*?(soak \S+ \d+)$/, '$1'));
      expect(texts.sort()).toEqual([...saved].sort());
    } finally {
      db.close();
    }
  }, 120_000);

  it('two servers opening an older board at the same moment both start, and it is migrated once', async () => {
    const board = path.join(tempDir(), 'old.cpb');
    makeOldBoard(board, 4, DEMO_TODAY);
    const started = await Promise.allSettled([
      startServer(board, { CPB_TODAY: DEMO_TODAY }),
      startServer(board, { CPB_TODAY: DEMO_TODAY }),
      startServer(board, { CPB_TODAY: DEMO_TODAY }),
    ]);
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    expect(started.map((s) => (s.status === 'fulfilled' ? 'started' : String(s.reason)))).toEqual([
      'started',
      'started',
      'started',
    ]);
    for (const s of started) {
      const info = await api((s as PromiseFulfilledResult<RunningServer>).value, 'app.info', {});
      expect(info.value).toMatchObject({ schemaVersion: latestSchemaVersion });
    }
  }, 120_000);
});

describe('a write that cannot get the lock', () => {
  it('is refused as "busy in another window" (not an internal error), and writes nothing', async () => {
    const { session, file } = demoSession();
    const db = session.ctx().db;
    db.pragma('busy_timeout = 150'); // the real wait is seconds; the test need not wait that long
    const list = await callOk(session, 'meeting.list', {});
    const m = await callOk(session, 'meeting.get', { id: list.upcoming[0]!.id });
    const itemId = m.items.find((i) => !i.exempt)!.id;
    const before = rowCounts(session);

    const other = new Database(file, { nativeBinding: nativeBinding() });
    other.exec('BEGIN IMMEDIATE'); // another window, in the middle of its own save
    try {
      const e = await callError(session, 'decision.add', { itemId, text: 'RESOLVED that it waits' });
      expect(e.code).toBe('busy');
      expect(e.message).toMatch(/^The board is busy in another window: .* Nothing was saved; try again/);
      expect(rowCounts(session)).toEqual(before);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // The other window is done: the same save goes through.
    expect(
      (await callOk(session, 'decision.add', { itemId, text: 'RESOLVED that it waits' })).id,
    ).toBeGreaterThan(0);
    session.close();
  });
});
