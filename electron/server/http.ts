import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
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

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

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

const csp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Browser mode: the built renderer and the same API table over loopback HTTP.
 * 127.0.0.1 only; a per-launch token (URL → cookie, or X-CPB-Token header); Host and Origin checked.
 */
export function startBrowserServer(opts: {
  /** The core, on its own thread: the server only relays calls to it. */
  core: CoreClient;
  rendererDir: string;
  port?: number;
  token?: string;
}): Promise<BrowserServer> {
  const token = opts.token ?? newToken();
  const root = path.resolve(opts.rendererDir);
  let port = opts.port ?? 0;
  const cookieName = () => `cpb_token_${port}`;
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

    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const given =
      (req.headers['x-cpb-token'] as string | undefined) ??
      url.searchParams.get('token') ??
      cookieValue(req.headers.cookie, cookieName());
    if (!sameToken(given ?? undefined, token)) {
      return send(
        res,
        401,
        'Unauthorised: open CPB with the address printed when browser mode started (it carries a token).',
      );
    }
    const setCookie = { 'Set-Cookie': `${cookieName()}=${token}; Path=/; HttpOnly; SameSite=Strict` };

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST', { Allow: 'POST' });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY)
          return send(res, 413, {
            ok: false,
            error: { code: 'invalid_input', message: 'Request too large' },
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
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const result = await opts.core.call(method, input);
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
    let rel = decodeURIComponent(url.pathname);
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
      ...setCookie,
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
