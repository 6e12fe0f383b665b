/**
 * The generated archive boards the scale figures and tests run on (`cpb generate`), built once
 * and kept under .bench-cache/ (gitignored). The file's name carries a hash of what made it (the
 * generator, its words, the migrations, the built CLI), so a change to any of them builds it afresh.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = path.join(root, '.bench-cache');

/** The day every generated archive ends on (the demo board's day in the tests). */
export const ARCHIVE_TODAY = '2026-11-23';

function sourceHash(): string {
  const h = createHash('sha256');
  const files = [
    'electron/core/demo/archive.ts',
    'electron/core/demo/archive-text.ts',
    'electron/core/demo/util.ts',
    ...readdirSync(path.join(root, 'electron/core/store/migrations'))
      .sort()
      .map((f) => `electron/core/store/migrations/${f}`),
  ];
  for (const f of files) h.update(f).update(readFileSync(path.join(root, f)));
  // The built CLI writes it: a build from older sources must not fill the cache under a new name.
  const cli = path.join(root, 'dist', 'cli.cjs');
  if (existsSync(cli)) h.update(readFileSync(cli));
  return h.digest('hex').slice(0, 12);
}

/**
 * The path of a generated archive of `years` years ending on ARCHIVE_TODAY, building it with the
 * built CLI (dist/cli.cjs, so `npm run build` first) when it is not cached. Never write to it:
 * take a copy (copyArchive).
 */
export function archiveFile(years: number, log: (text: string) => void = () => {}): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `archive-${years}y-${ARCHIVE_TODAY}-${sourceHash()}.cpb`);
  if (existsSync(file)) return file;
  for (const old of readdirSync(cacheDir))
    if (old.startsWith(`archive-${years}y-`)) rmSync(path.join(cacheDir, old), { force: true });
  log(`Generating a ${years}-year archive (once; cached in .bench-cache/)…`);
  const t0 = performance.now();
  execFileSync(
    process.execPath,
    [
      path.join(root, 'dist', 'cli.cjs'),
      'generate',
      '--out',
      file,
      '--years',
      String(years),
      '--today',
      ARCHIVE_TODAY,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 },
  );
  log(`  built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return file;
}

/** A copy of a board file to work on (the cached archive stays as it was made). */
export function copyArchive(file: string, dir: string, name = path.basename(file)): string {
  const to = path.join(dir, name);
  copyFileSync(file, to);
  return to;
}
