import { defineConfig } from 'vitest/config';

// Unit tests only; the browser tests in e2e/ run through vitest.e2e.config.ts against a real server.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'bundle/**/*.test.ts', '*.test.ts'],
    passWithNoTests: true,
  },
});
