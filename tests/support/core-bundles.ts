import { mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleOptions, type entries } from '../../build/bundle-config.mjs';

const root = path.resolve(__dirname, '..', '..');

/**
 * Builds the core's entries from source into a fresh temporary folder, with the same esbuild
 * options as `npm run build`, so tests start exactly what ships without depending on dist/.
 * The folder gets a node_modules link so the bundles find better-sqlite3 and the rest.
 */
export async function buildCoreBundles(
  names: (keyof typeof entries)[] = ['core-worker', 'slow-worker'],
): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpb-bundles-'));
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  await Promise.all(
    names.map((name) => build({ ...bundleOptions(name, { outdir: dir }), sourcemap: false })),
  );
  return dir;
}
