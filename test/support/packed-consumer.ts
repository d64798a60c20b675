import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs a command; a failure's message carries its output (tsc prints its errors on stdout). */
export function run(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): string {
  try {
    return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/**
 * Packs the package as npm would publish it (prepack builds dist/) into `work`, and installs the
 * tarball into a fresh consumer project there (`package.json` fields from `manifest`); returns its directory.
 */
export function packedConsumer(work: string, manifest: Record<string, unknown> = {}): string {
  run('npm', ['pack', '--pack-destination', work, '--loglevel=error'], process.cwd());
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack produced no tarball');
  const consumer = join(work, 'consumer');
  mkdirSync(consumer, { recursive: true });
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '1.0.0', ...manifest }));
  run('npm', ['install', join(work, tarball), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], consumer);
  return consumer;
}
