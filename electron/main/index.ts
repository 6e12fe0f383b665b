// Electron main process: app lifecycle, the window, menus, dialogs and IPC wiring — nothing else.
// Every API call goes through core/dispatch; every security setting comes from ./security.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  screen,
  session as electronSession,
  shell,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
} from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { methodNames, type ApiErrorShape, type ApiResult } from '../../shared/api';
import { IPC, methodChannel, type SaveDocumentRequest } from '../../shared/api/bridge';
import { ensureDefaultBoard } from '../core/demo/file';
import { toApiError } from '../core/dispatch';
import { dispatchOffloaded } from '../core/worker/offload';
import { Session } from '../core/session';
import { createBoardFromTemplate, templateList } from '../core/templates';
import { autoBackup, newestSoundBackup, restoreBoard } from '../core/services/backup';
import { SafeWriteError, writeFileSafe } from '../core/exports/write-file';
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

const board = new Session();
let win: BrowserWindow | null = null;
let pendingFile: string | null = null; // a file named before the app was ready (macOS open-file)
let recent: string[] = [];

const fail = (code: ApiErrorShape['code'], message: string): ApiResult<never> => ({
  ok: false,
  error: { code, message },
});
const refused = () => fail('internal', 'Refused: not the CPB window');

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
  registerIpc();
  recent = loadRecentBoards(userData());

  const requested = pendingFile ?? boardFileFromArgv(process.argv, process.cwd());
  pendingFile = null;
  let file: string;
  try {
    file = requested ?? ensureDefaultBoard(userData());
    board.open(file);
  } catch (e) {
    const message = toApiError(e).message;
    if (!requested) {
      dialog.showErrorBox(
        'CPB could not start',
        `The demo board could not be created or opened.\n\n${message}`,
      );
      app.exit(1);
      return;
    }
    if (await offerRestore(requested, message)) {
      remember(board.file);
      createWindow();
      return;
    }
    dialog.showErrorBox(
      'CPB could not open the board file',
      `${message}\n\nCPB will open the demo board instead.`,
    );
    try {
      file = ensureDefaultBoard(userData());
      board.open(file);
    } catch (e2) {
      dialog.showErrorBox('CPB could not start', toApiError(e2).message);
      app.exit(1);
      return;
    }
  }
  remember(board.file);
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
  if (app.isReady() && !win && board.isOpen) createWindow();
});
app.on('before-quit', () => {
  board.close(); // closing checkpoints the WAL into the board file
});

// ---------------------------------------------------------------------------------------------
// Boards

function remember(file: string): void {
  // Every board opened gets its rolling daily backup (kept beside it, newest 10).
  void autoBackup(file).catch(() => undefined);
  recent = withRecent(recent, file);
  saveRecentBoards(userData(), recent);
  app.addRecentDocument(file);
}

async function openBoard(file: string): Promise<void> {
  try {
    board.open(file);
  } catch (e) {
    if (!(await offerRestore(file, toApiError(e).message))) return;
  }
  remember(board.file);
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
  const list = templateList();
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
  try {
    createBoardFromTemplate(file, t.name, { actor: board.isOpen ? board.ctx().actor : 'CPB' });
  } catch (e) {
    await showError('CPB could not create the board', toApiError(e).message);
    return;
  }
  await openBoard(file);
}

/**
 * A board that cannot be opened is never written to. Where a sound backup exists, offer to restore
 * it (the damaged file is kept aside). Resolves true when the restored board is open.
 */
async function offerRestore(file: string, problem: string): Promise<boolean> {
  const backup = newestSoundBackup(file);
  if (!backup) {
    await showError('CPB could not open the board file', problem);
    return false;
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
  if (choice.response !== 0) return false;
  try {
    restoreBoard(backup, file);
    board.open(file);
    return true;
  } catch (e) {
    await showError('CPB could not restore the backup', toApiError(e).message);
    return false;
  }
}

async function showError(title: string, message: string): Promise<void> {
  const opts = { type: 'error' as const, title, message: title, detail: message, buttons: ['OK'] };
  if (win) await dialog.showMessageBox(win, opts);
  else await dialog.showMessageBox(opts);
}

// ---------------------------------------------------------------------------------------------
// IPC: three channels, each answering only the CPB window.

function trusted(event: IpcMainInvokeEvent): boolean {
  return isTrustedSender(event.senderFrame?.url, rendererIndexUrl);
}

function registerIpc(): void {
  // One handler per API method; input is validated against the contract inside dispatch.
  for (const method of methodNames) {
    ipcMain.handle(methodChannel(method), async (event, input: unknown) => {
      if (!trusted(event)) return refused();
      return dispatchOffloaded(board, method, input);
    });
  }

  ipcMain.handle(IPC.saveDocument, async (event, req: unknown) => {
    if (!trusted(event)) return refused();
    return saveDocument(req);
  });

  ipcMain.handle(IPC.openPaper, async (event, ref: unknown) => {
    if (!trusted(event)) return refused();
    return openPaper(ref);
  });
}

function isSaveRequest(v: unknown): v is SaveDocumentRequest {
  const r = v as Partial<SaveDocumentRequest> | null;
  return (
    typeof r === 'object' && r !== null && typeof r.suggestedName === 'string' && typeof r.method === 'string'
  );
}

async function saveDocument(req: unknown): Promise<ApiResult<{ saved: boolean; path: string | null }>> {
  if (!isSaveRequest(req))
    return fail('invalid_input', 'saveDocument needs { suggestedName, method, input }');
  const opts = {
    title: 'Save document',
    defaultPath: path.join(app.getPath('documents'), safeFileName(req.suggestedName, '.docx')),
    filters: [{ name: 'Word document', extensions: ['docx'] }],
    properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
  };
  const choice = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
  if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false, path: null } };
  const target = /\.docx$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.docx`;

  const made = await dispatchOffloaded(board, req.method, req.input);
  if (!made.ok) return made;
  const doc = made.value as { fileName?: unknown; dataBase64?: unknown } | null;
  if (typeof doc !== 'object' || doc === null || typeof doc.dataBase64 !== 'string') {
    return fail('internal', `${req.method} did not produce a document`);
  }
  try {
    writeFileSafe(target, Buffer.from(doc.dataBase64, 'base64'));
  } catch (e) {
    return fail(
      'unavailable',
      e instanceof SafeWriteError ? e.message : `Could not save ${path.basename(target)}: ${String(e)}`,
    );
  }
  return { ok: true, value: { saved: true, path: target } };
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
              `Board file: ${board.isOpen ? board.file : 'none open'}`,
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
