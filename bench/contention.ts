/**
 * Section 8: clients sharing one bucket with others (test/support/contention.ts runs each case: real worker
 * processes, a raw-fetch "other app", an earlier run's use, Redis killed mid-run). okta-sessions' rows run
 * `trials` times and report each figure's median and its worst run; Okta's SDK once, beside.
 */
import { type ContendingClient, type ContentionCase, runContention } from '../test/support/contention.js';
import { median } from './lib/stats.js';

export type ContentionScenarioId = 'four' | 'beside' | 'fresh' | 'redis' | 'redisKilled' | 'alone';

export interface ContentionScenario {
  id: ContentionScenarioId;
  name: string;
  setup: Omit<ContentionCase, 'client'>;
  clients: readonly ContendingClient[];
}

/** One run's figures. */
export interface ContentionFigures {
  failed: number;
  rateLimited: number;
  /** 429s to the other app, as a share of its requests (0 without one). */
  otherAppRateLimitedShare: number;
  /** Total time over the minimum the bucket allows (with the earlier run's and the other app's use). */
  vsMinimum: number;
}

const FIGURES = ['failed', 'rateLimited', 'otherAppRateLimitedShare', 'vsMinimum'] as const;

export interface ContentionRow {
  id: ContentionScenarioId;
  scenario: string;
  client: ContendingClient;
  requests: number;
  trials: number;
  median: ContentionFigures;
  worst: ContentionFigures;
  /** The first failure's message of any run, when calls failed. */
  firstFailure: string | undefined;
}

const BUCKET = { limit: 40, windowMs: 1_000 };
const OURS = 'okta-sessions';
const SDK = '@okta/okta-sdk-nodejs';
const REDIS = 'okta-sessions + Redis store';

export const CONTENTION_SCENARIOS: readonly ContentionScenario[] = [
  { id: 'four', name: '4 processes × 100, no store', setup: { processes: 4, perProcess: 100, ...BUCKET }, clients: [OURS, SDK] },
  {
    id: 'beside',
    name: 'beside another app using half the bucket (200 gets; it sends 20/s)',
    setup: { processes: 1, perProcess: 200, otherAppPerSecond: 20, ...BUCKET },
    clients: [OURS, SDK],
  },
  {
    id: 'fresh',
    name: 'a fresh process, 60 gets into a window with 5 left',
    setup: { processes: 1, perProcess: 60, usedBefore: 35, ...BUCKET },
    clients: [OURS, SDK],
  },
  { id: 'redis', name: '4 processes × 100, Redis store', setup: { processes: 4, perProcess: 100, ...BUCKET }, clients: [REDIS] },
  {
    id: 'redisKilled',
    name: '4 processes × 100, Redis store killed after 3 s',
    setup: { processes: 4, perProcess: 100, killRedisAfterMs: 3_000, ...BUCKET },
    clients: [REDIS],
  },
  { id: 'alone', name: 'one process alone, 400 gets', setup: { processes: 1, perProcess: 400, ...BUCKET }, clients: [OURS] },
];

export async function measureContention(
  scenarios: readonly ContentionScenario[],
  trials: number,
  log: (line: string) => void = () => {},
): Promise<ContentionRow[]> {
  const rows: ContentionRow[] = [];
  for (const scenario of scenarios) {
    for (const client of scenario.clients) {
      const runs = client === SDK ? 1 : trials;
      const figures: ContentionFigures[] = [];
      let firstFailure: string | undefined;
      for (let trial = 0; trial < runs; trial++) {
        const result = await runContention({ ...scenario.setup, client });
        firstFailure ??= result.firstFailure;
        const other = result.otherApp;
        figures.push({
          failed: result.failed,
          rateLimited: result.rateLimited,
          otherAppRateLimitedShare: other && other.requests > 0 ? other.rateLimited / other.requests : 0,
          vsMinimum: result.totalMs / result.minimumMs,
        });
        log(
          `${scenario.name}, ${client}: ${result.failed} failed, ${result.rateLimited} 429s${other ? `, other app ${other.rateLimited} of ${other.requests}` : ''}, ${Math.round(result.totalMs)} ms`,
        );
      }
      const summary = (pick: (values: number[]) => number) =>
        Object.fromEntries(FIGURES.map((figure) => [figure, pick(figures.map((run) => run[figure]))])) as unknown as ContentionFigures;
      rows.push({
        id: scenario.id,
        scenario: scenario.name,
        client,
        requests: scenario.setup.processes * scenario.setup.perProcess,
        trials: runs,
        median: summary(median),
        worst: summary((values) => Math.max(...values)),
        firstFailure,
      });
    }
  }
  return rows;
}
