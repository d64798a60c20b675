/**
 * The client's log: a logger of the caller's (anything with `debug`, `info`,
 * `warn` and `error`: `console`, pino, winston) behind a level. Each line is a
 * message and a record of plain fields, so structured loggers get fields. A
 * level that is off costs one property read: callers check `enabled` before
 * building a record. A logger that throws never fails a call.
 */

/** How much the client logs: `off`, or the least severe level written. Default: `OKTA_SESSIONS_LOG` on Node, else `warn`. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Where the client logs: `console`, pino, winston, or anything with these four methods. A logger that throws never fails a call. */
export interface Logger {
  /** Every attempt and wait. */
  debug(message: string, record?: Record<string, unknown>): void;
  /** Retries, long pacing waits, a rate-limit store back. */
  info(message: string, record?: Record<string, unknown>): void;
  /** A rate-limit store down, a clock off Okta's. */
  warn(message: string, record?: Record<string, unknown>): void;
  /** Not written by the client today; part of the interface loggers have. */
  error(message: string, record?: Record<string, unknown>): void;
}

const RANKS: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
export const LOG_LEVELS = Object.keys(RANKS) as LogLevel[];
/** As openai-node: warnings and errors unless told otherwise. */
export const DEFAULT_LOG_LEVEL: LogLevel = 'warn';

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(RANKS, value);
}

type Level = Exclude<LogLevel, 'off'>;

export class Log {
  /** Which levels write: check before building a record. */
  readonly enabled: Readonly<Record<Level, boolean>>;
  readonly #logger: Logger;

  constructor(logger: Logger, level: LogLevel) {
    this.#logger = logger;
    const rank = RANKS[level];
    this.enabled = { error: rank >= 1, warn: rank >= 2, info: rank >= 3, debug: rank >= 4 };
  }

  write(level: Level, message: string, record: Record<string, unknown>): void {
    if (!this.enabled[level]) return;
    try {
      this.#logger[level](message, record);
    } catch {
      // A logger's failure must not fail the call it reports on.
    }
  }
}

/** A log that writes nothing: for the parts of a call that have no client (a test's plan). */
export const SILENT_LOG = new Log({ debug() {}, info() {}, warn() {}, error() {} }, 'off');

/**
 * The client's log from its options: `logLevel` wins; else the environment's level (`OKTA_SESSIONS_LOG`,
 * where the runtime has one); else warn. A level the environment names wrongly is said, as a warning.
 */
export function createLog(logger: unknown, logLevel: unknown, environmentLevel: string | undefined): Log {
  const chosen = logger ?? console;
  if (
    typeof chosen !== 'object' ||
    chosen === null ||
    !(['debug', 'info', 'warn', 'error'] as const).every((method) => typeof (chosen as Record<string, unknown>)[method] === 'function')
  ) {
    throw new TypeError('logger must have debug, info, warn and error methods (console, pino and winston loggers do)');
  }
  if (logLevel !== undefined && !isLogLevel(logLevel))
    throw new TypeError(`logLevel must be one of ${LOG_LEVELS.join(', ')}; got ${JSON.stringify(logLevel)}`);
  const fromEnvironment = environmentLevel === undefined || environmentLevel === '' ? undefined : environmentLevel.trim().toLowerCase();
  const level = logLevel ?? (isLogLevel(fromEnvironment) ? fromEnvironment : DEFAULT_LOG_LEVEL);
  const log = new Log(chosen as Logger, level);
  if (logLevel === undefined && fromEnvironment !== undefined && !isLogLevel(fromEnvironment)) {
    log.write(
      'warn',
      `OKTA_SESSIONS_LOG=${JSON.stringify(environmentLevel)} is not a level (${LOG_LEVELS.join(', ')}); logging at ${DEFAULT_LOG_LEVEL}`,
      {},
    );
  }
  return log;
}
