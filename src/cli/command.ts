import { OktaSessions } from '../index.js';
import type { OktaSessionsOptions } from '../client/options.js';
import type { Session } from '../types.js';
import type { CliIo } from './io.js';
import type { Values } from './options.js';
import { describeSession } from './output.js';

/** One command of the tool: how many arguments it takes, and what it does with them. Returns the exit code. */
export interface Command {
  /** Positional arguments it takes, at least and at most. */
  arguments: readonly [number, number];
  /** What its first argument names, for the error report: the CLI's output gives it whole. */
  subject?: { key: string; label: string };
  /** Its run is a bulk run whatever its input (a list or arguments): the bulk flags apply without --from. */
  runsInBulk?: boolean;
  /** `revoke --from`, `get --from`, `clear-user --from`: a bulk run of a list. */
  bulk?: (values: Values, io: CliIo) => Promise<number>;
  run(args: readonly string[], values: Values, io: CliIo): Promise<number>;
}

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
