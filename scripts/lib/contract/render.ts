import { isObject } from '../openapi-walk.ts';
import { type LoadedSpec, releaseFromFileName } from '../spec-io.ts';
import { CLASS_ADVICE, CLASS_ORDER, CLASS_TITLES } from './catalogue.ts';
import type { ContractChange, ContractReport, OperationSource } from './report.ts';

export interface SpecLabel {
  file: string;
  version: string;
  sha256: string;
  /** The Okta release, when known (from the file name or the caller). */
  release: string | undefined;
}

/** How a report names a spec: its file (or `file`), info.version, hash and release. */
export function specLabel(
  spec: LoadedSpec,
  file: string = spec.file,
  release: string | undefined = releaseFromFileName(spec.file),
): SpecLabel {
  const info = isObject(spec.slice.info) ? spec.slice.info : {};
  return { file, version: String(info.version ?? 'unknown'), sha256: spec.sha256, release };
}

/** Changes the engine reports that leave the client's view unchanged; listed as one line per operation. */
const NO_EFFECT_RULES = new Set(['response-readonly', 'schema-layout']);

function operationLabel({ operation: op }: Pick<ContractChange, 'operation'>): string {
  if (!op) return 'spec';
  const facade = op.facadeMethod ? ` → \`okta.${op.facadeMethod}()\`` : '';
  return `\`${op.operationId}\` (${op.method} ${op.path})${facade}`;
}

function engineNote(change: ContractChange): string {
  return change.engine && change.engine !== change.class ? ` _(api-smart-diff: ${change.engine})_` : '';
}

function describeSpec(spec: SpecLabel): string {
  return `\`${spec.file}\` (${spec.release ? `release ${spec.release}, ` : ''}info.version ${spec.version}, sha256 ${spec.sha256.slice(0, 12)})`;
}

function sourceOf(source: OperationSource, head: SpecLabel): string {
  if (source.retained)
    return `**retained** from release ${source.retained.from} (not in ${head.release ?? 'this release'}): ${source.retained.reason}`;
  return `taken from ${head.release ? `release ${head.release}` : `\`${head.file}\``}`;
}

/** A markdown report: one section per class; docs-only changes are counted per operation. */
export function renderMarkdown(report: ContractReport, base: SpecLabel, head: SpecLabel): string {
  const lines = [
    '# Okta Sessions contract report',
    '',
    `- base: ${describeSpec(base)}`,
    `- head: ${describeSpec(head)}`,
    '',
    `**${report.summary.breaking} breaking, ${report.summary.attention} need attention, ${report.summary['non-breaking']} non-breaking, ${report.summary.docs} docs-only**`,
  ];
  for (const changeClass of CLASS_ORDER) {
    const changes = report.changes.filter((change) => change.class === changeClass);
    if (changes.length === 0) continue;
    lines.push('', `## ${CLASS_TITLES[changeClass]} (${changes.length})`, '', `_${CLASS_ADVICE[changeClass]}_`, '');
    if (changeClass === 'docs') {
      const byOperation = new Map<string, number>();
      for (const change of changes) byOperation.set(operationLabel(change), (byOperation.get(operationLabel(change)) ?? 0) + 1);
      for (const [label, count] of byOperation) lines.push(`- ${label}: ${count} text change${count === 1 ? '' : 's'}`);
      continue;
    }
    const noEffect = new Map<string, ContractChange[]>();
    for (const change of changes) {
      if (!NO_EFFECT_RULES.has(change.rule)) {
        lines.push(`- ${operationLabel(change)}: ${change.message}${engineNote(change)}`);
        continue;
      }
      const label = operationLabel(change);
      noEffect.set(label, [...(noEffect.get(label) ?? []), change]);
    }
    for (const [label, group] of noEffect) {
      const calledBreaking = group.filter((change) => change.engine === 'breaking').length;
      const engine = calledBreaking ? ` _(api-smart-diff called ${calledBreaking} of them breaking)_` : '';
      const properties = [...new Set(group.map((change) => `\`${change.location?.split('.').slice(2).join('.')}\``))].join(', ');
      lines.push(
        `- ${label}: ${group.length} schema layout changes with no effect on the client (\`readOnly\` moved, \`allOf\` restructured) on ${properties}${engine}`,
      );
    }
  }
  if (report.changes.length === 0) lines.push('', 'No changes.');
  lines.push(
    '',
    '## Where each operation comes from',
    '',
    ...report.operations.map((source) => `- ${operationLabel(source)}: ${sourceOf(source, head)}`),
  );
  return `${lines.join('\n')}\n`;
}
