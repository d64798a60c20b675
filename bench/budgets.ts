/**
 * The package's size budgets, stated once: test/pack.test.ts holds every `make test` to them (the packed
 * tarball installed into a fresh project, and bundled for browsers), and bench/report.ts reports them.
 */
export const SIZE_BUDGETS = {
  /** What `npm install okta-sessions` adds to node_modules: the package and its dependencies, in bytes. */
  installBytes: 1_000_000,
  /** What a browser page loads up front for `new OktaSessions(…)`, minified and gzipped, in bytes (OAuth and shared pacing load on first use). */
  browserUpFrontGzipBytes: 17 * 1024,
} as const;
