import { defineConfig } from 'vitest/config';

// Unit, database, server and sync tests run in Node; component tests (*.test.tsx) in jsdom.
// Browser tests live in test/e2e and run with vitest.e2e.config.ts against a real server and Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/**/*.test.ts',
            'test/server/**/*.test.ts',
            'test/sync/**/*.test.ts',
            'test/db/**/*.test.ts',
            'test/lint/**/*.test.ts',
            'test/e2e/harness/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['test/fixtures/setup-components.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
