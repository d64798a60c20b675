/** Scratch copies of openapi/ and generated/ so the spec scripts can write without touching the repository. */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { operationIds, parseSpec, provenanceFor, sha256 } from '../../scripts/lib/spec-io.ts';

const ROOT = process.cwd();
const workdirs: string[] = [];
afterEach(() => {
  for (const dir of workdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  workdirs.push(dir);
  return dir;
}

export function scratch(): string {
  const dir = tempDir('okta-sessions-workflow-');
  cpSync(join(ROOT, 'openapi'), join(dir, 'openapi'), { recursive: true });
  cpSync(join(ROOT, 'generated'), join(dir, 'generated'), { recursive: true });
  return dir;
}

export const RELEASE_2025_FIXTURE = join(ROOT, 'test/fixtures/contract/release-2025.08.0.yaml');

/** A scratch copy as it was before this project adopted 2026.06.3: the 2025.08.0 slice, all seven operations. */
export function atRelease2025(): string {
  const dir = scratch();
  const text = readFileSync(RELEASE_2025_FIXTURE, 'utf8').replace(/^#.*\n/, '');
  writeFileSync(join(dir, 'openapi/okta-sessions.yaml'), text);
  const slice = parseSpec(text, 'release-2025.08.0');
  const provenance = provenanceFor({ file: 'management-minimal-2025.08.0.yaml', sha256: sha256(text) }, slice, text, '2025.08.0');
  writeFileSync(join(dir, 'openapi/okta-sessions.source.json'), `${JSON.stringify(provenance, null, 2)}\n`);
  if (operationIds(slice).length !== 10) throw new Error('the 2025.08.0 fixture should have ten operations');
  return dir;
}

export function run(
  script: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'scripts', script), ...args],
      { cwd, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** The files update-spec writes. */
export const snapshot = (dir: string): string[] =>
  ['openapi/okta-sessions.yaml', 'openapi/okta-sessions.source.json', 'generated/okta-sessions.ts', 'generated/operations.ts'].map((file) =>
    readFileSync(join(dir, file), 'utf8'),
  );
