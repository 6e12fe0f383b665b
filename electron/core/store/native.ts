import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// Under plain Node (tests, cpb, browser mode) use the Node build that build/setup.mjs keeps aside,
// so a rebuild of node_modules/better-sqlite3 for Electron never breaks `npm test`.
export function nativeBinding(): string | undefined {
  if (process.versions.electron) return undefined;
  const env = process.env.CPB_SQLITE_BINDING;
  if (env && existsSync(env)) return env;
  try {
    const req = createRequire(import.meta.url);
    const pkg = req.resolve('better-sqlite3/package.json');
    const candidate = path.join(
      path.dirname(pkg),
      '..',
      '.cpb-native',
      `node-abi${process.versions.modules}`,
      'better_sqlite3.node',
    );
    return existsSync(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}
