/**
 * The simulation that chose pacing's numbers (src/pacing/window-share.ts, PACING_TUNING): the scenarios of
 * test/pacing/bucket-sharing.test.ts on a simulated clock, for the chosen numbers and for others, one
 * number changed at a time. Deterministic (Math.random is seeded), so docs/pacing.md's table is checked
 * against it by test/docs.test.ts; `make docs` rewrites it.
 */
import { PACING_TUNING, type PacingTuning } from '../src/pacing/window-share.js';
import { type Simulation, simulate } from '../test/support/bucket-simulation.js';

const BUCKET = { limit: 40, windowMs: 1000 };

/** The scenarios: what a client meets in a shared bucket. */
export const SCENARIOS: Record<string, Simulation> = {
  'alone, 400 at once': { ...BUCKET, clients: [{ want: 400 }] },
  'four clients of 100': { ...BUCKET, clients: Array.from({ length: 4 }, () => ({ want: 100 })), latencyMs: 8 },
  'eight clients of 50': { ...BUCKET, clients: Array.from({ length: 8 }, () => ({ want: 50 })), latencyMs: 2 },
  'beside an app using half': { ...BUCKET, clients: [{ want: 200 }], otherAppEveryMs: 50 },
  'a window an earlier run left with 5': { ...BUCKET, clients: [{ want: 60 }], usedBefore: 35 },
};

/** One number changed at a time, each to values around the chosen one. */
const VARIANTS: { name: keyof PacingTuning; values: number[] }[] = [
  { name: 'sampleShare', values: [0, 0.05, 0.1, 0.2, 0.4] },
  { name: 'sampleBurstShare', values: [0.05, 0.2, 0.5, 1] },
  { name: 'learnJitterShare', values: [0, 0.05, 0.2] },
];

/** mulberry32: the same jitter every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A scenario's figures for one tuning: the clients' 429s, the other app's, and the time against the fewest windows. */
function run(simulation: Simulation, tuning: PacingTuning): string {
  const random = Math.random;
  Math.random = seeded(24);
  try {
    const result = simulate({ ...simulation, tuning });
    const rateLimited = result.clients.reduce((sum, client) => sum + client.rateLimited, 0);
    const other = simulation.otherAppEveryMs ? ` (other app ${result.other.rateLimited})` : '';
    return `${rateLimited}${other} · ${(result.totalMs / result.minimumMs).toFixed(2)}×`;
  } finally {
    Math.random = random;
  }
}

/** docs/pacing.md's table: a row per tuning tried, a column per scenario (429s · time against the minimum). */
export function tuningTable(): string {
  const names = Object.keys(SCENARIOS);
  const rows = [`| tuning | ${names.join(' | ')} |`, `|---|${names.map(() => '---').join('|')}|`];
  const row = (label: string, tuning: PacingTuning) =>
    rows.push(`| ${label} | ${names.map((name) => run(SCENARIOS[name] as Simulation, tuning)).join(' | ')} |`);
  row('**chosen**', PACING_TUNING);
  for (const { name, values } of VARIANTS) {
    for (const value of values) if (value !== PACING_TUNING[name]) row(`${name} ${value}`, { ...PACING_TUNING, [name]: value });
  }
  return rows.join('\n');
}

if (process.argv[1]?.endsWith('pacing-tuning.ts')) console.log(tuningTable());
