// Bundles the Node side (Electron main and preload, browser-mode server, cpb, and the core's worker
// and utility-process entries) with esbuild, into dist/.
import { build } from 'esbuild';
import { bundleOptions, entries } from './bundle-config.mjs';

await Promise.all(Object.keys(entries).map((name) => build(bundleOptions(name))));
