import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/bench/**', '**/node_modules/**'],
    pool: 'forks',
    // Integration and browser tests start real servers; keep two at a time on a 2-core machine.
    maxWorkers: 2,
    testTimeout: 30_000,
    // Servers started in the suite log nothing unless a run asks (LOG_LEVEL=debug pnpm vitest …).
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
    hookTimeout: 60_000,
  },
});
