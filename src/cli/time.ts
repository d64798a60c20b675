/** Times on the command line: a span back from now (`30m`, `24h`, `7d`) or an ISO 8601 time. */
import { UsageError } from './exit.js';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A span such as `90s`, `30m`, `24h`, `7d`, in ms; undefined for anything else. */
export function spanMs(value: string): number | undefined {
  const match = /^(\d+)([smhd])$/.exec(value);
  return match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : undefined;
}

/** `--since 24h` or `--since 2026-12-01T00:00:00Z` as a time. */
export function timeFlag(value: string, flag: string, nowMs = Date.now()): Date {
  const span = spanMs(value);
  if (span !== undefined) return new Date(nowMs - span);
  const ms = /^\d{4}-\d{2}-\d{2}(T|$)/.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms))
    throw new UsageError(
      `--${flag} takes a span back from now (30m, 24h, 7d) or an ISO 8601 time (2026-12-01T00:00:00Z); got ${JSON.stringify(value)}`,
    );
  return new Date(ms);
}

/** `--since` and `--until` as given, each a time or undefined when left out. */
export function timeWindow(values: { since?: string | undefined; until?: string | undefined }): {
  since: Date | undefined;
  until: Date | undefined;
} {
  return {
    since: values.since === undefined ? undefined : timeFlag(values.since, 'since'),
    until: values.until === undefined ? undefined : timeFlag(values.until, 'until'),
  };
}

/** `--verify-timeout 2m` (or a number of seconds) as ms. */
export function durationFlag(value: string, flag: string): number {
  const ms = spanMs(value) ?? (/^\d+$/.test(value) ? Number(value) * 1000 : undefined);
  if (ms === undefined) throw new UsageError(`--${flag} takes a duration such as 90s, 5m or 1h; got ${JSON.stringify(value)}`);
  return ms;
}
