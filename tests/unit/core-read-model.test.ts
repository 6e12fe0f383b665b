// The core's own layering: exports → queries → store, services → queries and store; nothing in
// queries/ or store/ reaches back up to services/ or exports/, and SQL is written in store/ only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const core = path.resolve(__dirname, '..', '..', 'electron', 'core');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const rel = (file: string) => path.relative(core, file).split(path.sep).join('/');
/** The core folder a file sits in ('' for electron/core itself). */
const area = (relPath: string) => (relPath.includes('/') ? relPath.split('/')[0]! : '');

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  const re = /(import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g;
  for (const m of text.matchAll(re)) {
    const spec = m[3] ?? m[4]!;
    const target = path.resolve(path.dirname(file), spec);
    if (!target.startsWith(core)) continue;
    edges.push({ from: rel(file), to: rel(target), typeOnly: m[2] !== undefined });
  }
  return edges;
}

const edges = filesUnder(core).flatMap(importsOf);
const from = (a: string) => edges.filter((e) => area(e.from) === a);

describe('electron/core layers: exports → queries → store', () => {
  const above = ['queries', 'services', 'exports', 'imports', 'demo', 'templates', 'worker'];

  it('store/ imports nothing above it', () => {
    const up = from('store').filter((e) => above.includes(area(e.to)) || /^(handlers|dispatch)/.test(e.to));
    expect(up).toEqual([]);
  });

  it('queries/ import only store/ and each other', () => {
    const up = from('queries').filter(
      (e) => above.filter((a) => a !== 'queries').includes(area(e.to)) || /^(handlers|dispatch)/.test(e.to),
    );
    expect(up).toEqual([]);
  });

  it('exports/ read through queries/: no services, and from store/ only the connection type', () => {
    const bad = from('exports').filter(
      (e) =>
        area(e.to) === 'services' || (area(e.to) === 'store' && !(e.typeOnly && e.to === 'store/board-file')),
    );
    expect(bad).toEqual([]);
  });

  it('services/ import no exports but through the document entry point', () => {
    const bad = from('services').filter((e) => area(e.to) === 'exports' && e.to !== 'exports');
    expect(bad).toEqual([]);
  });
});

describe('SQL is written in store/ only', () => {
  const electronDir = path.resolve(core, '..');
  const store = path.join(core, 'store') + path.sep;
  const prepares = filesUnder(electronDir)
    .filter((f) => !f.startsWith(store))
    .map(
      (f) =>
        [
          path.relative(electronDir, f),
          (readFileSync(f, 'utf8').match(/\.prepare\(/g) ?? []).length,
        ] as const,
    )
    .filter(([, n]) => n > 0);

  it('no file in electron/ outside electron/core/store prepares a statement', () => {
    expect(prepares).toEqual([]);
  });
});
