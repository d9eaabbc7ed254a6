import { defineConfig } from 'vitest/config';

// Browser tests drive the built app through a real server process: one file at a time,
// generous timeouts because the server migrates and seeds a fresh database first.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
