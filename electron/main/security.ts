// The Electron window's security settings, kept pure (no `electron` import) so they are unit-tested
// under plain Node. electron/main/index.ts applies them; nothing here has side effects.

/**
 * Content Security Policy for the renderer. Applied twice: as a response header by the main
 * process and as the <meta> tag in renderer/index.html (file:// responses do not reliably pass
 * through webRequest, so the meta tag is the one that always holds; `frame-ancestors` only works
 * as a header).
 *
 * style-src allows 'unsafe-inline' because React sets `style` attributes (React Aria positions
 * popovers, menus and tooltips with inline styles, and chart/table widths are inline too); without
 * it those elements render in the wrong place. Scripts stay 'self' only: no 'unsafe-inline', no
 * 'unsafe-eval', so injected markup cannot run code.
 */
export const cspDirectives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const contentSecurityPolicy: string = Object.entries(cspDirectives)
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join('; ');

/** The BrowserWindow's webPreferences: isolated, sandboxed, no Node in the page. */
export function webPreferencesFor(preloadPath: string) {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    preload: preloadPath,
  } as const;
}

/** The file-system path a file:// URL names, decoded, with a Windows drive letter in lower case. */
function fileUrlPath(u: URL): string | null {
  let p: string;
  try {
    p = decodeURIComponent(u.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (p.includes('\0')) return null;
  return p.replace(/^\/([A-Za-z]):/, (_m, d: string) => `/${d.toLowerCase()}:`);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for the app's own renderer page: the same file:// index.html the window loaded, with
 * any #hash (the router's), and no query string or other host.
 */
export function isAppUrl(url: string, rendererIndexUrl: string): boolean {
  const u = parse(url);
  const app = parse(rendererIndexUrl);
  if (!u || !app || u.protocol !== 'file:' || app.protocol !== 'file:') return false;
  if (u.host !== app.host || u.search !== '' || u.username !== '' || u.password !== '') return false;
  const a = fileUrlPath(u);
  const b = fileUrlPath(app);
  return a !== null && a === b;
}

/** IPC is answered only when it comes from a frame showing the app's own page. */
export function isTrustedSender(frameUrl: string | undefined, rendererIndexUrl: string): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl, rendererIndexUrl);
}

/**
 * Requests the renderer may make at all: its own files (under the renderer folder), data:/blob:
 * images and DevTools. Everything else (http, https, ws, other files) is cancelled, so the window
 * never shows remote content even if something tried to load it.
 */
export function isAllowedRequest(url: string, rendererDirUrl: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:') return true;
  if (u.protocol !== 'file:') return false;
  const dir = parse(rendererDirUrl.endsWith('/') ? rendererDirUrl : `${rendererDirUrl}/`);
  if (!dir || dir.protocol !== 'file:' || u.host !== dir.host) return false;
  const p = fileUrlPath(u);
  const d = fileUrlPath(dir);
  if (p === null || d === null) return false;
  if (p.split('/').includes('..')) return false;
  return p.startsWith(d);
}

/** File types that run code when "opened"; an agenda paper is never one of these. */
export const blockedPaperExtensions: readonly string[] = [
  // named in the brief
  '.exe',
  '.bat',
  '.cmd',
  '.com',
  '.msi',
  '.ps1',
  '.sh',
  '.js',
  '.vbs',
  '.scr',
  '.jar',
  '.app',
  // other types Windows, macOS or Linux will run or install when opened
  '.lnk',
  '.url',
  '.pif',
  '.hta',
  '.cpl',
  '.msc',
  '.msp',
  '.wsf',
  '.wsh',
  '.jse',
  '.vbe',
  '.psm1',
  '.reg',
  '.scf',
  '.appref-ms',
  '.command',
  '.desktop',
  '.appimage',
  '.run',
  '.pkg',
];

export type PaperRefCheck =
  { ok: true; kind: 'https' | 'file'; target: string } | { ok: false; reason: string };

function blockedExtension(p: string): string | null {
  // Windows ignores trailing dots and spaces ("report.exe. " runs report.exe); a .app is a folder.
  const last =
    p
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() ?? '';
  const name = last.replace(/[. ]+$/, '').toLowerCase();
  return blockedPaperExtensions.find((ext) => name.endsWith(ext)) ?? null;
}

function refuseProgram(ext: string): PaperRefCheck {
  return { ok: false, reason: `CPB does not open ${ext} files: it is a program or script, not a paper` };
}

function checkPath(p: string): PaperRefCheck {
  const ext = blockedExtension(p);
  if (ext) return refuseProgram(ext);
  return { ok: true, kind: 'file', target: p };
}

/** A file:// URL as a path (POSIX, Windows drive or UNC), or null when it is not a plain one. */
function pathFromFileUrl(u: URL): string | null {
  const p = fileUrlPath(u);
  if (p === null) return null;
  if (u.host !== '' && u.host !== 'localhost') return `\\\\${u.host}${p.replace(/\//g, '\\')}`; // UNC
  const drive = /^\/([a-z]:)(\/.*)?$/.exec(p);
  if (drive) return `${drive[1]!.toUpperCase()}${(drive[2] ?? '\\').replace(/\//g, '\\')}`;
  return p;
}

/**
 * Decides whether an agenda paper reference may be handed to the operating system.
 * Allowed: https:// links, and absolute file paths (C:\…, \\server\share\…, /…) that are not
 * programs. Refused: everything else (http, javascript:, relative paths, executables…).
 */
export function paperRefAllowed(ref: string): PaperRefCheck {
  if (typeof ref !== 'string') return { ok: false, reason: 'A paper must be a link or a file path' };
  const s = ref.trim();
  if (s === '') return { ok: false, reason: 'The paper has no link or file path' };
  if (s.length > 2048) return { ok: false, reason: 'The link or path is too long' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(s))
    return { ok: false, reason: 'The link or path contains control characters' };

  // Absolute Windows paths first: "C:\…" would otherwise look like a URL scheme "c:".
  if (/^[A-Za-z]:[\\/]/.test(s)) return checkPath(s);
  if (/^[\\/][\\/][?.][\\/]/.test(s))
    return { ok: false, reason: 'Device paths (\\\\?\\ or \\\\.\\) are not opened' };
  if (/^\\\\[^\\/?*:|"<>]+[\\/][^\\/]+/.test(s)) return checkPath(s);
  if (s.startsWith('/') && !s.startsWith('//')) return checkPath(s);

  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(s)?.[1]?.toLowerCase();
  if (scheme === 'https') {
    const u = parse(s);
    if (!u || u.protocol !== 'https:' || u.hostname === '')
      return { ok: false, reason: 'That https:// link is not a valid address' };
    if (u.username !== '' || u.password !== '') {
      return { ok: false, reason: 'Links with a user name or password in them are not opened' };
    }
    const ext = blockedExtension(u.pathname);
    if (ext) return refuseProgram(ext);
    return { ok: true, kind: 'https', target: u.href };
  }
  if (scheme === 'http')
    return { ok: false, reason: 'Only secure links (https://) are opened; this one is http://' };
  if (scheme === 'file') {
    const u = parse(s);
    if (!u || u.protocol !== 'file:') return { ok: false, reason: 'That file:// link is not valid' };
    if (u.search !== '' || u.hash !== '' || u.username !== '' || u.password !== '') {
      return {
        ok: false,
        reason: 'file:// links with ?, # or a user name in them are not opened; give the file path instead',
      };
    }
    const p = pathFromFileUrl(u);
    if (p === null || p === '/' || p.split(/[\\/]/).includes('..')) {
      return { ok: false, reason: 'That file:// link does not name a file' };
    }
    return checkPath(p);
  }
  if (scheme !== undefined) {
    return {
      ok: false,
      reason: `${scheme}: links are not opened; a paper must be an https:// link or a file path`,
    };
  }
  return {
    ok: false,
    reason:
      'A file path must be absolute (for example C:\\Papers\\report.pdf or \\\\server\\share\\report.pdf), not relative',
  };
}
