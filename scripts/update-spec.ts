/**
 * Usage: npm run update-spec -- <okta management spec or slice> [--allow-breaking] [--release X]
 * Slices the new spec, prints the contract report against openapi/okta-sessions.yaml, and
 * only when nothing breaks (or --allow-breaking) writes the slice, its provenance and generated/.
 * Everything is staged and validated first: a failure writes nothing.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareSlices } from './lib/contract/compare.ts';
import { renderMarkdown, specLabel } from './lib/contract/render.ts';
import { GENERATED_DIR, generate } from './lib/generate.ts';
import { type LoadedSpec, loadSessionSlice, PROVENANCE_PATH, provenanceFor, SPEC_PATH, toYaml } from './lib/spec-io.ts';

const USAGE = 'usage: npm run update-spec -- <okta management spec.yaml> [--allow-breaking] [--release X]';

async function run(): Promise<number> {
  let values: { 'allow-breaking'?: boolean; release?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      allowPositionals: true,
      options: { 'allow-breaking': { type: 'boolean', default: false }, release: { type: 'string' } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  let incoming: LoadedSpec;
  let current: LoadedSpec;
  try {
    incoming = loadSessionSlice(positionals[0] as string);
    current = loadSessionSlice(SPEC_PATH);
  } catch (error) {
    console.error(`update-spec: ${(error as Error).message}`);
    return 2;
  }

  const report = compareSlices(current.slice, incoming.slice);
  process.stdout.write(renderMarkdown(report, specLabel(current), specLabel(incoming)));
  if (report.summary.breaking > 0 && !values['allow-breaking']) {
    console.error(
      `\nupdate-spec: ${report.summary.breaking} breaking change(s); nothing was written. Adapt the facade, then re-run with --allow-breaking.`,
    );
    return 1;
  }

  const yaml = toYaml(incoming.slice);
  const staging = mkdtempSync(join(tmpdir(), 'okta-sessions-update-'));
  try {
    const stagedSpec = join(staging, basename(SPEC_PATH));
    writeFileSync(stagedSpec, yaml);
    const generated = await generate(stagedSpec, join(staging, GENERATED_DIR), SPEC_PATH);
    const provenance = provenanceFor(incoming, yaml, values.release);
    // Staged and validated: now replace the spec, its provenance and generated/ together.
    writeFileSync(SPEC_PATH, yaml);
    writeFileSync(PROVENANCE_PATH, `${JSON.stringify(provenance, null, 2)}\n`);
    for (const file of generated) copyFileSync(file, join(GENERATED_DIR, basename(file)));
    const unchanged = readFileSync(SPEC_PATH, 'utf8') === current.text;
    console.log(
      unchanged
        ? `\n${SPEC_PATH} already matched ${provenance.sourceFile}; provenance refreshed.`
        : `\nUpdated ${SPEC_PATH} from ${provenance.sourceFile} (${provenance.release}) and regenerated ${GENERATED_DIR}/. Run make test, then commit.`,
    );
    return 0;
  } catch (error) {
    console.error(`update-spec: ${(error as Error).message}\nNothing was written.`);
    return 2;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

process.exitCode = await run();
