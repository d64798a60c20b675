import { execFile } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec, toYaml } from '../../scripts/lib/spec-io.ts';
import { hasRealSpecs, NEEDS_SHARED, REAL_SPEC_2026 } from '../support/shared.js';
import { atRelease2025, run, scratch, snapshot } from '../support/spec-workdir.js';

const ROOT = process.cwd();

describe('npm run update-spec', () => {
  const LATER = join(ROOT, 'test/fixtures/contract/without-create-and-me.yaml');
  /** Without the retained-operations policy, the later release's removals are breaking. */
  const withoutPolicy = () => {
    const dir = scratch();
    rmSync(join(dir, 'openapi/retained-operations.json'));
    return dir;
  };

  it('refuses a release whose removals the policy does not cover: prints the report, writes nothing, exits 1', async () => {
    const dir = withoutPolicy();
    const before = snapshot(dir);
    const result = await run('update-spec.ts', [LATER], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('## Breaking (4)');
    expect(result.stderr).toContain('4 breaking change(s); nothing was written');
    expect(result.stderr).toContain('retain a removed operation in openapi/retained-operations.json');
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  it('--allow-breaking writes the slice, its provenance and generated/', async () => {
    const dir = withoutPolicy();
    const result = await run('update-spec.ts', [LATER, '--allow-breaking', '--release', '2099.01.0'], dir);
    expect(result.code).toBe(0);
    const provenance = JSON.parse(readFileSync(join(dir, 'openapi/okta-sessions.source.json'), 'utf8'));
    expect(provenance).toMatchObject({ release: '2099.01.0', infoVersion: '5.2.0' });
    expect(provenance.operations).toEqual({
      getSession: { release: '2099.01.0' },
      getUser: { release: '2099.01.0' },
      listLogEvents: { release: '2099.01.0' },
      refreshSession: { release: '2099.01.0' },
      revokeSession: { release: '2099.01.0' },
      revokeUserSessions: { release: '2099.01.0' },
    });
    const operations = readFileSync(join(dir, 'generated/operations.ts'), 'utf8');
    expect(operations).not.toContain('createSession');
    expect(operations).toContain(provenance.sliceSha256);
    // A breaking release is a major version, its changeset naming the release and each break.
    const changeset = readFileSync(join(dir, '.changeset/okta-spec-2099.01.0.md'), 'utf8');
    expect(changeset).toMatch(/^---\n'okta-sessions': major\n---\n\nAdopts Okta's management spec release 2099\.01\.0 \(4 breaking, /);
    expect(changeset).toContain('- `createSession` (`okta.create()`): ');
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
    expect(result.stdout).toMatch(/wrote \.changeset\/okta-spec-[\w.-]+\.md \(minor\)/);
    // And the drift check agrees with what was written.
    expect((await run('check-generated.ts', [], dir)).code).toBe(0);
  }, 60_000);

  it.skipIf(!hasRealSpecs)(
    `moves the 2025.08.0 slice to the real 2026.06.3 release, retaining four operations, as committed${NEEDS_SHARED}`,
    async () => {
      const dir = atRelease2025();
      const result = await run('update-spec.ts', [REAL_SPEC_2026], dir);
      expect(result.code).toBe(0);
      // The four retained, and two profile keywords of getUser's User for review.
      expect(result.stdout).toContain('**0 breaking, 11 need attention');
      expect(result.stdout).toContain(
        'keeping createSession, getCurrentSession, closeCurrentSession, refreshCurrentSession from earlier releases',
      );
      expect(snapshot(dir)).toEqual(snapshot(ROOT));
    },
    60_000,
  );

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
      execFile('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', ...args], { cwd }, (error) =>
        error ? reject(error) : resolve(),
      ),
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
