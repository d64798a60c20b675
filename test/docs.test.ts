/** What README.md states about the project, checked against the code so it stays true. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tuningTable } from '../bench/pacing-tuning.ts';
import { renderClassTable } from '../scripts/lib/contract/catalogue.ts';
import { OUTCOMES } from '../src/cli/bulk/outcomes.js';
import { FAULT_FIELDS } from '../src/testing/faults.js';

const architecture = readFileSync('docs/architecture.md', 'utf8');
const DOCS = [
  'README.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/**
 * A region of a document the code renders, between `<!-- name:start -->` and `<!-- name:end -->`: the test
 * fails when it differs; `make docs` (UPDATE_DOCS=1) rewrites it.
 */
function expectRendered(file: string, name: string, rendered: string): void {
  const doc = readFileSync(file, 'utf8');
  const region = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  expect(doc, `${file} has no ${name} region`).toMatch(region);
  const expected = doc.replace(region, (_, start: string, end: string) => `${start}${rendered}\n${end}`);
  if (process.env.UPDATE_DOCS) writeFileSync(file, expected);
  else expect(doc, `${file} is out of date: run make docs`).toBe(expected);
}

/** The bulk commands' outcomes, as one table. */
function outcomeTable(): string {
  const rows = Object.entries(OUTCOMES).map(
    ([name, spec]) => `| \`${name}\` | ${spec.label} | ${spec.done ? 'yes' : 'no'} | ${spec.meaning} |`,
  );
  return ['| outcome | report | done | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? testFiles(join(dir, entry.name)) : entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('README and docs/', () => {
  it('the architecture guide says how many tests need ../shared, and that count is right', () => {
    const needShared = testFiles('test').reduce(
      (count, file) => count + (readFileSync(file, 'utf8').match(/it\.skipIf\(!hasRealSpecs\)/g)?.length ?? 0),
      0,
    );
    const words = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];
    expect(architecture).toContain(`${words[needShared]} tests need real Okta releases from \`../shared/okta-spec/\``);
  });

  it('every file the architecture guide names exists, and it describes every folder of src/', () => {
    const named = [...architecture.matchAll(/`((?:src|test|bench|scripts|examples|openapi|generated)\/[^`\s]*)`/g)].map(
      (match) => match[1] as string,
    );
    expect(named.length).toBeGreaterThan(50);
    expect(named.filter((path) => !existsSync(path))).toEqual([]);
    const folders = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((entry) => [`${dir}/${entry.name}/`, ...folders(`${dir}/${entry.name}`)]);
    expect(folders('src').filter((folder) => !architecture.includes(`\`${folder}\``))).toEqual([]);
  });

  it.each(DOCS)('%s: every relative link leads to a file that exists', (file) => {
    const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1] as string)
      .filter((link) => !/^(https?:|mailto:|#)/.test(link));
    const dead = links.filter((link) => !existsSync(join(dirname(file), decodeURIComponent(link.split('#')[0] as string))));
    expect(dead, `${file} links to files that do not exist`).toEqual([]);
  });

  it.each(Object.entries(FAULT_FIELDS))(
    'docs/testing.md documents the %s fault with each of its fields',
    (type, { required = {}, optional = {} }) => {
      const row = readFileSync('docs/testing.md', 'utf8')
        .split('\n')
        .find((line) => line.startsWith(`| \`${type}\` |`));
      expect(row, `docs/testing.md has no row for the ${type} fault`).toBeDefined();
      for (const field of [...Object.keys(required), ...Object.keys(optional)]) expect(row, `${type}.${field}`).toContain(`\`${field}\``);
    },
  );

  it("following-okta-spec.md: its contract class table is the rules table's", () => {
    expectRendered('docs/following-okta-spec.md', 'contract-classes', renderClassTable());
  });

  it("pacing.md: its table is the simulation's, for the numbers the code uses", () => {
    expectRendered('docs/pacing.md', 'pacing-tuning', tuningTable());
  });

  it("incident-response.md: its outcomes table is the CLI's", () => {
    expectRendered('docs/incident-response.md', 'outcomes', outcomeTable());
  });
});

describe('the API reference (TypeDoc)', () => {
  const work = mkdtempSync(join(tmpdir(), 'okta-sessions-docs-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const checkDocs = (cwd: string, out: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', resolve('scripts/check-docs.ts'), '--out', out], { cwd, encoding: 'utf8' });
  const tree = (dir: string): Record<string, string> =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const path = join(entry.parentPath, entry.name);
          return [relative(dir, path), readFileSync(path, 'utf8')];
        }),
    );

  it('every public export in src/ is documented, and docs/api is what TypeDoc writes from them (make docs rewrites it)', () => {
    const result = checkDocs(process.cwd(), join(work, 'api'));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('every public export in src/ is documented');
    const written = tree(join(work, 'api'));
    expect(Object.keys(written).length).toBeGreaterThan(50);
    expect(tree('docs/api'), 'docs/api is out of date: run make docs').toEqual(written);
  }, 120_000);

  it('fails on a new export without a doc comment, naming it (in a scratch copy)', () => {
    const scratch = join(work, 'scratch');
    for (const path of ['src', 'generated', 'typedoc.json', 'tsconfig.json', 'tsconfig.build.json', 'package.json'])
      cpSync(path, join(scratch, path), { recursive: true });
    symlinkSync(resolve('node_modules'), join(scratch, 'node_modules'));
    appendFileSync(join(scratch, 'src/api.ts'), 'export const freshlyAddedHelper = 1;\n');
    const result = checkDocs(scratch, join(work, 'scratch-api'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('freshlyAddedHelper');
    expect(result.stderr).toContain('1 public export(s) in src/ without a doc comment');
  }, 120_000);
});
