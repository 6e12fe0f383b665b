import { mkdirSync, writeFileSync } from 'node:fs';
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

beforeAll(async () => {
  core = startWorkerCore({ dir: await buildCoreBundles() });
  await core.open(file);
  const rendererDir = path.join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>CPB</title>');
  server = await startBrowserServer({ core, rendererDir, port: 0 });
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

  it('refuses the page itself without the token', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401);
  });

  it('answers with the token, from the same handler table', async () => {
    const r = await post('app.info', { 'X-CPB-Token': server.token });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { ok: boolean; value: { authority: string } };
    expect(body).toMatchObject({ ok: true, value: { authority: 'Northshire County Council' } });
  });

  it('serves the page with the token in the URL and sets a strict cookie for its assets', async () => {
    const r = await fetch(`${base}/?token=${server.token}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
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
