// Takes the README's screenshot of live mode walking a priority item against its priority, on a
// 1366×768 laptop: the demo board's upcoming meeting, scorecard frozen and meeting started.
// Usage: node build/screenshot-live.mjs [out.png]   (after npm run build)
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const out = process.argv[2] ?? 'build/screenshot-live-priority.png';
const today = '2026-11-23';
const dir = mkdtempSync(path.join(os.tmpdir(), 'cpb-shot-'));
const board = path.join(dir, 'demo.cpb');
execFileSync(process.execPath, ['dist/cli.cjs', 'demo', '--out', board, '--today', today]);
const server = spawn(process.execPath, ['dist/server.cjs', '--port', '0', '--board', board], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, CPB_TODAY: today },
});
const url = new URL(
  await new Promise((resolve) => {
    let buf = '';
    server.stdout.on('data', (d) => {
      buf += d;
      const m = /Open (\S+)/.exec(buf);
      if (m) resolve(m[1]);
    });
  }),
);
const api = async (method, input) => {
  const r = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CPB-Token': url.searchParams.get('token') },
    body: JSON.stringify(input),
  });
  const body = await r.json();
  if (!body.ok) throw new Error(body.error.message);
  return body.value;
};
const meetingId = (await api('meeting.list', {})).upcoming[0].id;
const item = (await api('meeting.get', { id: meetingId })).items.find((i) => /^Adoption/.test(i.title));
await api('snapshot.freeze', { meetingId });
await api('meeting.setStatus', { id: meetingId, status: 'in_progress' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
await page.goto(`${url.href}#/meetings/${meetingId}/live?item=${item.id}`);
await page.getByTestId('walk-priority-P5').waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: out });
await browser.close();
server.kill();
console.log(`Wrote ${out}`);
