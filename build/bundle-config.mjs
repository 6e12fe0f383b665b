// The Node-side bundles and how esbuild makes them: used by build/bundle.mjs and by the tests that
// start the core's worker entries (they build them into a temporary folder, exactly as shipped).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// pdfkit reads its font metrics and colour profile from files beside it, so it stays in node_modules.
const external = ['electron', 'better-sqlite3', '@napi-rs/canvas', 'exceljs', 'jsdom', 'pdfkit'];
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

/** Each bundle (dist/NAME.cjs) and its entry. The core's three sit beside the doors that start them. */
export const entries = {
  main: 'electron/main/index.ts',
  preload: 'electron/preload/index.ts',
  server: 'electron/server/start.ts',
  cli: 'electron/cli/index.ts',
  'core-worker': 'electron/core/host/core-worker.ts',
  'core-process': 'electron/core/host/core-process.ts',
  'slow-worker': 'electron/core/host/slow-worker.ts',
};

/** esbuild options for one bundle, written to outdir/NAME.cjs (dist/ unless told otherwise). */
export function bundleOptions(name, { outdir = path.join(repo, 'dist') } = {}) {
  const opts = {
    ...common,
    entryPoints: [path.join(repo, entries[name])],
    outfile: path.join(outdir, `${name}.cjs`),
  };
  // Electron's sandboxed preload has no __filename: it gets neither the banner nor the define.
  if (name === 'preload') {
    delete opts.banner;
    delete opts.define;
  }
  return opts;
}
