// Bundles the Node side (Electron main and preload, browser-mode server, cpb) with esbuild.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const external = ['electron', 'better-sqlite3', '@napi-rs/canvas', 'exceljs', 'jsdom'];
const sql = {
  name: 'sql-text',
  setup(b) {
    b.onLoad({ filter: /\.sql$/ }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external,
  plugins: [sql],
  logLevel: 'warning',
  // import.meta.url is used by the core to find files beside it; give CJS bundles a real one.
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__import_meta_url' },
};

const entries = {
  main: 'electron/main/index.ts',
  preload: 'electron/preload/index.ts',
  server: 'electron/server/start.ts',
  cli: 'electron/cli/index.ts',
  worker: 'electron/core/worker/entry.ts',
};
await Promise.all(
  Object.entries(entries).map(([name, entry]) => {
    const opts = { ...common, entryPoints: [entry], outfile: `dist/${name}.cjs` };
    // Electron's sandboxed preload has no __filename: it gets neither the banner nor the define.
    if (name === 'preload') {
      delete opts.banner;
      delete opts.define;
    }
    return build(opts);
  }),
);
