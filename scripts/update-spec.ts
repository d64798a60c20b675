/**
 * Usage: npm run update-spec -- [<okta management spec> | --from <repository>] [--release <name>|latest]
 *                               [--allow-breaking] [--report-file <file>]
 * Without a file or --from, reads the newest release from Okta's GitHub repository.
 * Slices the release, keeps the operations openapi/retained-operations.json retains,
 * prints the contract report against openapi/okta-sessions.yaml and, only when nothing
 * breaks (or --allow-breaking), writes the slice, its provenance, generated/ and a changeset
 * (.changeset/okta-spec-<release>.md: the version bump the report asks for, and what changed).
 * Everything is staged and validated first: a failure writes nothing.
 */
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { bumpOf, changesetFor } from './lib/changeset.ts';
import { compareSlices } from './lib/contract/compare.ts';
import { renderMarkdown, specLabel } from './lib/contract/render.ts';
import { GENERATED_DIR, generate } from './lib/generate.ts';
import { adoptRelease, loadRetainedPolicy, RETAINED_POLICY_PATH } from './lib/retained.ts';
import {
  type LoadedSpec,
  loadSessionSlice,
  operationReleases,
  PROVENANCE_PATH,
  provenanceFor,
  readProvenance,
  releaseFromFileName,
  sessionSliceOf,
  SPEC_PATH,
  toYaml,
} from './lib/spec-io.ts';
import { OKTA_SPEC_REPOSITORY, readUpstreamRelease } from './lib/upstream.ts';

/** Where changesets wait for the next release (Changesets' folder). */
const CHANGESET_DIR = '.changeset';

const USAGE =
  'usage: npm run update-spec -- [<okta management spec.yaml> | --from <git URL or local clone>] [--release <name>|latest] [--allow-breaking] [--report-file <file>]';

interface Options {
  'allow-breaking'?: boolean;
  release?: string;
  from?: string;
  'report-file'?: string;
}

/** The release to adopt: a file given by path, or a release read from a repository. */
function readIncoming(file: string | undefined, options: Options): { spec: LoadedSpec; release: string; repository?: string } {
  if (file !== undefined) {
    const spec = loadSessionSlice(file);
    return { spec, release: options.release ?? releaseFromFileName(file) ?? 'unknown' };
  }
  const repository = options.from ?? OKTA_SPEC_REPOSITORY;
  const upstream = readUpstreamRelease(repository, options.release ?? 'latest');
  return { spec: sessionSliceOf(upstream.text, upstream.file), release: upstream.release, repository };
}

/** Key=value lines for a GitHub Actions step (`$GITHUB_OUTPUT`), so the workflow never parses the report. */
function writeActionOutputs(outputs: Record<string, string | number>): void {
  const file = process.env.GITHUB_OUTPUT;
  if (file)
    appendFileSync(
      file,
      Object.entries(outputs)
        .map(([key, value]) => `${key}=${value}\n`)
        .join(''),
    );
}

async function run(): Promise<number> {
  let values: Options;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        'allow-breaking': { type: 'boolean', default: false },
        release: { type: 'string' },
        from: { type: 'string' },
        'report-file': { type: 'string' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (positionals.length > 1 || (positionals.length === 1 && values.from !== undefined)) {
    console.error(`Give one spec file or --from, not both.\n${USAGE}`);
    return 2;
  }

  let incoming: ReturnType<typeof readIncoming>;
  let current: LoadedSpec;
  let adoption: ReturnType<typeof adoptRelease>;
  const provenance = readProvenance();
  try {
    incoming = readIncoming(positionals[0], values);
    current = loadSessionSlice(SPEC_PATH);
    adoption = adoptRelease(current.slice, operationReleases(provenance), incoming.spec.slice, loadRetainedPolicy());
  } catch (error) {
    console.error(`update-spec: ${(error as Error).message}\nNothing was written.`);
    return 2;
  }

  const yaml = toYaml(adoption.slice);
  const source = { file: incoming.spec.file, sha256: incoming.spec.sha256, repository: incoming.repository };
  const nextProvenance = provenanceFor(source, adoption.slice, yaml, incoming.release);
  if (yaml === current.text && JSON.stringify(nextProvenance) === JSON.stringify(provenance)) {
    console.log(`update-spec: already at release ${incoming.release} (${SPEC_PATH} and its provenance match); nothing to do.`);
    writeActionOutputs({ changed: 'false', release: incoming.release, breaking: 0 });
    return 0;
  }

  const report = compareSlices(current.slice, adoption.slice);
  const markdown = renderMarkdown(report, specLabel(current, SPEC_PATH, provenance?.release), {
    ...specLabel(incoming.spec),
    release: incoming.release,
  });
  process.stdout.write(markdown);
  if (values['report-file']) {
    mkdirSync(dirname(values['report-file']), { recursive: true });
    writeFileSync(values['report-file'], markdown);
  }
  for (const entry of adoption.unused) {
    console.log(
      `\nNote: ${RETAINED_POLICY_PATH} retains ${entry.operationId}, but release ${incoming.release} has it (or the slice never did): the entry can go.`,
    );
  }
  if (report.summary.breaking > 0 && !values['allow-breaking']) {
    console.error(
      `\nupdate-spec: ${report.summary.breaking} breaking change(s); nothing was written. Adapt the facade (or retain a removed operation in ${RETAINED_POLICY_PATH}), then re-run, with --allow-breaking if the break is intended.`,
    );
    return 1;
  }

  const staging = mkdtempSync(join(tmpdir(), 'okta-sessions-update-'));
  try {
    const stagedSpec = join(staging, basename(SPEC_PATH));
    writeFileSync(stagedSpec, yaml);
    const generated = await generate(stagedSpec, join(staging, GENERATED_DIR), SPEC_PATH);
    // Staged and validated: now replace the spec, its provenance and generated/ together.
    writeFileSync(SPEC_PATH, yaml);
    writeFileSync(PROVENANCE_PATH, `${JSON.stringify(nextProvenance, null, 2)}\n`);
    for (const file of generated) copyFileSync(file, join(GENERATED_DIR, basename(file)));
    const changeset = changesetFor(report, incoming.release);
    if (changeset) {
      mkdirSync(CHANGESET_DIR, { recursive: true });
      writeFileSync(join(CHANGESET_DIR, changeset.name), changeset.text);
    }
    writeActionOutputs({ changed: 'true', release: incoming.release, breaking: report.summary.breaking });
    const kept = adoption.retained.length
      ? `, keeping ${adoption.retained.map((entry) => entry.operationId).join(', ')} from earlier releases`
      : '';
    console.log(
      `\nUpdated ${SPEC_PATH} to release ${incoming.release}${kept}, and regenerated ${GENERATED_DIR}/${changeset ? `; wrote ${CHANGESET_DIR}/${changeset.name} (${bumpOf(report.summary)})` : ''}. Run make test, then commit.`,
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
