// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Layers import downwards only: renderer → shared; electron/main → electron/core → shared.
const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
  },
});

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
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        window: 'readonly',
        document: 'readonly',
      },
    },
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
  layer(
    ['shared/**'],
    ['**/electron/**', '**/renderer/**', 'node:*', 'electron', 'better-sqlite3', 'react', 'react-dom'],
    'shared/ is pure: it imports nothing of the app’s other layers and no Node or DOM library.',
  ),
  layer(
    ['electron/core/**'],
    ['**/main/**', '**/main', '**/server/**', '**/cli/**', '**/renderer/**', 'electron'],
    'electron/core is plain Node: it imports only shared/ and libraries, never electron/main, the server, the CLI or the renderer.',
  ),
  layer(
    ['renderer/**'],
    ['**/electron/**', 'node:*', 'better-sqlite3', 'electron'],
    'renderer/ talks to the core only through the API client; it imports only shared/.',
  ),
  layer(
    ['electron/main/**', 'electron/preload/**', 'electron/server/**', 'electron/cli/**'],
    ['**/renderer/**'],
    'The Node side never imports the renderer.',
  ),
);
