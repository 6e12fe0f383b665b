import path from 'node:path';
import { it } from 'vitest';
import { startWorkerCore } from '../../electron/core/client/worker-endpoint';
import { createDemoBoardFile } from '../../electron/core/demo/file';
import { Session } from '../../electron/core/session';
import { DEMO_TODAY, tempDir } from '../helpers';
import { buildCoreBundles } from '../support/core-bundles';

// Issue 12: autosaves while twelve Word exports are asked for at once, through the real core on its
// worker thread (as browser mode and cpb run it). Exports queue one at a time on the slow-work
// worker; autosaves run on the core and must not wait behind them. Figures, not a timed test.

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('autosave latency while 12 exports run', async () => {
  process.env.CPB_TODAY = DEMO_TODAY;
  const board = path.join(tempDir('cpb-bench-'), 'demo.cpb');
  createDemoBoardFile(board, DEMO_TODAY);
  const s = new Session('bench');
  s.open(board);
  const itemId = (
    s
      .ctx()
      .db.prepare(
        "SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.status = 'agenda_published' LIMIT 1",
      )
      .get() as { id: number }
  ).id;
  s.close();
  const core = startWorkerCore({ dir: await buildCoreBundles(), actor: 'bench' });
  await core.open(board);
  const text = (i: number) => `Minutes draft ${i}: `.padEnd(12_000, 'the Board discussed the report ');
  const save = async (i: number) => {
    const t0 = performance.now();
    const r = await core.call('item.saveMinutes', {
      itemId,
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: text(i) }] }] },
    });
    if (!r.ok) throw new Error(r.error.message);
    return performance.now() - t0;
  };
  // Warm both lanes (the slow-work worker starts on the first slow call).
  await core.call('export.document', { kind: 'actions' });
  for (let i = 0; i < 20; i++) await save(i);

  const idle: number[] = [];
  for (let i = 0; i < 100; i++) {
    idle.push(await save(i));
    await sleep(20);
  }

  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const kinds = ['scorecard', 'annual', 'minutes', 'actions'] as const;
  const options = await core.call('export.options', {});
  const meetings = options.ok ? (options.value as { meetings: { id: number }[] }).meetings : [];
  const t0 = performance.now();
  let done = false;
  const exports = Promise.all(
    Array.from({ length: 12 }, (_, i) => {
      const kind = kinds[i % kinds.length]!;
      const input =
        kind === 'annual'
          ? { kind, from: '2026-04-01', to: '2027-03-31' }
          : kind === 'minutes'
            ? { kind, meetingId: meetings[i % meetings.length]!.id }
            : { kind };
      return core.call('export.document', input);
    }),
  ).then((rs) => {
    done = true;
    if (!rs.every((r) => r.ok)) throw new Error('an export failed');
  });
  const busy: number[] = [];
  for (let i = 0; !done; i++) {
    busy.push(await save(i));
    await sleep(20);
  }
  await exports;
  const took = performance.now() - t0;
  clearInterval(sampler);
  await core.close();

  process.stdout.write(
    [
      '',
      'Autosave (item.saveMinutes, ~2,000 words) through the core on its worker thread',
      `  idle:                 p50 ${pct(idle, 0.5)} ms   p99 ${pct(idle, 0.99)} ms   (n=${idle.length})`,
      `  while 12 exports run: p50 ${pct(busy, 0.5)} ms   p99 ${pct(busy, 0.99)} ms   max ${pct(busy, 1)} ms   (n=${busy.length})`,
      `  ratio p99 busy / idle: ${Math.round((pct(busy, 0.99) / pct(idle, 0.99)) * 10) / 10}`,
      `  12 exports took ${Math.round(took)} ms; process memory rose by ${Math.round((peak - rss0) / 1048576)} MB at most (peak ${Math.round(peak / 1048576)} MB)`,
      '',
    ].join('\n'),
  );
});
