/**
 * CI check: compares openapi/okta-sessions.yaml with its version at the previous
 * commit that changed it. Breaking changes fail unless accepted, either by
 * "[allow-breaking]" in the message of the commit that changed the spec, or by
 * listing the new slice's sha256 in openapi/accepted-breaking-changes.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareSlices } from './lib/contract/compare.ts';
import { renderMarkdown, specLabel } from './lib/contract/render.ts';
import { loadSessionSlice, PROVENANCE_PATH, type Provenance, SPEC_PATH, sha256 } from './lib/spec-io.ts';

export const ACCEPTED_PATH = 'openapi/accepted-breaking-changes.json';

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();

/** The Okta release the slice was taken from at `commit`, from its provenance file. */
function releaseAt(commit: string): string | undefined {
  try {
    return (
      JSON.parse(
        execFileSync('git', ['show', `${commit}:${PROVENANCE_PATH}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
      ) as Provenance
    ).release;
  } catch {
    return undefined;
  }
}

function run(): number {
  const commits = git('log', '--format=%H', '--', SPEC_PATH).split('\n').filter(Boolean);
  if (commits.length < 2) {
    console.log(`contract-check: ${SPEC_PATH} has ${commits.length} version(s) in history; nothing to compare.`);
    return 0;
  }
  const [changedIn, previous] = commits as [string, string];
  const staging = mkdtempSync(join(tmpdir(), 'okta-sessions-contract-'));
  try {
    const baseFile = join(staging, 'okta-sessions.previous.yaml');
    writeFileSync(baseFile, execFileSync('git', ['show', `${previous}:${SPEC_PATH}`]));
    const base = loadSessionSlice(baseFile);
    const head = loadSessionSlice(SPEC_PATH);
    const report = compareSlices(base.slice, head.slice);
    process.stdout.write(
      renderMarkdown(
        report,
        specLabel(base, `${SPEC_PATH}@${previous.slice(0, 8)}`, releaseAt(previous)),
        specLabel(head, `${SPEC_PATH}@${changedIn.slice(0, 8)}`, releaseAt(changedIn)),
      ),
    );
    if (report.summary.breaking === 0) return 0;

    const message = git('log', '-1', '--format=%B', changedIn);
    const accepted: string[] = existsSync(ACCEPTED_PATH) ? (JSON.parse(readFileSync(ACCEPTED_PATH, 'utf8')).accepted ?? []) : [];
    const headSha = sha256(readFileSync(SPEC_PATH));
    if (message.includes('[allow-breaking]') || accepted.includes(headSha)) {
      console.log(`\ncontract-check: ${report.summary.breaking} breaking change(s), accepted.`);
      return 0;
    }
    console.error(
      `\ncontract-check: ${report.summary.breaking} breaking change(s) in ${SPEC_PATH} since ${previous.slice(0, 8)}. ` +
        `Accept them with "[allow-breaking]" in the commit message, or add "${headSha}" to ${ACCEPTED_PATH} ({"accepted": [...]}).`,
    );
    return 1;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

process.exitCode = run();
