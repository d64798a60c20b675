/**
 * The contract report: what changed between two Session slices, classified for
 * this client. api-smart-diff finds every change and tells text from structure;
 * the rules below decide what a structural change means for a client, from the
 * resolved model of each operation (contract-model.ts).
 */
import { apiCompare } from 'api-smart-diff';
import { FACADE_METHODS, SENT_REQUEST_PROPERTIES } from '../../src/facade-methods.ts';
import { contractModel, type FlatSchema, type OperationModel, type PropertyInfo } from './contract-model.ts';
import type { OpenApiDocument } from './slice.ts';

export type ChangeClass = 'breaking' | 'attention' | 'non-breaking' | 'docs';

export const CLASS_TITLES: Record<ChangeClass, string> = {
  breaking: 'Breaking',
  attention: 'Needs attention',
  'non-breaking': 'Non-breaking',
  docs: 'Docs-only',
};

export interface OperationRef {
  operationId: string;
  method: string;
  path: string;
  /** The facade method that calls it, e.g. `create`. */
  facadeMethod: string | undefined;
}

export interface ContractChange {
  class: ChangeClass;
  rule: string;
  message: string;
  operation: OperationRef | undefined;
  /** Where in the spec, as a dotted path. */
  location: string | undefined;
  /** What the generic engine called it, when the client rules decided otherwise. */
  engine?: string;
}

export interface ContractReport {
  summary: Record<ChangeClass, number>;
  changes: ContractChange[];
}

const DOC_KEYS = new Set(['description', 'summary', 'example', 'examples', 'title', 'externalDocs', 'x-enumDescriptions', 'tags']);
const NO_EFFECT_IN_RESPONSES = new Set(['readOnly', 'writeOnly']);

function refOf(model: OperationModel): OperationRef {
  return {
    operationId: model.operationId,
    method: model.method,
    path: model.path,
    facadeMethod: (FACADE_METHODS as Record<string, string>)[model.operationId],
  };
}

function describeType(info: PropertyInfo | undefined): string {
  if (!info) return 'absent';
  return `${info.type ?? 'any'}${info.format ? ` (${info.format})` : ''}${info.nullable ? ', nullable' : ''}`;
}

function sameType(a: PropertyInfo, b: PropertyInfo): boolean {
  return a.type === b.type && a.nullable === b.nullable;
}

function samePropertyInfo(a: PropertyInfo | undefined, b: PropertyInfo | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

class ReportBuilder {
  readonly changes: ContractChange[] = [];

  add(change: Omit<ContractChange, 'location'> & { location?: string }): void {
    this.changes.push({ location: undefined, ...change });
  }
}

function compareResponseSchema(report: ReportBuilder, op: OperationRef, status: string, base: FlatSchema, head: FlatSchema): void {
  const where = (property: string) => `${op.method} ${op.path} ${status} response ${property === '$' ? 'body' : `\`${property}\``}`;
  for (const [property, before] of base) {
    const after = head.get(property);
    const location = `responses.${status}.${property}`;
    if (!after) {
      // Nested properties of a removed parent are part of the same change.
      const parent = property.replace(/(\.[^.]+|\[\])$/, '');
      if (parent !== property && base.has(parent) && !head.has(parent)) continue;
      report.add({ class: 'breaking', rule: 'response-property-removed', message: `${where(property)} removed (the \`Session\` type exposes it)`, operation: op, location });
      continue;
    }
    if (!sameType(before, after)) {
      report.add({ class: 'breaking', rule: 'response-type-changed', message: `${where(property)} type changed: ${describeType(before)} -> ${describeType(after)}`, operation: op, location });
    } else if (before.format !== after.format) {
      report.add({ class: 'attention', rule: 'response-format-changed', message: `${where(property)} format changed: ${before.format ?? 'none'} -> ${after.format ?? 'none'}`, operation: op, location });
    }
    const added = (after.enum ?? []).filter((value) => before.enum && !before.enum.includes(value));
    const removed = (before.enum ?? []).filter((value) => after.enum && !after.enum.includes(value));
    if (added.length) {
      report.add({ class: 'attention', rule: 'response-enum-added', message: `${where(property)} may now be ${added.map((v) => `\`${v}\``).join(', ')}: handle the new value`, operation: op, location });
    }
    if (removed.length) {
      report.add({ class: 'non-breaking', rule: 'response-enum-removed', message: `${where(property)} no longer lists ${removed.map((v) => `\`${v}\``).join(', ')}`, operation: op, location });
    }
    if (before.required && !after.required && property !== '$') {
      report.add({ class: 'attention', rule: 'response-property-optional', message: `${where(property)} is no longer required`, operation: op, location });
    }
  }
  for (const property of head.keys()) {
    if (base.has(property)) continue;
    const parent = property.replace(/(\.[^.]+|\[\])$/, '');
    if (parent !== property && head.has(parent) && !base.has(parent)) continue;
    report.add({ class: 'non-breaking', rule: 'response-property-added', message: `${where(property)} added`, operation: op, location: `responses.${status}.${property}` });
  }
}

function compareRequestField(report: ReportBuilder, op: OperationRef, label: string, location: string, before: PropertyInfo | undefined, after: PropertyInfo | undefined, sent: boolean): void {
  if (!before && after) {
    if (after.required) report.add({ class: 'breaking', rule: 'request-required-added', message: `new required ${label}`, operation: op, location });
    else report.add({ class: 'attention', rule: 'request-optional-added', message: `new optional ${label}`, operation: op, location });
    return;
  }
  if (before && !after) {
    if (sent) report.add({ class: 'breaking', rule: 'request-sent-removed', message: `${label} removed, but the facade sends it`, operation: op, location });
    else report.add({ class: 'non-breaking', rule: 'request-removed', message: `${label} removed (the facade does not send it)`, operation: op, location });
    return;
  }
  if (!before || !after) return;
  if (!before.required && after.required) {
    report.add({ class: sent ? 'attention' : 'breaking', rule: 'request-became-required', message: `${label} is now required${sent ? ' (the facade sends it)' : ''}`, operation: op, location });
  }
  if (!sameType(before, after)) {
    report.add({ class: sent ? 'breaking' : 'attention', rule: 'request-type-changed', message: `${label} type changed: ${describeType(before)} -> ${describeType(after)}`, operation: op, location });
  }
  const narrowed = (before.enum ?? []).filter((value) => after.enum && !after.enum.includes(value));
  if (narrowed.length || (!before.enum && after.enum)) {
    report.add({ class: 'breaking', rule: 'request-enum-narrowed', message: `${label} no longer accepts ${narrowed.length ? narrowed.map((v) => `\`${v}\``).join(', ') : 'any value outside its new enum'}`, operation: op, location });
  }
}

function compareOperation(report: ReportBuilder, base: OperationModel, head: OperationModel): void {
  const op = refOf(head);
  if (base.operationId !== head.operationId) {
    report.add({ class: 'attention', rule: 'operation-renamed', message: `operationId renamed from \`${base.operationId}\` (generated names change)`, operation: op, location: 'operationId' });
  }
  if (!base.deprecated && head.deprecated) report.add({ class: 'attention', rule: 'operation-deprecated', message: 'operation deprecated', operation: op, location: 'deprecated' });
  if (base.deprecated && !head.deprecated) report.add({ class: 'non-breaking', rule: 'operation-undeprecated', message: 'no longer deprecated', operation: op, location: 'deprecated' });

  for (const [scheme, scopes] of base.security) {
    const after = head.security.get(scheme);
    if (!after) {
      report.add({ class: 'breaking', rule: 'auth-scheme-removed', message: `auth scheme \`${scheme}\` no longer accepted`, operation: op, location: 'security' });
      continue;
    }
    const newScopes = [...after].filter((scope) => !scopes.has(scope));
    if (newScopes.length) {
      report.add({ class: 'attention', rule: 'auth-scope-added', message: `\`${scheme}\` now also names scope ${newScopes.join(', ')}`, operation: op, location: 'security' });
    }
  }
  if (base.security.size === 0 && head.security.size > 0) {
    report.add({ class: 'breaking', rule: 'auth-now-required', message: `now requires ${[...head.security.keys()].join(' or ')}; the facade sends no credentials here`, operation: op, location: 'security' });
  }
  for (const scheme of head.security.keys()) {
    if (base.security.size > 0 && !base.security.has(scheme)) {
      report.add({ class: 'non-breaking', rule: 'auth-scheme-added', message: `auth scheme \`${scheme}\` also accepted`, operation: op, location: 'security' });
    }
  }

  const names = new Set([...base.parameters.keys(), ...head.parameters.keys()]);
  for (const name of names) {
    const sent = name.startsWith('path ') || name === 'header Cookie';
    compareRequestField(report, op, `parameter \`${name}\``, `parameters.${name}`, base.parameters.get(name), head.parameters.get(name), sent);
  }

  const sentProperties = new Set((SENT_REQUEST_PROPERTIES as Record<string, readonly string[] | undefined>)[head.operationId] ?? []);
  const baseBody = base.requestBody?.schema ?? new Map();
  const headBody = head.requestBody?.schema ?? new Map();
  if (!base.requestBody?.required && head.requestBody?.required && sentProperties.size === 0) {
    report.add({ class: 'breaking', rule: 'request-body-required', message: 'request body now required; the facade sends none', operation: op, location: 'requestBody' });
  }
  for (const property of new Set([...baseBody.keys(), ...headBody.keys()])) {
    if (property === '$') continue;
    compareRequestField(report, op, `request property \`${property}\``, `requestBody.${property}`, baseBody.get(property), headBody.get(property), sentProperties.has(property));
  }

  for (const [status, schema] of base.responses) {
    const after = head.responses.get(status);
    const success = status.startsWith('2');
    if (!after) {
      const otherSuccess = [...head.responses.keys()].some((code) => code.startsWith('2'));
      report.add({
        class: success ? (otherSuccess ? 'attention' : 'breaking') : 'non-breaking',
        rule: 'response-removed',
        message: `${status} response no longer documented`,
        operation: op,
        location: `responses.${status}`,
      });
      continue;
    }
    if (success) compareResponseSchema(report, op, status, schema, after);
  }
  for (const status of head.responses.keys()) {
    if (!base.responses.has(status)) {
      report.add({ class: status.startsWith('2') ? 'attention' : 'non-breaking', rule: 'response-added', message: `${status} response now documented`, operation: op, location: `responses.${status}` });
    }
  }
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
function classifyEngineDiffs(report: ReportBuilder, base: OpenApiDocument, head: OpenApiDocument, models: { base: Map<string, OperationModel>; head: Map<string, OperationModel> }, explained: Set<string>): void {
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

/** Compares two Session slices and classifies every change for this client. */
export function compareSlices(base: OpenApiDocument, head: OpenApiDocument): ContractReport {
  const models = { base: contractModel(base), head: contractModel(head) };
  const report = new ReportBuilder();
  const movedTo = new Set<string>();

  const explained = new Set<string>();
  for (const [key, before] of models.base) {
    if (models.head.has(key)) continue;
    explained.add(key);
    const moved = [...models.head.values()].find((after) => after.operationId === before.operationId && !models.base.has(`${after.method} ${after.path}`));
    if (moved) {
      movedTo.add(`${moved.method} ${moved.path}`);
      report.add({ class: 'breaking', rule: 'operation-moved', message: `moved from ${before.method} ${before.path} to ${moved.method} ${moved.path}`, operation: refOf(moved), location: `paths.${moved.path}` });
    } else {
      report.add({ class: 'breaking', rule: 'operation-removed', message: 'operation removed from the spec', operation: refOf(before), location: `paths.${before.path}.${before.method.toLowerCase()}` });
    }
  }
  for (const [key, after] of models.head) {
    if (models.base.has(key)) continue;
    explained.add(key);
    if (movedTo.has(key)) continue;
    const exposed = refOf(after).facadeMethod !== undefined;
    report.add({
      class: 'attention',
      rule: 'operation-added',
      message: exposed ? 'operation added' : 'new operation, not exposed by the facade yet',
      operation: refOf(after),
      location: `paths.${after.path}.${after.method.toLowerCase()}`,
    });
  }

  for (const [key, before] of models.base) {
    const after = models.head.get(key);
    if (!after) continue;
    const count = report.changes.length;
    compareOperation(report, before, after);
    if (report.changes.length > count) explained.add(key);
  }
  classifyEngineDiffs(report, base, head, models, explained);

  const summary: Record<ChangeClass, number> = { breaking: 0, attention: 0, 'non-breaking': 0, docs: 0 };
  for (const change of report.changes) summary[change.class]++;
  return { summary, changes: report.changes };
}
