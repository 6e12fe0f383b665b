import {
  chmodSync,
  copyFileSync,
  existsSync,
  openSync,
  closeSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemoBoardFile } from '../../../electron/core/demo/file';
import { Session } from '../../../electron/core/session';
import { openSnapshot } from '../../../electron/core/store/board-file';
import { dispatch } from '../../../electron/core/dispatch';
import { startServer, type RunningServer } from '../../e2e/server';
import { callError, callOk, DEMO_TODAY, demoSession, rowCounts, tempDir } from '../../helpers';
import {
  cpb,
  fingerprint,
  giveToChild,
  listing,
  makeFolderReadOnly,
  reachableDir,
  unprivileged,
} from '../../support/faults';

// Every fault of the board file or its disk has a name: a typed API error with a message a clerk
// can act on, never a 500 'internal' or a stack trace. Read-only and permission faults are real
// (file modes; run as root, the server and cpb under test run as 'nobody', where modes bite).

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

async function firstItem(session: Session): Promise<number> {
  const list = await callOk(session, 'meeting.list', {});
  const m = await callOk(session, 'meeting.get', { id: list.upcoming[0]!.id });
  return m.items.find((i) => !i.exempt)!.id;
}

const decisionTexts = (file: string): string[] => {
  const { db } = openSnapshot(file);
  try {
    return (db.prepare('SELECT text FROM decision ORDER BY id').all() as { text: string }[]).map(
      (r) => r.text,
    );
  } finally {
    db.close();
  }
};

describe('a full disk', () => {
  it('refuses a save as disk_full (SQLITE_FULL), naming the board, and keeps nothing of it', async () => {
    const { session } = demoSession();
    const itemId = await firstItem(session);
    const db = session.ctx().db;
    // The disk is full: the board may not grow by a single page.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let error: Awaited<ReturnType<typeof callError>> | null = null;
    let before = rowCounts(session);
    for (let n = 0; n < 2000 && !error; n++) {
      before = rowCounts(session);
      const r = await dispatch(session, 'decision.add', {
        itemId,
        text: `RESOLVED that figure ${n} ${'is noted '.repeat(20)}`,
      });
      if (!r.ok) error = r.error;
    }
    expect(error).toMatchObject({ code: 'disk_full' });
    expect(error!.message).toBe(
      'The disk holding demo.cpb is full, so nothing was saved. Free some space (or choose another drive), then try again.',
    );
    expect(rowCounts(session)).toEqual(before);
    session.close();
  });

  it('cpb backup onto a full disk says so in one line, exits 1, and leaves no partial backup', () => {
    const dir = tempDir();
    const board = path.join(dir, 'demo.cpb');
    createDemoBoardFile(board, DEMO_TODAY);
    const to = path.join(dir, 'usb');
    const before = fingerprint(board);
    // A file-size limit on the process (RLIMIT_FSIZE) stands in for a full disk: the backup's writes
    // stop part-way, as on a full USB stick (EFBIG here, ENOSPC there: the same fault to the clerk).
    const r = cpb(['backup', board, '--to', to], { prefix: ['prlimit', '--fsize=41960'] });
    expect(r.error).toBeUndefined(); // prlimit (util-linux) ran
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^cpb backup: Could not write the backup demo-.*\.cpb: the disk holding .*usb is full \(or takes no file this large\)\. Free some space, or back up to another drive \(--to\)\. Nothing was left half-written, and the board itself is unchanged\.\n$/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(listing(to)).toEqual([]); // no partial file, no journal
    expect(fingerprint(board)).toEqual(before);
  });
});

describe('a read-only board', () => {
  it('opened read-only: reads and exports work, every change is refused as read_only', async () => {
    process.env.CPB_TODAY = DEMO_TODAY;
    const dir = tempDir();
    const file = path.join(dir, 'demo.cpb');
    createDemoBoardFile(file, DEMO_TODAY);
    const session = new Session('test');
    session.open(file, { readOnly: 'it is on a read-only share' });
    expect(await callOk(session, 'app.info', {})).toMatchObject({
      access: 'read-only',
      readOnlyReason: 'it is on a read-only share',
    });
    const itemId = await firstItem(session);
    const e = await callError(session, 'decision.add', { itemId, text: 'RESOLVED that nothing changes' });
    expect(e.code).toBe('read_only');
    expect(e.message).toBe(
      'demo.cpb is open read-only (it is on a read-only share), so nothing can be changed. To make changes, copy it to a folder you can write to and open the copy.',
    );
    expect((await callOk(session, 'dashboard.get', {})).openActions).toBeGreaterThan(0);
    const doc = await callOk(session, 'export.document', { kind: 'actions' });
    expect(doc.fileName).toMatch(/\.docx$/);
    session.close();
    expect(listing(dir)).toEqual(['demo.cpb']); // nothing made beside it
  });

  it('a 0444 board opens read-only in browser mode: app.info says so, a save is refused as read_only (not 500), the file is untouched', async () => {
    const dir = reachableDir(true);
    const board = path.join(dir, 'demo.cpb');
    createDemoBoardFile(board, DEMO_TODAY);
    chmodSync(board, 0o444);
    const before = fingerprint(board);
    const s = await startServer(board, { CPB_TODAY: DEMO_TODAY }, unprivileged());
    servers.push(s);
    expect(s.output()).toContain(
      'Read-only: the file is read-only. You can read and export; nothing can be changed.',
    );
    expect((await api(s, 'app.info', {})).value).toMatchObject({
      access: 'read-only',
      readOnlyReason: 'the file is read-only',
    });
    const list = (await api(s, 'meeting.list', {})).value as { upcoming: { id: number }[] };
    const m = (await api(s, 'meeting.get', { id: list.upcoming[0]!.id })).value as {
      items: { id: number; exempt: boolean }[];
    };
    const save = await api(s, 'decision.add', {
      itemId: m.items.find((i) => !i.exempt)!.id,
      text: 'RESOLVED that it is saved',
    });
    expect(save.status).toBe(400);
    expect(save.error).toMatchObject({ code: 'read_only' });
    // Exports run in the slow-work worker, which reads its own copy too.
    const doc = await api(s, 'export.document', { kind: 'actions' });
    expect(doc.ok).toBe(true);
    await s.stop();
    expect(fingerprint(board)).toEqual(before);
    expect(listing(dir)).toEqual(['demo.cpb']); // no -wal, -shm, backups or in-use mark left
  }, 60_000);

  it('a sound board in a read-only folder is not called damaged: cpb check passes, browser mode opens it read-only', async () => {
    const dir = reachableDir(false);
    const board = path.join(dir, 'demo.cpb');
    createDemoBoardFile(board, DEMO_TODAY);
    giveToChild(board); // the file itself may be written: only its folder may not
    makeFolderReadOnly(dir);
    try {
      const before = fingerprint(board);
      const check = cpb(['check', board], { asChild: true });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
      expect(check.stdout).toContain('OK — a CPB board file, schema version');

      const s = await startServer(board, { CPB_TODAY: DEMO_TODAY }, unprivileged());
      servers.push(s);
      expect(s.output()).toContain(`Read-only: it is in a folder CPB cannot write to (${dir}).`);
      expect(s.output()).not.toMatch(/damaged|restore/i);
      expect((await api(s, 'app.info', {})).value).toMatchObject({ access: 'read-only' });
      await s.stop();
      expect(fingerprint(board)).toEqual(before);
      expect(listing(dir)).toEqual(['demo.cpb']);
    } finally {
      chmodSync(dir, 0o755);
    }
  }, 60_000);

  it('a damaged board in a read-only folder is still called damaged', () => {
    const dir = reachableDir(false);
    const board = path.join(dir, 'demo.cpb');
    createDemoBoardFile(board, DEMO_TODAY);
    const fd = openSync(board, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096 * 3);
    closeSync(fd);
    makeFolderReadOnly(dir);
    try {
      const check = cpb(['check', board], { asChild: true });
      expect(check.status).toBe(1);
      expect(check.stderr).toMatch(/^cpb check: .*demo\.cpb: damaged/);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe('permission denied', () => {
  it('a board CPB may not read is refused as permission denied, not called damaged', async () => {
    const dir = reachableDir(true);
    const board = path.join(dir, 'demo.cpb');
    createDemoBoardFile(board, DEMO_TODAY);
    chmodSync(board, 0o000);
    const check = cpb(['check', board], { asChild: true });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/^cpb check: .*demo\.cpb: permission denied/);
    expect(check.stderr).not.toMatch(/damaged|\n\s+at /);
    const refused = await startServer(board, { CPB_TODAY: DEMO_TODAY }, unprivileged()).then(
      (s) => (servers.push(s), 'started'),
      (e: Error) => e.message,
    );
    expect(refused).toMatch(/cpb web: .*demo\.cpb: permission denied/);
    expect(refused).not.toMatch(/damaged|restore/);
    chmodSync(board, 0o644);
  }, 60_000);
});

describe('the board file vanishes or is replaced while open', () => {
  it('moved away (a USB stick pulled, a folder renamed): the save is refused, nothing goes into the lost file', async () => {
    const { session, file, dir } = demoSession();
    const itemId = await firstItem(session);
    await callOk(session, 'decision.add', { itemId, text: 'RESOLVED that it was saved before' });
    const elsewhere = path.join(dir, 'moved.cpb');
    renameSync(file, elsewhere);
    for (const side of ['-wal', '-shm'])
      if (existsSync(file + side)) renameSync(file + side, elsewhere + side);
    const e = await callError(session, 'decision.add', { itemId, text: 'RESOLVED that it is kept' });
    expect(e.code).toBe('file_unavailable');
    expect(e.message).toMatch(
      /^demo\.cpb can no longer be found: was it moved or deleted, or its drive removed\?/,
    );
    session.close();
    const moved = decisionTexts(elsewhere);
    expect(moved).toContain('it was saved before');
    expect(moved).not.toContain('it is kept');
  });

  it('deleted: the save is refused as file_unavailable', async () => {
    const { session, file } = demoSession();
    const itemId = await firstItem(session);
    rmSync(file);
    const e = await callError(session, 'decision.add', { itemId, text: 'RESOLVED that it is kept' });
    expect(e.code).toBe('file_unavailable');
    session.close();
  });

  it('replaced by another file (a restore, a copy): the save is refused, and neither file gets it', async () => {
    const { session, file, dir } = demoSession();
    const itemId = await firstItem(session);
    await callOk(session, 'decision.add', { itemId, text: 'RESOLVED that it was saved before' });
    const other = path.join(dir, 'other.cpb');
    createDemoBoardFile(other, DEMO_TODAY);
    const aside = path.join(dir, 'aside.cpb');
    // As a restore does: the file and its -wal and -shm are set aside, another file takes its place.
    renameSync(file, aside);
    for (const side of ['-wal', '-shm']) if (existsSync(file + side)) renameSync(file + side, aside + side);
    copyFileSync(other, file);
    const e = await callError(session, 'decision.add', { itemId, text: 'RESOLVED that it is kept' });
    expect(e.code).toBe('file_unavailable');
    expect(e.message).toMatch(/^demo\.cpb was replaced by another file since CPB opened it/);
    session.close();
    expect(decisionTexts(file)).not.toContain('it is kept');
    expect(decisionTexts(aside)).toContain('it was saved before');
    expect(decisionTexts(aside)).not.toContain('it is kept');
  });
});
