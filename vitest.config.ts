import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // One fork per file: nock and fake timers patch globals.
    pool: 'forks',
    // The benchmark smoke test measures heap after full GCs.
    execArgv: ['--expose-gc'],
  },
});
