// Lint keeps the architecture of the README ("Architecture"): domain ← db ← sync ← features ← app; the server →
// domain + sync/protocol. Relative imports are judged where they land, at any depth (eslint/layers.js); packages
// (RxDB, React, Node, server libraries) are kept to their layers here. test/lint/boundaries.test.ts holds both to it.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.js';

const rxdb = {
  group: ['rxdb', 'rxdb/*', 'dexie'],
  message: 'RxDB and Dexie live in src/db (and replication in src/sync).',
};
const react = { group: ['react', 'react-dom', 'react-dom/*', 'react-router', 'react-i18next'], message: 'No UI here.' };
const stores = { group: ['zustand', 'zustand/*'], message: 'No UI state here.' };
const devMode = {
  group: ['rxdb/plugins/dev-mode'],
  message: 'Dev-mode loads a remote iframe in browsers: tests only.',
};
const serverPackages = {
  group: ['node:*', 'fastify', '@fastify/*', 'pg', '@electric-sql/*'],
  message: 'The domain is pure: no Node or server libraries.',
};
const packages = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'data', 'coverage', 'test-results', 'node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, layers },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'layers/boundaries': 'error',
      // The most branching functions today (canWrite, PlanPage, the demo's plan steps) sit at 28: no new one above.
      complexity: ['error', 28],
      'no-restricted-imports': packages(devMode),
    },
  },
  { files: ['src/domain/**/*.ts'], rules: { 'no-restricted-imports': packages(rxdb, react, stores, serverPackages) } },
  { files: ['src/db/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': packages(devMode) } },
  { files: ['src/sync/**/*.ts'], rules: { 'no-restricted-imports': packages(react) } },
  { files: ['src/sync/protocol/**/*.ts'], rules: { 'no-restricted-imports': packages(rxdb, react, stores) } },
  { files: ['src/features/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': packages(rxdb) } },
  { files: ['src/app/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': packages(rxdb) } },
  {
    files: ['src/server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': packages(rxdb, react, stores),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB'],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', '**/*.test.{ts,tsx}', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
