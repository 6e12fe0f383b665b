// Does what install scripts would have done (they are off in .npmrc, see README):
//  1. builds better-sqlite3 for this Node and keeps that binary aside in node_modules/.cpb-native,
//     so `npm test` works whether node_modules/better-sqlite3 was last built for Node or Electron;
//  2. with --electron, tries the Electron binary download once and never fails if it cannot.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
const built = path.join(sqliteDir, 'build', 'Release', 'better_sqlite3.node');
export const nodeBinding = path.join(
  root,
  'node_modules',
  '.cpb-native',
  `node-abi${process.versions.modules}`,
  'better_sqlite3.node',
);

function loads(binding) {
  if (!existsSync(binding)) return false;
  // A child process, so a binary built for another ABI cannot take this one down.
  const r = spawnSync(
    process.execPath,
    [
      '-e',
      `const D=require(${JSON.stringify(path.join(sqliteDir))});new D(':memory:',{nativeBinding:${JSON.stringify(binding)}}).prepare('select 1').get()`,
    ],
    { stdio: 'ignore' },
  );
  return r.status === 0;
}

function nodeGyp() {
  const candidates = [];
  if (process.env.npm_execpath)
    candidates.push(
      path.join(
        path.dirname(process.env.npm_execpath),
        '..',
        'node_modules',
        'node-gyp',
        'bin',
        'node-gyp.js',
      ),
    );
  candidates.push(
    path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  );
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    /* not a dependency */
  }
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error('node-gyp was not found (it ships with npm); cannot build better-sqlite3');
  return found;
}

function ensureNodeSqlite() {
  if (loads(nodeBinding)) return;
  if (!loads(built)) {
    console.log('Building better-sqlite3 for Node (once; about a minute)…');
    const args = [nodeGyp(), 'rebuild', '--release'];
    const nodedir =
      process.env.npm_config_nodedir ||
      (existsSync(path.join(path.dirname(process.execPath), '..', 'include', 'node', 'node.h'))
        ? path.resolve(path.dirname(process.execPath), '..')
        : undefined);
    if (nodedir) args.push(`--nodedir=${nodedir}`);
    const r = spawnSync(process.execPath, args, { cwd: sqliteDir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`Building better-sqlite3 failed:\n${r.stdout}\n${r.stderr}`);
    if (!loads(built)) throw new Error('better-sqlite3 was built but does not load in this Node');
  }
  mkdirSync(path.dirname(nodeBinding), { recursive: true });
  copyFileSync(built, nodeBinding);
}

export function electronBinaryPresent() {
  try {
    const p = require('electron'); // the package exports the binary's path, or throws when absent
    return typeof p === 'string' && existsSync(p);
  } catch {
    return false;
  }
}

function tryElectronDownload() {
  if (electronBinaryPresent()) return true;
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
    stdio: 'ignore',
    timeout: 300_000,
  });
  return r.status === 0 && electronBinaryPresent();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureNodeSqlite();
  if (process.argv.includes('--electron')) {
    // Quiet when the download is blocked: `npm start` then says so in its one line.
    if (!electronBinaryPresent() && tryElectronDownload()) console.log('Downloaded the Electron binary.');
  }
}
