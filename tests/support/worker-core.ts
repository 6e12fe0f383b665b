/**
 * The core on its worker thread (the built bundles, as browser mode and `cpb` run it) over a fresh
 * demo board, for tests of the slow-work worker; and the body text of a document it made.
 */
import path from 'node:path';
import JSZip from 'jszip';
import { expect } from 'vitest';
import type { PortCoreClient } from '../../electron/core/client/core-client';
import { startWorkerCore } from '../../electron/core/client/worker-endpoint';
import { createDemoBoardFile } from '../../electron/core/demo/file';
import { DEMO_TODAY, tempDir } from '../helpers';
import { buildCoreBundles } from './core-bundles';

/** Set the CPB_SLOW_* variables first: the worker reads them when it starts. */
export async function startDemoWorkerCore(): Promise<PortCoreClient> {
  process.env.CPB_TODAY = DEMO_TODAY;
  const board = path.join(tempDir(), 'demo.cpb');
  createDemoBoardFile(board, DEMO_TODAY);
  const core = startWorkerCore({ dir: await buildCoreBundles(), actor: 'test' });
  expect((await core.open(board)).ok).toBe(true);
  return core;
}

/** word/document.xml of an export.document answer, which must have succeeded. */
export async function documentXml(r: { ok: boolean; value?: unknown }): Promise<string> {
  expect(r.ok).toBe(true);
  const { dataBase64 } = r.value as { dataBase64: string };
  const zip = await JSZip.loadAsync(Buffer.from(dataBase64, 'base64'));
  return zip.file('word/document.xml')!.async('string');
}
