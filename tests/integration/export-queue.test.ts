/**
 * Issue 12: exports run one at a time through a queue, and autosaves never wait behind them.
 * Twelve exports asked for at once, through the real core on its worker thread with its slow-work
 * worker: all are made, never two at once, and autosaves sent while they run are answered before
 * the exports finish (they do not queue behind them). The p99 figure is in `npm run bench`.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortCoreClient } from '../../electron/core/client/core-client';
import { startWorkerCore } from '../../electron/core/client/worker-endpoint';
import { createDemoBoardFile } from '../../electron/core/demo/file';
import { OneAtATime } from '../../electron/core/host/one-at-a-time';
import { Session } from '../../electron/core/session';
import { DEMO_TODAY, tempDir } from '../helpers';
import { buildCoreBundles } from '../support/core-bundles';

let core: PortCoreClient;
let itemId: number;
beforeAll(async () => {
  process.env.CPB_TODAY = DEMO_TODAY;
  const board = path.join(tempDir(), 'demo.cpb');
  createDemoBoardFile(board, DEMO_TODAY);
  const s = new Session('test');
  s.open(board);
  itemId = (
    s
      .ctx()
      .db.prepare(
        "SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.status = 'agenda_published' LIMIT 1",
      )
      .get() as { id: number }
  ).id;
  s.close();
  core = startWorkerCore({ dir: await buildCoreBundles(), actor: 'test' });
  expect((await core.open(board)).ok).toBe(true);
});
afterAll(() => core.close());

const save = (n: number) =>
  core.call('item.saveMinutes', {
    itemId,
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Draft ${n}` }] }] },
  });

describe('the export queue', () => {
  it('makes twelve exports asked for at once one after another; autosaves do not wait behind them', async () => {
    const finished: number[] = [];
    const exports = Array.from({ length: 12 }, (_, i) => {
      const input = { kind: 'actions' as const, public: i % 2 === 0 };
      return core.call('export.document', input).then((r) => {
        finished.push(performance.now());
        return r;
      });
    });
    const queued = await core.board('status', {});
    expect(queued.ok && queued.value.slowWorker.queued).toBeGreaterThan(1);

    // Autosaves while the exports are made: each is answered, and all before the exports are done.
    const saved: number[] = [];
    for (let n = 0; n < 5; n++) {
      const r = await save(n);
      expect(r.ok).toBe(true);
      saved.push(performance.now());
    }
    const results = await Promise.all(exports);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(Math.max(...saved)).toBeLessThan(Math.max(...finished));

    const after = await core.board('status', {});
    expect(after).toMatchObject({ ok: true, value: { slowWorker: { queued: 0, mostAtOnce: 1 } } });
  });
});

describe('OneAtATime', () => {
  it('runs jobs in order, one at a time, survives a failing job, and says when it is full', async () => {
    const q = new OneAtATime(3);
    const log: string[] = [];
    const job =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const a = q.run(job('a'));
    const b = q.run(job('b', true));
    const c = q.run(job('c'));
    expect(q.full).toBe(true);
    expect(await a).toBe('a');
    await expect(b).rejects.toThrow('b');
    expect(await c).toBe('c');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(q.maxRunning).toBe(1);
    expect(q.size).toBe(0);
  });
});
