import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Cluster, type ClusterNode, Redis } from 'ioredis';
import { type LearnedWindow, type RateLimitStore, STORE_POLL_MS, type StoreLease } from '../pacing/store.js';
import { RELEASE, ACQUIRE } from './scripts.js';

/** How `RedisRateLimitStore` keeps the shared buckets. */
export interface RedisRateLimitStoreOptions {
  /** Prefix of every key; default `okta-sessions`. Keys also name the org and the bucket, never a credential. */
  keyPrefix?: string;
  /** A lease ends by itself after this long, so a worker that dies mid-request does not hold capacity. Default 30 000. */
  leaseMs?: number;
  /** Requests in flight across every process, per bucket. Default 35, Okta's smallest concurrency limit. */
  maxInFlight?: number;
  /** A script that takes longer counts as Redis trouble: the client paces locally meanwhile. Default 200 (Redis answers in well under 1 ms; the rest is for a busy event loop). */
  timeoutMs?: number;
}

/**
 * An ioredis connection you made (its options are yours; a `Cluster` too), or a URL or a Redis Cluster's
 * nodes for one the store makes and closes.
 */
export type RedisConnection =
  | {
      /** `redis://…` or `rediss://…`: the store connects, and closes the connection with `close()`. */
      url: string;
    }
  | {
      /** A Redis Cluster's nodes: the store connects, and closes the connection with `close()`. */
      cluster: ClusterNode[];
    }
  | {
      /** Your ioredis `Redis` or `Cluster`: yours to close. */
      client: Redis | Cluster;
    };

/** How long a bucket's learned state outlives its last update. */
const STATE_TTL_MS = 3_600_000;

function positive(value: number | undefined, fallback: number, name: string): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result <= 0) throw new TypeError(`RedisRateLimitStore: ${name} must be a number > 0; got ${value}`);
  return result;
}

/** No offline queue: a command while Redis is away fails at once (and the client paces locally) instead of running later. */
function ownConnection(connection: RedisConnection): Redis | Cluster {
  const retryStrategy = (times: number) => Math.min(times * 100, 1000);
  if ('url' in connection && typeof connection.url === 'string')
    return new Redis(connection.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy });
  if ('cluster' in connection && Array.isArray(connection.cluster) && connection.cluster.length > 0) {
    return new Cluster(connection.cluster, {
      enableOfflineQueue: false,
      clusterRetryStrategy: retryStrategy,
      redisOptions: { maxRetriesPerRequest: 0 },
    });
  }
  throw new TypeError(
    'RedisRateLimitStore needs { url: "redis://…" }, { cluster: [{ host, port }, …] } or { client: <ioredis Redis or Cluster> }',
  );
}

/**
 * Okta rate limits shared through Redis: one bucket state per org and bucket for
 * every process, changed only by atomic Lua scripts (acquire a lease, release it and
 * learn from the response). Pass it as `rateLimit.store`.
 */
export class RedisRateLimitStore implements RateLimitStore {
  readonly #client: Redis | Cluster;
  readonly #ownsClient: boolean;
  readonly #prefix: string;
  readonly #leaseMs: number;
  readonly #maxInFlight: number;
  readonly #timeoutMs: number;

  constructor(connection: RedisConnection, options: RedisRateLimitStoreOptions = {}) {
    if ('client' in connection && connection.client) {
      this.#client = connection.client;
      this.#ownsClient = false;
    } else {
      this.#client = ownConnection(connection);
      this.#client.on('error', () => {}); // Reported through the calls that fail, as onRateLimitStore events.
      this.#ownsClient = true;
    }
    this.#prefix = options.keyPrefix ?? 'okta-sessions';
    this.#leaseMs = positive(options.leaseMs, 30_000, 'leaseMs');
    this.#maxInFlight = positive(options.maxInFlight, 35, 'maxInFlight');
    this.#timeoutMs = positive(options.timeoutMs, 200, 'timeoutMs');
  }

  async acquire(key: string, reserve: number, nowMs: number): Promise<StoreLease> {
    const leaseId = randomUUID();
    const answer = (await this.#run(ACQUIRE, key, [nowMs, this.#leaseMs, this.#maxInFlight, reserve, leaseId, STORE_POLL_MS])) as number[];
    if (answer[0] === 1) return { leaseId };
    const [, retryAtMs, limit, remaining, reset] = answer as [number, number, number, number, number];
    return {
      retryAtMs,
      rateLimit: reset >= 0 && limit >= 0 && remaining >= 0 ? { limit, remaining, resetAt: new Date(reset) } : undefined,
    };
  }

  async release(key: string, leaseId: string, learned: LearnedWindow | undefined, _nowMs: number): Promise<void> {
    const window = learned ? [1, learned.limit, learned.remaining, learned.resetAtMs, learned.windowMs ?? ''] : [0, '', '', '', ''];
    await this.#run(RELEASE, key, [leaseId, ...window, STATE_TTL_MS]);
  }

  /** Closes the connection the store made from a URL; a client you passed stays yours to close. */
  async close(): Promise<void> {
    if (this.#ownsClient) await this.#client.quit().catch(() => this.#client.disconnect());
  }

  /** The bucket's keys; the `{…}` hash tag keeps both in one Redis Cluster slot. */
  #keys(key: string): [string, string] {
    const base = `${this.#prefix}:{${key}}`;
    return [`${base}:state`, `${base}:leases`];
  }

  /** Runs a script by its hash (loading it on first use), within `timeoutMs`. */
  async #run(script: string, key: string, args: (string | number)[]): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.#timeoutMs} ms`)), this.#timeoutMs);
    });
    try {
      return await Promise.race([this.#evaluate(script, this.#keys(key), args), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async #evaluate(script: string, keys: [string, string], args: (string | number)[]): Promise<unknown> {
    const { status } = this.#client;
    // The first connection is worth a short wait; a lost one is not (the client paces locally until it is back).
    if (status === 'connecting' || status === 'connect' || status === 'wait')
      await once(this.#client, 'ready', { signal: AbortSignal.timeout(this.#timeoutMs) });
    else if (status !== 'ready') throw new Error(`Redis is not connected (${status})`);
    try {
      return await this.#client.evalsha(sha1(script), keys.length, ...keys, ...args);
    } catch (error) {
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      return this.#client.eval(script, keys.length, ...keys, ...args);
    }
  }
}

const hashes = new Map<string, string>();
function sha1(script: string): string {
  let hash = hashes.get(script);
  if (!hash) {
    hash = createHash('sha1').update(script).digest('hex');
    hashes.set(script, hash);
  }
  return hash;
}
