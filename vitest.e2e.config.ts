import { defineConfig } from 'vitest/config';

// Browser tests: the production build, the real server, Debian's Chromium. One file at a time (2-core machines).
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ['test/e2e/harness/seededTemplate.ts'],
  },
});
