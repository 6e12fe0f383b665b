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

/** The schemes the renderer may be served from: the app's own (cpb-app:) and, in development, file:. */
const appProtocols = new Set(['cpb-app:', 'file:']);

/**
 * True only for the app's own renderer page: the same index.html the window loaded (cpb-app://app/
 * when packaged or started, file:// only if that is what it loaded), with any #hash (the router's),
 * and no query string, user name or other host.
 */
export function isAppUrl(url: string, rendererIndexUrl: string): boolean {
  const u = parse(url);
  const app = parse(rendererIndexUrl);
  if (!u || !app || !appProtocols.has(app.protocol) || u.protocol !== app.protocol) return false;
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
  const dir = parse(rendererDirUrl.endsWith('/') ? rendererDirUrl : `${rendererDirUrl}/`);
  if (!dir || !appProtocols.has(dir.protocol) || u.protocol !== dir.protocol || u.host !== dir.host)
    return false;
  const p = fileUrlPath(u);
  const d = fileUrlPath(dir);
  if (p === null || d === null) return false;
  if (p.split('/').includes('..')) return false;
  return p.startsWith(d);
}
