import { OktaSessions } from '../index.js';
import type { OktaSessionsOptions } from '../client/options.js';
import type { Session } from '../types.js';
import { sessionIdRefusal } from './bulk/sessions.js';
import { UsageError } from './exit.js';
import type { CliIo } from './io.js';
import type { CommandFlag, Values } from './options.js';
import { describeSession } from './output.js';

/**
 * One command of the tool, whole: what help says of it, what it takes, the OAuth scopes it asks for, and what
 * it does. `main.ts` dispatches from the table of them (commands/index.ts); usage is rendered from it.
 */
export interface Command {
  /** One line in the tool's usage, after its synopsis. */
  summary: string;
  /** Its synopsis lines, without the tool's name. */
  synopsis: readonly string[];
  /** What it does, for `help <command>`: a few lines. */
  description: string;
  /** Positional arguments it takes, at least and at most. */
  arguments: readonly [number, number];
  /** Flags it takes besides the ones every command takes. */
  flags: readonly CommandFlag[];
  /** Whether it needs credentials (`me` sends a cookie, `serve` nothing). */
  credentials: 'required' | 'none';
  /** The OAuth scopes it asks a service app for when neither --scopes nor OKTA_SCOPES says (some only with some flags). */
  scopes: readonly string[] | ((values: Values) => readonly string[]);
  /** What its first argument names, for an error report: the CLI's output gives it whole (the library's errors shorten a session id). */
  subject?: { key: string; label: string };
  /** Returns the exit code; every failure it cannot report itself is thrown and reported by `main`. */
  run(args: readonly string[], values: Values, io: CliIo): Promise<number>;
}

/** A session id a person typed, checked as a bulk list checks its ids: refused before anything is sent. */
export function sessionIdArgument(value: string): string {
  const problem = sessionIdRefusal(value);
  if (problem) throw new UsageError(problem);
  return value;
}

export const SESSION_ID = { key: 'sessionId', label: 'session id' } as const;

/** Runs `use` with a client for these options, closed afterwards. */
export async function withClient<T>(options: OktaSessionsOptions, use: (okta: OktaSessions) => Promise<T>): Promise<T> {
  const okta = new OktaSessions(options);
  try {
    return await use(okta);
  } finally {
    await okta.close();
  }
}

/** A session on stdout: as text, or as JSON with --json. */
export function printSession(session: Session, values: Values, io: CliIo): void {
  io.out(values.json ? JSON.stringify(session, null, 2) : describeSession(session));
}
