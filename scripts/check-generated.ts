/** Usage: npm run check-generated: fails with a diff when generated/ is not what openapi/okta-sessions.yaml produces. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { GENERATED_DIR, generate } from './lib/generate.ts';
import { SPEC_PATH } from './lib/spec-io.ts';

const staging = mkdtempSync(join(tmpdir(), 'okta-sessions-check-'));
try {
  const produced = (await generate(SPEC_PATH, staging, SPEC_PATH)).map((file) => basename(file));
  const committed = readdirSync(GENERATED_DIR);
  let stale = false;
  for (const name of new Set([...produced, ...committed])) {
    const expected = join(staging, name);
    const actual = join(GENERATED_DIR, name);
    if (!produced.includes(name)) {
      console.error(`generated/${name} is not produced by the generator: remove it`);
      stale = true;
    } else if (!committed.includes(name)) {
      console.error(`generated/${name} is missing`);
      stale = true;
    } else if (readFileSync(expected, 'utf8') !== readFileSync(actual, 'utf8')) {
      const diff = spawnSync(
        'diff',
        ['-u', '--label', `generated/${name} (committed)`, '--label', `generated/${name} (from ${SPEC_PATH})`, actual, expected],
        { encoding: 'utf8' },
      );
      console.error(diff.stdout || `generated/${name} differs`);
      stale = true;
    }
  }
  if (stale) {
    console.error(`generated/ does not match ${SPEC_PATH}: run \`make generate\` and commit the result.`);
    process.exitCode = 1;
  } else {
    console.log(`generated/ matches ${SPEC_PATH} (${produced.join(', ')})`);
  }
} finally {
  rmSync(staging, { recursive: true, force: true });
}
