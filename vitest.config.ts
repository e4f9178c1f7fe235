import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Engine tests build images; running every file at once on a 2-core machine starves them.
    maxWorkers: 2,
  },
});
