import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The first page loads only what it shows: every screen is its own chunk (React.lazy), so the
// entry chunk and what it imports statically carry neither chart.js nor the minutes editor
// (TipTap). Read from the built renderer's Vite manifest and its source maps (`npm run build`).

const dist = path.resolve(__dirname, '..', '..', 'dist', 'renderer');
const manifestFile = path.join(dist, '.vite', 'manifest.json');

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

function load(): { manifest: Record<string, Chunk>; first: string[] } {
  expect(existsSync(manifestFile), 'dist/renderer/.vite/manifest.json: run npm run build first').toBe(true);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, Chunk>;
  const entries = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
  expect(entries).toHaveLength(1);
  const first = new Set<string>();
  const walk = (key: string) => {
    if (first.has(key)) return;
    first.add(key);
    for (const i of manifest[key]!.imports ?? []) walk(i);
  };
  walk(entries[0]!);
  return { manifest, first: [...first] };
}

/** The source files bundled into a chunk, from its source map. */
function sourcesOf(file: string): string[] {
  const map = JSON.parse(readFileSync(path.join(dist, `${file}.map`), 'utf8')) as { sources: string[] };
  return map.sources;
}

describe('the first page', () => {
  it('carries neither chart.js nor TipTap (ProseMirror), which load with the screens that use them', () => {
    const { manifest, first } = load();
    const sources = first.flatMap((k) => sourcesOf(manifest[k]!.file));
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((s) => /node_modules\/(chart\.js|@tiptap|prosemirror-)/.test(s))).toEqual([]);
    // …and they are in the build, in chunks loaded later.
    const later = Object.keys(manifest)
      .filter((k) => !first.includes(k))
      .flatMap((k) => sourcesOf(manifest[k]!.file));
    expect(later.some((s) => s.includes('node_modules/chart.js'))).toBe(true);
    expect(later.some((s) => s.includes('node_modules/@tiptap'))).toBe(true);
  });

  it('loads each screen when it is first shown: the screens are chunks of their own', () => {
    const { manifest, first } = load();
    const lazy = Object.values(manifest).filter((c) => c.isDynamicEntry && c.src?.includes('screens/'));
    for (const screen of [
      'DashboardScreen',
      'ActionsScreen',
      'VoiceScreen',
      'LiveMeetingScreen',
      'MeasureDetailScreen',
    ])
      expect(lazy.map((c) => c.src).join(' '), screen).toContain(`${screen}.tsx`);
    const firstSources = first.flatMap((k) => sourcesOf(manifest[k]!.file));
    expect(firstSources.filter((s) => /renderer\/screens\/(?!search\/)/.test(s))).toEqual([]);
  });
});
