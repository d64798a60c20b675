import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs a command; a failure's message carries its output (tsc prints its errors on stdout). */
export function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/**
 * Packs a package as npm would publish it (this one by default, whose prepack builds dist/; or a registry
 * spec) into `work`, and installs the tarball into a fresh consumer project there (`package.json` fields
 * from `manifest`). Returns the consumer's directory and the tarball's path.
 */
export function packedConsumer(
  work: string,
  { manifest = {}, spec = process.cwd() }: { manifest?: Record<string, unknown>; spec?: string } = {},
): { consumer: string; tarball: string } {
  run('npm', ['pack', spec, '--pack-destination', work, '--prefer-offline', '--loglevel=error'], process.cwd());
  const packed = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!packed) throw new Error(`npm pack ${spec} produced no tarball`);
  const tarball = join(work, packed);
  const consumer = join(work, 'consumer');
  mkdirSync(consumer, { recursive: true });
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '1.0.0', ...manifest }));
  run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], consumer);
  return { consumer, tarball };
}

/** The bytes of every file under `path`, as an install's footprint is counted. */
export function directorySize(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) total += directorySize(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}
