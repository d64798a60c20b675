import { type ChildProcess, execFile } from 'node:child_process';
import { expect } from 'vitest';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The okta-sessions command as a user runs it, as a child process. */
export const CLI = ['node', '--import', 'tsx', 'src/cli/bin.ts'] as const;

/**
 * Runs the CLI with `env` (over a bare PATH) and `input` on its stdin. `started`
 * gets the child, for tests that signal it mid-run.
 */
export function runCli(args: string[], env: Record<string, string>, input = '', started?: (child: ChildProcess) => void): Promise<CliRun> {
  return new Promise((resolve) => {
    const [command, ...prefix] = CLI;
    const child = execFile(
      command,
      [...prefix, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        resolve({
          code: child.exitCode ?? (error ? ((error as { code?: number }).code ?? null) : 0),
          signal: child.signalCode,
          stdout,
          stderr,
        });
      },
    );
    child.stdin?.end(input);
    started?.(child);
  });
}

/** No stack trace: every line of stderr is a message, not `    at …`. */
export function expectNoStack(run: Pick<CliRun, 'stderr'>): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
}
