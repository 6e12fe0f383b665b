/**
 * Issue 17: after a job that leaves the process large, the slow-work worker is closed and a new
 * one started and attached to the board straight away, so the old isolate's memory goes back to
 * the system and the next document does not wait for a worker to start. The threshold is the whole
 * process's resident memory (CPB_SLOW_RESTART_MB): 1 MB here, so every job counts as large.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortCoreClient } from '../../electron/core/client/core-client';
import { documentXml, startDemoWorkerCore } from '../support/worker-core';

let core: PortCoreClient;
beforeAll(async () => {
  process.env.CPB_SLOW_RESTART_MB = '1';
  core = await startDemoWorkerCore();
});
afterAll(async () => {
  await core.close();
  delete process.env.CPB_SLOW_RESTART_MB;
});

const status = async () => {
  const s = await core.board('status', {});
  if (!s.ok) throw new Error(s.error.message);
  return s.value.slowWorker;
};

describe('the slow-work worker after a large job', () => {
  it('is started afresh and attached to the board; the next documents are made as before', async () => {
    expect(await documentXml(await core.call('export.document', { kind: 'actions' }))).toContain('Overdue');
    // The next job waits for the restart; each job is answered, with the board attached again.
    expect(await documentXml(await core.call('export.document', { kind: 'scorecard' }))).toContain('Measure');
    expect(
      await documentXml(await core.call('export.document', { kind: 'actions', public: true })),
    ).toContain('Overdue');
    const after = await status();
    expect(after.restarts).toBeGreaterThanOrEqual(2);
    expect(after.calls).toBe(3);
    expect(after.queued).toBe(0);
    expect(after.mostAtOnce).toBe(1);
  });
});
