/**
 * Issue 17: after a job that leaves the process large, the slow-work worker is closed and a new
 * one started and attached to the board straight away, so the old isolate's memory goes back to
 * the system and the next document does not wait for a worker to start. The threshold is the whole
 * process's resident memory (CPB_SLOW_RESTART_MB): 1 MB here, so every job counts as large.
 */
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortCoreClient } from '../../electron/core/client/core-client';
import { startWorkerCore } from '../../electron/core/client/worker-endpoint';
import { createDemoBoardFile } from '../../electron/core/demo/file';
import { DEMO_TODAY, tempDir } from '../helpers';
import { buildCoreBundles } from '../support/core-bundles';

let core: PortCoreClient;
beforeAll(async () => {
  process.env.CPB_TODAY = DEMO_TODAY;
  process.env.CPB_SLOW_RESTART_MB = '1';
  const board = path.join(tempDir(), 'demo.cpb');
  createDemoBoardFile(board, DEMO_TODAY);
  core = startWorkerCore({ dir: await buildCoreBundles(), actor: 'test' });
  expect((await core.open(board)).ok).toBe(true);
});
afterAll(async () => {
  await core.close();
  delete process.env.CPB_SLOW_RESTART_MB;
});

async function docText(r: { ok: boolean; value?: unknown }): Promise<string> {
  expect(r.ok).toBe(true);
  const { dataBase64 } = r.value as { dataBase64: string };
  const zip = await JSZip.loadAsync(Buffer.from(dataBase64, 'base64'));
  return zip.file('word/document.xml')!.async('string');
}

const status = async () => {
  const s = await core.board('status', {});
  if (!s.ok) throw new Error(s.error.message);
  return s.value.slowWorker;
};

describe('the slow-work worker after a large job', () => {
  it('is started afresh and attached to the board; the next documents are made as before', async () => {
    expect(await docText(await core.call('export.document', { kind: 'actions' }))).toContain('Overdue');
    // The next job waits for the restart; each job is answered, with the board attached again.
    expect(await docText(await core.call('export.document', { kind: 'scorecard' }))).toContain('Measure');
    expect(await docText(await core.call('export.document', { kind: 'actions', public: true }))).toContain(
      'Overdue',
    );
    const after = await status();
    expect(after.restarts).toBeGreaterThanOrEqual(2);
    expect(after.calls).toBe(3);
    expect(after.queued).toBe(0);
    expect(after.mostAtOnce).toBe(1);
  });
});
