/**
 * The core off the window's thread: a long-lived core on a worker thread (as browser mode and cpb
 * run it) with a long-lived slow-work worker, both started from bundles built from source here.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortCoreClient, type CoreEndpoint } from '../../electron/core/client/core-client';
import { MissingEntryError } from '../../electron/core/client/entries';
import { startWorkerCore, workerEndpoint } from '../../electron/core/client/worker-endpoint';
import { CoreHost } from '../../electron/core/host/core-host';
import { createDemoBoardFile } from '../../electron/core/demo/file';
import { backupBoard } from '../../electron/core/services/backup';
import { Session } from '../../electron/core/session';
import { DEMO_TODAY, rowCounts, tempDir } from '../helpers';
import { garbleMiddle, setLastFullCheck } from '../support/damage';
import { buildCoreBundles } from '../support/core-bundles';

let bundles: string;
beforeAll(async () => {
  process.env.CPB_TODAY = DEMO_TODAY;
  // The slow-work worker is started afresh only past this (slow-restart.test.ts): not in these tests.
  process.env.CPB_SLOW_RESTART_MB = '100000';
  bundles = await buildCoreBundles();
});

function demoBoard(): string {
  const file = path.join(tempDir(), 'demo.cpb');
  createDemoBoardFile(file, DEMO_TODAY);
  return file;
}

const csv = (name: string) => ({
  fileName: name,
  dataBase64: readFileSync(path.resolve(__dirname, '..', 'fixtures', 'imports', name)).toString('base64'),
});

async function docText(r: { ok: boolean; value?: unknown }): Promise<string> {
  expect(r.ok).toBe(true);
  const doc = r.value as { dataBase64: string };
  const zip = await JSZip.loadAsync(Buffer.from(doc.dataBase64, 'base64'));
  return zip.file('word/document.xml')!.async('string');
}

describe('the core on a worker thread', () => {
  let core: PortCoreClient;
  let board: string;
  beforeAll(async () => {
    board = demoBoard();
    core = startWorkerCore({ dir: bundles, actor: 'test' });
    expect(await core.open(board)).toEqual({
      ok: true,
      value: { file: board, readOnly: null, alsoOpenIn: [] },
    });
  });
  afterAll(() => core.close());

  it('answers API calls through dispatch, with the contract’s errors', async () => {
    expect(await core.call('app.info', {})).toMatchObject({
      ok: true,
      value: { authority: 'Northshire County Council' },
    });
    expect(await core.call('no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await core.call('export.document', { kind: 'minutes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('validates slow methods’ input in the slow-work worker too, and writes nothing', async () => {
    const reader = new Session('test');
    reader.open(board);
    try {
      const before = rowCounts(reader);
      expect(
        await core.call('import.commit', { fileName: 'x.csv', dataBase64: 'bm90IGEgdGFibGU=' }),
      ).toMatchObject({
        ok: false,
      });
      expect(await core.call('import.commit', { fileName: '' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      expect(rowCounts(reader)).toEqual(before);
    } finally {
      reader.close();
    }
  });

  it('runs slow methods on one long-lived slow-work worker, started once', async () => {
    const before = await core.board('status', {});
    expect(before).toMatchObject({ ok: true, value: { file: board } });
    for (let n = 0; n < 3; n++)
      expect(await docText(await core.call('export.document', { kind: 'actions' }))).toContain('Overdue');
    const after = await core.board('status', {});
    expect(after).toMatchObject({ ok: true, value: { slowWorker: { running: true, starts: 1 } } });
    const calls = (s: typeof after) => (s.ok ? s.value.slowWorker.calls : NaN);
    expect(calls(after)).toBe(calls(before) + 3);
  });

  it('keeps answering quick calls while slow work runs', async () => {
    const order: string[] = [];
    const slow = core.call('export.document', { kind: 'scorecard' }).then((r) => (order.push('export'), r));
    const quick = core.call('dashboard.get', {}).then((r) => (order.push('dashboard'), r));
    const [s, q] = await Promise.all([slow, quick]);
    expect(s.ok && q.ok).toBe(true);
    expect(order).toEqual(['dashboard', 'export']);
  });

  it('imports from the slow-work worker; the write is whole and the core reads it', async () => {
    const preview = await core.call('import.preview', csv('long-clean.csv'));
    expect(preview).toMatchObject({ ok: true, value: { problems: [] } });
    const first = await core.call('import.commit', csv('long-clean.csv'));
    expect(first).toMatchObject({ ok: true, value: { summary: { valuesNew: 5 } } });
    // The core's own connection sees the values at once (a second import finds nothing new).
    const again = await core.call('import.commit', csv('long-clean.csv'));
    expect(again).toMatchObject({ ok: true, value: { summary: { valuesNew: 0, valuesUnchanged: 6 } } });
    // ...and quick calls still write beside it.
    expect(
      await core.call('board.update', {
        authority: 'Northshire County Council',
        name: 'Northshire Corporate Parenting Board',
      }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('keeps the open board when another file cannot be opened', async () => {
    const notBoard = path.join(tempDir(), 'notes.cpb');
    writeFileSync(notBoard, 'not a database');
    expect(await core.open(notBoard)).toMatchObject({ ok: false, error: { code: 'bad_file' } });
    expect(await core.board('status', {})).toMatchObject({ ok: true, value: { file: board } });
    expect(await core.call('app.info', {})).toMatchObject({ ok: true });
  });
});

// A board opened today already answers its open at once and is quick-checked just after; one
// damaged since the day's full check then refuses every write by name, the window learns it from
// app.info (turning read-only with its backups offered), and a backup can still be restored.
describe('a board damaged since the day’s full check, opened by a door', () => {
  it('answers the open, then says it is damaged, refuses writes, and can be restored from a backup', async () => {
    const core = startWorkerCore({ dir: bundles });
    try {
      const file = demoBoard(); // made (and checked in full) today
      const backup = await backupBoard(file);
      garbleMiddle(file);
      expect(await core.open(file)).toMatchObject({ ok: true });
      const first = await core.call('app.info', {});
      expect(first).toMatchObject({
        ok: true,
        value: { check: 'checking', damage: null, access: 'read-write' },
      });
      // A write waits for the check, and is refused by name.
      const write = await core.call('board.update', { authority: 'Anyshire', name: 'Never saved' });
      expect(write).toMatchObject({ ok: false, error: { code: 'damaged' } });
      expect(!write.ok && write.error.message).toMatch(/Restore the newest sound backup/);
      const after = await core.call('app.info', {});
      expect(after).toMatchObject({ ok: true, value: { check: 'damaged' } });
      expect(after.ok && (after.value as { damage: string }).damage).toMatch(/damaged|malformed/);
      // The Backups screen's restore works on it.
      const restored = await core.call('backup.restore', { name: path.basename(backup) });
      expect(restored).toMatchObject({ ok: true, value: { restoredFrom: path.basename(backup) } });
      const sound = await core.call('app.info', {});
      expect(sound.ok && (sound.value as { check: string }).check).not.toBe('damaged');
      expect(await core.call('board.update', { authority: 'Anyshire', name: 'Saved now' })).toMatchObject({
        ok: true,
      });
    } finally {
      await core.close();
    }
  });
});

describe('board operations in the core', () => {
  it('makes the demo board, offers the newest sound backup and restores it', async () => {
    const core = startWorkerCore({ dir: bundles });
    try {
      const dir = tempDir();
      const demo = await core.board('ensureDemo', { dir });
      expect(demo).toEqual({ ok: true, value: { file: path.join(dir, 'Northshire demo board.cpb') } });

      const file = demoBoard();
      const backup = await backupBoard(file);
      setLastFullCheck(file, '2000-01-01'); // so this open is the day's first, checked in full before it answers
      garbleMiddle(file);
      const opened = await core.open(file);
      expect(opened).toMatchObject({ ok: false, error: { code: 'damaged' } });
      expect(await core.board('newestSoundBackup', { file })).toEqual({ ok: true, value: { backup } });
      const restored = await core.board('restore', { backup, file });
      expect(restored).toMatchObject({ ok: true, value: { file } });
      expect(restored.ok && restored.value.keptAside && existsSync(restored.value.keptAside)).toBe(true);
      expect(await core.call('app.info', {})).toMatchObject({ ok: true, value: { file } });
    } finally {
      await core.close();
    }
  });

  it('the slow-work worker follows a restore over the same path (no stale connection)', async () => {
    const file = demoBoard();
    const backup = await backupBoard(file);
    const core = startWorkerCore({ dir: bundles });
    const exportName = async () => {
      const r = await core.call('export.document', { kind: 'actions' });
      return r.ok ? (r.value as { fileName: string }).fileName : r.error.message;
    };
    try {
      await core.open(file);
      expect(await exportName()).toMatch(/^Northshire CPB action log/);
      const renamed = { authority: 'Westshire County Council', name: 'Westshire Corporate Parenting Board' };
      expect(await core.call('board.update', renamed)).toMatchObject({ ok: true });
      expect(await exportName()).toMatch(/^Westshire CPB action log/); // the core's write, seen at once
      expect(await core.board('restore', { backup, file })).toMatchObject({ ok: true });
      expect(await exportName()).toMatch(/^Northshire CPB action log/);
      expect(await core.board('status', {})).toMatchObject({ value: { slowWorker: { starts: 1 } } });
    } finally {
      await core.close();
    }
  });

  it('closes the board tidily: the WAL is checkpointed into the file', async () => {
    const file = demoBoard();
    const core = startWorkerCore({ dir: bundles });
    await core.open(file);
    expect(
      await core.call('board.update', { authority: 'Northshire County Council', name: 'Renamed board' }),
    ).toMatchObject({ ok: true });
    expect(existsSync(`${file}-wal`)).toBe(true);
    await core.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(await core.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const s = new Session('test');
    s.open(file);
    expect((s.ctx().db.prepare('SELECT name FROM board').get() as { name: string }).name).toBe(
      'Renamed board',
    );
    s.close();
  });
});

describe('when the core stops unexpectedly', () => {
  it('answers waiting calls with a clear error, restarts on the next call and reopens the board', async () => {
    const file = demoBoard();
    let current: CoreEndpoint | null = null;
    const data = { actor: 'test', slowWorker: path.join(bundles, 'slow-worker.cjs') };
    const core = new PortCoreClient(
      () => (current = workerEndpoint(path.join(bundles, 'core-worker.cjs'), data)),
    );
    try {
      expect(await core.open(file)).toMatchObject({ ok: true });
      const waiting = core.call('export.document', { kind: 'scorecard' });
      await new Promise((r) => setTimeout(r, 50));
      current!.kill();
      const r = await waiting;
      expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(!r.ok && r.error.message).toMatch(/stopped unexpectedly.*try again/);

      expect(await core.call('app.info', {})).toMatchObject({ ok: true, value: { file } });
      expect(core.starts).toBe(2);
      expect(await core.board('status', {})).toMatchObject({ ok: true, value: { file } });
    } finally {
      await core.close();
    }
  });

  it('does the same for the slow-work worker, and the core carries on', async () => {
    const file = demoBoard();
    let slowEndpoint: CoreEndpoint | null = null;
    const host = new CoreHost({
      lane: 'core',
      actor: 'test',
      startSlow: () => (slowEndpoint = workerEndpoint(path.join(bundles, 'slow-worker.cjs'), {})),
    });
    let id = 0;
    const ask = (kind: 'api' | 'board', name: string, input: unknown) =>
      host.handle({ id: ++id, kind, name, input } as never);
    try {
      expect(await ask('board', 'open', { file })).toMatchObject({ ok: true });
      const waiting = ask('api', 'export.document', { kind: 'scorecard' });
      await new Promise((r) => setTimeout(r, 50));
      slowEndpoint!.kill();
      expect(await waiting).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(await ask('api', 'dashboard.get', {})).toMatchObject({ ok: true });
      expect(await docText(await ask('api', 'export.document', { kind: 'actions' }))).toContain('Overdue');
      expect(await ask('board', 'status', {})).toMatchObject({ value: { slowWorker: { starts: 2 } } });
    } finally {
      await ask('board', 'close', {});
    }
  });
});

describe('finding the core’s bundles', () => {
  it('fails loudly, by name, when an entry is missing: no quiet fallback to this thread', () => {
    const empty = tempDir();
    expect(() => startWorkerCore({ dir: empty })).toThrow(MissingEntryError);
    expect(() => startWorkerCore({ dir: empty })).toThrow(/CPB is incomplete: core-worker\.cjs is missing/);
  });
});
