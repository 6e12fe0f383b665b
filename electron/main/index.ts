// Electron main process: app lifecycle, the window, menus, dialogs and IPC wiring — nothing else.
// The board is never opened here: the core runs in a utility process (./utility-core) and every API
// call is relayed to it (./relay). Every security setting comes from ./security.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  screen,
  session as electronSession,
  shell,
  utilityProcess,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
} from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApiOutput, ApiResult } from '../../shared/api';
import { IPC } from '../../shared/api/bridge';
import type { PortCoreClient } from '../core/client/core-client';
import { chairDisplayBounds, chairDisplayUrl } from './chair-display';
import { fail, refused, registerRelay } from './relay';
import { startUtilityCore } from './utility-core';
import {
  contentSecurityPolicy,
  isAllowedRequest,
  isAppUrl,
  isTrustedSender,
  paperRefAllowed,
  webPreferencesFor,
} from './security';
import {
  boardFileFromArgv,
  fitToDisplays,
  loadRecentBoards,
  loadWindowState,
  safeFileName,
  saveRecentBoards,
  saveWindowState,
  withRecent,
  type WindowState,
} from './window-state';

// At runtime this file is dist/main.cjs: the preload and the renderer build sit beside it.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererIndex = path.join(__dirname, 'renderer', 'index.html');
const rendererIndexUrl = pathToFileURL(rendererIndex).href;
const rendererDirUrl = pathToFileURL(path.dirname(rendererIndex)).href;

let core: PortCoreClient | null = null; // started once the app is ready
let coreClosed = false;
let boardFile: string | null = null; // the board the core has open
let win: BrowserWindow | null = null;
let pendingFile: string | null = null; // a file named before the app was ready (macOS open-file)
let recent: string[] = [];

function userData(): string {
  return app.getPath('userData');
}

// ---------------------------------------------------------------------------------------------
// Single instance: a second launch hands its file to this one and quits.

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = boardFileFromArgv(argv, workingDirectory);
    focusWindow();
    if (file) void openBoard(file);
  });
  app.on('open-file', (event, file) => {
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
    });
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
  hardenSession();
  let c: PortCoreClient;
  try {
    c = core = startUtilityCore(utilityProcess);
  } catch (e) {
    dialog.showErrorBox('CPB could not start', (e as Error).message);
    app.exit(1);
    return;
  }
  registerIpc(c);
  recent = loadRecentBoards(userData());

  const requested = pendingFile ?? boardFileFromArgv(process.argv, process.cwd());
  pendingFile = null;
  if (requested) {
    const r = await c.open(requested, { autoBackup: true });
    const file = r.ok ? r.value.file : await offerRestore(requested, r.error.message);
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
  const r = demo.ok ? await c.open(demo.value.file, { autoBackup: true }) : demo;
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

function hardenSession(): void {
  const ses = electronSession.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // No remote content: only the renderer's own files, data:/blob: images and DevTools load.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, rendererDirUrl) });
  });
  // The renderer's <meta> CSP always applies; this adds the header where Chromium passes one.
  // (Only on the app's own files: DevTools pages bring their own policy.)
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!details.url.startsWith('file:')) return callback({});
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
  try {
    ses.setSpellCheckerLanguages(['en-GB']); // a no-op on macOS, which uses the system's
  } catch {
    // the language is not available on this machine: keep Chromium's default
  }
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => {
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
  void win.loadFile(rendererIndex);
}

function currentState(w: BrowserWindow): WindowState {
  const b = w.getNormalBounds(); // the size to restore to, even when maximised
  return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: w.isMaximized() };
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
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
  const r = await core.open(file, { autoBackup: true });
  const opened = r.ok ? r.value.file : await offerRestore(file, r.error.message);
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
 * A board that cannot be opened is never written to. Where a sound backup exists, offer to restore
 * it (the damaged file is kept aside). Resolves to the restored board's path once it is open.
 */
async function offerRestore(file: string, problem: string): Promise<string | null> {
  const found = await theCore().board('newestSoundBackup', { file });
  const backup = found.ok ? found.value.backup : null;
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
  const restored = await theCore().board('restore', { backup, file, autoBackup: true });
  if (!restored.ok) {
    await showError('CPB could not restore the backup', restored.error.message);
    return null;
  }
  return restored.value.file;
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
}

// The chair's display: one second window at a time, on the second screen when there is one.
let chairWin: BrowserWindow | null = null;

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

async function openPaper(ref: unknown): Promise<ApiResult<{ opened: boolean }>> {
  if (typeof ref !== 'string') return fail('invalid_input', 'A paper must be a link or a file path');
  const check = paperRefAllowed(ref);
  if (!check.ok) return fail('invalid_input', check.reason);
  try {
    if (check.kind === 'https') {
      await shell.openExternal(check.target);
      return { ok: true, value: { opened: true } };
    }
    if (!existsSync(check.target)) {
      return fail(
        'not_found',
        `${check.target} cannot be found: it may have been moved, or the network drive is not connected`,
      );
    }
    const problem = await shell.openPath(check.target);
    if (problem) return fail('unavailable', `Could not open ${path.basename(check.target)}: ${problem}`);
    return { ok: true, value: { opened: true } };
  } catch (e) {
    return fail('unavailable', `Could not open the paper: ${(e as Error).message ?? String(e)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Menu (en-GB labels)

function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
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
          : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const, label: 'Developer tools' }]),
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
