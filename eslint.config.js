// @ts-check
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ─── Layers ───────────────────────────────────────────────────────────────────────────────
// Layers import downwards only:
//   renderer → shared
//   electron/main, electron/server, electron/cli → electron/core → shared
//   electron/preload → shared
// tests/ may import anything; build/ is tooling and imports no app layer.
//
// Each layer gets one config block (`cpb/layer/<name>`) with four checks; every message starts
// "Layer rule (<name>)" and says why:
//   boundaries/dependencies  which app folders it may import. Paths are resolved, so `../../renderer`,
//                            re-exports, `import()` and `require()` are all caught.
//   no-restricted-imports    which libraries and Node built-ins it may import.
//   no-restricted-globals    which runtime globals it may not touch. TypeScript sees the DOM and Node
//                            types in every file, so the type checker cannot catch `window` in core.
//   languageOptions.globals  the globals its runtime really has.

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Regex source for whole packages: `name` and `name/sub/path`, never a relative path that merely
 * contains the name (a gitignore-style `domain` pattern would also match `../domain/rag`, and
 * `domain` is a Node built-in). A name ending in `/` stands for a whole scope (`@tanstack/`).
 */
const anyOf = (names) =>
  `(?:${names.map((n) => (n.endsWith('/') ? `${escape(n)}[^/]+` : escape(n))).join('|')})(?:/.*)?`;
const packages = (names) => `^${anyOf(names)}$`;
const listed = (names) => names.map((n) => (n.endsWith('/') ? `${n}*` : n)).join(', ');

/** Every Node built-in, as `fs` or `node:fs`, with subpaths (`fs/promises`); any `node:` specifier. */
const builtinSource = `node:.*|${anyOf(builtinModules.filter((m) => !m.startsWith('_') && !m.startsWith('node:')))}`;
const nodeBuiltins = `^(?:${builtinSource})$`;

/** A bare package specifier that is neither a Node built-in nor one of `allowed`. */
const packagesExcept = (allowed) => `^(?![./])(?!${anyOf(allowed)}$)(?!(?:${builtinSource})$).+$`;

/** Libraries of the renderer's UI (React and its kit); `@scope/` stands for the whole scope. */
const renderLibraries = [
  'react',
  'react-dom',
  'react-router',
  'react-aria-components',
  '@tanstack/',
  '@tiptap/',
];
/** Pure libraries with no runtime of their own: shared/ may use these and nothing else. */
const pureLibraries = ['zod', 'date-fns', 'chart.js'];

const nodeOnlyGlobals = Object.keys(globals.node).filter(
  (name) => !(name in globals['shared-node-browser']) && !(name in globals.browser),
);
const browserOnlyGlobals = Object.keys(globals.browser).filter(
  (name) => !(name in globals['shared-node-browser']) && !(name in globals.node),
);
/** Globals both runtimes have (console, timers, URL, TextEncoder, fetch …). */
const portableGlobals = globals['shared-node-browser'];

const noNodeGlobals = {
  names: nodeOnlyGlobals,
  what: 'no Node globals (process, process.env, Buffer, require, __dirname …)',
};
const noBrowserGlobals = {
  names: browserOnlyGlobals,
  what: 'no browser globals (window, document, navigator, localStorage …)',
};
const noBuiltins = { regex: nodeBuiltins, what: 'no Node built-in modules (fs, path, node:* …)' };

/**
 * One layer's block.
 * @param {object} spec
 * @param {string} spec.name         the layer, as the messages name it
 * @param {string[]} spec.files      its files
 * @param {string[]} spec.types      its element types in `boundaries/elements`
 * @param {string[]} spec.mayImport  the element types it may import besides its own
 * @param {Record<string, boolean | 'readonly' | 'writable' | 'off'>} spec.runtimeGlobals
 * @param {{ regex: string, what: string }[]} spec.imports            forbidden import specifiers
 * @param {{ names: string[], what: string }[]} spec.forbiddenGlobals forbidden global names
 * @param {string} spec.why          one sentence: why the layer is fenced this way
 */
const layer = ({ name, files, types, mayImport, runtimeGlobals, imports, forbiddenGlobals, why }) => {
  const rule = (what) => `Layer rule (${name}): ${what}. ${why}`;
  const folders = mayImport.length ? `only ${mayImport.join(' and ')}` : 'no other layer';
  return {
    name: `cpb/layer/${name}`,
    files,
    languageOptions: { globals: runtimeGlobals },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: rule(`it may import ${folders}, not {{to.type}} ('{{dependency.source}}')`),
          policies: [{ from: { element: { types } }, allow: { to: { element: { types: mayImport } } } }],
        },
      ],
      // A local import that resolves to no layer (e.g. `../../renderer`, a folder with no index)
      // would slip past boundaries/dependencies; refuse it.
      'boundaries/no-unknown-dependencies': ['error', { require: 'element' }],
      'no-restricted-imports': [
        'error',
        { patterns: imports.map(({ regex, what }) => ({ regex, message: rule(what) })) },
      ],
      'no-restricted-globals': [
        'error',
        ...forbiddenGlobals.flatMap(({ names, what }) =>
          names.map((n) => ({ name: n, message: rule(what) })),
        ),
      ],
    },
  };
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'cpb/base',
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },

  // ─── Layers ────────────────────────────────────────────────────────────────────────────
  {
    name: 'cpb/layer/map',
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': fileURLToPath(new URL('.', import.meta.url)),
      'boundaries/elements': [
        { type: 'shared', pattern: 'shared', partialMatch: false },
        { type: 'renderer', pattern: 'renderer', partialMatch: false },
        { type: 'core', pattern: 'electron/core', partialMatch: false },
        { type: 'main', pattern: 'electron/main', partialMatch: false },
        { type: 'preload', pattern: 'electron/preload', partialMatch: false },
        { type: 'server', pattern: 'electron/server', partialMatch: false },
        { type: 'cli', pattern: 'electron/cli', partialMatch: false },
        { type: 'tests', pattern: 'tests', partialMatch: false },
        { type: 'build', pattern: 'build', partialMatch: false },
      ],
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import', 'require'],
      'import/resolver': {
        node: { extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'] },
      },
    },
  },
  layer({
    name: 'shared',
    files: ['shared/**'],
    types: ['shared'],
    mayImport: [],
    runtimeGlobals: { ...portableGlobals },
    why: 'shared/ is the pure bottom layer, run by the renderer and by Node alike',
    imports: [
      noBuiltins,
      {
        regex: packagesExcept(pureLibraries),
        what: `only pure libraries (${listed(pureLibraries)}); add one to pureLibraries in eslint.config.js only if it does no I/O`,
      },
    ],
    forbiddenGlobals: [noNodeGlobals, noBrowserGlobals],
  }),
  layer({
    name: 'renderer',
    files: ['renderer/**'],
    types: ['renderer'],
    mayImport: ['shared'],
    runtimeGlobals: { ...globals.browser },
    why: 'The renderer runs in the browser sandbox and reaches the core only through the API client',
    imports: [
      noBuiltins,
      {
        regex: packagesExcept([...renderLibraries, ...pureLibraries]),
        what: `only browser libraries (${listed([...renderLibraries, ...pureLibraries])}), never electron, better-sqlite3, docx, exceljs or papaparse`,
      },
    ],
    forbiddenGlobals: [noNodeGlobals],
  }),
  layer({
    name: 'core',
    files: ['electron/core/**'],
    types: ['core'],
    mayImport: ['shared'],
    runtimeGlobals: { ...globals.node },
    why: 'electron/core is plain Node under main, the browser server and the CLI',
    imports: [
      { regex: packages(['electron']), what: 'no electron (only electron/main and the preload use it)' },
      { regex: packages(renderLibraries), what: 'no React or other renderer libraries' },
    ],
    forbiddenGlobals: [noBrowserGlobals],
  }),
  layer({
    name: 'main',
    files: ['electron/main/**'],
    types: ['main'],
    mayImport: ['core', 'shared'],
    runtimeGlobals: { ...globals.node },
    why: 'electron/main is the Electron main process: it builds on electron/core and never on the renderer',
    imports: [{ regex: packages(renderLibraries), what: 'no React or other renderer libraries' }],
    forbiddenGlobals: [noBrowserGlobals],
  }),
  layer({
    name: 'server/cli',
    files: ['electron/server/**', 'electron/cli/**'],
    types: ['server', 'cli'],
    mayImport: ['core', 'shared'],
    runtimeGlobals: { ...globals.node },
    why: 'The browser server and the CLI run under plain Node, without Electron, on top of electron/core',
    imports: [
      { regex: packages(['electron']), what: 'no electron' },
      { regex: packages(renderLibraries), what: 'no React or other renderer libraries' },
    ],
    forbiddenGlobals: [noBrowserGlobals],
  }),
  layer({
    name: 'preload',
    files: ['electron/preload/**'],
    types: ['preload'],
    mayImport: ['shared'],
    runtimeGlobals: { ...globals.browser },
    why: 'The preload runs sandboxed: it may require only electron (contextBridge, ipcRenderer) and bundles shared/',
    imports: [
      noBuiltins,
      {
        regex: packagesExcept(['electron', ...pureLibraries]),
        what: `only electron and pure libraries (${listed(pureLibraries)})`,
      },
    ],
    forbiddenGlobals: [noNodeGlobals],
  }),
  layer({
    name: 'build',
    files: ['build/**'],
    types: ['build'],
    mayImport: [],
    runtimeGlobals: { ...globals.node },
    why: 'build/ is tooling; it names app files as paths, it does not import them',
    imports: [],
    forbiddenGlobals: [],
  }),
  {
    name: 'cpb/tests',
    files: ['tests/**'],
    // Tests may import anything; e2e code also runs callbacks in the page.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    name: 'cpb/root-config',
    files: ['*.{js,mjs,cjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },

  // ─── One clock ─────────────────────────────────────────────────────────────────────────
  // Kept in its own block: domain time comes from electron/core/clock.ts, which tests pin.
  {
    name: 'cpb/one-clock',
    files: ['electron/**', 'shared/**', 'renderer/**'],
    ignores: ['electron/core/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Domain time comes from the one clock (electron/core/clock.ts); tests pin it',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Domain time comes from the one clock (electron/core/clock.ts); tests pin it',
        },
      ],
    },
  },
);
