// The renderer's own scheme, cpb-app://app/…, kept pure (no `electron` import) so it is unit-tested
// under plain Node. Electron recommends a custom protocol over file:// (security checklist, item 18):
// the page gets a real origin, no file:// privileges, and the CSP arrives as a real header.
import path from 'node:path';
import { contentSecurityPolicy } from './security';

export const APP_SCHEME = 'cpb-app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The window loads this; the router's routes follow the '#'. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The privileges protocol.registerSchemesAsPrivileged gives the scheme before the app is ready:
 * standard (real origin, relative URLs resolve), secure (like https, so the page is a secure
 * context), fetch and code cache for the bundle. No CORS bypass, no service workers, no streaming.
 */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    corsEnabled: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
  },
} as const;

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppRequest =
  { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Which file under the renderer folder a cpb-app:// request names. Anything that is not the app's
 * own host, that climbs out of the folder, carries a NUL or a type the app does not ship is refused.
 */
export function resolveAppRequest(url: string, rendererDir: string): AppRequest {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password)
    return { ok: false, status: 403 };
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (rel.includes('\0') || rel.includes('\\')) return { ok: false, status: 400 };
  if (rel === '/' || rel === '') rel = '/index.html';
  const segments = rel.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { ok: false, status: 403 };
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  if (file !== root && !file.startsWith(root + path.sep)) return { ok: false, status: 403 };
  const contentType = contentTypes[path.extname(file).toLowerCase()];
  if (!contentType) return { ok: false, status: 404 };
  return { ok: true, file, contentType };
}

/** Headers on every answer: the CSP as a real header (frame-ancestors only works there). */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}
