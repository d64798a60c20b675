import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareReleases, readUpstreamRelease } from '../../scripts/lib/upstream.ts';
import { atRelease2025, RELEASE_2025_FIXTURE, run, snapshot, tempDir } from '../support/spec-workdir.js';

const LATER = readFileSync('test/fixtures/contract/without-create-and-me.yaml', 'utf8');
const TEXT_ONLY = LATER.replace('summary: Retrieve a session', 'summary: Retrieve one session');

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=okta-bot', '-c', 'user.email=bot@example.com', ...args], { cwd, stdio: 'ignore' });
}

/**
 * A repository laid out like okta/okta-management-openapi-spec, from the committed fixtures:
 * 2025.08.0 (all seven), 2025.10.0 (drops create and /me), 2025.11.9 (same), 2025.11.10 (text only,
 * the newest by number though not by string), dist/current mirroring it, and variants beside each file.
 */
function oktaLikeRepository(extra: Record<string, string> = {}): string {
  const dir = tempDir('okta-spec-repo-');
  const releases: Record<string, string> = {
    '2025.08.0': readFileSync(RELEASE_2025_FIXTURE, 'utf8'),
    '2025.10.0': LATER,
    '2025.11.9': LATER,
    '2025.11.10': TEXT_ONLY,
    current: TEXT_ONLY,
  };
  for (const [release, text] of Object.entries(releases)) {
    mkdirSync(join(dir, 'dist', release), { recursive: true });
    writeFileSync(join(dir, 'dist', release, 'management-minimal.yaml'), text);
    writeFileSync(join(dir, 'dist', release, 'management-noEnums-minimal.yaml'), 'not: the file to read\n');
    writeFileSync(join(dir, 'dist', release, 'oauth-minimal.yaml'), 'not: the file to read\n');
  }
  for (const [file, text] of Object.entries(extra)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  // The oldest folder was touched last: the newest must be chosen by name.
  utimesSync(join(dir, 'dist/2025.08.0'), new Date(), new Date(Date.now() + 60_000));
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'releases');
  return dir;
}

describe('reading a release from a repository laid out like Okta’s', () => {
  it('orders releases by their numbers', () => {
    expect(['2025.11.9', '2025.11.10', '2025.08.0', '2024.12.1'].sort(compareReleases)).toEqual([
      '2024.12.1',
      '2025.08.0',
      '2025.11.9',
      '2025.11.10',
    ]);
  });

  it('picks the newest release by name, from a local folder and from a git URL, reading only management-minimal.yaml', () => {
    const repo = oktaLikeRepository();
    for (const source of [repo, `file://${repo}`]) {
      const newest = readUpstreamRelease(source);
      expect(newest).toMatchObject({ release: '2025.11.10', file: 'dist/2025.11.10/management-minimal.yaml', repository: source });
      expect(newest.text).toBe(TEXT_ONLY);
      expect(readUpstreamRelease(source, '2025.10.0').text).toBe(LATER);
    }
  });

  it('says what is wrong with a source that is not laid out like Okta’s', () => {
    const repo = oktaLikeRepository();
    expect(() => readUpstreamRelease(repo, '2030.01.0')).toThrow(/release 2030\.01\.0 is not under dist\/ \(the newest is 2025\.11\.10\)/);
    const empty = tempDir('not-okta-');
    expect(() => readUpstreamRelease(empty)).toThrow(/has no dist\/ folder: is it a copy of okta\/okta-management-openapi-spec\?/);
    mkdirSync(join(empty, 'dist/current'), { recursive: true });
    expect(() => readUpstreamRelease(empty)).toThrow(/no release folders \(YYYY\.MM\.POINT\) under dist\//);
    expect(() => readUpstreamRelease(`file://${join(empty, 'missing')}`)).toThrow(/cannot clone file:\/\//);
  });
});

describe('npm run update-spec -- --from <repository>', () => {
  it('adopts the newest release with the retained operations, reports where each comes from, and a rerun is a no-op', async () => {
    const repo = oktaLikeRepository();
    const dir = atRelease2025();
    const outputs = join(dir, 'github-output');
    const reportFile = join(dir, 'report.md');
    const first = await run('update-spec.ts', ['--from', repo, '--report-file', reportFile], dir, { GITHUB_OUTPUT: outputs });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('(release 2025.11.10, info.version 5.2.0');
    expect(first.stdout).toContain('**0 breaking, 4 need attention');
    expect(first.stdout).toContain(
      '- `createSession` (POST /api/v1/sessions) → `okta.create()`: **retained** from release 2025.08.0 (not in 2025.11.10): Okta dropped it',
    );
    expect(first.stdout).toContain('- `getSession` (GET /api/v1/sessions/{sessionId}) → `okta.get()`: taken from release 2025.11.10');
    expect(readFileSync(reportFile, 'utf8')).toBe(first.stdout.slice(0, first.stdout.indexOf('\nUpdated ')));
    expect(readFileSync(outputs, 'utf8')).toBe('changed=true\nrelease=2025.11.10\nbreaking=0\n');

    const provenance = JSON.parse(readFileSync(join(dir, 'openapi/okta-sessions.source.json'), 'utf8'));
    expect(provenance).toMatchObject({
      release: '2025.11.10',
      sourceFile: 'dist/2025.11.10/management-minimal.yaml',
      sourceRepository: repo,
    });
    expect(provenance.operations.createSession).toEqual({ release: '2025.08.0', retained: expect.stringContaining('still serves') });
    expect(provenance.operations.getSession).toEqual({ release: '2025.11.10' });
    expect(readFileSync(join(dir, 'openapi/okta-sessions.yaml'), 'utf8')).toContain('x-okta-sessions-retained:');

    const written = snapshot(dir);
    const again = await run('update-spec.ts', ['--from', repo], dir, { GITHUB_OUTPUT: outputs });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already at release 2025.11.10');
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(dir)).toEqual(written);
    expect(readFileSync(outputs, 'utf8')).toContain('changed=false\nrelease=2025.11.10\nbreaking=0\n');
  }, 60_000);

  it('--release picks one release, through a git URL', async () => {
    const repo = oktaLikeRepository();
    const dir = atRelease2025();
    const result = await run('update-spec.ts', ['--from', `file://${repo}`, '--release', '2025.10.0'], dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'openapi/okta-sessions.source.json'), 'utf8'))).toMatchObject({
      release: '2025.10.0',
      sourceRepository: `file://${repo}`,
    });
  }, 60_000);

  it('refuses a removal the policy does not cover, writing nothing', async () => {
    const repo = oktaLikeRepository();
    const dir = atRelease2025();
    const policyFile = join(dir, 'openapi/retained-operations.json');
    const policy = JSON.parse(readFileSync(policyFile, 'utf8'));
    policy.retained = policy.retained.filter((entry: { operationId: string }) => entry.operationId !== 'createSession');
    writeFileSync(policyFile, JSON.stringify(policy));
    const before = snapshot(dir);
    const result = await run('update-spec.ts', ['--from', repo], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '- `createSession` (POST /api/v1/sessions) → `okta.create()`: operation removed from the spec, and not retained',
    );
    expect(result.stderr).toContain('1 breaking change(s); nothing was written');
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  it('fails, writing nothing and saying what is wrong: a release without the management file, unparsable YAML, an unknown release', async () => {
    const dir = atRelease2025();
    const before = snapshot(dir);
    const withoutFile = oktaLikeRepository({ 'dist/2026.01.0/management-noEnums-minimal.yaml': 'openapi: 3.0.3\n' });
    const broken = oktaLikeRepository({ 'dist/2026.01.0/management-minimal.yaml': 'openapi: 3.0.3\npaths: {\n' });
    const cases: [string[], RegExp][] = [
      [['--from', withoutFile], /dist\/2026\.01\.0 has no management-minimal\.yaml \(it has management-noEnums-minimal\.yaml\)/],
      [['--from', broken], /dist\/2026\.01\.0\/management-minimal\.yaml: not valid YAML or JSON/],
      [['--from', broken, '--release', '2026.02.0'], /release 2026\.02\.0 is not under dist\//],
      [['--from', broken, 'some.yaml'], /Give one spec file or --from, not both/],
    ];
    for (const [args, message] of cases) {
      const result = await run('update-spec.ts', args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(snapshot(dir)).toEqual(before);
    }
    expect(existsSync(join(dir, 'report.md'))).toBe(false);
  }, 60_000);
});

describe('the scheduled workflow', () => {
  const workflow = readFileSync('.github/workflows/update-spec.yml', 'utf8');

  it('runs weekly and on demand, through make only, and opens one pull request with the report as its body', async () => {
    const { parse } = await import('yaml');
    const parsed = parse(workflow);
    expect(parsed.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* [0-6]$/);
    expect(parsed.on).toHaveProperty('workflow_dispatch');
    const steps: { run?: string; uses?: string; with?: Record<string, string> }[] = parsed.jobs['update-spec'].steps;
    const commands = steps.flatMap((step) =>
      step.run ? step.run.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#')) : [],
    );
    for (const command of commands) expect(command.trim()).toMatch(/^make /);
    expect(commands.join('\n')).toContain('make update-spec');
    const pr = steps.find((step) => step.uses?.startsWith('peter-evans/create-pull-request@'));
    expect(pr?.with).toMatchObject({ branch: 'okta-spec/update', 'body-path': expect.stringContaining('contract-report.md') });
    expect(pr?.with?.title).toContain("steps.update.outputs.breaking != '0'");
  });
});
