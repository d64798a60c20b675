/** The `okta-sessions` command: finds the command a command line names in the table, checks its arguments, and runs it. */
import type { Command } from './command.js';
import { commandNamed, COMMANDS } from './commands/index.js';
import { EXIT, UsageError } from './exit.js';
import type { CliIo } from './io.js';
import { givenCommandFlags, parseCommandLine, type Values } from './options.js';
import { reportError } from './report-error.js';
import { commandHelp, nearestCommand, toolUsage } from './usage.js';

export type { CliIo } from './io.js';

/** The commands that take `flag`, as a message names them. */
function takersOf(flag: string): string {
  const takers = Object.entries(COMMANDS)
    .filter(([, command]) => (command.flags as readonly string[]).includes(flag))
    .map(([name]) => name);
  return takers.length > 1 ? `${takers.slice(0, -1).join(', ')} or ${takers.at(-1)}` : (takers[0] ?? 'no command');
}

/** Runs the command once its flags and arguments fit it. */
function runCommand(name: string, command: Command, args: readonly string[], values: Values, io: CliIo): Promise<number> {
  for (const flag of givenCommandFlags(values)) {
    if (!command.flags.includes(flag))
      throw new UsageError(`--${flag} goes with ${takersOf(flag)}, not ${name}\n\n${commandHelp(name, command)}`);
  }
  if (values.from !== undefined && args.length > 0)
    throw new UsageError(`${name}: give the inputs on the command line or with --from, not both`);
  const [least, most] = command.arguments;
  if (values.from === undefined && (args.length < least || args.length > most)) throw new UsageError(commandHelp(name, command));
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
    return reportError(error, json, { err: json ? io.err : (line) => io.err(`${line}\n\n${toolUsage()}`) });
  }
  if (values.version) {
    io.out(io.version);
    return EXIT.ok;
  }
  const [name, ...args] = positionals;
  if (name === 'help') {
    const topic = args[0] === undefined ? undefined : commandNamed(args[0]);
    if (args.length > 1 || (args[0] !== undefined && !topic))
      return reportError(new UsageError(`No help for ${JSON.stringify(args.join(' '))}.`), values.json, io);
    io.out(topic ? commandHelp(args[0] as string, topic) : toolUsage());
    return EXIT.ok;
  }
  if (!name) {
    (values.help ? io.out : io.err)(toolUsage());
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const command = commandNamed(name);
  if (!command) {
    const nearest = nearestCommand(name);
    const hint = nearest ? `Did you mean ${nearest}? ` : '';
    return reportError(
      new UsageError(`Unknown command ${JSON.stringify(name)}. ${hint}See okta-sessions --help for the commands.`),
      values.json,
      io,
    );
  }
  if (values.help) {
    io.out(commandHelp(name, command));
    return EXIT.ok;
  }
  try {
    return await runCommand(name, command, args, values, io);
  } catch (error) {
    const subject = command.subject && args.length === 1 ? { ...command.subject, value: args[0] as string } : undefined;
    return reportError(error, values.json, io, subject);
  }
}
