// `npm start` (after the build): runs CPB in Electron when its binary is installed, otherwise in
// browser mode (dist/server.cjs), which prints its own URL. Arguments pass through to either.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const args = process.argv.slice(2);

/** The Electron binary's path, or null when its download was blocked (the package throws then). */
function electronBinary() {
  try {
    const p = require('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
      .version;
  } catch {
    return 'unknown';
  }
}

/** Size and time of the better-sqlite3 binary, so a later rebuild for Node is noticed. */
function sqliteStamp() {
  const f = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(f)) return null;
  const s = statSync(f);
  return `${s.size}:${Math.round(s.mtimeMs)}`;
}

/** Builds better-sqlite3 for Electron's ABI once per Electron version (and again if it changed). */
function ensureElectronNative(version) {
  const marker = path.join(root, 'node_modules', '.cpb-native', `electron-${version}.done`);
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === sqliteStamp()) return;
  console.log(`Building native modules for Electron ${version} (once; about a minute)…`);
  const cli = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'install-app-deps'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(
      'Could not build better-sqlite3 for Electron (electron-builder install-app-deps failed); CPB may not open its board. Try `npm run web` for browser mode.',
    );
    return;
  }
  mkdirSync(path.dirname(marker), { recursive: true });
  writeFileSync(marker, `${sqliteStamp()}\n`);
}

/** Runs a child with our terminal, forwards its exit code, and lets it handle Ctrl+C itself. */
function run(cmd, cmdArgs, env = process.env) {
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });
  // Ctrl+C reaches the child from the terminal already: just wait for it to finish.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  });
  child.on('error', (e) => {
    console.error(`Could not start ${path.basename(cmd)}: ${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}

const binary = electronBinary();
if (binary) {
  ensureElectronNative(electronVersion());
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary a plain Node and ignore the app
  run(binary, [root, ...args], env);
} else {
  console.log(
    'Electron is not installed here (its download was blocked), so CPB is starting in browser mode instead.',
  );
  // `npm start -- board.cpb` means the same in both modes: browser mode takes it as --board.
  const serverArgs = [...args];
  const board = serverArgs.findIndex((a) => !a.startsWith('-') && /\.cpb$/i.test(a));
  if (board >= 0 && !serverArgs.includes('--board') && !serverArgs.some((a) => a.startsWith('--board='))) {
    serverArgs.splice(board, 0, '--board');
  }
  const server = path.join(root, 'dist', 'server.cjs');
  if (!existsSync(server)) {
    console.error('dist/server.cjs is missing: run `npm run build` first (npm start does this).');
    process.exit(1);
  }
  run(process.execPath, [server, ...serverArgs]);
}
