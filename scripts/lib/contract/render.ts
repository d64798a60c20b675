import { isObject } from '../openapi-walk.ts';
import type { LoadedSpec } from '../spec-io.ts';
import { CLASS_TITLES, type ChangeClass, type ContractChange, type ContractReport } from './report.ts';

export interface SpecLabel {
  file: string;
  version: string;
  sha256: string;
}

/** How a report names a spec: its file (or `file`), info.version and hash. */
export function specLabel(spec: LoadedSpec, file: string = spec.file): SpecLabel {
  const info = isObject(spec.slice.info) ? spec.slice.info : {};
  return { file, version: String(info.version ?? 'unknown'), sha256: spec.sha256 };
}

/** Changes the engine reports that leave the client's view unchanged; listed as one line per operation. */
const NO_EFFECT_RULES = new Set(['response-readonly', 'schema-layout']);

const ORDER: ChangeClass[] = ['breaking', 'attention', 'non-breaking', 'docs'];

const ADVICE: Record<ChangeClass, string> = {
  breaking: 'Code built on the old spec fails against the new one. Do not ship the new spec as is: adapt the facade (or keep the old slice) first.',
  attention: 'Works today, but review it: a new value, option or deprecation your code may need to handle.',
  'non-breaking': 'Safe for this client.',
  docs: 'Text only: summaries, descriptions, examples, scope descriptions.',
};

function operationLabel(change: ContractChange): string {
  const op = change.operation;
  if (!op) return 'spec';
  const facade = op.facadeMethod ? ` → \`okta.${op.facadeMethod}()\`` : '';
  return `\`${op.operationId}\` (${op.method} ${op.path})${facade}`;
}

function engineNote(change: ContractChange): string {
  return change.engine && change.engine !== change.class ? ` _(api-smart-diff: ${change.engine})_` : '';
}

/** A markdown report: one section per class; docs-only changes are counted per operation. */
export function renderMarkdown(report: ContractReport, base: SpecLabel, head: SpecLabel): string {
  const lines = [
    '# Okta Sessions contract report',
    '',
    `- base: \`${base.file}\` (info.version ${base.version}, sha256 ${base.sha256.slice(0, 12)})`,
    `- head: \`${head.file}\` (info.version ${head.version}, sha256 ${head.sha256.slice(0, 12)})`,
    '',
    `**${report.summary.breaking} breaking, ${report.summary.attention} need attention, ${report.summary['non-breaking']} non-breaking, ${report.summary.docs} docs-only**`,
  ];
  for (const changeClass of ORDER) {
    const changes = report.changes.filter((change) => change.class === changeClass);
    if (changes.length === 0) continue;
    lines.push('', `## ${CLASS_TITLES[changeClass]} (${changes.length})`, '', `_${ADVICE[changeClass]}_`, '');
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
      lines.push(`- ${label}: ${group.length} schema layout changes with no effect on the client (\`readOnly\` moved, \`allOf\` restructured) on ${properties}${engine}`);
    }
  }
  if (report.changes.length === 0) lines.push('', 'No changes.');
  return `${lines.join('\n')}\n`;
}
