/**
 * Issue 17: the slow-work worker's heap is bounded (CPB_SLOW_HEAP_MB, worker-endpoint.ts). A job
 * too large for it stops the worker, never the core or the server: the caller is told by name that
 * it needed more memory than CPB allows, and the next document is made as before by a worker
 * started again. Here the limit (64 MB) leaves room for a meeting's agenda but not for reading a
 * spreadsheet of 190,000 rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortCoreClient } from '../../electron/core/client/core-client';
import { documentXml, startDemoWorkerCore } from '../support/worker-core';

const LIMIT_MB = '64';
let core: PortCoreClient;
beforeAll(async () => {
  process.env.CPB_SLOW_HEAP_MB = LIMIT_MB;
  // No restart after a large job (memory.ts): the one start counted below is the one after the stop.
  process.env.CPB_SLOW_RESTART_MB = '100000';
  core = await startDemoWorkerCore();
});
afterAll(async () => {
  await core.close();
  delete process.env.CPB_SLOW_HEAP_MB;
  delete process.env.CPB_SLOW_RESTART_MB;
});

describe('a job too large for the slow-work worker', () => {
  it('is refused by name; the worker starts again and the next document is made', async () => {
    const options = await core.call('export.options', {});
    expect(options.ok).toBe(true);
    const meeting = (options as { value: { meetings: { id: number }[] } }).value.meetings[0]!;
    const agenda = { kind: 'agenda', meetingId: meeting.id } as const;
    // What the limit leaves room for.
    expect(await documentXml(await core.call('export.document', agenda))).toContain('Agenda');
    const before = await core.board('status', {});
    const starts = before.ok ? before.value.slowWorker.starts : NaN;

    // A spreadsheet of 190,000 rows (~20 MB; the limit is 200,000): reading it takes several times the limit.
    const rows = ['Code,Measure,Period,Value,Numerator,Denominator,Notes'];
    for (let i = 0; i < 190_000; i++)
      rows.push(
        `M${i % 60},Children visited on time ${i},2024-25 Q${(i % 4) + 1},${i % 100}.5,${i},${i + 7},row ${i} of the sheet`,
      );
    const big = await core.call('import.preview', {
      fileName: 'figures.csv',
      dataBase64: Buffer.from(rows.join('\n')).toString('base64'),
    });
    expect(big).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message:
          'This needed more memory than CPB allows one document or import, so CPB stopped it: nothing was made or changed. CPB is ready again: try a shorter period or a smaller file.',
      },
    });

    // The next document: a new worker, attached to the board, makes it.
    expect(await documentXml(await core.call('export.document', agenda))).toContain('Agenda');
    const after = await core.board('status', {});
    expect(after.ok && after.value.slowWorker.starts).toBe(starts + 1);
    // The core itself never stopped: the board is still open in it.
    expect(after.ok && after.value.file).toMatch(/demo\.cpb$/);
  }, 60_000);
});
