// Electron main process: app lifecycle, the window, menus, dialogs and IPC wiring — nothing else.
// The board is never opened here: the core runs in a utility process (./utility-core) and every API
// call is relayed to it (./relay). Every security setting comes from ./security, the app's scheme
// from ./app-protocol and what opening a paper may do from ./papers.
//
// Electron reaches this module only through `ElectronSeam` (index.ts passes the real one), so the
// main-process harness (tests/integration/main-process.test.ts) runs this wiring under plain Node.
import type * as Electron from 'electron';
import type { IpcMainInvokeEvent, MenuItemConstructorOptions } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiOutput, ApiResult } from '../../shared/api';
import { IPC } from '../../shared/api/bridge';
import type { PortCoreClient } from '../core/client/core-client';
import { backupIsTheAdvice } from '../core/faults';
import {
  desktopSettingsSchema,
  parseDesktopSettings,
  settingLabel,
  type DesktopSettings,
} from '../../shared/domain/desktop-settings';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  APP_SCHEME,
  appResponseHeaders,
  appSchemePrivileges,
  resolveAppRequest,
} from './app-protocol';
import { chairDisplayBounds, chairDisplayUrl } from './chair-display';
import { decidePaper } from './papers';
import { fail, refused, registerRelay } from './relay';
import { startUtilityCore } from './utility-core';
import { isAllowedRequest, isAppUrl, isTrustedSender, webPreferencesFor } from './security';
import {
  boardFileFromArgv,
  fitToDisplays,
  loadDesktopSettings,
  loadRecentBoards,
  saveDesktopSettings,
  loadWindowState,
  safeFileName,
  saveRecentBoards,
  saveWindowState,
  withRecent,
  type WindowState,
} from './window-state';

/** The parts of Electron main uses; index.ts passes the real module, the harness its stand-ins. */
export type ElectronSeam = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'dialog'
  | 'ipcMain'
  | 'Menu'
  | 'nativeTheme'
  | 'protocol'
  | 'screen'
  | 'session'
  | 'shell'
  | 'utilityProcess'
>;

export interface MainOptions {
  /** Where dist/main.cjs is: the preload, the renderer build and the core's bundles sit beside it. */
  distDir: string;
  argv: readonly string[];
  cwd: string;
  platform: NodeJS.Platform;
  /** A user data folder other than the system's (CPB_USER_DATA: tests and portable use). */
  userDataDir?: string;
}

/** What the harness may look at once main is running. */
export interface MainHandle {
  /** Resolves when start-up has finished (the window exists, or the app has given up). */
  started: Promise<void>;
  boardFile(): string | null;
  window(): Electron.BrowserWindow | null;
  settings(): DesktopSettings;
}

export function runMain(electron: ElectronSeam, options: MainOptions): MainHandle {
  const {
    app,
    BrowserWindow,
    dialog,
    ipcMain,
    Menu,
    nativeTheme,
    protocol,
    screen,
    session: electronSession,
    shell,
    utilityProcess,
  } = electron;
  const preloadPath = path.join(options.distDir, 'preload.cjs');
  const rendererDir = path.join(options.distDir, 'renderer');
  const rendererIndexUrl = APP_INDEX_URL;
  const rendererDirUrl = `${APP_ORIGIN}/`;
  // Before the app is ready: the scheme gets a real origin and a secure context.
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  if (options.userDataDir) app.setPath('userData', options.userDataDir);
  let settings: DesktopSettings = parseDesktopSettings({});
  let resolveStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (resolveStarted = resolve));

  let core: PortCoreClient | null = null; // started once the app is ready
  let coreClosed = false;
  let boardFile: string | null = null; // the board the core has open
  let win: Electron.BrowserWindow | null = null;
  let pendingFile: string | null = null; // a file named before the app was ready (macOS open-file)
  let recent: string[] = [];

  function userData(): string {
    return app.getPath('userData');
  }

  // ---------------------------------------------------------------------------------------------
  // Single instance: a second launch hands its file to this one and quits.

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    resolveStarted();
  } else {
    app.on('second-instance', (_event: unknown, argv: string[], workingDirectory: string) => {
      const file = boardFileFromArgv(argv, workingDirectory);
      focusWindow();
      if (file) void openBoard(file);
    });
    app.on('open-file', (event: { preventDefault(): void }, file: string) => {
      // macOS: double-clicking a .cpb file, before or after the app is ready
      event.preventDefault();
      if (app.isReady() && win) void openBoard(file);
      else pendingFile = file;
    });
    app
      .whenReady()
      .then(start)
      .catch((e: unknown) => {
        dialog.showErrorBox('CPB could not start', String(e));
        app.exit(1);
      })
      .finally(() => resolveStarted());
  }

  function focusWindow(): void {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Start-up

  async function start(): Promise<void> {
    app.setAppUserModelId('uk.gov.cpb.app');
    settings = loadDesktopSettings(userData());
    nativeTheme.themeSource = settings.theme;
    serveApp();
    hardenSession();
    let c: PortCoreClient;
    try {
      c = core = startUtilityCore(utilityProcess, options.distDir);
    } catch (e) {
      dialog.showErrorBox('CPB could not start', (e as Error).message);
      app.exit(1);
      return;
    }
    registerIpc(c);
    recent = loadRecentBoards(userData());

    const requested = pendingFile ?? boardFileFromArgv(options.argv, options.cwd);
    pendingFile = null;
    if (requested) {
      const r = await c.open(requested, backupOptions());
      const file = r.ok ? r.value.file : await offerRestore(requested, r.error);
      if (file) {
        remember(file);
        createWindow();
        return;
      }
      dialog.showErrorBox(
        'CPB could not open the board file',
        `${r.ok ? '' : r.error.message}\n\nCPB will open the demo board instead.`,
      );
    }
    const demo = await c.board('ensureDemo', { dir: userData() });
    const r = demo.ok ? await c.open(demo.value.file, backupOptions()) : demo;
    if (!r.ok) {
      dialog.showErrorBox(
        'CPB could not start',
        requested ? r.error.message : `The demo board could not be created or opened.\n\n${r.error.message}`,
      );
      app.exit(1);
      return;
    }
    remember(r.value.file);
    createWindow();
  }

  /** Automatic backups go to the folder chosen in Settings, or beside the board. */
  function backupOptions(): { autoBackup: true; backupDir?: string } {
    return settings.backupFolder
      ? { autoBackup: true, backupDir: settings.backupFolder }
      : { autoBackup: true };
  }

  /** The renderer's files over cpb-app://app/, read from dist/renderer (inside the asar when packaged). */
  function serveApp(): void {
    protocol.handle(APP_SCHEME, (request: Request) => {
      const r = resolveAppRequest(request.url, rendererDir);
      if (!r.ok) return new Response(null, { status: r.status });
      try {
        return new Response(readFileSync(r.file), {
          status: 200,
          headers: appResponseHeaders(r.contentType),
        });
      } catch {
        return new Response(null, { status: 404 });
      }
    });
  }

  function hardenSession(): void {
    const ses = electronSession.defaultSession;
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    // No remote content: only the renderer's own files, data:/blob: images and DevTools load.
    ses.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !isAllowedRequest(details.url, rendererDirUrl) });
    });
    // The CSP arrives as a real header with every cpb-app:// answer (./app-protocol); the <meta> tag
    // in index.html repeats it for browser mode.
    try {
      ses.setSpellCheckerLanguages(['en-GB']); // a no-op on macOS, which uses the system's
    } catch {
      // the language is not available on this machine: keep Chromium's default
    }
  }

  app.on('web-contents-created', (_event: unknown, contents: Electron.WebContents) => {
    // Every navigation, of the page or any frame in it, stays on the app's own page.
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url, rendererIndexUrl)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isAppUrl(event.url, rendererIndexUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url, rendererIndexUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  function createWindow(): void {
    const saved = fitToDisplays(
      loadWindowState(userData()),
      screen.getAllDisplays().map((d) => d.workArea),
    );
    win = new BrowserWindow({
      title: 'CPB',
      width: saved.width,
      height: saved.height,
      ...(saved.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : {}),
      minWidth: 960,
      minHeight: 640,
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: webPreferencesFor(preloadPath),
    });
    if (saved.maximized) win.maximize();
    win.once('ready-to-show', () => win?.show());
    win.on('close', () => {
      if (win) saveWindowState(userData(), currentState(win));
    });
    win.on('closed', () => {
      win = null;
    });
    Menu.setApplicationMenu(buildMenu());
    void win.loadURL(rendererIndexUrl);
  }

  function currentState(w: Electron.BrowserWindow): WindowState {
    const b = w.getNormalBounds(); // the size to restore to, even when maximised
    return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: w.isMaximized() };
  }

  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !win && boardFile) createWindow();
  });
  app.on('before-quit', (event) => {
    // Close the board in the core first (its WAL is checkpointed into the file), then quit.
    if (!core || coreClosed) return;
    event.preventDefault();
    const closing = core;
    core = null;
    void closing.close().finally(() => {
      coreClosed = true;
      app.quit();
    });
  });

  /** The core, once started (every caller runs after start-up). */
  function theCore(): PortCoreClient {
    if (!core) throw new Error('CPB is closing');
    return core;
  }

  // ---------------------------------------------------------------------------------------------
  // Boards (opened, created and restored by the core; main shows the dialogs)

  /** A board is open: the menu's recent list and the system's recent documents. */
  function remember(file: string): void {
    boardFile = file;
    recent = withRecent(recent, file);
    saveRecentBoards(userData(), recent);
    app.addRecentDocument(file);
  }

  async function openBoard(file: string): Promise<void> {
    if (!core) return; // quitting
    // Every board opened gets its rolling daily backup (kept beside it, newest 10).
    const r = await core.open(file, backupOptions());
    const opened = r.ok ? r.value.file : await offerRestore(file, r.error);
    if (!opened) return;
    remember(opened);
    Menu.setApplicationMenu(buildMenu());
    if (win) {
      win.webContents.reload();
      focusWindow();
    } else {
      createWindow();
    }
  }

  async function chooseBoard(): Promise<void> {
    const opts = {
      title: 'Open board',
      properties: ['openFile' as const],
      filters: [{ name: 'CPB board', extensions: ['cpb'] }],
    };
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    const file = r.filePaths[0];
    if (!r.canceled && file) await openBoard(file);
  }

  /** File › New board from template…: choose a template, choose where to save, then open the new board. */
  async function newBoardFromTemplate(): Promise<void> {
    const listed = (await theCore().call('board.templates', {})) as ApiResult<ApiOutput<'board.templates'>>;
    if (!listed.ok) {
      await showError('CPB could not list the templates', listed.error.message);
      return;
    }
    const list = listed.value;
    const choose = {
      type: 'question' as const,
      title: 'New board from template',
      message: 'Which template should the new board start from?',
      detail: list.map((t) => `${t.label}: ${t.description}`).join('\n\n'),
      buttons: [...list.map((t) => t.label.split(' — ')[0]!), 'Cancel'],
      cancelId: list.length,
      defaultId: 0,
    };
    const picked = win ? await dialog.showMessageBox(win, choose) : await dialog.showMessageBox(choose);
    const t = list[picked.response];
    if (!t) return;
    const opts = {
      title: 'Save the new board as',
      defaultPath: path.join(app.getPath('documents'), 'Corporate Parenting Board.cpb'),
      filters: [{ name: 'CPB board', extensions: ['cpb'] }],
      properties: ['createDirectory' as const],
    };
    const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
    if (r.canceled || !r.filePath) return;
    const file = /\.cpb$/i.test(r.filePath) ? r.filePath : `${r.filePath}.cpb`;
    if (existsSync(file)) {
      await showError(
        'CPB could not create the board',
        `${file} already exists; CPB will not overwrite a board file. Choose another name.`,
      );
      return;
    }
    const made = await theCore().call('board.createFromTemplate', { file, template: t.name });
    if (!made.ok) {
      await showError('CPB could not create the board', made.error.message);
      return;
    }
    await openBoard(file);
  }

  /**
   * A board that cannot be opened is never written to. Where the file itself is unusable (damaged,
   * or not a board any more; not when it is read-only, in use or refused) and a sound backup exists, offer to restore it (the damaged
   * file is kept aside). Resolves to the restored board's path once it is open.
   */
  async function offerRestore(
    file: string,
    error: { code: string; message: string },
  ): Promise<string | null> {
    const problem = error.message;
    const found = backupIsTheAdvice(error.code)
      ? await theCore().board('newestSoundBackup', { file, ...backupDirOption() })
      : null;
    const backup = found?.ok ? found.value.backup : null;
    if (!backup) {
      await showError('CPB could not open the board file', problem);
      return null;
    }
    const opts = {
      type: 'warning' as const,
      title: 'CPB could not open the board file',
      message: 'CPB could not open the board file',
      detail: `${problem}\n\nThe newest sound backup is ${path.basename(backup)}. Restoring it keeps the damaged file aside, renamed, so nothing is deleted.`,
      buttons: ['Restore the backup', 'Cancel'],
      defaultId: 0,
      cancelId: 1,
    };
    const choice = win ? await dialog.showMessageBox(win, opts) : await dialog.showMessageBox(opts);
    if (choice.response !== 0) return null;
    const restored = await theCore().board('restore', { backup, file, ...backupOptions() });
    if (!restored.ok) {
      await showError('CPB could not restore the backup', restored.error.message);
      return null;
    }
    return restored.value.file;
  }

  function backupDirOption(): { backupDir?: string } {
    return settings.backupFolder ? { backupDir: settings.backupFolder } : {};
  }

  async function showError(title: string, message: string): Promise<void> {
    const opts = { type: 'error' as const, title, message: title, detail: message, buttons: ['OK'] };
    if (win) await dialog.showMessageBox(win, opts);
    else await dialog.showMessageBox(opts);
  }

  // ---------------------------------------------------------------------------------------------
  // IPC: one channel per API method, save-document and open-paper; each answers only the CPB window.

  function trusted(event: { senderFrame?: { url: string } | null }): boolean {
    return isTrustedSender(event.senderFrame?.url, rendererIndexUrl);
  }

  function registerIpc(c: PortCoreClient): void {
    registerRelay(ipcMain, { core: c, trusted, chooseSaveTarget });

    ipcMain.handle(IPC.openPaper, async (event: IpcMainInvokeEvent, ref: unknown) => {
      if (!trusted(event)) return refused();
      return openPaper(ref);
    });
    ipcMain.handle(IPC.openChairDisplay, (event: IpcMainInvokeEvent, meetingId: unknown) => {
      if (!trusted(event)) return refused();
      return openChairDisplay(meetingId);
    });
    ipcMain.handle(IPC.getSettings, (event: IpcMainInvokeEvent) =>
      trusted(event) ? getSettings() : refused(),
    );
    ipcMain.handle(IPC.chooseFolder, (event: IpcMainInvokeEvent, title: unknown) =>
      trusted(event) ? chooseFolder(typeof title === 'string' ? title : 'Choose a folder') : refused(),
    );
    ipcMain.handle(IPC.saveSettings, (event: IpcMainInvokeEvent, input: unknown) =>
      trusted(event) ? saveSettings(input) : refused(),
    );
  }

  // The chair's display: one second window at a time, on the second screen when there is one.
  let chairWin: Electron.BrowserWindow | null = null;

  function openChairDisplay(meetingId: unknown): ApiResult<{ opened: boolean }> {
    const url = chairDisplayUrl(rendererIndexUrl, meetingId);
    if (!url) return fail('invalid_input', 'The chair’s display needs a meeting');
    if (chairWin && !chairWin.isDestroyed()) {
      void chairWin.loadURL(url);
      chairWin.focus();
      return { ok: true, value: { opened: true } };
    }
    const clerkDisplay = win ? screen.getDisplayMatching(win.getBounds()).id : null;
    const place = chairDisplayBounds(
      screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds })),
      clerkDisplay,
    );
    chairWin = new BrowserWindow({
      title: 'CPB — chair’s display',
      ...(place ? place.bounds : { width: 1280, height: 720 }),
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: webPreferencesFor(preloadPath),
    });
    chairWin.once('ready-to-show', () => {
      if (place?.fullScreen) chairWin?.setFullScreen(true);
      chairWin?.show();
    });
    chairWin.on('closed', () => {
      chairWin = null;
    });
    void chairWin.loadURL(url);
    return { ok: true, value: { opened: true } };
  }

  /** The save dialog for a document; the chosen path, or null when cancelled. */
  async function chooseSaveTarget(suggestedName: string): Promise<string | null> {
    const pdf = /\.pdf$/i.test(suggestedName);
    const opts = {
      title: 'Save document',
      defaultPath: path.join(app.getPath('documents'), safeFileName(suggestedName, pdf ? '.pdf' : '.docx')),
      filters: [pdf ? { name: 'PDF', extensions: ['pdf'] } : { name: 'Word document', extensions: ['docx'] }],
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    const choice = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
    return choice.canceled || !choice.filePath ? null : choice.filePath;
  }

  /**
   * Opens an agenda paper as ./papers decides: an https link in the system browser once the user has
   * seen its full address, a document with its app, any other file shown in its folder. A network
   * path's host was approved before anything here touches it (existsSync included).
   */
  async function openPaper(ref: unknown): Promise<ApiResult<{ opened: boolean }>> {
    const d = decidePaper(ref, { approvedHosts: settings.approvedPaperHosts });
    if (!d.ok) return fail('invalid_input', d.reason);
    try {
      if (d.action === 'browse') {
        const opts = {
          type: 'question' as const,
          title: 'Open a link',
          message: 'Open this address in your web browser?',
          detail: d.target,
          buttons: ['Open in browser', 'Cancel'],
          defaultId: 1,
          cancelId: 1,
        };
        const choice = win ? await dialog.showMessageBox(win, opts) : await dialog.showMessageBox(opts);
        if (choice.response !== 0) return { ok: true, value: { opened: false } };
        await shell.openExternal(d.target);
        return { ok: true, value: { opened: true } };
      }
      if (!existsSync(d.target)) {
        return fail(
          'not_found',
          `${d.target} cannot be found: it may have been moved, or the network drive is not connected`,
        );
      }
      if (d.action === 'reveal') {
        shell.showItemInFolder(d.target);
        return fail('invalid_input', `${d.reason}. ${path.basename(d.target)} is shown in its folder.`);
      }
      const problem = await shell.openPath(d.target);
      if (problem) return fail('unavailable', `Could not open ${path.basename(d.target)}: ${problem}`);
      return { ok: true, value: { opened: true } };
    } catch (e) {
      return fail('unavailable', `Could not open the paper: ${(e as Error).message ?? String(e)}`);
    }
  }

  async function chooseFolder(title: string): Promise<ApiResult<{ folder: string | null }>> {
    const opts = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    return { ok: true, value: { folder: r.canceled ? null : (r.filePaths[0] ?? null) } };
  }

  function getSettings(): ApiResult<DesktopSettings> {
    return { ok: true, value: settings };
  }

  function saveSettings(input: unknown): ApiResult<DesktopSettings> {
    const parsed = desktopSettingsSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return fail('invalid_input', `${settingLabel(String(issue.path[0] ?? ''))}: ${issue.message}`);
    }
    const next = parsed.data;
    if (next.backupFolder !== null && !path.isAbsolute(next.backupFolder))
      return fail(
        'invalid_input',
        'Backup folder: give the full path of a folder, for example C:\\Backups\\CPB',
      );
    try {
      saveDesktopSettings(userData(), next);
    } catch (e) {
      return fail('unavailable', `Your settings could not be saved: ${(e as Error).message}`);
    }
    settings = next;
    nativeTheme.themeSource = next.theme;
    return { ok: true, value: next };
  }

  // ---------------------------------------------------------------------------------------------
  // Menu (en-GB labels)

  function buildMenu(): Electron.Menu {
    const isMac = options.platform === 'darwin';
    const recentItems: MenuItemConstructorOptions[] = recent.length
      ? [
          ...recent.map((file) => ({
            label: path.basename(file),
            sublabel: file,
            click: () => void openBoard(file),
          })),
          { type: 'separator' as const },
          {
            label: 'Clear recent boards',
            click: () => {
              recent = [];
              saveRecentBoards(userData(), recent);
              app.clearRecentDocuments();
              Menu.setApplicationMenu(buildMenu());
            },
          },
        ]
      : [{ label: 'No recent boards', enabled: false }];

    const template: MenuItemConstructorOptions[] = [
      ...(isMac ? [{ role: 'appMenu' as const, label: 'CPB' }] : []),
      {
        label: 'File',
        submenu: [
          {
            label: 'New board from template…',
            accelerator: 'CmdOrCtrl+N',
            click: () => void newBoardFromTemplate(),
          },
          { label: 'Open board…', accelerator: 'CmdOrCtrl+O', click: () => void chooseBoard() },
          { label: 'Open recent', submenu: recentItems },
          ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: 'Quit' }]),
        ],
      },
      {
        label: 'Edit',
        submenu: [
          { role: 'undo', label: 'Undo' },
          { role: 'redo', label: 'Redo' },
          { type: 'separator' },
          { role: 'cut', label: 'Cut' },
          { role: 'copy', label: 'Copy' },
          { role: 'paste', label: 'Paste' },
          { role: 'delete', label: 'Delete' },
          { type: 'separator' },
          { role: 'selectAll', label: 'Select all' },
        ],
      },
      {
        label: 'View',
        submenu: [
          { role: 'reload', label: 'Reload' },
          { type: 'separator' },
          { role: 'resetZoom', label: 'Actual size' },
          { role: 'zoomIn', label: 'Zoom in' },
          { role: 'zoomOut', label: 'Zoom out' },
          { type: 'separator' },
          { role: 'togglefullscreen', label: 'Full screen' },
          ...(app.isPackaged
            ? []
            : [
                { type: 'separator' as const },
                { role: 'toggleDevTools' as const, label: 'Developer tools' },
              ]),
        ],
      },
      {
        role: 'help',
        label: 'Help',
        submenu: [
          {
            label: 'About CPB',
            click: () => {
              const detail = [
                `Version ${app.getVersion()}`,
                'The Corporate Parenting Board app',
                '',
                `Board file: ${boardFile ?? 'none open'}`,
              ].join('\n');
              const opts = {
                type: 'info' as const,
                title: 'About CPB',
                message: 'CPB',
                detail,
                buttons: ['OK'],
              };
              void (win ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts));
            },
          },
        ],
      },
    ];
    return Menu.buildFromTemplate(template);
  }

  return {
    started,
    boardFile: () => boardFile,
    window: () => win,
    settings: () => settings,
  };
}
