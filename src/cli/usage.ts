/** What --help prints, rendered from the table of commands and the table of flags: nothing here is kept by hand per command. */
import type { Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import { flagHelp, flagSynopsis, GLOBAL_FLAGS } from './options.js';

const EXIT_CODES =
  'Exit codes: 0 every input done, 1 Okta answered an error (or an input was not done: not found, no such user, not sent),\n' +
  '2 usage or input error (nothing sent), 3 network error or timeout, 4 could not run here (port in use, unreadable stdin, a bug),\n' +
  '130 stopped by Ctrl-C or SIGTERM (rerun with the same --journal to finish).';

function flagLines(flags: readonly Parameters<typeof flagSynopsis>[0][]): string[] {
  return flags.map((flag) => `  ${flagSynopsis(flag).padEnd(24)} ${flagHelp(flag)}`);
}

/** The tool's usage: every command, the flags they all take, the exit codes. */
export function toolUsage(): string {
  const commands = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(12)} ${command.summary}`);
  return [
    'Usage: okta-sessions <command> [options]',
    '',
    'Commands:',
    ...commands,
    `  ${'help'.padEnd(12)} Show help for the tool or a command`,
    '',
    'Options (every command):',
    ...flagLines(GLOBAL_FLAGS),
    '',
    EXIT_CODES,
  ].join('\n');
}

/** One command's help: its synopsis, what it does, and its own flags. */
export function commandHelp(name: string, command: Command): string {
  const synopsis = command.synopsis.map((line, index) => `${index === 0 ? 'Usage:' : '      '} okta-sessions ${line}`);
  const flags = command.flags.length > 0 ? ['', 'Options:', ...flagLines(command.flags)] : [];
  return [
    ...synopsis,
    '',
    command.description,
    ...flags,
    '',
    `Every command also takes the options of okta-sessions --help (${name} included).`,
  ].join('\n');
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** The command a mistyped one most likely meant, when one is close. */
export function nearestCommand(name: string): string | undefined {
  const [best] = [...Object.keys(COMMANDS), 'help']
    .map((candidate) => ({ candidate, cost: candidate.startsWith(name) || name.startsWith(candidate) ? 1 : distance(name, candidate) }))
    .sort((a, b) => a.cost - b.cost);
  return best && best.cost <= Math.max(2, Math.floor(best.candidate.length / 3)) ? best.candidate : undefined;
}
