// The layer rules in eslint.config.js, fed probe files that exist only in memory: each forbidden
// case must fail with the right rule (and a message naming its layer), each allowed one must pass.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '..', '..');
const CLOCK = 'Domain time comes from the one clock (electron/core/clock.ts); tests pin it';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

type Finding = { ruleId: string | null; message: string; severity: number };

async function lint(filePath: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  if (result.messages.some((m) => m.fatal)) {
    throw new Error(`${filePath} did not parse: ${result.messages.map((m) => m.message).join('; ')}`);
  }
  return result.messages.map(({ ruleId, message, severity }) => ({ ruleId, message, severity }));
}

// Probes sit inside each layer's folder so the file-scoped config applies; none is written to disk.
const SHARED = 'shared/domain/__lint_probe__.ts';
const RENDERER = 'renderer/screens/__lint_probe__.tsx';
const CORE = 'electron/core/__lint_probe__.ts';
const SERVICES = 'electron/core/services/__lint_probe__.ts';
const MAIN = 'electron/main/__lint_probe__.ts';
const PRELOAD = 'electron/preload/__lint_probe__.ts';
const SERVER = 'electron/server/__lint_probe__.ts';

type Forbidden = { name: string; file: string; code: string; rule: string; says: string };

const forbidden: Forbidden[] = [
  // shared/ is pure
  {
    name: 'shared importing fs',
    file: SHARED,
    code: "import fs from 'fs';\nexport const x = fs;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (shared)',
  },
  {
    name: 'shared importing path',
    file: SHARED,
    code: "import path from 'path';\nexport const x = path;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (shared)',
  },
  {
    name: 'shared importing node:fs',
    file: SHARED,
    code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (shared)',
  },
  {
    name: 'shared importing fs/promises',
    file: SHARED,
    code: "import { readFile } from 'fs/promises';\nexport const x = readFile;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (shared)',
  },
  {
    name: 'shared importing a Node-side library (better-sqlite3)',
    file: SHARED,
    code: "import Database from 'better-sqlite3';\nexport const x = Database;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (shared)',
  },
  {
    name: 'shared importing react',
    file: SHARED,
    code: "import { useState } from 'react';\nexport const x = useState;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (shared)',
  },
  {
    name: 'shared reading process.env',
    file: SHARED,
    code: 'export const x = process.env.CPB_HOME;\n',
    rule: 'no-restricted-globals',
    says: 'Layer rule (shared)',
  },
  {
    name: 'shared using Buffer',
    file: SHARED,
    code: "export const x = Buffer.from('a');\n",
    rule: 'no-restricted-globals',
    says: 'Layer rule (shared)',
  },
  {
    name: 'shared using window',
    file: SHARED,
    code: 'export const x = window.location.href;\n',
    rule: 'no-restricted-globals',
    says: 'Layer rule (shared)',
  },
  {
    name: 'shared using document',
    file: SHARED,
    code: 'export const x = document.title;\n',
    rule: 'no-restricted-globals',
    says: 'Layer rule (shared)',
  },
  {
    name: 'shared importing electron/core',
    file: SHARED,
    code: "import type { Ctx } from '../../electron/core/context';\nexport type X = Ctx;\n",
    rule: 'boundaries/dependencies',
    says: 'Layer rule (shared)',
  },

  // the renderer reaches the core only through the API client
  {
    name: 'renderer importing docx',
    file: RENDERER,
    code: "import { Document } from 'docx';\nexport const x = Document;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (renderer)',
  },
  {
    name: 'renderer importing better-sqlite3',
    file: RENDERER,
    code: "import Database from 'better-sqlite3';\nexport const x = Database;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (renderer)',
  },
  {
    name: 'renderer importing electron',
    file: RENDERER,
    code: "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (renderer)',
  },
  {
    name: 'renderer importing node:fs',
    file: RENDERER,
    code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (renderer)',
  },
  {
    name: 'renderer importing path',
    file: RENDERER,
    code: "import path from 'path';\nexport const x = path;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (renderer)',
  },
  {
    name: 'renderer reading process.env',
    file: RENDERER,
    code: 'export const x = process.env.NODE_ENV;\n',
    rule: 'no-restricted-globals',
    says: 'Layer rule (renderer)',
  },
  {
    name: 'renderer using Buffer',
    file: RENDERER,
    code: "export const x = Buffer.from('a');\n",
    rule: 'no-restricted-globals',
    says: 'Layer rule (renderer)',
  },
  {
    name: 'renderer calling require',
    file: RENDERER,
    code: "export const x = require('fs');\n",
    rule: 'no-restricted-globals',
    says: 'Layer rule (renderer)',
  },
  {
    name: 'renderer using __dirname',
    file: RENDERER,
    code: 'export const x = __dirname;\n',
    rule: 'no-restricted-globals',
    says: 'Layer rule (renderer)',
  },
  {
    name: 'renderer importing electron/core',
    file: RENDERER,
    code: "import { handlers } from '../../electron/core/handlers';\nexport const x = handlers;\n",
    rule: 'boundaries/dependencies',
    says: 'Layer rule (renderer)',
  },
  {
    name: 'renderer importing electron/core dynamically',
    file: RENDERER,
    code: "export const x = () => import('../../electron/core/handlers');\n",
    rule: 'boundaries/dependencies',
    says: 'Layer rule (renderer)',
  },
  {
    name: 'renderer re-exporting electron/core',
    file: RENDERER,
    code: "export * from '../../electron/core/handlers';\n",
    rule: 'boundaries/dependencies',
    says: 'Layer rule (renderer)',
  },

  // electron/core is plain Node
  {
    name: 'core importing react',
    file: CORE,
    code: "import { useState } from 'react';\nexport const x = useState;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (core)',
  },
  {
    name: 'core importing react-dom/client',
    file: CORE,
    code: "import { createRoot } from 'react-dom/client';\nexport const x = createRoot;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (core)',
  },
  {
    name: 'core importing @tanstack/react-query',
    file: CORE,
    code: "import { QueryClient } from '@tanstack/react-query';\nexport const x = QueryClient;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (core)',
  },
  {
    name: 'core importing electron',
    file: CORE,
    code: "import { app } from 'electron';\nexport const x = app;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (core)',
  },
  {
    name: 'core using window',
    file: CORE,
    code: 'export const x = window.location.href;\n',
    rule: 'no-restricted-globals',
    says: 'Layer rule (core)',
  },
  {
    name: 'core using document',
    file: CORE,
    code: 'export const x = document.title;\n',
    rule: 'no-restricted-globals',
    says: 'Layer rule (core)',
  },
  {
    name: 'core importing electron/main',
    file: CORE,
    code: "import { safeFileName } from '../main/window-state';\nexport const x = safeFileName;\n",
    rule: 'boundaries/dependencies',
    says: 'Layer rule (core)',
  },
  {
    name: 'core importing the renderer',
    file: CORE,
    code: "import { App } from '../../renderer/App';\nexport const x = App;\n",
    rule: 'boundaries/dependencies',
    says: 'Layer rule (core)',
  },

  // the Node entry points never import the renderer
  {
    name: 'main importing from renderer',
    file: MAIN,
    code: "import { App } from '../../renderer/App';\nexport const x = App;\n",
    rule: 'boundaries/dependencies',
    says: 'Layer rule (main)',
  },
  {
    name: 'main importing from renderer (unresolvable folder)',
    file: MAIN,
    code: "import x from '../../renderer';\nexport const y = x;\n",
    rule: 'boundaries/no-unknown-dependencies',
    says: 'unknown',
  },
  {
    name: 'server importing from renderer',
    file: SERVER,
    code: "import { App } from '../../renderer/App';\nexport const x = App;\n",
    rule: 'boundaries/dependencies',
    says: 'Layer rule (server/cli)',
  },
  {
    name: 'server importing electron',
    file: SERVER,
    code: "import { app } from 'electron';\nexport const x = app;\n",
    rule: 'no-restricted-imports',
    says: 'Layer rule (server/cli)',
  },
  {
    name: 'preload importing from renderer',
    file: PRELOAD,
    code: "import { App } from '../../renderer/App';\nexport const x = App;\n",
    rule: 'boundaries/dependencies',
    says: 'Layer rule (preload)',
  },
  {
    name: 'preload importing electron/core',
    file: PRELOAD,
    code: "import { handlers } from '../core/handlers';\nexport const x = handlers;\n",
    rule: 'boundaries/dependencies',
    says: 'Layer rule (preload)',
  },

  // one clock
  {
    name: 'new Date() in electron/core/services',
    file: SERVICES,
    code: 'export const x = () => new Date();\n',
    rule: 'no-restricted-syntax',
    says: CLOCK,
  },
  {
    name: 'Date.now() in electron/core/services',
    file: SERVICES,
    code: 'export const x = () => Date.now();\n',
    rule: 'no-restricted-syntax',
    says: CLOCK,
  },
  {
    name: 'Date.now() in shared',
    file: SHARED,
    code: 'export const x = () => Date.now();\n',
    rule: 'no-restricted-syntax',
    says: CLOCK,
  },
  {
    name: 'new Date() in the renderer',
    file: RENDERER,
    code: 'export const x = () => new Date();\n',
    rule: 'no-restricted-syntax',
    says: CLOCK,
  },
];

const allowed: { name: string; file: string; code: string }[] = [
  {
    name: 'shared importing zod, date-fns and shared',
    file: SHARED,
    code: "import { z } from 'zod';\nimport { format } from 'date-fns';\nimport { ragLabel } from './rag';\nexport const x = [z, format, ragLabel];\n",
  },
  {
    name: 'shared importing chart.js types',
    file: 'shared/charts/__lint_probe__.ts',
    code: "import type { ChartConfiguration } from 'chart.js';\nexport type X = ChartConfiguration;\n",
  },
  {
    name: 'core importing node:fs, libraries and shared',
    file: CORE,
    code: "import fs from 'node:fs';\nimport Database from 'better-sqlite3';\nimport { Document } from 'docx';\nimport { ragLabel } from '../../shared/domain/rag';\nexport const x = [fs, Database, Document, ragLabel, Buffer.from('a'), process.env.HOME];\n",
  },
  {
    name: 'renderer importing react, its kit and shared, using window and document',
    file: RENDERER,
    code: "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { useQuery } from '@tanstack/react-query';\nimport { Button } from 'react-aria-components';\nimport { ragLabel } from '../../shared/domain/rag';\nexport const x = [useState, createRoot, useQuery, Button, ragLabel, window.location.href, document.title];\n",
  },
  {
    name: 'main importing electron, node:path, core and shared',
    file: MAIN,
    code: "import { app } from 'electron';\nimport path from 'node:path';\nimport { handlers } from '../core/handlers';\nimport { ragLabel } from '../../shared/domain/rag';\nexport const x = [app, path, handlers, ragLabel, process.argv];\n",
  },
  {
    name: 'preload importing electron and shared',
    file: PRELOAD,
    code: "import { contextBridge } from 'electron';\nimport { IPC } from '../../shared/api/bridge';\nexport const x = [contextBridge, IPC];\n",
  },
  {
    name: 'the clock itself using Date.now() and new Date()',
    file: 'electron/core/clock.ts',
    code: 'export const now = (): number => Date.now();\nexport const today = (): Date => new Date();\n',
  },
  {
    name: 'dates with an argument',
    file: SERVICES,
    code: "export const x = [new Date(0), new Date('2025-01-01'), Date.parse('2025-01-01')];\n",
  },
  {
    name: 'tests importing anything and using the clock',
    file: 'tests/unit/__lint_probe__.test.ts',
    code: "import fs from 'node:fs';\nimport { App } from '../../renderer/App';\nimport { handlers } from '../../electron/core/handlers';\nexport const x = [fs, App, handlers, Date.now(), new Date(), process.env.CI];\n",
  },
];

describe('layer rules (eslint.config.js)', () => {
  it.each(forbidden)('fails: $name', async ({ file, code, rule, says }) => {
    const found = await lint(file, code);
    const hit = found.find((f) => f.ruleId === rule && f.severity === 2);
    expect(hit, `expected an error from ${rule}; got ${JSON.stringify(found)}`).toBeDefined();
    expect(hit?.message).toContain(says);
  });

  it.each(allowed)('passes: $name', async ({ file, code }) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
