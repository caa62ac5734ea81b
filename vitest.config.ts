import { defineConfig } from 'vitest/config';

// One test run for the whole tree. Packages resolve each other through their `source`
// export condition, so tests run against the TypeScript sources, not stale builds.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: [
      'packages/*/src/**/__tests__/**/*.test.ts',
      'actions/*/src/**/__tests__/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    setupFiles: ['test/setup/fast-check.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
