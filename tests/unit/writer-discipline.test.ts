import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// One writer at a time: every write transaction in the app is BEGIN IMMEDIATE (better-sqlite3's
// `.transaction(fn).immediate()`), which takes SQLite's write lock first, waiting up to the busy
// timeout. A deferred one reads, then tries to upgrade to a write and fails at once with
// SQLITE_BUSY_SNAPSHOT ("database is locked") when another process wrote in between.
const root = path.resolve(__dirname, '..', '..', 'electron');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(path.join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

describe('writer discipline', () => {
  it('every transaction in electron/ is BEGIN IMMEDIATE, and no SQL says BEGIN DEFERRED or plain BEGIN', () => {
    const deferred: string[] = [];
    let found = 0;
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      const rel = path.relative(root, file);
      // From `.transaction(` to the call that runs it: `.immediate()` (or `.exclusive()`) only.
      for (const m of text.matchAll(/\.transaction\(/g)) {
        found += 1;
        const rest = text.slice(m.index);
        const run = /(?:\}\)|=> \w+\))\s*(\.\s*(immediate|exclusive|deferred)\s*)?\(\)/.exec(rest);
        if (!run || !run[2] || run[2] === 'deferred') deferred.push(`${rel}: ${rest.slice(0, 60)}…`);
      }
      if (/\bBEGIN(\s+DEFERRED)?\s*['";]/i.test(text)) deferred.push(`${rel}: a plain BEGIN in SQL`);
    }
    expect(found).toBeGreaterThanOrEqual(4);
    expect(deferred).toEqual([]);
  });
});
