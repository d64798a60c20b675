/** How many inputs each property runs; docs/reliability.md reports these numbers. */
export const FUZZ_RUNS = {
  cliOutcomes: 40,
  sessionIds: 2_000,
  responses: 500,
  rateLimitHeaders: 5_000,
  secrets: 300,
} as const;
