import { execFileSync } from 'node:child_process';

/**
 * The path of a system tool the tests drive for real (Chromium, redis-server). `make test` installs it with
 * apt-get when it can; when it is still missing the test fails with the command to run, never skips.
 */
export function systemTool(commands: readonly string[], debianPackage: string): string {
  for (const command of commands) {
    try {
      return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error(
    `${commands[0]} is not installed: run \`apt-get install -y ${debianPackage}\` (make test does it when run as root with apt-get)`,
  );
}
