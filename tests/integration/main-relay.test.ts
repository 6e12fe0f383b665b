/**
 * Electron main's relay, with Electron faked (the Electron binary cannot be installed here): a fake
 * ipcMain and dialog, and a stand-in utilityProcess that forks the real core (core-process.cjs,
 * built from source) in a Node child process with Electron's parentPort.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames, type ApiResult } from '../../shared/api';
import { IPC, methodChannel } from '../../shared/api/bridge';
import type { PortCoreClient } from '../../electron/core/client/core-client';
import { registerRelay, type IpcSender } from '../../electron/main/relay';
import { startUtilityCore } from '../../electron/main/utility-core';
import { createDemoBoardFile } from '../../electron/core/demo/file';
import { DEMO_TODAY, tempDir } from '../helpers';
import { buildCoreBundles } from '../support/core-bundles';
import { fakeUtilityProcess } from '../support/fake-utility-process';

/** ipcMain.handle, recorded; invoke() calls a handler as Electron would. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcSender, ...args: unknown[]) => unknown>();
  return {
    handlers,
    handle: (channel: string, fn: (event: IpcSender, ...args: unknown[]) => unknown) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    invoke: (channel: string, event: IpcSender, ...args: unknown[]) =>
      handlers.get(channel)!(event, ...args) as Promise<ApiResult<unknown>>,
  };
}

const appPage = 'file:///opt/CPB/resources/app.asar/dist/renderer/index.html';
const fromWindow: IpcSender = { senderFrame: { url: appPage } };
const fromElsewhere: IpcSender = { senderFrame: { url: 'https://evil.example/' } };

let dir: string;
let board: string;
let utility: ReturnType<typeof fakeUtilityProcess>;
let core: PortCoreClient;
const ipc = fakeIpcMain();
const dialogAsked: string[] = [];
let dialogAnswer: string | null = null;

beforeAll(async () => {
  process.env.CPB_TODAY = DEMO_TODAY;
  dir = await buildCoreBundles(['core-process', 'slow-worker']);
  board = path.join(tempDir(), 'demo.cpb');
  createDemoBoardFile(board, DEMO_TODAY);
  utility = fakeUtilityProcess();
  core = startUtilityCore(utility.api, dir);
  registerRelay(ipc, {
    core,
    trusted: (e) => e.senderFrame?.url === appPage,
    chooseSaveTarget: async (name) => (dialogAsked.push(name), dialogAnswer),
  });
  expect(await core.open(board)).toEqual({
    ok: true,
    value: { file: board, readOnly: null, alsoOpenIn: [] },
  });
});
afterAll(() => core.close());

describe('the core in a utility process', () => {
  it('is forked once from core-process.cjs, told exactly where the slow-work worker is', () => {
    expect(utility.forks.map((f) => [f.modulePath, f.args, f.options])).toEqual([
      [
        path.join(dir, 'core-process.cjs'),
        [`--slow-worker=${path.join(dir, 'slow-worker.cjs')}`],
        expect.objectContaining({ serviceName: 'CPB core', stdio: 'inherit' }),
      ],
    ]);
  });

  it('fails loudly when its bundle is missing, rather than running the core in main', () => {
    expect(() => startUtilityCore(utility.api, tempDir())).toThrow(/CPB is incomplete: core-process\.cjs/);
  });
});

describe('the IPC relay', () => {
  it('never creates a board file where the window says: only File › New board from template… (a save dialog) does', async () => {
    const file = path.join(tempDir(), 'Anywhere.cpb');
    const r = await ipc.invoke(methodChannel('board.createFromTemplate'), fromWindow, {
      template: 'blank',
      file,
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message:
          'In the desktop app a new board is created with File › New board from template…, which asks where to save it.',
      },
    });
    expect(existsSync(file)).toBe(false);
  });

  it('has one channel per API method, and save-document', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(
      [...methodNames.map(methodChannel), IPC.saveDocument].sort(),
    );
  });

  it('relays a call from the CPB window to the core and back', async () => {
    expect(await ipc.invoke(methodChannel('app.info'), fromWindow, {})).toMatchObject({
      ok: true,
      value: { file: board, authority: 'Northshire County Council' },
    });
    expect(await ipc.invoke(methodChannel('app.info'), fromWindow, { stray: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses any other page', async () => {
    expect(await ipc.invoke(methodChannel('app.info'), fromElsewhere, {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Refused: not the CPB window' },
    });
    expect(await ipc.invoke(IPC.saveDocument, fromElsewhere, {})).toMatchObject({ ok: false });
  });
});

describe('saving a document', () => {
  it('runs export.document and nothing else, whatever method the page names', async () => {
    const target = path.join(tempDir(), 'Action log');
    dialogAnswer = target;
    const r = await ipc.invoke(IPC.saveDocument, fromWindow, {
      suggestedName: 'Action log.docx',
      method: 'board.update',
      input: { kind: 'actions' },
    });
    expect(r).toEqual({ ok: true, value: { saved: true, path: `${target}.docx` } });
    expect(dialogAsked.at(-1)).toBe('Action log.docx');
    const zip = await JSZip.loadAsync(readFileSync(`${target}.docx`));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Overdue');
  });

  it('checks the export input before showing the dialog', async () => {
    const asked = dialogAsked.length;
    const r = await ipc.invoke(IPC.saveDocument, fromWindow, {
      suggestedName: 'Minutes.docx',
      input: { kind: 'minutes' },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'meetingId' }] } });
    expect(
      await ipc.invoke(IPC.saveDocument, fromWindow, { suggestedName: 'x', input: { kind: 'x.export' } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ipc.invoke(IPC.saveDocument, fromWindow, { suggestedName: 7 })).toMatchObject({ ok: false });
    expect(dialogAsked.length).toBe(asked);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    dialogAnswer = null;
    expect(
      await ipc.invoke(IPC.saveDocument, fromWindow, { suggestedName: 'A.docx', input: { kind: 'actions' } }),
    ).toEqual({ ok: true, value: { saved: false, path: null } });
  });
});

describe('when the core process dies', () => {
  it('answers the waiting call with a clear error, and the next call starts it again', async () => {
    const waiting = ipc.invoke(methodChannel('export.document'), fromWindow, { kind: 'scorecard' });
    await new Promise((r) => setTimeout(r, 50));
    utility.forks.at(-1)!.child.kill('SIGKILL');
    const r = await waiting;
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(!r.ok && r.error.message).toMatch(/CPB's background process stopped unexpectedly/);

    expect(await ipc.invoke(methodChannel('app.info'), fromWindow, {})).toMatchObject({
      ok: true,
      value: { file: board },
    });
    expect(utility.forks).toHaveLength(2);
    expect(existsSync(board)).toBe(true);
  });
});
