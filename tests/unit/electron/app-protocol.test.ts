// The renderer's own scheme (electron/main/app-protocol.ts) and the navigation checks over it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  appResponseHeaders,
  appSchemePrivileges,
  resolveAppRequest,
} from '../../../electron/main/app-protocol';
import { contentSecurityPolicy, isAllowedRequest, isAppUrl } from '../../../electron/main/security';

const dir = path.resolve('/opt/CPB/resources/app.asar/dist/renderer');

describe('cpb-app:// requests', () => {
  it.each([
    ['cpb-app://app/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['cpb-app://app/', 'index.html', 'text/html; charset=utf-8'],
    ['cpb-app://app/assets/index-abc.js', 'assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['cpb-app://app/assets/index-abc.css', 'assets/index-abc.css', 'text/css; charset=utf-8'],
    ['cpb-app://app/assets/a%20b.png', 'assets/a b.png', 'image/png'],
  ])('%s serves %s', (url, rel, type) => {
    expect(resolveAppRequest(url, dir)).toEqual({ ok: true, file: path.join(dir, rel), contentType: type });
  });

  it.each([
    ['cpb-app://app/../main.cjs', 404], // the URL parser removes '..': it names main.cjs, not served,
    ['cpb-app://app/%2e%2e/main.cjs', 404],
    ['cpb-app://app/assets/..%2f..%2fmain.cjs', 403],
    ['cpb-app://other/index.html', 403],
    ['cpb-app://user:pw@app/index.html', 403],
    ['file:///etc/passwd', 403],
    ['cpb-app://app/%E0%A4%A', 400],
    ['cpb-app://app/a%00.js', 400],
    ['cpb-app://app/assets\\..\\x.js', 400],
    ['cpb-app://app/main.cjs', 404],
    ['cpb-app://app/preload.cjs.map', 404],
    ['not a url', 400],
  ])('refuses %s with %s', (url, status) => {
    expect(resolveAppRequest(url, dir)).toEqual({ ok: false, status });
  });

  it('answers with the CSP as a real header, and no sniffing', () => {
    const h = appResponseHeaders('text/html; charset=utf-8');
    expect(h['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(h['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });

  it('is standard and secure, with no CSP or CORS bypass', () => {
    expect(appSchemePrivileges.scheme).toBe('cpb-app');
    expect(appSchemePrivileges.privileges).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      corsEnabled: false,
      allowServiceWorkers: false,
    });
  });
});

describe('navigation stays on the app page', () => {
  it.each([
    [APP_INDEX_URL, true],
    [`${APP_INDEX_URL}#/meetings/3/display`, true],
    ['cpb-app://app/./index.html#/', true],
    [`${APP_INDEX_URL}?x=1`, false],
    ['cpb-app://app/other.html', false],
    ['cpb-app://evil/index.html', false],
    ['file:///opt/CPB/resources/app.asar/dist/renderer/index.html', false],
    ['https://evil.example/index.html', false],
    ['about:blank', false],
  ])('%s → %s', (url, ok) => {
    expect(isAppUrl(url, APP_INDEX_URL)).toBe(ok);
  });

  it.each([
    ['cpb-app://app/assets/index.js', true],
    ['cpb-app://app/index.html', true],
    ['data:image/png;base64,AAAA', true],
    ['cpb-app://evil/x.js', false],
    ['file:///opt/CPB/resources/app.asar/dist/renderer/index.html', false],
    ['https://cdn.example/x.js', false],
    ['cpb-app://app/../main.cjs', true], // URL parsing removes the '..' before any check: stays inside
  ])('request %s allowed: %s', (url, ok) => {
    expect(isAllowedRequest(url, 'cpb-app://app/')).toBe(ok);
  });
});
