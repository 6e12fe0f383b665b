/**
 * The main-process harness: electron/main/main-app.ts's runMain, the whole of main's wiring, run under
 * plain Node with Electron's modules replaced by stand-ins behind its ElectronSeam. The core is the
 * real one (core-process.cjs built from source) in a Node child standing in for utilityProcess.
 * What the Electron binary itself does (drawing the window, the OS dialogs) is not exercised here.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames, type ApiResult } from '../../shared/api';
import { IPC, methodChannel } from '../../shared/api/bridge';
import { createDemoBoardFile } from '../../electron/core/demo/file';
import { backupBoard } from '../../electron/core/services/backup';
import { runMain, type ElectronSeam, type MainHandle } from '../../electron/main/main-app';
import { DEMO_TODAY, tempDir } from '../helpers';
import { buildCoreBundles } from '../support/core-bundles';
import { fakeUtilityProcess } from '../support/fake-utility-process';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** Records what main asks of Electron; answers dialogs from a queue. */
function fakeElectron(userData: string) {
  const log: string[] = [];
  const handlers = new Map<string, Handler>();
  const windows: FakeWindow[] = [];
  const dialogAnswers: number[] = [];
  const buttons: string[][] = [];
  const menus: { template: { label?: string; submenu?: { label?: string }[] }[] }[] = [];
  let protocolHandler: ((req: Request) => Response | Promise<Response>) | null = null;
  const schemes: unknown[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    getPath: (name: string) => (name === 'userData' ? userData : path.join(userData, name)),
    getVersion: () => '0.0.0-test',
    setAppUserModelId: () => undefined,
    setPath: (name: string, p: string) => log.push(`setPath ${name} ${p}`),
    addRecentDocument: (f: string) => log.push(`recent ${f}`),
    clearRecentDocuments: () => undefined,
    quit: () => log.push('quit'),
    exit: (code: number) => log.push(`exit ${code}`),
  });

  class FakeWindow extends EventEmitter {
    loaded: string[] = [];
    reloads = 0;
    readonly webContents = { reload: () => (this.reloads += 1) };
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    isMinimized = () => false;
    isMaximized = () => false;
    isDestroyed = () => false;
    restore() {}
    show() {}
    focus() {}
    maximize() {}
    setFullScreen() {}
    getBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
  }

  const display = {
    id: 1,
    bounds: { x: 0, y: 0, width: 1366, height: 768 },
    workArea: { x: 0, y: 0, width: 1366, height: 728 },
  };
  const shellCalls: string[] = [];
  const nativeTheme = { themeSource: 'system' };
  const seam = {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showMessageBox: async (...args: unknown[]) => {
        const opts = args[args.length - 1] as { message: string; detail?: string; buttons: string[] };
        log.push(`ask ${opts.message}: ${opts.detail ?? ''}`);
        buttons.push(opts.buttons);
        return { response: dialogAnswers.shift() ?? 1 };
      },
      showErrorBox: (title: string, message: string) => log.push(`error ${title}: ${message}`),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    ipcMain: {
      handle: (channel: string, fn: Handler) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, fn);
      },
    },
    Menu: {
      buildFromTemplate: (template: never) => ({ template }),
      setApplicationMenu: (m: (typeof menus)[number]) => menus.push(m),
    },
    nativeTheme,
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => schemes.push(...list),
      handle: (_scheme: string, fn: typeof protocolHandler) => (protocolHandler = fn),
    },
    screen: { getAllDisplays: () => [display], getDisplayMatching: () => display },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        setSpellCheckerLanguages: () => undefined,
        webRequest: { onBeforeRequest: () => undefined },
      },
    },
    shell: {
      openExternal: async (u: string) => void shellCalls.push(`external ${u}`),
      openPath: async (p: string) => (shellCalls.push(`open ${p}`), ''),
      showItemInFolder: (p: string) => void shellCalls.push(`reveal ${p}`),
    },
  };
  return {
    seam,
    log,
    handlers,
    windows,
    dialogAnswers,
    buttons,
    menus,
    schemes,
    shellCalls,
    nativeTheme,
    serve: (url: string) => protocolHandler!(new Request(url)),
  };
}

const fromWindow = { senderFrame: { url: 'cpb-app://app/index.html#/meetings/1' } };
const fromFile = { senderFrame: { url: 'file:///tmp/evil/index.html' } };

let bundles: string;
const started: { main: MainHandle; fake: ReturnType<typeof fakeElectron> }[] = [];

async function start(argv: string[], userData = tempDir()) {
  const fake = fakeElectron(userData);
  const utility = fakeUtilityProcess();
  const main = runMain({ ...fake.seam, utilityProcess: utility.api } as unknown as ElectronSeam, {
    distDir: bundles,
    argv: ['CPB.exe', ...argv],
    cwd: tempDir(),
    platform: 'win32',
  });
  started.push({ main, fake });
  await main.started;
  return {
    main,
    fake,
    invoke: (channel: string, ...args: unknown[]) =>
      fake.handlers.get(channel)!(fromWindow, ...args) as Promise<ApiResult<unknown>>,
  };
}

beforeAll(async () => {
  process.env.CPB_TODAY = DEMO_TODAY;
  bundles = await buildCoreBundles(['core-process', 'slow-worker']);
  mkdirSync(path.join(bundles, 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(bundles, 'renderer', 'index.html'), '<!doctype html><title>CPB</title>');
}, 60_000);

afterAll(async () => {
  // Quitting closes the core (the WAL is checkpointed) as the real app does.
  for (const { fake } of started) fake.seam.app.emit('before-quit', { preventDefault: () => undefined });
  await new Promise((r) => setTimeout(r, 300));
});

describe('start-up with a board named on the command line', () => {
  it('registers the app scheme before ready, every IPC channel, the menu and one window on cpb-app://', async () => {
    const board = path.join(tempDir(), 'Board.cpb');
    createDemoBoardFile(board, DEMO_TODAY);
    const { main, fake } = await start([board]);
    expect(main.boardFile()).toBe(board);
    expect(fake.schemes).toEqual([expect.objectContaining({ scheme: 'cpb-app' })]);
    expect([...fake.handlers.keys()].sort()).toEqual(
      [
        ...methodNames.map(methodChannel),
        IPC.saveDocument,
        IPC.openPaper,
        IPC.openChairDisplay,
        IPC.getSettings,
        IPC.saveSettings,
        IPC.chooseFolder,
      ].sort(),
    );
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.loaded).toEqual(['cpb-app://app/index.html']);
    expect(fake.windows[0]!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    const menu = fake.menus.at(-1)!.template;
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(menu[0]!.submenu!.map((i) => i.label).filter(Boolean)).toEqual([
      'New board from template…',
      'Open board…',
      'Open recent',
      'Quit',
    ]);
    expect(fake.log).toContain(`recent ${board}`);
  });

  it('serves the renderer over cpb-app:// with the CSP header, and nothing outside it', async () => {
    const { fake } = started[0]!;
    const ok = await fake.serve('cpb-app://app/index.html');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await ok.text()).toContain('<title>CPB</title>');
    expect((await fake.serve('cpb-app://app/../core-process.cjs')).status).toBe(404);
    expect((await fake.serve('cpb-app://elsewhere/index.html')).status).toBe(403);
  });

  it('answers IPC only from the app page', async () => {
    const { fake } = started[0]!;
    const info = (await fake.handlers.get(methodChannel('app.info'))!(fromWindow, {})) as ApiResult<unknown>;
    expect(info.ok).toBe(true);
    const refused = (await fake.handlers.get(methodChannel('app.info'))!(fromFile, {})) as ApiResult<unknown>;
    expect(refused).toMatchObject({ ok: false, error: { message: 'Refused: not the CPB window' } });
  });

  it('keeps every page and frame on the app: navigation, frames and new windows denied', () => {
    const { fake } = started[0]!;
    const contents = Object.assign(new EventEmitter(), {
      openHandler: null as null | (() => unknown),
      setWindowOpenHandler(fn: () => unknown) {
        this.openHandler = fn;
      },
    });
    fake.seam.app.emit('web-contents-created', {}, contents);
    const tryEvent = (name: string, url: string) => {
      let prevented = false;
      contents.emit(name, { url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(tryEvent('will-navigate', 'https://evil.example/')).toBe(true);
    expect(tryEvent('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(tryEvent('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    expect(tryEvent('will-redirect', 'https://evil.example/')).toBe(true);
    expect(tryEvent('will-navigate', 'cpb-app://app/index.html#/actions')).toBe(false);
    expect(tryEvent('will-frame-navigate', 'cpb-app://app/index.html#/')).toBe(false);
    expect(contents.openHandler!()).toEqual({ action: 'deny' });
  });
});

describe('a second launch hands its board to the running app', () => {
  it('opens the named board in the same window', async () => {
    const { main, fake } = started[0]!;
    const other = path.join(tempDir(), 'Other board.cpb');
    createDemoBoardFile(other, DEMO_TODAY);
    const cwd = path.dirname(other);
    fake.seam.app.emit('second-instance', {}, ['CPB.exe', 'Other board.cpb'], cwd);
    await expect.poll(() => main.boardFile(), { timeout: 15_000 }).toBe(other);
    expect(fake.windows).toHaveLength(1);
    await expect.poll(() => fake.windows[0]!.reloads).toBe(1);
  });
});

describe('a damaged board on the command line', () => {
  it('offers the newest sound backup, restores it and keeps the damaged file aside', async () => {
    const board = path.join(tempDir(), 'Damaged.cpb');
    createDemoBoardFile(board, DEMO_TODAY);
    const backup = await backupBoard(board);
    writeFileSync(board, Buffer.alloc(8192, 0x41)); // not a SQLite file any more
    const fake0 = fakeElectron(tempDir());
    fake0.dialogAnswers.push(0); // "Restore the backup"
    const utility = fakeUtilityProcess();
    const main = runMain({ ...fake0.seam, utilityProcess: utility.api } as unknown as ElectronSeam, {
      distDir: bundles,
      argv: ['CPB.exe', board],
      cwd: tempDir(),
      platform: 'linux',
    });
    started.push({ main, fake: fake0 });
    await main.started;
    expect(fake0.log.find((l) => l.startsWith('ask CPB could not open the board file'))).toContain(
      path.basename(backup),
    );
    expect(main.boardFile()).toBe(board);
    const aside = readdirSync(path.dirname(board)).filter(
      (f) => f.includes('Damaged') && f !== 'Damaged.cpb',
    );
    expect(aside.length).toBeGreaterThan(0);
    expect(readFileSync(board).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(fake0.windows).toHaveLength(1);
  });

  it('without a backup, says so and opens the demo board instead', async () => {
    const board = path.join(tempDir(), 'Broken.cpb');
    writeFileSync(board, 'not a board');
    const { main, fake } = await start([board]);
    // Told why, with nothing to restore offered (an OK button only), then the demo board opens.
    expect(fake.log.filter((l) => l.startsWith('ask'))).toEqual([
      `ask CPB could not open the board file: ${board}: not a CPB board file (it is not an SQLite database)`,
    ]);
    expect(fake.buttons).toEqual([['OK']]);
    expect(main.boardFile()).toMatch(/\.cpb$/);
    expect(main.boardFile()).not.toBe(board);
    expect(existsSync(board)).toBe(true); // never deleted or overwritten
    expect(readFileSync(board, 'utf8')).toBe('not a board');
  });
});

describe('opening papers and settings through IPC', () => {
  let app: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    app = await start([]);
  }, 60_000);

  it('opens documents, reveals other files, refuses unapproved servers and confirms links', async () => {
    const { fake, invoke } = app;
    const dir = tempDir();
    const pdf = path.join(dir, 'report.pdf');
    const iso = path.join(dir, 'disk.iso');
    writeFileSync(pdf, '%PDF-1.4');
    writeFileSync(iso, 'x');
    expect(await invoke(IPC.openPaper, pdf)).toEqual({ ok: true, value: { opened: true } });
    expect(await invoke(IPC.openPaper, iso)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('shown in its folder') },
    });
    expect(await invoke(IPC.openPaper, '\\\\evil.example\\share\\x.pdf')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('approved in Settings') },
    });
    fake.dialogAnswers.push(1); // Cancel
    expect(await invoke(IPC.openPaper, 'https://example.org/paper.pdf')).toEqual({
      ok: true,
      value: { opened: false },
    });
    fake.dialogAnswers.push(0); // Open in browser
    expect(await invoke(IPC.openPaper, 'https://example.org/paper.pdf')).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(fake.log.filter((l) => l.startsWith('ask Open this address'))).toEqual([
      'ask Open this address in your web browser?: https://example.org/paper.pdf',
      'ask Open this address in your web browser?: https://example.org/paper.pdf',
    ]);
    expect(fake.shellCalls).toEqual([
      `open ${pdf}`,
      `reveal ${iso}`,
      'external https://example.org/paper.pdf',
    ]);
  });

  it('saves settings, applies the theme and refuses a bad value by its label', async () => {
    const { main, fake, invoke } = app;
    const saved = await invoke(IPC.saveSettings, {
      theme: 'dark',
      textSize: 125,
      backupFolder: null,
      approvedPaperHosts: ['FileServer'],
    });
    expect(saved).toEqual({
      ok: true,
      value: { theme: 'dark', textSize: 125, backupFolder: null, approvedPaperHosts: ['fileserver'] },
    });
    expect(fake.nativeTheme.themeSource).toBe('dark');
    expect(main.settings().approvedPaperHosts).toEqual(['fileserver']);
    expect(await invoke(IPC.getSettings)).toEqual(saved);
    expect(
      await invoke(IPC.saveSettings, { ...main.settings(), approvedPaperHosts: ['\\\\evil\\share'] }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Approved paper servers: /) },
    });
    expect(
      await invoke(IPC.saveSettings, { ...main.settings(), backupFolder: 'relative/folder' }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Backup folder: /) },
    });
    // Approved now: the server's papers are allowed (the file does not exist, so "cannot be found").
    expect(await invoke(IPC.openPaper, '\\\\fileserver\\papers\\x.pdf')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
