/**
 * Electron main never opens the board: everything it bundles is checked here (esbuild follows
 * every import from electron/main/index.ts), so no path through a helper can bring SQLite, the
 * store, the services or dispatch into the window's process.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

async function bundleGraph(entry: string) {
  const r = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: ['electron', 'better-sqlite3', '@napi-rs/canvas', 'exceljs', 'jsdom'],
    loader: { '.sql': 'text' },
  });
  const inputs = Object.keys(r.metafile.inputs).map((p) => path.relative(root, path.resolve(p)));
  const output = Object.values(r.metafile.outputs)[0]!;
  const externals = output.imports.filter((i) => i.external).map((i) => i.path);
  return { inputs, externals };
}

describe('Electron main', () => {
  it('imports no SQLite, store, services, session or dispatch, directly or through anything', async () => {
    const { inputs, externals } = await bundleGraph('electron/main/index.ts');
    expect(inputs).toContain('electron/main/relay.ts'); // the graph is really the main process's
    const forbidden = inputs.filter((p) =>
      /^electron\/core\/(store|services|queries|exports\/(?!write-file)|imports|demo|templates)\b|^electron\/core\/(session|dispatch|handlers|context)\.ts$/.test(
        p,
      ),
    );
    expect(forbidden).toEqual([]);
    expect(externals).not.toContain('better-sqlite3');
    expect(externals.filter((e) => !e.startsWith('node:'))).toEqual(['electron']);
  });

  it('browser mode’s server process relays too: the core is on its worker thread', async () => {
    const { externals } = await bundleGraph('electron/server/start.ts');
    expect(externals).not.toContain('better-sqlite3');
  });
});

describe('the core’s bundles', () => {
  it('are built under the names the app looks for, beside the doors that start them', async () => {
    const { entries } = await import('../../build/bundle-config.mjs');
    const { entryFiles } = await import('../../electron/core/client/entries');
    for (const file of Object.values(entryFiles))
      expect(Object.keys(entries)).toContain(file.replace(/\.cjs$/, ''));
    expect(entries['core-process']).toBe('electron/core/host/core-process.ts');
  });
});
