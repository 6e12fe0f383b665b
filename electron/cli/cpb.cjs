#!/usr/bin/env node
// The `cpb` command: runs the bundled CLI, building it first if this checkout has not been built.
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const bundle = path.join(root, 'dist', 'cli.cjs');
// The CLI starts the core from the bundles beside it.
const needed = [bundle, ...['core-worker.cjs', 'slow-worker.cjs'].map((f) => path.join(root, 'dist', f))];
if (!needed.every((f) => existsSync(f))) {
  for (const script of ['build/setup.mjs', 'build/bundle.mjs']) {
    const r = spawnSync(process.execPath, [path.join(root, script)], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) process.exit(1);
  }
}
require(bundle);
