import { existsSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOffloaded, offloadStats, workerScript } from '../../electron/core/worker/offload';
import { demoSession, rowCounts } from '../helpers';

const { session } = demoSession();
afterAll(() => session.close());

describe('slow methods run on a worker thread', () => {
  // Needs the bundle's dist/worker.cjs: without it every call would quietly run in place.
  beforeAll(() => {
    const script = workerScript();
    if (script === null || !existsSync(script))
      throw new Error('dist/worker.cjs is missing: run npm run build first (npm test does)');
  });

  it('exports a Word document from a worker with its own connection', async () => {
    const before = offloadStats.workerRuns;
    const r = await dispatchOffloaded(session, 'export.document', { kind: 'actions' });
    expect(offloadStats.workerRuns).toBe(before + 1);
    expect(r.ok).toBe(true);
    const doc = (r as { value: { fileName: string; dataBase64: string } }).value;
    expect(doc.fileName).toMatch(/action log/i);
    const zip = await JSZip.loadAsync(Buffer.from(doc.dataBase64, 'base64'));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Overdue');
  });

  it('validates input in the worker too, and writes nothing', async () => {
    const before = rowCounts(session);
    const r = await dispatchOffloaded(session, 'export.document', { kind: 'minutes' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(rowCounts(session)).toEqual(before);
  });

  it('keeps quick methods in place', async () => {
    const before = offloadStats.workerRuns;
    const r = await dispatchOffloaded(session, 'dashboard.get', {});
    expect(r.ok).toBe(true);
    expect(offloadStats.workerRuns).toBe(before);
  });
});
