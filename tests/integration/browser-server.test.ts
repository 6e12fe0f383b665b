import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortCoreClient } from '../../electron/core/client/core-client';
import { startWorkerCore } from '../../electron/core/client/worker-endpoint';
import { startBrowserServer, type BrowserServer } from '../../electron/server/http';
import { demoSession, tempDir } from '../helpers';
import { buildCoreBundles } from '../support/core-bundles';

const { session, file } = demoSession();
session.close(); // the server's core opens the board on its own thread
let core: PortCoreClient;
let server: BrowserServer;
let base: string;
let boardsDir: string;

beforeAll(async () => {
  core = startWorkerCore({ dir: await buildCoreBundles() });
  await core.open(file);
  const rendererDir = path.join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>CPB</title>');
  boardsDir = path.join(tempDir(), 'boards');
  mkdirSync(boardsDir);
  server = await startBrowserServer({ core, rendererDir, port: 0, boardsDir });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await core.close();
});

const post = (method: string, headers: Record<string, string>, body: unknown = {}) =>
  fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('browser mode server', () => {
  it('binds to 127.0.0.1 and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses an API call without the token', async () => {
    const r = await post('app.info', {});
    expect(r.status).toBe(401);
    expect(await r.text()).toMatch(/token/);
  });

  it('refuses a wrong token', async () => {
    expect((await post('app.info', { 'X-CPB-Token': 'x'.repeat(server.token.length) })).status).toBe(401);
  });

  it('serves the page (no board data) without the token; the API still needs it', async () => {
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect((await post('app.info', {})).status).toBe(401);
  });

  it('takes the token only from the X-CPB-Token header: never a cookie, nor the address, for the API', async () => {
    // A cookie for 127.0.0.1 is sent to every port on it, so another local server would receive it.
    expect((await post('app.info', { Cookie: `cpb_token_${server.port}=${server.token}` })).status).toBe(401);
    const r = await fetch(`${base}/api/app.info?token=${server.token}`, { method: 'POST', body: '{}' });
    expect(r.status).toBe(401);
  });

  it('answers with the token, from the same handler table', async () => {
    const r = await post('app.info', { 'X-CPB-Token': server.token });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { ok: boolean; value: { authority: string } };
    expect(body).toMatchObject({ ok: true, value: { authority: 'Northshire County Council' } });
  });

  it('serves the page with the token in the URL, and sets no cookie', async () => {
    const r = await fetch(`${base}/?token=${server.token}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('set-cookie')).toBeNull();
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('checks Origin and Host', async () => {
    const evil = await post('app.info', { 'X-CPB-Token': server.token, Origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/',
          headers: { Host: 'evil.example', 'X-CPB-Token': server.token },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end();
    });
    expect(status).toBe(403);
  });

  it('returns a typed error for invalid input', async () => {
    const r = await post('app.info', { 'X-CPB-Token': server.token }, { stray: true });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('browser mode: malformed addresses (issue 12)', () => {
  it('answers malformed percent-encoding with 400, not a 500 URIError', async () => {
    const api = await post('%E0%A4%A', { 'X-CPB-Token': server.token });
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The address is not written correctly (malformed % encoding)',
      },
    });
    const page = await fetch(`${base}/%E0%A4%A.js`);
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/^Bad request/);
    expect((await fetch(`${base}/assets/%zz`)).status).toBe(400);
  });
});

describe('browser mode: new board files only in the boards folder (issue 12)', () => {
  const create = (file: string) =>
    post('board.createFromTemplate', { 'X-CPB-Token': server.token }, { template: 'blank', file });
  const refusal = (field = 'file') =>
    `${field}: in browser mode a new board file can only be created in ${boardsDir} (the folder named when browser mode started; another is chosen with --boards-dir)`;

  it('creates a board inside the folder', async () => {
    const file = path.join(boardsDir, 'New board.cpb');
    const r = await create(file);
    expect(r.status).toBe(200);
    expect(existsSync(file)).toBe(true);
  });

  it('refuses anywhere else with one message, whether or not the place exists (no existence oracle)', async () => {
    const elsewhere = tempDir();
    const cases = [
      path.join(elsewhere, 'x.cpb'), // a folder that exists
      path.join(elsewhere, 'no-such-folder', 'x.cpb'), // one that does not
      '/etc/x.cpb',
      '/no/such/place/x.cpb',
      path.join(boardsDir, '..', 'escape.cpb'),
      path.join(boardsDir, 'no-such-subfolder', 'x.cpb'),
    ];
    const messages = new Set<string>();
    for (const file of cases) {
      const r = await create(file);
      expect(r.status, file).toBe(400);
      const body = (await r.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_input');
      messages.add(body.error.message);
      expect(existsSync(file)).toBe(false);
    }
    expect([...messages]).toEqual([refusal()]);
  });

  it('does not follow a link inside the folder out of it', async () => {
    const outside = tempDir();
    symlinkSync(outside, path.join(boardsDir, 'link'));
    const r = await create(path.join(boardsDir, 'link', 'x.cpb'));
    expect(r.status).toBe(400);
    expect(existsSync(path.join(outside, 'x.cpb'))).toBe(false);
    symlinkSync(path.join(outside, 'target.cpb'), path.join(boardsDir, 'dangling.cpb'));
    expect((await create(path.join(boardsDir, 'dangling.cpb'))).status).toBe(400);
    expect(existsSync(path.join(outside, 'target.cpb'))).toBe(false);
  });
});
