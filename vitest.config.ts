// Vitest settings: PGlite start-up and corpus ingest make the first test of a file slow, so hooks get time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file starts its own embedded database; two at a time suits a 2-core machine.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
