/** The okta-sessions command run in this process through `main()`: its streams are arrays, its stdin a string, Ctrl-C a function. */
import { main } from '../../src/cli/main.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout's lines parsed as JSON, for a run with --json. */
  json: () => Record<string, unknown>[];
}

export interface InProcessOptions {
  env?: Record<string, string>;
  stdin?: string;
  /** Called with the interrupt handler once the command listens for Ctrl-C: a test presses it. */
  onInterruptListening?: (interrupt: () => void) => void;
}

export async function runMain(
  argv: string[],
  { env = {}, stdin = '', onInterruptListening }: InProcessOptions = {},
): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env,
    version: '0.0.0-test',
    readStdin: async () => stdin,
    onInterrupt: (handler) => {
      onInterruptListening?.(handler);
      return () => {};
    },
  });
  const stdout = out.map((line) => `${line}\n`).join('');
  return {
    code,
    stdout,
    stderr: err.map((line) => `${line}\n`).join(''),
    json: () =>
      out
        .flatMap((line) => line.split('\n'))
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
