/** What README.md states about the project, checked against the code so it stays true. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAULT_FIELDS } from '../src/testing/faults.js';

const readme = readFileSync('README.md', 'utf8');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? testFiles(join(dir, entry.name)) : entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('README', () => {
  it('says how many tests need ../shared, and that count is right', () => {
    const needShared = testFiles('test').reduce((count, file) => count + (readFileSync(file, 'utf8').match(/it\.skipIf\(!hasRealSpecs\)/g)?.length ?? 0), 0);
    const words = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];
    expect(readme).toContain(`${words[needShared]} tests need real Okta releases from \`../shared/okta-spec/\``);
  });

  it.each(Object.entries(FAULT_FIELDS))('documents the %s fault with each of its fields', (type, { required = {}, optional = {} }) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${type}\` |`));
    expect(row, `README.md has no row for the ${type} fault`).toBeDefined();
    for (const field of [...Object.keys(required), ...Object.keys(optional)]) expect(row, `${type}.${field}`).toContain(`\`${field}\``);
  });
});
