import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  cspDirectives,
  isAllowedRequest,
  isAppUrl,
  isTrustedSender,
  webPreferencesFor,
} from '../../electron/main/security';
import {
  boardFileFromArgv,
  defaultWindowState,
  fitToDisplays,
  loadRecentBoards,
  loadWindowState,
  MAX_RECENT,
  MIN_HEIGHT,
  MIN_WIDTH,
  parseWindowState,
  safeFileName,
  saveRecentBoards,
  saveWindowState,
  withRecent,
} from '../../electron/main/window-state';

const root = path.resolve(__dirname, '..', '..');
const appIndex = 'file:///opt/CPB/resources/app.asar/dist/renderer/index.html';
const appDir = 'file:///opt/CPB/resources/app.asar/dist/renderer';

describe('webPreferences', () => {
  it('isolates and sandboxes the page with no Node', () => {
    const p = webPreferencesFor('/app/dist/preload.cjs');
    expect(p).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      preload: '/app/dist/preload.cjs',
    });
  });
});

describe('content security policy', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

  it('allows scripts from the app only', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('closes objects, base, forms and framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('allows only local images, fonts and connections', () => {
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('font-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('has no remote host anywhere', () => {
    expect(contentSecurityPolicy).not.toMatch(/https?:|\*/);
    expect(Object.keys(cspDirectives)).toHaveLength(directives.size);
  });
});

describe('isAppUrl / isTrustedSender', () => {
  it.each([
    [appIndex, true],
    [`${appIndex}#/meetings/3`, true],
    [`${appIndex}#`, true],
    ['file:///opt/CPB/resources/app.asar/dist/renderer/./index.html', true],
    [`${appIndex}?x=1`, false],
    ['file:///opt/CPB/resources/app.asar/dist/renderer/other.html', false],
    ['file:///etc/passwd', false],
    ['file://evil.example/opt/CPB/resources/app.asar/dist/renderer/index.html', false],
    ['https://evil.example/', false],
    ['https://evil.example/opt/CPB/resources/app.asar/dist/renderer/index.html', false],
    ['javascript:alert(1)', false],
    ['about:blank', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(isAppUrl(url, appIndex)).toBe(ok);
    expect(isTrustedSender(url, appIndex)).toBe(ok);
  });

  it('refuses a frame with no URL', () => {
    expect(isTrustedSender(undefined, appIndex)).toBe(false);
  });

  it('treats Windows drive letters case-insensitively and decodes spaces', () => {
    const win = 'file:///C:/Program%20Files/CPB/resources/app.asar/dist/renderer/index.html';
    expect(
      isAppUrl('file:///c:/Program%20Files/CPB/resources/app.asar/dist/renderer/index.html#/', win),
    ).toBe(true);
    expect(isAppUrl('file:///C:/Program Files/CPB/resources/app.asar/dist/renderer/index.html', win)).toBe(
      true,
    );
    expect(isAppUrl('file:///C:/Windows/System32/index.html', win)).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it.each([
    [`${appDir}/index.html`, true],
    [`${appDir}/assets/index-abc123.js`, true],
    ['data:image/png;base64,AAAA', true],
    ['blob:file:///1234', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['https://cdn.example/react.js', false],
    ['http://127.0.0.1:4280/', false],
    ['ws://localhost/', false],
    ['file:///etc/passwd', false],
    ['file:///opt/CPB/resources/app.asar/dist/renderer-evil/x.js', false],
    [`${appDir}/../main.cjs`, false],
    [`${appDir}/%2e%2e/main.cjs`, false],
  ])('%s → %s', (url, ok) => {
    expect(isAllowedRequest(url, appDir)).toBe(ok);
  });
});

describe('window state', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cpb-window-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the defaults when nothing is saved or the file is damaged', () => {
    expect(loadWindowState(dir)).toEqual(defaultWindowState);
    writeFileSync(path.join(dir, 'window-state.json'), '{not json');
    expect(loadWindowState(dir)).toEqual(defaultWindowState);
    writeFileSync(path.join(dir, 'window-state.json'), '[1,2]');
    expect(loadWindowState(dir)).toEqual(defaultWindowState);
  });

  it('clamps to the minimum size and rejects nonsense', () => {
    expect(parseWindowState({ width: 100, height: 50, x: 10, y: 20 })).toEqual({
      width: MIN_WIDTH,
      height: MIN_HEIGHT,
      x: 10,
      y: 20,
      maximized: false,
    });
    expect(parseWindowState({ width: 'wide', height: NaN, maximized: 'yes' })).toEqual(defaultWindowState);
    expect(parseWindowState({ width: 1e9, height: 1e9 }).width).toBeLessThanOrEqual(16_384);
    expect(parseWindowState({ width: 1200, height: 800, x: 5 })).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
    expect(parseWindowState({ width: 1200.6, height: 800.2, x: -3.4, y: 0, maximized: true })).toEqual({
      width: 1201,
      height: 800,
      x: -3,
      y: 0,
      maximized: true,
    });
  });

  it('round-trips through the user data folder', () => {
    const nested = path.join(dir, 'not', 'yet');
    saveWindowState(nested, { width: 1400, height: 900, x: 40, y: 30, maximized: true });
    expect(loadWindowState(nested)).toEqual({ width: 1400, height: 900, x: 40, y: 30, maximized: true });
    saveWindowState(nested, { width: 10, height: 10, maximized: false });
    expect(loadWindowState(nested)).toEqual({ width: MIN_WIDTH, height: MIN_HEIGHT, maximized: false });
    expect(readdirSync(nested)).toEqual(['window-state.json']); // no temporary file left
  });

  it('drops a position that is on no display any more, and fits the size to the display', () => {
    const laptop = { x: 0, y: 0, width: 1366, height: 728 };
    expect(fitToDisplays({ width: 1400, height: 900, x: 2000, y: 100, maximized: false }, [laptop])).toEqual({
      width: 1400,
      height: 900,
      maximized: false,
    });
    expect(fitToDisplays({ width: 1600, height: 1000, x: 10, y: 10, maximized: false }, [laptop])).toEqual({
      width: 1366,
      height: 728,
      x: 10,
      y: 10,
      maximized: false,
    });
    expect(
      fitToDisplays({ width: 1000, height: 700, x: 10, y: -500, maximized: false }, [laptop]).x,
    ).toBeUndefined();
    const second = { x: 1366, y: 0, width: 1920, height: 1040 };
    expect(
      fitToDisplays({ width: 1400, height: 900, x: 2000, y: 100, maximized: false }, [laptop, second]).x,
    ).toBe(2000);
  });
});

describe('recent boards and the command line', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cpb-recent-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the newest first, without duplicates, at most MAX_RECENT', () => {
    let list: string[] = [];
    for (let i = 0; i < MAX_RECENT + 3; i++) list = withRecent(list, `/boards/b${i}.cpb`);
    list = withRecent(list, '/boards/b5.cpb');
    expect(list[0]).toBe(path.resolve('/boards/b5.cpb'));
    expect(list).toHaveLength(MAX_RECENT);
    expect(new Set(list).size).toBe(list.length);
    saveRecentBoards(dir, list);
    expect(loadRecentBoards(dir)).toEqual(list);
  });

  it('ignores a damaged list', () => {
    writeFileSync(
      path.join(dir, 'recent-boards.json'),
      JSON.stringify(['relative.cpb', 3, '/ok/a.cpb', '/ok/a.cpb']),
    );
    expect(loadRecentBoards(dir)).toEqual(['/ok/a.cpb']);
    writeFileSync(path.join(dir, 'recent-boards.json'), '{');
    expect(loadRecentBoards(dir)).toEqual([]);
  });

  it('finds the .cpb file a launch names', () => {
    expect(boardFileFromArgv(['/opt/CPB/cpb', '/home/a/Board.cpb'], '/tmp')).toBe(
      path.resolve('/home/a/Board.cpb'),
    );
    expect(boardFileFromArgv(['electron', '.', 'boards/x.CPB'], '/home/a')).toBe(
      path.resolve('/home/a/boards/x.CPB'),
    );
    expect(
      boardFileFromArgv(['CPB.exe', '--allow-file-access-from-files', '--flag=a.cpb'], '/tmp'),
    ).toBeNull();
    expect(boardFileFromArgv(['CPB.exe'], '/tmp')).toBeNull();
    expect(boardFileFromArgv(['x.cpb'], '/tmp')).toBeNull(); // argv[0] is the program
  });
});

describe('saving a document', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cpb-save-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes suggested names safe', () => {
    expect(safeFileName('Minutes 21 November 2025 (public).docx', '.docx')).toBe(
      'Minutes 21 November 2025 (public).docx',
    );
    expect(safeFileName('Report: Q1/Q2 <draft>?', 'docx')).toBe('Report Q1 Q2 draft.docx');
    expect(safeFileName('CON', '.docx')).toBe('CON document.docx');
    expect(safeFileName('   ', '.docx')).toBe('Document.docx');
    expect(safeFileName('../../etc/passwd', '.docx')).toBe('.. .. etc passwd.docx');
  });
});

describe('electron-builder.yml', () => {
  const text = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  const req = createRequire(path.join(root, 'package.json'));
  // js-yaml and app-builder-lib come with electron-builder (a devDependency): if they are missing,
  // the install is incomplete, and this check fails rather than skips.
  const loadYaml = () => {
    try {
      return req('js-yaml') as { load(s: string): unknown };
    } catch {
      throw new Error('js-yaml is missing (electron-builder brings it): run npm install');
    }
  };

  it('names the app and unpacks the native modules', () => {
    expect(text).toMatch(/^appId:\s*uk\.gov\.cpb\.app\s*$/m);
    expect(text).toMatch(/^productName:\s*CPB\s*$/m);
    expect(text).toMatch(/^asarUnpack:\s*\n(\s+- .*\n)*\s+- (["'])[^"'\n]*better-sqlite3[^"'\n]*\.node\2/m);
    expect(text).toMatch(/^npmRebuild:\s*true\s*$/m);
  });

  it('parses, and uses only keys electron-builder knows', () => {
    const config = loadYaml().load(text) as Record<string, unknown>;
    expect(config.appId).toBe('uk.gov.cpb.app');
    expect(config.productName).toBe('CPB');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
    expect(config.files).toContain('dist/**/*');
    expect(config.files).toContain('package.json');
    const unpack = config.asarUnpack as string[];
    expect(unpack.some((p) => p.includes('better-sqlite3'))).toBe(true);
    expect(unpack.some((p) => p.includes('@napi-rs/canvas'))).toBe(true);
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'cpb', name: 'CPB board' })]);
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    const schemaFile = path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json');
    if (!existsSync(schemaFile))
      throw new Error(`${schemaFile} is missing (electron-builder brings it): run npm install`);
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { properties: Record<string, unknown> };
    expect(Object.keys(config).filter((k) => !(k in schema.properties))).toEqual([]);
  });

  it('flips the fuses: no Node runtime, code only from a checked asar, no file:// privileges', () => {
    const config = loadYaml().load(text) as { electronFuses: Record<string, boolean> };
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      resetAdHocDarwinSignature: true,
    });
    // Every fuse named is one electron-builder (and @electron/fuses) knows.
    const schema = JSON.parse(
      readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
    ) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    expect(Object.keys(config.electronFuses).filter((k) => !known.includes(k))).toEqual([]);
  });

  it('builds the installers councils deploy', () => {
    type Target = { target: string; arch: string[] };
    const config = loadYaml().load(text) as Record<string, Record<string, unknown>>;
    expect(config.linux!.target).toEqual(['AppImage', 'deb']);
    const win = config.win!.target as Target[];
    expect(win.map((t) => t.target)).toEqual(['nsis', 'msi', 'portable']);
    expect(config.nsis).toMatchObject({ perMachine: false, oneClick: false });
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(String(config.msi!.upgradeCode)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    const mac = config.mac!.target as Target[];
    expect(mac).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.mac).toMatchObject({ hardenedRuntime: true });
    const entitlements = readFileSync(path.join(root, String(config.mac!.entitlements)), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toContain('disable-library-validation');
  });

  it('keeps the code inside the asar: only native addons are unpacked', () => {
    const config = loadYaml().load(text) as { asarUnpack: string[]; asar: boolean };
    expect(config.asar).toBe(true);
    for (const p of config.asarUnpack) expect(p).toMatch(/\.node$/);
  });

  it('says in one line whether the installers will be signed', async () => {
    const { signingSummary } = (await import(path.join(root, 'build', 'signing.mjs'))) as {
      signingSummary(env: Record<string, string>, platform: string): string;
    };
    expect(signingSummary({}, 'win32')).toMatch(/^Signing: skipped — set WIN_CSC_LINK/);
    expect(signingSummary({ WIN_CSC_LINK: 'x.pfx' }, 'win32')).toMatch(/will be signed/);
    expect(signingSummary({}, 'darwin')).toMatch(/^Signing: skipped/);
    expect(
      signingSummary(
        { CSC_LINK: 'x', APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'b', APPLE_TEAM_ID: 'c' },
        'darwin',
      ),
    ).toMatch(/signed and notarised/);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.dist).toMatch(/node build\/signing\.mjs && electron-builder$/);
  });

  it('matches package.json main, which the bundle writes', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main.cjs');
  });
});

// The preload runs in Electron's sandbox: a function with only these parameters, whose `require`
// knows 'electron', 'events', 'timers' and 'url' (see lib/sandboxed_renderer in Electron). No
// __filename, __dirname or Node built-ins beyond those.
describe('preload in a simulated Electron sandbox', () => {
  type Exposed = { key: string; api: Record<string, (...a: unknown[]) => Promise<unknown>> };

  function runSandboxed(code: string) {
    const exposed: Exposed[] = [];
    const sent: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Exposed['api']) => exposed.push({ key, api }) },
      ipcRenderer: {
        invoke: (...a: unknown[]) => (sent.push(a), Promise.resolve({ ok: true, value: a[0] })),
      },
    };
    const allowed: Record<string, unknown> = {
      electron,
      events: {},
      'node:events': {},
      timers: {},
      'node:timers': {},
      url: {},
      'node:url': {},
    };
    const req = (m: string) => {
      if (!(m in allowed)) throw new Error(`module not found: ${m}`);
      return allowed[m];
    };
    const params = [
      'require',
      'process',
      'exports',
      'module',
      'Buffer',
      'global',
      'setImmediate',
      'clearImmediate',
    ];
    const exports = {};
    const fn = new Function(...params, code) as (...a: unknown[]) => void;
    fn(req, {}, exports, { exports }, Buffer, {}, setImmediate, clearImmediate);
    return { exposed, sent };
  }

  async function bundlePreload(): Promise<string> {
    const { build } = await import('esbuild');
    const r = await build({
      entryPoints: [path.join(root, 'electron/preload/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      external: ['electron'],
    });
    return r.outputFiles[0]!.text;
  }

  it('exposes exactly window.cpb with invoke, saveDocument, openPaper, openChairDisplay and the settings pair', async () => {
    const { exposed, sent } = runSandboxed(await bundlePreload());
    expect(exposed.map((e) => e.key)).toEqual(['cpb']);
    const cpb = exposed[0]!.api;
    expect(Object.keys(cpb).sort()).toEqual([
      'chooseFolder',
      'getSettings',
      'invoke',
      'openChairDisplay',
      'openPaper',
      'saveDocument',
      'saveSettings',
    ]);
    expect(Object.isFrozen(cpb)).toBe(true);

    await cpb.invoke!('app.info', {});
    await cpb.saveDocument!({
      suggestedName: 'Minutes.docx',
      method: 'x.export',
      input: { kind: 'minutes', meetingId: 1 },
      extra: 'dropped',
    });
    await cpb.openPaper!('https://example.org/a.pdf');
    expect(sent).toEqual([
      ['cpb:api:app.info', {}],
      // no method name crosses the bridge: main only ever runs export.document
      ['cpb:save-document', { suggestedName: 'Minutes.docx', input: { kind: 'minutes', meetingId: 1 } }],
      ['cpb:open-paper', 'https://example.org/a.pdf'],
    ]);
  });

  it('checks argument types before sending anything', async () => {
    const { exposed, sent } = runSandboxed(await bundlePreload());
    const cpb = exposed[0]!.api;
    expect(await cpb.invoke!(42, {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await cpb.saveDocument!(null)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await cpb.saveDocument!({ suggestedName: 'a', method: 7 })).toMatchObject({ ok: false });
    expect(await cpb.saveDocument!({ suggestedName: 'a', input: 'actions' })).toMatchObject({ ok: false });
    expect(await cpb.openPaper!({ href: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(sent).toEqual([]);
  });

  const built = path.join(root, 'dist', 'preload.cjs');
  it('the built dist/preload.cjs loads there too (no __filename, no node: built-ins)', () => {
    if (!existsSync(built))
      throw new Error('dist/preload.cjs is missing: run npm run build first (npm test does)');
    const { exposed } = runSandboxed(readFileSync(built, 'utf8'));
    expect(exposed.map((e) => e.key)).toEqual(['cpb']);
  });
});
