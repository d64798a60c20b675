import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../scripts/lib/generate.ts';
import { SPEC_PATH, sha256 } from '../../scripts/lib/spec-io.ts';

const outDir = mkdtempSync(join(tmpdir(), 'okta-sessions-generate-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('generation', () => {
  it('reproduces the committed generated/ byte for byte (validation with openapi-generator included)', async () => {
    const files = await generate(SPEC_PATH, outDir);
    for (const file of files) {
      const name = file.slice(outDir.length + 1);
      expect(readFileSync(file, 'utf8'), `generated/${name} is stale: run make generate`).toBe(
        readFileSync(join('generated', name), 'utf8'),
      );
    }
  }, 60_000);

  it('starts every file with a do-not-edit header naming the spec and its hash', () => {
    const hash = sha256(readFileSync(SPEC_PATH));
    for (const name of ['okta-sessions.ts', 'operations.ts']) {
      const head = readFileSync(join('generated', name), 'utf8').split('\n').slice(0, 2).join('\n');
      expect(head).toContain('GENERATED FILE: do not edit by hand');
      expect(head).toContain(`Source: ${SPEC_PATH}`);
      expect(head).toContain(hash);
    }
  });
});
