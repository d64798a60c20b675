/** The `okta-sessions` command: finds the command a command line names, checks its arguments, and runs it. */
import type { Command } from './command.js';
import { clearUser } from './commands/clear-user.js';
import { create } from './commands/create.js';
import { get } from './commands/get.js';
import { me } from './commands/me.js';
import { refresh } from './commands/refresh.js';
import { revoke } from './commands/revoke.js';
import { serve } from './commands/serve.js';
import { EXIT, UsageError } from './exit.js';
import type { CliIo } from './io.js';
import { BULK_FLAGS, parseCommandLine, type Values } from './options.js';
import { reportError } from './report-error.js';
import { HELP, USAGE } from './usage.js';

export type { CliIo } from './io.js';

const COMMANDS: Record<string, Command> = { get, refresh, revoke, create, me, serve, 'clear-user': clearUser };

/** Flags that only one command takes. */
const COMMAND_FLAGS = { 'keep-oauth-tokens': 'clear-user', 'forget-devices': 'clear-user', 'keep-devices': 'clear-user' } as const;

/** Runs the command, or its bulk run with --from, once its arguments fit it. */
function runCommand(name: string, command: Command, args: readonly string[], values: Values, io: CliIo): Promise<number> {
  const help = HELP[name] as string;
  for (const [flag, owner] of Object.entries(COMMAND_FLAGS)) {
    if (values[flag as keyof typeof COMMAND_FLAGS] && owner !== name) throw new UsageError(`--${flag} goes with ${owner}\n\n${help}`);
  }
  if (values.from !== undefined) {
    if (!command.bulk || args.length > 0)
      throw new UsageError(`--from goes with revoke, get or clear-user, without ids on the command line\n\n${help}`);
    return command.bulk(values, io);
  }
  const bulkOnly = BULK_FLAGS.find((flag) => values[flag] !== undefined && values[flag] !== false);
  if (bulkOnly && !command.runsInBulk) throw new UsageError(`--${bulkOnly} goes with --from\n\n${help}`);
  const [least, most] = command.arguments;
  if (args.length < least || args.length > most) throw new UsageError(help);
  return command.run(args, values, io);
}

/** Runs one command line and returns the exit code. Never throws: every failure is a message and a code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseCommandLine(argv));
  } catch (error) {
    const json = argv.includes('--json');
    return reportError(error, json, { err: json ? io.err : (line) => io.err(`${line}\n\n${USAGE}`) });
  }
  if (values.version) {
    io.out(io.version);
    return EXIT.ok;
  }
  const [name, ...args] = positionals;
  if (name === 'help') {
    if (args.length > 1 || (args[0] !== undefined && !HELP[args[0]]))
      return reportError(new UsageError(`No help for ${JSON.stringify(args.join(' '))}.\n\n${USAGE}`), values.json, io);
    io.out(args[0] ? (HELP[args[0]] as string) : USAGE);
    return EXIT.ok;
  }
  if (!name || (values.help && !HELP[name])) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return reportError(new UsageError(`Unknown command ${JSON.stringify(name)}.\n\n${USAGE}`), values.json, io);
  if (values.help) {
    io.out(HELP[name] as string);
    return EXIT.ok;
  }
  try {
    return await runCommand(name, command, args, values, io);
  } catch (error) {
    const subject = command.subject && args[0] !== undefined ? { ...command.subject, value: args[0] } : undefined;
    return reportError(error, values.json, io, subject);
  }
}
