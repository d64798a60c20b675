/**
 * Usage: tsx scripts/slice-spec.ts <okta management spec> [--release X] [--out openapi/okta-sessions.yaml]
 * Writes the Session slice and its provenance (release, source file, sha256) beside it.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSessionSlice, PROVENANCE_PATH, provenanceFor, releaseFromFileName, SPEC_PATH, toYaml } from './lib/spec-io.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { release: { type: 'string' }, out: { type: 'string', default: SPEC_PATH } },
});
if (positionals.length !== 1) {
  console.error('usage: tsx scripts/slice-spec.ts <okta management spec.yaml> [--release X] [--out FILE]');
  process.exit(2);
}
const loaded = loadSessionSlice(positionals[0] as string);
const yaml = toYaml(loaded.slice);
const out = values.out as string;
writeFileSync(out, yaml);
const provenancePath = out === SPEC_PATH ? PROVENANCE_PATH : join(dirname(out), 'okta-sessions.source.json');
const provenance = provenanceFor(loaded, loaded.slice, yaml, values.release ?? releaseFromFileName(loaded.file) ?? 'unknown');
writeFileSync(provenancePath, `${JSON.stringify(provenance, null, 2)}\n`);
console.log(
  `sliced ${Object.keys(provenance.operations).length} operations from ${provenance.sourceFile} (${provenance.release}) into ${out}`,
);
