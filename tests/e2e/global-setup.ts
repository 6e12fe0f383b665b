import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2eTarget, electronBinary, noElectronLine } from './target';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * CPB_E2E_TARGET=electron: without the binary, one clear line and nothing run (never a silent
 * pass); with it, better-sqlite3 is built for Electron's ABI first, as `npm start` does.
 */
function electronTargetReady(): void {
  if (e2eTarget() !== 'electron') return;
  if (!electronBinary()) {
    console.log(noElectronLine);
    process.exit(0);
  }
  const cli = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'install-app-deps'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0)
    throw new Error('Could not build better-sqlite3 for Electron (install-app-deps failed)');
}

// The shifted-clock run (npm run test:e2e:shifted) must really run under a shifted wall clock:
// if libfaketime is missing or ignored, this stops the run instead of passing on today's date.
export default function globalSetup(): void {
  electronTargetReady();
  const year = process.env.CPB_E2E_EXPECT_YEAR;
  if (!year) return;
  const actual = new Date().getUTCFullYear(); // the wall clock itself is what is being checked
  if (String(actual) !== year)
    throw new Error(
      `The shifted-clock e2e run expects the system year ${year} under faketime, but the clock says ${actual}. Install Debian's faketime package.`,
    );
}
