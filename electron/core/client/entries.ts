import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The build is incomplete: a bundle the app needs is not where the build puts it. */
export class MissingEntryError extends Error {
  constructor(readonly file: string) {
    super(
      `CPB is incomplete: ${path.basename(file)} is missing from ${path.dirname(file)}. Rebuild CPB (npm run build) or reinstall it.`,
    );
    this.name = 'MissingEntryError';
  }
}

/** The bundles the build writes side by side in dist/ (see build/bundle-config.mjs). */
export const entryFiles = {
  coreWorker: 'core-worker.cjs',
  coreProcess: 'core-process.cjs',
  slowWorker: 'slow-worker.cjs',
} as const;

/** How Electron main tells the core process where the slow-work worker is: --slow-worker=PATH. */
export const slowWorkerFlag = '--slow-worker=';

/**
 * Where one of the core's bundles is: beside the running bundle (dist/main.cjs, dist/server.cjs,
 * dist/cli.cjs; in a packaged app inside app.asar, which Electron's utility process and worker
 * threads read). One candidate, checked at once, so a missing file fails loudly at start-up.
 */
export function coreEntry(
  name: keyof typeof entryFiles,
  dir = path.dirname(fileURLToPath(import.meta.url)),
): string {
  const file = path.join(dir, entryFiles[name]);
  if (!existsSync(file)) throw new MissingEntryError(file);
  return file;
}
