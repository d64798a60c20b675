/**
 * The per-call figures on other Node majors: each is installed from the npm
 * registry's `node` package (it ships the binary) into bench/.node/, once, and
 * runs bench/per-call.ts in a child process of its own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PerCallResults } from './per-call.js';

const CACHE = resolve('bench/.node');

function nodeBinary(major: number): string {
  const prefix = join(CACHE, String(major));
  const binary = join(prefix, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `node@${major}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return binary;
}

export function measureOnNode(major: number, log: (line: string) => void): PerCallResults {
  const binary = nodeBinary(major);
  log(`Node ${major}: ${execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim()}`);
  const child = spawnSync(binary, ['--expose-gc', '--import', 'tsx', 'bench/per-call.ts'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench/per-call.ts on Node ${major} exited with ${child.status}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) as string) as PerCallResults;
}
