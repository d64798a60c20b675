import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSpec, toYaml } from '../../scripts/lib/spec-io.ts';
import { hasRealSpecs, NEEDS_SHARED, REAL_SPEC_2024 } from '../support/shared.js';

const ROOT = process.cwd();
const workdirs: string[] = [];
afterEach(() => {
  for (const dir of workdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A scratch copy of openapi/ and generated/, so the scripts can write without touching the repo. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'okta-sessions-workflow-'));
  workdirs.push(dir);
  cpSync(join(ROOT, 'openapi'), join(dir, 'openapi'), { recursive: true });
  cpSync(join(ROOT, 'generated'), join(dir, 'generated'), { recursive: true });
  return dir;
}

function run(script: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts', script), ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

const snapshot = (dir: string) =>
  ['openapi/okta-sessions.yaml', 'openapi/okta-sessions.source.json', 'generated/okta-sessions.ts', 'generated/operations.ts'].map((file) =>
    readFileSync(join(dir, file), 'utf8'),
  );

describe('npm run update-spec', () => {
  it('refuses a breaking release: prints the report, writes nothing, exits 1', async () => {
    const dir = scratch();
    const before = snapshot(dir);
    const result = await run('update-spec.ts', [join(ROOT, 'test/fixtures/contract/without-create-and-me.yaml')], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('## Breaking (4)');
    expect(result.stderr).toContain('4 breaking change(s); nothing was written');
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  it('--allow-breaking writes the slice, its provenance and generated/', async () => {
    const dir = scratch();
    const result = await run('update-spec.ts', [join(ROOT, 'test/fixtures/contract/without-create-and-me.yaml'), '--allow-breaking', '--release', '2099.01.0'], dir);
    expect(result.code).toBe(0);
    const provenance = JSON.parse(readFileSync(join(dir, 'openapi/okta-sessions.source.json'), 'utf8'));
    expect(provenance).toMatchObject({ release: '2099.01.0', infoVersion: '5.2.0', operations: ['getSession', 'refreshSession', 'revokeSession'] });
    const operations = readFileSync(join(dir, 'generated/operations.ts'), 'utf8');
    expect(operations).not.toContain('createSession');
    expect(operations).toContain(provenance.sliceSha256);
  }, 60_000);

  it('a non-breaking change is written and regenerated without flags', async () => {
    const dir = scratch();
    const spec = parseSpec(readFileSync(join(dir, 'openapi/okta-sessions.yaml'), 'utf8'), 'slice') as any;
    spec.components.schemas.Session.properties.riskLevel = { type: 'string', readOnly: true };
    const incoming = join(dir, 'incoming.yaml');
    writeFileSync(incoming, toYaml(spec));
    const result = await run('update-spec.ts', [incoming], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('response `riskLevel` added');
    expect(readFileSync(join(dir, 'generated/okta-sessions.ts'), 'utf8')).toContain('riskLevel?: string');
    // And the drift check agrees with what was written.
    expect((await run('check-generated.ts', [], dir)).code).toBe(0);
  }, 60_000);

  it.skipIf(!hasRealSpecs)(`takes a full Okta release: 2024.06.1 is non-breaking against 2025.08.0${NEEDS_SHARED}`, async () => {
    const dir = scratch();
    const result = await run('update-spec.ts', [REAL_SPEC_2024], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('**0 breaking, 0 need attention');
    expect(JSON.parse(readFileSync(join(dir, 'openapi/okta-sessions.source.json'), 'utf8')).release).toBe('2024.06.1');
  }, 60_000);

  it('exit 2 for a file that is not a spec, writing nothing', async () => {
    const dir = scratch();
    const before = snapshot(dir);
    const result = await run('update-spec.ts', [join(ROOT, 'package.json')], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not an OpenAPI 3 document');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('npm run check-generated', () => {
  it('fails with a readable diff when generated/ was edited by hand', async () => {
    const dir = scratch();
    const file = join(dir, 'generated/operations.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"method": "DELETE"', '"method": "PATCH"'));
    const result = await run('check-generated.ts', [], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('-    "method": "PATCH",');
    expect(result.stderr).toContain('+    "method": "DELETE",');
    expect(result.stderr).toContain('run `make generate`');
  }, 60_000);
});

describe('npm run contract-check (CI)', () => {
  const git = (cwd: string, ...args: string[]) =>
    new Promise<void>((resolve, reject) =>
      execFile('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', ...args], { cwd }, (error) => (error ? reject(error) : resolve())),
    );

  /** A repository whose spec was committed once, then replaced by `next` with `message`. */
  async function historyWith(next: string, message: string): Promise<string> {
    const dir = scratch();
    await git(dir, 'init', '-q');
    await git(dir, 'add', 'openapi');
    await git(dir, 'commit', '-qm', 'spec 2025.08.0');
    cpSync(next, join(dir, 'openapi/okta-sessions.yaml'));
    await git(dir, 'commit', '-qam', message);
    return dir;
  }

  const LATER = join(ROOT, 'test/fixtures/contract/without-create-and-me.yaml');

  it('fails on a breaking change to the committed spec', async () => {
    const dir = await historyWith(LATER, 'Update spec');
    const result = await run('contract-check.ts', [], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('## Breaking (4)');
    expect(result.stderr).toContain('Accept them with "[allow-breaking]"');
  }, 60_000);

  it('passes when the commit message or the acknowledgement file accepts the break', async () => {
    const byMessage = await historyWith(LATER, 'Drop the /me operations [allow-breaking]');
    expect((await run('contract-check.ts', [], byMessage)).code).toBe(0);
    const byFile = await historyWith(LATER, 'Update spec');
    const sha = (await import('../../scripts/lib/spec-io.ts')).sha256(readFileSync(LATER));
    writeFileSync(join(byFile, 'openapi/accepted-breaking-changes.json'), JSON.stringify({ accepted: [sha] }));
    expect((await run('contract-check.ts', [], byFile)).code).toBe(0);
  }, 60_000);

  it('passes when the spec has a single version in history', async () => {
    const dir = scratch();
    await git(dir, 'init', '-q');
    await git(dir, 'add', 'openapi');
    await git(dir, 'commit', '-qm', 'first');
    const result = await run('contract-check.ts', [], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing to compare');
  });
});
