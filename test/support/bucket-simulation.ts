/**
 * BucketModels sharing one Okta-like bucket on a simulated clock (1 ms steps): no
 * timers, no sockets. The bucket counts fixed windows opened by the first request
 * after the last one ended, its reset header rounded up to a second, Date rounded
 * down. Each model is a client with `want` requests to make, up to 20 in flight,
 * that resends whatever drew a 429; an "other app" may send at a steady rate and
 * never waits. Answers take `latencyMs`.
 */
import { BucketModel } from '../../src/pacing/bucket-model.js';
import type { PacingTuning } from '../../src/pacing/window-share.js';
import type { RateLimitReading } from '../../src/pacing/rate-limit-reading.js';
import { ServerClock } from '../../src/helpers/server-clock.js';

export interface SimulatedClient {
  want: number;
  maxShare?: number;
}

export interface Simulation {
  limit: number;
  windowMs: number;
  clients: SimulatedClient[];
  /** The other app sends one request this often. */
  otherAppEveryMs?: number;
  /** Requests an earlier run used of the window the clients start in. */
  usedBefore?: number;
  latencyMs?: number;
  /** Gives up here (a model that never lets its requests go). */
  maxMs?: number;
  /** The heuristics' numbers, when not the client's own (bench/pacing-tuning.ts tries others). */
  tuning?: PacingTuning;
}

export interface SimulationResult {
  /** Per client: 429s drawn, and when its last request was answered well (ms from the start). */
  clients: { rateLimited: number; doneAtMs: number }[];
  other: { sent: number; rateLimited: number };
  /** The fewest windows after the first the clients need, given what the others use of each. */
  minimumMs: number;
  totalMs: number;
}

const START = Date.parse('2026-05-01T10:00:00.250Z');
const MAX_IN_FLIGHT = 20;

export function simulate({
  limit,
  windowMs,
  clients,
  otherAppEveryMs,
  usedBefore = 0,
  latencyMs = 4,
  maxMs = 60_000,
  tuning,
}: Simulation): SimulationResult {
  let window: { startMs: number; used: number } | undefined;
  const take = (now: number) => {
    if (!window || now >= window.startMs + windowMs) window = { startMs: now, used: 0 };
    const allowed = window.used < limit;
    if (allowed) window.used++;
    const reading: RateLimitReading = {
      limit,
      remaining: limit - window.used,
      resetAtMs: Math.ceil((window.startMs + windowMs) / 1000) * 1000,
      serverDateMs: Math.floor(now / 1000) * 1000,
      concurrencyLimited: false,
      retryAfterMs: undefined,
    };
    return { allowed, reading };
  };
  for (let i = 0; i < usedBefore; i++) take(START);

  const states = clients.map((client) => ({
    model: new BucketModel(0, new ServerClock(), client.maxShare, tuning),
    left: client.want,
    inFlight: 0,
    rateLimited: 0,
    doneAtMs: 0,
  }));
  const answers: { at: number; run: () => void }[] = [];
  const other = { sent: 0, rateLimited: 0 };
  let now = START;
  for (; now < START + maxMs; now++) {
    if (otherAppEveryMs && (now - START) % otherAppEveryMs === 0) {
      other.sent++;
      if (!take(now).allowed) other.rateLimited++;
    }
    for (const state of states) {
      while (state.left > state.inFlight && state.inFlight < MAX_IN_FLIGHT && state.model.heldUntil(now) <= now) {
        const learns = state.model.acquire(now);
        state.inFlight++;
        const sentAt = now;
        // Okta counts the request half way; its answer comes back after the latency.
        answers.push({
          at: sentAt + latencyMs / 2,
          run: () => {
            const { allowed, reading } = take(sentAt + latencyMs / 2);
            answers.push({
              at: sentAt + latencyMs,
              run: () => {
                state.inFlight--;
                state.model.release(learns, reading, sentAt + latencyMs);
                if (allowed) {
                  state.left--;
                  state.doneAtMs = sentAt + latencyMs - START;
                } else state.rateLimited++;
              },
            });
          },
        });
      }
    }
    const due = answers.filter((answer) => answer.at <= now + 1);
    for (const answer of due) answers.splice(answers.indexOf(answer), 1);
    for (const answer of due.sort((a, b) => a.at - b.at)) answer.run();
    if (states.every((state) => state.left === 0) && answers.length === 0) break;
  }
  const total = clients.reduce((sum, client) => sum + client.want, 0);
  const otherPerWindow = otherAppEveryMs ? Math.ceil(windowMs / otherAppEveryMs) : 0;
  return {
    clients: states.map(({ rateLimited, doneAtMs }) => ({ rateLimited, doneAtMs })),
    other,
    minimumMs: Math.ceil(Math.max(0, total - (limit - usedBefore - otherPerWindow)) / (limit - otherPerWindow)) * windowMs,
    totalMs: now - START,
  };
}
