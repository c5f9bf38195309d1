// Lint keeps the architecture of design.md: domain ← db ← sync ← features ← app; server → domain + sync/protocol.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const rxdb = {
  group: ['rxdb', 'rxdb/*', 'dexie'],
  message: 'RxDB and Dexie live in src/db (and replication in src/sync).',
};
const react = { group: ['react', 'react-dom', 'react-dom/*', 'react-router', 'react-i18next'], message: 'No UI here.' };
const stores = { group: ['zustand', 'zustand/*'], message: 'No UI state here.' };
const layer = (names, message) => ({ group: names, message });
const otherFeatureInternals = {
  regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index$).+',
  message: 'Import another feature through its index.ts, never its files.',
};

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
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['rxdb/plugins/dev-mode'], message: 'Dev-mode loads a remote iframe in browsers: tests only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            rxdb,
            react,
            stores,
            layer(
              [
                '../db',
                '../db/*',
                '../sync',
                '../sync/*',
                '../features/*',
                '../app/*',
                '../server/*',
                'node:*',
                'fastify',
                'pg',
                '@electric-sql/*',
              ],
              'The domain is pure: no db, sync, UI, server or Node.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              [
                '../sync',
                '../sync/*',
                '../../sync',
                '../../sync/*',
                '../features/*',
                '../../features/*',
                '../app/*',
                '../../app/*',
                '../server/*',
                '../../server/*',
              ],
              'db sits below sync, features and app.',
            ),
            { group: ['rxdb/plugins/dev-mode'], message: 'Dev-mode: tests only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            react,
            layer(
              ['../features/*', '../../features/*', '../app/*', '../../app/*', '../server/*', '../../server/*'],
              'sync sits below features and app.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/sync/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            rxdb,
            react,
            stores,
            layer(
              ['../../db', '../../db/*', '../replication', '../syncStatus', '../index'],
              'The wire contract depends on the domain only.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            rxdb,
            otherFeatureInternals,
            layer(
              ['../../app/*', '../../server/*', '../../db/*', '../../sync/*', '!../../sync/protocol'],
              'Features use db and sync through their index, never app or server.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            rxdb,
            layer(
              ['../server/*', '../features/*/*'],
              'The app shell uses features through their index and never the server.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            rxdb,
            react,
            stores,
            {
              regex: '^(\\.\\./)+(db|features|app)(/|$)',
              message: 'The server imports only the domain and sync/protocol.',
            },
            {
              regex: '^(\\.\\./)+sync(?!/protocol)(/|$)',
              message: 'The server imports only the domain and sync/protocol.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB'],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', '**/*.test.{ts,tsx}', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
