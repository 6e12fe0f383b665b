import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerCore } from '../../../electron/core/client/worker-endpoint';
import { createDemoBoardFile } from '../../../electron/core/demo/file';
import { backupBoard } from '../../../electron/core/services/backup';
import { openSnapshot } from '../../../electron/core/store/board-file';
import { holdersOf, markInUse } from '../../../electron/core/store/in-use';
import { latestSchemaVersion } from '../../../electron/core/store/migrations';
import { startServer, type RunningServer } from '../../e2e/server';
import { DEMO_TODAY, tempDir } from '../../helpers';
import { buildCoreBundles } from '../../support/core-bundles';
import { cliPath, cpb, cpbAsync, fingerprint, listing, root } from '../../support/faults';
import { makeOldBoard } from '../../support/old-board';

// Exclusive use: a board open in the app, browser mode or cpb carries an in-use mark that a crash
// cannot leave behind; a restore is refused while it is there. cpb check and cpb dump only read.

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
async function api(s: RunningServer, method: string, input: unknown): Promise<Reply> {
  const r = await fetch(`${s.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CPB-Token': s.token },
    body: JSON.stringify(input),
  });
  return (await r.json()) as Reply;
}

async function addDecision(s: RunningServer, text: string): Promise<Reply> {
  const list = (await api(s, 'meeting.list', {})).value as { upcoming: { id: number }[] };
  const m = (await api(s, 'meeting.get', { id: list.upcoming[0]!.id })).value as {
    items: { id: number; exempt: boolean }[];
  };
  return api(s, 'decision.add', { itemId: m.items.find((i) => !i.exempt)!.id, text });
}

const decisionTexts = (file: string): string[] => {
  const { db } = openSnapshot(file);
  try {
    return (db.prepare('SELECT text FROM decision').all() as { text: string }[]).map((r) => r.text);
  } finally {
    db.close();
  }
};

function demo(): { board: string; dir: string } {
  const dir = tempDir();
  const board = path.join(dir, 'demo.cpb');
  createDemoBoardFile(board, DEMO_TODAY);
  return { board, dir };
}

describe('cpb restore while the board is open', () => {
  it('is refused, naming browser mode and its process; nothing changes, and later saves reach the board', async () => {
    const { board, dir } = demo();
    const backup = await backupBoard(board, { toDir: path.join(dir, 'kept') });
    const s = await startServer(board, { CPB_TODAY: DEMO_TODAY });
    servers.push(s);
    const r = await cpbAsync(['restore', backup, '--board', board]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^cpb restore: demo\\.cpb is open in CPB browser mode \\(process ${s.proc.pid} on .+, since \\d\\d:\\d\\d on .+\\)\\. Close it there first, then restore again\\. Nothing was changed\\.\\n$`,
      ),
    );
    expect(listing(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
    // The server's next save is in the board file, not in a file kept aside.
    expect((await addDecision(s, 'RESOLVED that the record is kept')).ok).toBe(true);
    await s.stop();
    expect(decisionTexts(board)).toContain('the record is kept');
  }, 60_000);

  it('goes ahead once browser mode has been killed (SIGKILL): a crash leaves no stale mark', async () => {
    const { board, dir } = demo();
    const backup = await backupBoard(board, { toDir: path.join(dir, 'kept') });
    const s = await startServer(board, { CPB_TODAY: DEMO_TODAY });
    expect(holdersOf(board).map((h) => h.kind)).toEqual(['browser']);
    await s.stop('SIGKILL');
    const r = cpb(['restore', backup, '--board', board]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(listing(dir).filter((n) => n.includes('.in-use.'))).toEqual([]);
  }, 60_000);

  it('a second browser-mode server on the same board shares it, and says so', async () => {
    const { board } = demo();
    const a = await startServer(board, { CPB_TODAY: DEMO_TODAY });
    servers.push(a);
    const b = await startServer(board, { CPB_TODAY: DEMO_TODAY });
    servers.push(b);
    expect(b.output()).toMatch(
      new RegExp(`Also open in CPB browser mode \\(process ${a.proc.pid} on .+\\): saves from both are kept`),
    );
    expect(holdersOf(board)).toHaveLength(2);
    expect((await addDecision(b, 'RESOLVED that both may save')).ok).toBe(true);
    await Promise.all([a.stop(), b.stop()]);
    expect(holdersOf(board)).toEqual([]);
  }, 60_000);

  it('cpb import beside browser mode waits its turn and is seen by the window', async () => {
    const { board } = demo();
    const s = await startServer(board, { CPB_TODAY: DEMO_TODAY });
    servers.push(s);
    const list = (await api(s, 'measure.list', {})).value as { id: number; code: string }[];
    const v1 = list.find((m) => m.code === 'V1')!.id;
    const valueOf = async () =>
      (
        (await api(s, 'measure.get', { id: v1 })).value as {
          values: { period: string; value: number | null }[];
        }
      ).values.find((v) => v.period === '2026-27 Q3')?.value;
    expect(await valueOf()).not.toBe(96.8);
    const data = path.join(root, 'tests', 'fixtures', 'imports', 'long-clean.csv');
    const r = await cpbAsync(['import', data, '--board', board]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(await valueOf()).toBe(96.8); // the window reads what cpb wrote
    await s.stop();
  }, 60_000);
});

describe('opening a board while it is being restored', () => {
  let bundles: string;
  beforeAll(async () => {
    bundles = await buildCoreBundles();
  });

  it('is refused by name (in_use), and allowed once the restore is done', async () => {
    const { board } = demo();
    const restoring = markInUse(board, 'restore');
    const core = startWorkerCore({ dir: bundles, door: 'browser' });
    try {
      const refused = await core.open(board);
      expect(refused).toMatchObject({ ok: false, error: { code: 'in_use' } });
      expect(!refused.ok && refused.error.message).toMatch(
        /^demo\.cpb is being restored by cpb restore \(process \d+/,
      );
      restoring.release();
      expect(await core.open(board)).toMatchObject({ ok: true });
      // The core's own restore of the board it has open: its own mark does not stand in the way.
      const backup = await backupBoard(board);
      expect(await core.board('restore', { backup, file: board })).toMatchObject({ ok: true });
      expect(await core.call('app.info', {})).toMatchObject({ ok: true });
    } finally {
      restoring.release();
      await core.close();
    }
  }, 60_000);
});

describe('cpb check and cpb dump only read', () => {
  it.each([2, 4])('on a board of schema %i: no files beside it, not migrated, not changed', (version) => {
    const dir = tempDir();
    const board = path.join(dir, 'old.cpb');
    makeOldBoard(board, version, DEMO_TODAY);
    const before = fingerprint(board);
    expect(listing(dir)).toEqual(['old.cpb']);

    const check = cpb(['check', board]);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(`OK — a CPB board file, schema version ${version}, integrity ok`);

    const dump = cpb(['dump', board]);
    expect(dump.status).toBe(0);
    expect(dump.stderr).toContain(
      `old.cpb is schema ${version}, from an older version of CPB; dumped as schema ${latestSchemaVersion} from a copy in memory (the file is unchanged`,
    );
    const json = JSON.parse(dump.stdout) as { board: { authority: string }; meetings: unknown[] };
    expect(json.board.authority).toMatch(/^(Northshire County Council|Oldshire)$/);
    expect(Array.isArray(json.meetings)).toBe(true);

    expect(listing(dir)).toEqual(['old.cpb']); // no -wal, -shm, backups folder
    expect(fingerprint(board)).toEqual(before);
    expect(cpb(['check', board]).stdout).toContain(`schema version ${version},`);
  });

  it('beside a running window: they read its latest saves and create nothing', async () => {
    const { board, dir } = demo();
    const s = await startServer(board, { CPB_TODAY: DEMO_TODAY });
    servers.push(s);
    expect((await addDecision(s, 'RESOLVED that it is read live')).ok).toBe(true);
    const names = listing(dir);
    const dump = await cpbAsync(['dump', board]);
    expect(dump.status).toBe(0);
    expect(dump.stdout).toContain('"text": "it is read live"');
    expect((await cpbAsync(['check', board])).status).toBe(0);
    expect(listing(dir)).toEqual(names);
    await s.stop();
  }, 60_000);

  it('`cpb check FILE | head -1` and `cpb dump FILE | head -1`: the reader going away is not a crash', async () => {
    const { board } = demo();
    for (const command of ['check', 'dump']) {
      const child = spawn(process.execPath, [cliPath, command, board], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += String(d)));
      child.stdout.destroy(); // the reader has gone before cpb writes a line
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      expect({ command, code, err }).toEqual({ command, code: 0, err: '' });
    }
    expect(existsSync(`${board}-wal`)).toBe(false);
    expect(readdirSync(path.dirname(board))).toEqual(['demo.cpb']);
  });
});
