import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Workspace packages resolve to their TypeScript sources in tests (see shared/package.json "source").
    conditions: ['source'],
  },
  test: {
    include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts'],
    globalSetup: ['server/src/test-support/redis-global-setup.ts'],
    // Two cores: one worker per core keeps socket-heavy integration tests from starving each other.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
