// Takes the README's screenshot: the dashboard of a fresh demo board in browser mode.
// Usage: node build/screenshot.mjs [route] [out.png]
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const route = process.argv[2] ?? '/';
const out = process.argv[3] ?? 'build/screenshot-dashboard.png';
const dir = mkdtempSync(path.join(os.tmpdir(), 'cpb-shot-'));
const board = path.join(dir, 'demo.cpb');
execFileSync(process.execPath, ['dist/cli.cjs', 'demo', '--out', board]);
const server = spawn(process.execPath, ['dist/server.cjs', '--port', '0', '--board', board], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve) => {
  let buf = '';
  server.stdout.on('data', (d) => {
    buf += d;
    const m = /Open (\S+)/.exec(buf);
    if (m) resolve(m[1]);
  });
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
await page.goto(url.replace('/?', `/?`) + `#${route}`);
await page.waitForTimeout(1500);
await page.screenshot({ path: out });
await browser.close();
server.kill();
console.log(`Wrote ${out}`);
