import { describe, expect, it } from 'vitest';
import { createLog, type Logger } from '../../src/helpers/log.js';

function recording(): Logger & { lines: [string, string, Record<string, unknown> | undefined][] } {
  const lines: [string, string, Record<string, unknown> | undefined][] = [];
  const at = (level: string) => (message: string, record?: Record<string, unknown>) => lines.push([level, message, record]);
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

describe('createLog', () => {
  it('writes the levels at and above the one chosen, a message and a record each', () => {
    const logger = recording();
    const log = createLog(logger, 'info', undefined);
    expect(log.enabled).toEqual({ error: true, warn: true, info: true, debug: false });
    for (const level of ['debug', 'info', 'warn', 'error'] as const) log.write(level, `a ${level} line`, { level });
    expect(logger.lines).toEqual([
      ['info', 'a info line', { level: 'info' }],
      ['warn', 'a warn line', { level: 'warn' }],
      ['error', 'a error line', { level: 'error' }],
    ]);
    expect(createLog(logger, 'off', undefined).enabled).toEqual({ error: false, warn: false, info: false, debug: false });
  });

  it('takes the level from the environment unless the option says, warn otherwise, and says when the environment names no level', () => {
    expect(createLog(recording(), undefined, 'DEBUG').enabled.debug).toBe(true);
    expect(createLog(recording(), 'error', 'debug').enabled.warn).toBe(false);
    expect(createLog(recording(), undefined, undefined).enabled).toEqual({ error: true, warn: true, info: false, debug: false });
    const logger = recording();
    expect(createLog(logger, undefined, 'loud').enabled.info).toBe(false);
    expect(logger.lines).toEqual([
      ['warn', 'OKTA_SESSIONS_LOG="loud" is not a level (off, error, warn, info, debug); logging at warn', {}],
    ]);
  });

  it('refuses a logger without the four methods and a level that is none, saying what fits', () => {
    expect(() => createLog({ info() {} }, undefined, undefined)).toThrow(
      'logger must have debug, info, warn and error methods (console, pino and winston loggers do)',
    );
    expect(() => createLog(console, 'verbose', undefined)).toThrow('logLevel must be one of off, error, warn, info, debug; got "verbose"');
  });

  it('a logger that throws never fails the caller', () => {
    const log = createLog(
      {
        debug: () => {},
        info: () => {},
        warn: () => {
          throw new Error('disk full');
        },
        error: () => {},
      },
      'warn',
      undefined,
    );
    expect(() => log.write('warn', 'x', {})).not.toThrow();
  });
});
