/**
 * A release of Okta's spec becomes a version of this package: the contract report's worst class says how
 * far the version moves, and the changeset's text, which becomes the CHANGELOG entry, names the release and
 * what changed for users. The mapping:
 *
 *   breaking                          → major (code built on the old spec may not compile or behave)
 *   needs attention, or non-breaking  → minor (new values, options or operations a user may meet)
 *   docs-only                         → patch (descriptions, examples)
 *
 * `update-spec` writes it to `.changeset/` beside the regenerated files, so the spec-following PR carries it.
 */
import type { ChangeClass, ContractChange, ContractReport } from './contract/report.ts';

export type Bump = 'major' | 'minor' | 'patch';

/** The version a report asks for; undefined when it found nothing at all. */
export function bumpOf(summary: Record<ChangeClass, number>): Bump | undefined {
  if (summary.breaking > 0) return 'major';
  if (summary.attention > 0 || summary['non-breaking'] > 0) return 'minor';
  return summary.docs > 0 ? 'patch' : undefined;
}

const HEADINGS: Record<Exclude<ChangeClass, 'docs'>, string> = {
  breaking: 'Breaking',
  attention: 'Needs attention',
  'non-breaking': 'Non-breaking',
};

function line(change: ContractChange): string {
  const where = change.operation
    ? `\`${change.operation.operationId}\`${change.operation.facadeMethod ? ` (\`okta.${change.operation.facadeMethod}()\`)` : ''}: `
    : '';
  return `- ${where}${change.message}`;
}

/** The changeset for adopting `release`: its file name under `.changeset/` and its text; undefined when nothing changed. */
export function changesetFor(
  report: ContractReport,
  release: string,
  packageName = 'okta-sessions',
): { name: string; text: string } | undefined {
  const bump = bumpOf(report.summary);
  if (!bump) return undefined;
  const { breaking, attention, docs } = report.summary;
  const counts = `${breaking} breaking, ${attention} need attention, ${report.summary['non-breaking']} non-breaking, ${docs} docs-only`;
  const sections = (Object.keys(HEADINGS) as (keyof typeof HEADINGS)[]).flatMap((changeClass) => {
    const changes = report.changes.filter((change) => change.class === changeClass);
    return changes.length === 0 ? [] : ['', `${HEADINGS[changeClass]}:`, '', ...changes.map(line)];
  });
  const text = [
    '---',
    `'${packageName}': ${bump}`,
    '---',
    '',
    `Adopts Okta's management spec release ${release} (${counts}).`,
    ...sections,
    '',
  ].join('\n');
  return { name: `okta-spec-${release.replace(/[^0-9A-Za-z.-]/g, '-')}.md`, text };
}
