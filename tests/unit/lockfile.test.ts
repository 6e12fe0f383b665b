import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// npm leaves other platforms' optional native packages out of a lockfile regenerated over an
// existing node_modules; `npm ci` on a council's Windows laptop or a Mac then installs no chart
// renderer. This reads the lockfile as npm ci will.
interface LockEntry {
  version?: string;
  os?: string[];
  cpu?: string[];
  optionalDependencies?: Record<string, string>;
  dev?: boolean;
}
const lock = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};
const entries = Object.entries(lock.packages);

/** Where npm ci would find `name` for a package installed at `from` (nearest node_modules upwards). */
function resolve(from: string, name: string): LockEntry | undefined {
  let dir = from;
  for (;;) {
    const hit = lock.packages[`${dir ? `${dir}/` : ''}node_modules/${name}`];
    if (hit) return hit;
    if (!dir) return undefined;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i < 0 ? '' : dir.slice(0, i);
  }
}

describe('package-lock.json serves every platform CPB ships to', () => {
  it('is a v3 lockfile', () => {
    expect(lock.lockfileVersion).toBe(3);
  });

  it('lists every optional platform package of every native dependency', () => {
    const missing: string[] = [];
    for (const [at, entry] of entries)
      for (const name of Object.keys(entry.optionalDependencies ?? {}))
        if (!resolve(at, name)) missing.push(`${at || '(root)'} → ${name}`);
    expect(missing).toEqual([]);
  });

  it('has Windows (x64, arm64) and macOS (x64, arm64) builds beside each Linux x64 native package', () => {
    const byFamily = new Map<string, { os: string; cpu: string }[]>();
    for (const [at, entry] of entries) {
      if (!entry.os || !entry.cpu || !at.includes('node_modules/')) continue;
      const name = at.slice(at.lastIndexOf('node_modules/') + 'node_modules/'.length);
      // The family is the package name less its platform suffix: @napi-rs/canvas-win32-x64-msvc → @napi-rs/canvas
      const family = name.replace(
        /[-/](android|darwin|freebsd|linux|openbsd|netbsd|sunos|win32|aix|openharmony|wasm32).*$/,
        '',
      );
      const list = byFamily.get(family) ?? [];
      for (const os of entry.os) for (const cpu of entry.cpu) list.push({ os, cpu });
      byFamily.set(family, list);
    }
    const needed = [
      ['win32', 'x64'],
      ['win32', 'arm64'],
      ['darwin', 'x64'],
      ['darwin', 'arm64'],
      ['linux', 'arm64'],
    ];
    const gaps: string[] = [];
    for (const [family, targets] of byFamily) {
      if (!targets.some((t) => t.os === 'linux' && t.cpu === 'x64')) continue;
      for (const [os, cpu] of needed)
        if (!targets.some((t) => t.os === os && t.cpu === cpu)) gaps.push(`${family}: ${os}-${cpu}`);
    }
    expect(gaps).toEqual([]);
  });

  it('carries the chart renderer for Windows and macOS by name', () => {
    for (const p of ['win32-x64-msvc', 'win32-arm64-msvc', 'darwin-x64', 'darwin-arm64', 'linux-x64-gnu'])
      expect(lock.packages[`node_modules/@napi-rs/canvas-${p}`], p).toBeDefined();
  });
});
