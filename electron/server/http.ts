import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { importLimits, megabytes } from '../../shared/domain/import-limits';
import type { CoreClient } from '../core/client/core-client';

const MAX_BODY = 64 * 1024 * 1024; // spreadsheets arrive base64-encoded in the body

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.json': 'application/json',
};

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** decodeURIComponent, or null for malformed percent-encoding (a 400, not a URIError). */
function decoded(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

const badUrl = {
  ok: false,
  error: { code: 'invalid_input', message: 'The address is not written correctly (malformed % encoding)' },
} as const;

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type':
      typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** API methods that create a file at a path given in their input, and the field that holds it. */
const createsFile: Record<string, string> = { 'board.createFromTemplate': 'file' };

/**
 * A browser-mode call that would create a file outside the boards folder, refused. The message is
 * the same whether or not the path (or its folder) exists, so it tells nothing about the disk; the
 * folder is compared after resolving links, so a link inside it cannot lead out.
 */
function fileOutside(method: string, input: unknown, boardsDir: string) {
  const field = createsFile[method];
  const given = field ? (input as Record<string, unknown> | null)?.[field] : undefined;
  if (typeof given !== 'string') return null; // the core's own checks answer a missing or odd field
  const refusal = {
    ok: false,
    error: {
      code: 'invalid_input',
      message: `${field}: in browser mode a new board file can only be created in ${boardsDir} (the folder named when browser mode started; another is chosen with --boards-dir)`,
      issues: [{ path: field, message: `must be in ${boardsDir}` }],
    },
  } as const;
  let allowed: string;
  try {
    allowed = realpathSync(boardsDir);
  } catch {
    return refusal;
  }
  const target = path.resolve(allowed, given);
  let folder: string;
  try {
    folder = realpathSync(path.dirname(target));
  } catch {
    return refusal;
  }
  if (folder !== allowed && !folder.startsWith(allowed + path.sep)) return refusal;
  try {
    if (lstatSync(target).isSymbolicLink()) return refusal; // never write through a link
  } catch {
    // no such file yet: as it should be
  }
  return null;
}

const csp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Browser mode: the built renderer and the same API table over loopback HTTP.
 * 127.0.0.1 only; Host and Origin checked. Every API call carries the per-launch token in the
 * X-CPB-Token header: the page takes it from the printed address and keeps it in the page's own
 * storage, which is scoped to this origin (port included). It is never a cookie: a browser sends
 * cookies for 127.0.0.1 to every port, so any other local server would receive it. The page and its
 * scripts hold no board data and are served without it.
 */
export function startBrowserServer(opts: {
  /** The core, on its own thread: the server only relays calls to it. */
  core: CoreClient;
  rendererDir: string;
  port?: number;
  token?: string;
  /**
   * The folder the user named when starting browser mode (--boards-dir; by default the open
   * board's folder): the only place a method that creates a file may create one.
   */
  boardsDir: string;
}): Promise<BrowserServer> {
  const token = opts.token ?? newToken();
  const root = path.resolve(opts.rendererDir);
  let port = opts.port ?? 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e) =>
      send(res, 500, { ok: false, error: { code: 'internal', message: String(e) } }),
    );
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Host check defeats DNS rebinding; Origin check defeats other sites posting to us.
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, 'Forbidden: wrong Host');
    const origin = req.headers.origin;
    if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, '')))
      return send(res, 403, 'Forbidden: wrong Origin');

    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return send(res, 400, badUrl);
    }

    if (url.pathname.startsWith('/api/')) {
      const given = req.headers['x-cpb-token'];
      if (!sameToken(typeof given === 'string' ? given : undefined, token)) {
        return send(
          res,
          401,
          'Unauthorised: open CPB with the address printed when browser mode started (it carries a token).',
        );
      }
      if (req.method !== 'POST') return send(res, 405, 'Use POST', { Allow: 'POST' });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY)
          return send(res, 413, {
            ok: false,
            error: {
              code: 'invalid_input',
              message: `The request is too large: the limit is ${MAX_BODY / (1024 * 1024)} MB (a spreadsheet to import may be at most ${megabytes(importLimits.fileBytes)})`,
            },
          });
        chunks.push(chunk as Buffer);
      }
      let input: unknown = {};
      const raw = Buffer.concat(chunks).toString('utf8');
      if (raw.trim()) {
        try {
          input = JSON.parse(raw);
        } catch {
          return send(res, 400, {
            ok: false,
            error: { code: 'invalid_input', message: 'The request body is not valid JSON' },
          });
        }
      }
      const method = decoded(url.pathname.slice('/api/'.length));
      if (method === null) return send(res, 400, badUrl);
      // The person using this browser (asked on first use); the core checks and bounds it.
      const actorHeader = req.headers['x-cpb-actor'];
      let actor: string | undefined;
      if (typeof actorHeader === 'string' && actorHeader !== '') {
        try {
          actor = decodeURIComponent(actorHeader);
        } catch {
          return send(res, 400, {
            ok: false,
            error: { code: 'invalid_input', message: 'The person using CPB is not written correctly' },
          });
        }
      }
      const outside = fileOutside(method, input, opts.boardsDir);
      if (outside) return send(res, 400, outside);
      const result = await opts.core.call(method, input, actor);
      const status = result.ok
        ? 200
        : result.error.code === 'unknown_method'
          ? 404
          : result.error.code === 'internal'
            ? 500
            : 400;
      return send(res, status, result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    let rel = decoded(url.pathname);
    if (rel === null) return send(res, 400, 'Bad request: the address is not written correctly');
    if (rel === '/' || !path.extname(rel)) rel = '/index.html'; // client-side routes
    const file = path.resolve(root, `.${rel}`);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile())
      return send(res, 404, 'Not found');
    res.writeHead(200, {
      'Content-Type': mime[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
