import { defineConfig } from 'vitest/config';

/**
 * Suites that run once per engine: on Node the client sends through node:http(s) (the `node` project, every
 * test), and with a fetch (browsers, edge runtimes, a user's `fetch`) through fetch: the `fetch` project runs
 * these again with the package's other entry in place of the Node one.
 */
const PER_ENGINE_SUITES = [
  'test/faults/faults.test.ts',
  'test/http/retry.test.ts',
  'test/http/api-answer.test.ts',
  'test/client/client.test.ts',
  'test/client/users.test.ts',
  'test/client/call-promise.test.ts',
  'test/client/logging.test.ts',
  'test/testing/server.test.ts',
  'test/auth/oauth/authorizer.test.ts',
  'test/redis/store.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // One fork per file: nock and fake timers patch globals.
    pool: 'forks',
    // The benchmark smoke test measures heap after full GCs.
    execArgv: ['--expose-gc'],
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['test/**/*.test.ts'], exclude: ['test/runtimes/**', 'test/packed/**', '**/node_modules/**'] },
      },
      {
        extends: true,
        test: { name: 'fetch', include: PER_ENGINE_SUITES },
        resolve: { alias: [{ find: /^((?:\.\.\/)+)src\/index\.js$/, replacement: '$1src/universal.ts' }] },
      },
      // The packed package: in Bun, Deno and workerd, and the CLI as a responder installs it. Run after the others
      // (`npm test`), one file at a time: each packs the package, which rebuilds dist/.
      {
        extends: true,
        test: {
          name: 'packed',
          include: ['test/runtimes/**/*.test.ts', 'test/packed/**/*.test.ts'],
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
      // Every benchmark scenario with tiny counts: `make bench` runs it before measuring (not part of `make test`).
      { extends: true, test: { name: 'bench', include: ['bench/**/*.test.ts'], testTimeout: 120_000 } },
    ],
  },
});
