/**
 * A release of Okta's spec becomes a version: the changeset derived from each class of contract report, and
 * what `changeset version` makes of it in a scratch copy (the version in package.json, the CHANGELOG entry).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bumpOf, changesetFor } from '../../scripts/lib/changeset.ts';
import type { ChangeClass, ContractReport } from '../../scripts/lib/contract/report.ts';

const work = mkdtempSync(join(tmpdir(), 'okta-sessions-changeset-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A report with one change of each class given. */
function reportOf(classes: ChangeClass[]): ContractReport {
  const summary: Record<ChangeClass, number> = { breaking: 0, attention: 0, 'non-breaking': 0, docs: 0 };
  for (const changeClass of classes) summary[changeClass]++;
  return {
    summary,
    operations: [],
    changes: classes.map((changeClass) => ({
      class: changeClass,
      rule: 'response-property-added',
      message: `the ${changeClass} change`,
      operation: { operationId: 'getSession', method: 'GET', path: '/api/v1/sessions/{sessionId}', facadeMethod: 'get' },
      location: undefined,
    })),
  } as ContractReport;
}

describe('the changeset a contract report asks for', () => {
  it.each([
    [['breaking', 'attention', 'docs'], 'major'],
    [['attention', 'docs'], 'minor'],
    [['non-breaking'], 'minor'],
    [['docs', 'docs'], 'patch'],
    [[], undefined],
  ] as [ChangeClass[], string | undefined][])('%j → %s', (classes, bump) => {
    const report = reportOf(classes);
    expect(bumpOf(report.summary)).toBe(bump);
    const changeset = changesetFor(report, '2026.07.1');
    if (bump === undefined) return expect(changeset).toBeUndefined();
    expect(changeset?.name).toBe('okta-spec-2026.07.1.md');
    expect(changeset?.text.split('\n').slice(0, 3)).toEqual(['---', `'okta-sessions': ${bump}`, '---']);
    expect(changeset?.text).toContain("Adopts Okta's management spec release 2026.07.1");
    // Each change a user may need to act on is listed; docs-only changes are counted, not listed.
    for (const changeClass of classes.filter((item) => item !== 'docs'))
      expect(changeset?.text).toContain(`- \`getSession\` (\`okta.get()\`): the ${changeClass} change`);
    expect(changeset?.text).not.toContain('the docs change');
  });

  it('changeset version turns it into the next version and a CHANGELOG entry naming the release', () => {
    const scratch = join(work, 'release');
    mkdirSync(join(scratch, '.changeset'), { recursive: true });
    cpSync('.changeset/config.json', join(scratch, '.changeset/config.json'));
    cpSync('CHANGELOG.md', join(scratch, 'CHANGELOG.md'));
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'okta-sessions', version }));
    symlinkSync(resolve('node_modules'), join(scratch, 'node_modules'));
    const changeset = changesetFor(reportOf(['attention', 'docs']), '2026.07.1');
    writeFileSync(join(scratch, '.changeset', changeset?.name ?? ''), changeset?.text ?? '');

    execFileSync(process.execPath, [resolve('node_modules/@changesets/cli/bin.js'), 'version'], { cwd: scratch, stdio: 'pipe' });

    const [major, minor] = version.split('.').map(Number);
    expect(JSON.parse(readFileSync(join(scratch, 'package.json'), 'utf8')).version).toBe(`${major}.${(minor ?? 0) + 1}.0`);
    const changelog = readFileSync(join(scratch, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(
      new RegExp(
        `^# okta-sessions\\n\\n## ${major}\\.${(minor ?? 0) + 1}\\.0\\n\\n### Minor Changes\\n\\n- Adopts Okta's management spec release 2026\\.07\\.1`,
      ),
    );
    expect(changelog).toContain('`getSession` (`okta.get()`): the attention change');
    expect(readdirSync(join(scratch, '.changeset'))).toEqual(['config.json']);
  }, 60_000);
});
