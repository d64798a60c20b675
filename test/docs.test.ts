/** What README.md states about the project, checked against the code so it stays true. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tuningTable } from '../bench/pacing-tuning.ts';
import { renderClassTable } from '../scripts/lib/contract/catalogue.ts';
import { FAULT_FIELDS } from '../src/testing/faults.js';

const readme = readFileSync('README.md', 'utf8');

/** README's contract class table, between its markers; `make docs` (UPDATE_DOCS=1) rewrites it from the rules table. */
const CLASS_TABLE = /(<!-- contract-classes:start -->\n)[\s\S]*?(<!-- contract-classes:end -->)/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? testFiles(join(dir, entry.name)) : entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('README', () => {
  it('says how many tests need ../shared, and that count is right', () => {
    const needShared = testFiles('test').reduce(
      (count, file) => count + (readFileSync(file, 'utf8').match(/it\.skipIf\(!hasRealSpecs\)/g)?.length ?? 0),
      0,
    );
    const words = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];
    expect(readme).toContain(`${words[needShared]} tests need real Okta releases from \`../shared/okta-spec/\``);
  });

  it.each(Object.entries(FAULT_FIELDS))('documents the %s fault with each of its fields', (type, { required = {}, optional = {} }) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${type}\` |`));
    expect(row, `README.md has no row for the ${type} fault`).toBeDefined();
    for (const field of [...Object.keys(required), ...Object.keys(optional)]) expect(row, `${type}.${field}`).toContain(`\`${field}\``);
  });

  it('its contract class table is generated from the rules table (make docs rewrites it)', () => {
    const expected = readme.replace(CLASS_TABLE, `$1${renderClassTable()}\n$2`);
    if (process.env.UPDATE_DOCS) writeFileSync('README.md', expected);
    else expect(readme, 'README.md is out of date: run make docs').toBe(expected);
  });
});

describe('docs/pacing.md', () => {
  it("its table is the simulation's, for the numbers the code uses (make docs rewrites it)", () => {
    const doc = readFileSync('docs/pacing.md', 'utf8');
    const expected = doc.replace(/(<!-- pacing-tuning:start -->\n)[\s\S]*?(<!-- pacing-tuning:end -->)/, `$1${tuningTable()}\n$2`);
    if (process.env.UPDATE_DOCS) writeFileSync('docs/pacing.md', expected);
    else expect(doc, 'docs/pacing.md is out of date: run make docs').toBe(expected);
  });
});
