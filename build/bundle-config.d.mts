import type { BuildOptions } from 'esbuild';

export declare const entries: Record<
  'main' | 'preload' | 'server' | 'cli' | 'core-worker' | 'core-process' | 'slow-worker',
  string
>;
export declare function bundleOptions(name: keyof typeof entries, where?: { outdir?: string }): BuildOptions;
