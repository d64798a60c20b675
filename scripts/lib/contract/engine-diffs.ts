/**
 * api-smart-diff finds every change and tells text from structure; this
 * classifies the changes the client rules have not already explained.
 */
import { apiCompare } from 'api-smart-diff';
import type { OpenApiDocument } from '../openapi-walk.ts';
import type { OperationModel, PropertyInfo } from './model.ts';
import { refOf, type ReportBuilder } from './report.ts';

const DOC_KEYS = new Set(['description', 'summary', 'example', 'examples', 'title', 'externalDocs', 'x-enumDescriptions', 'tags']);
const NO_EFFECT_IN_RESPONSES = new Set(['readOnly', 'writeOnly']);

function samePropertyInfo(a: PropertyInfo | undefined, b: PropertyInfo | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `paths./api/v1/sessions.post.responses.200.content.application/json.schema.properties.idp.properties.type` -> status 200, property `idp.type` */
function responseProperty(path: (string | number)[]): { status: string; property: string } | undefined {
  const at = path.indexOf('responses');
  if (at < 0 || path[at + 2] !== 'content' || path[at + 4] !== 'schema') return undefined;
  let property = '$';
  for (let i = at + 5; i < path.length - 1; i++) {
    if (path[i] === 'properties') property = property === '$' ? String(path[++i]) : `${property}.${String(path[++i])}`;
    else if (path[i] === 'items') property = `${property}[]`;
  }
  return { status: String(path[at + 1]), property };
}

/** Classifies the engine's diffs that the model comparison does not already explain. */
export function classifyEngineDiffs(report: ReportBuilder, base: OpenApiDocument, head: OpenApiDocument, models: { base: Map<string, OperationModel>; head: Map<string, OperationModel> }, explained: Set<string>): void {
  const { diffs } = apiCompare(base, head);
  for (const diff of diffs) {
    const path = diff.path as (string | number)[];
    const location = path.join('.');
    const key = String(path[path.length - 1]);
    const isDocs = diff.type === 'annotation' || DOC_KEYS.has(key) || key.startsWith('x-') || path.some((segment) => segment === 'examples' || segment === 'example');
    const [root, pathKey, method] = path;

    if (root === 'components') {
      // Schemas, parameters and responses are judged where operations use them (the engine resolves $refs into paths).
      if (pathKey !== 'securitySchemes') continue;
      const isScope = path.includes('scopes') && path.length > 6;
      report.add({
        class: isDocs || (isScope && diff.action === 'replace') ? 'docs' : 'attention',
        rule: isDocs || isScope ? 'security-scheme-text' : 'security-scheme-changed',
        message: diff.description || `${diff.action} ${location}`,
        operation: undefined,
        location,
      });
      continue;
    }
    if (root !== 'paths') {
      report.add({ class: 'docs', rule: 'document-metadata', message: diff.description || `${diff.action} ${location}`, operation: undefined, location });
      continue;
    }
    const operationKey = `${String(method).toUpperCase()} ${String(pathKey)}`;
    const model = models.head.get(operationKey) ?? models.base.get(operationKey);
    const op = model ? refOf(model) : undefined;
    if (isDocs) {
      report.add({ class: 'docs', rule: 'text', message: diff.description || `${diff.action} ${key}`, operation: op, location });
      continue;
    }
    // A change to a whole path item, or to its shared parameters, is judged through its operations.
    const affected = model ? [operationKey] : [...models.base.keys(), ...models.head.keys()].filter((candidate) => candidate.endsWith(` ${String(pathKey)}`));
    if (affected.some((candidate) => explained.has(candidate))) continue;
    if (!model) {
      report.add({ class: 'attention', rule: 'unrecognised', message: `${diff.description || `${diff.action} ${location}`} (not covered by the client rules: review)`, operation: undefined, location, engine: diff.type });
      continue;
    }
    const response = responseProperty(path);
    if (response) {
      const before = models.base.get(`${model.method} ${model.path}`)?.responses.get(response.status)?.get(response.property);
      const after = model.responses.get(response.status)?.get(response.property);
      if (samePropertyInfo(before, after)) {
        report.add({
          class: 'non-breaking',
          rule: NO_EFFECT_IN_RESPONSES.has(key) ? 'response-readonly' : 'schema-layout',
          message: NO_EFFECT_IN_RESPONSES.has(key)
            ? `\`${key}\` moved on response \`${response.property}\`: changes nothing for a client`
            : `response \`${response.property}\` restructured (${key}), same effective schema`,
          operation: op,
          location: `responses.${response.status}.${response.property}`,
          engine: diff.type,
        });
        continue;
      }
    }
    report.add({ class: 'attention', rule: 'unrecognised', message: `${diff.description || `${diff.action} ${location}`} (not covered by the client rules: review)`, operation: op, location, engine: diff.type });
  }
}
