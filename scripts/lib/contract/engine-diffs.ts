/**
 * api-smart-diff finds every change and tells text from structure; this
 * classifies each finding the client rules have not already explained, judged
 * by where it is (operation and location), so a change the rules recognise
 * never hides another one next to it.
 */
import { apiCompare } from 'api-smart-diff';
import type { OpenApiDocument } from '../openapi-walk.ts';
import { RETAINED_MARK } from '../retained.ts';
import type { FlatSchema, OperationModel, PropertyInfo } from './model.ts';
import { type ContractChange, refOf, type ReportBuilder } from './report.ts';
import { schemaLocation } from './rules.ts';

const DOC_KEYS = new Set(['description', 'summary', 'example', 'examples', 'title', 'externalDocs', 'x-enumDescriptions', 'tags']);
const NO_EFFECT_IN_RESPONSES = new Set(['readOnly', 'writeOnly']);
/** Schema keywords the resolved model (model.ts) captures; a change to any other one is for a person to review. */
const MODELLED_KEYWORDS = new Set([
  'type',
  'format',
  'enum',
  'nullable',
  'required',
  'properties',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
  '$ref',
  'schema',
  'content',
  'readOnly',
  'writeOnly',
]);

type Segment = string | number;

/** Text anywhere on the path (a description, an example, an `x-` extension), unless it is the name of a property. */
function isTextPath(path: Segment[]): boolean {
  return path.some((segment, i) => path[i - 1] !== 'properties' && (DOC_KEYS.has(String(segment)) || String(segment).startsWith('x-')));
}

/** The schema keyword a diff changes: `…properties.login` (a property added or removed) -> `properties`, `…enum.3` -> `enum`. */
function keywordOf(path: Segment[]): string {
  const last = String(path[path.length - 1]);
  const previous = String(path[path.length - 2]);
  if (previous === 'properties') return 'properties';
  return /^\d+$/.test(last) ? previous : last;
}

/** Where in an operation a diff is, in the rules' vocabulary, plus the property it touches when it is in a body schema. */
function positionOf(rest: Segment[]): { location: string; body?: { status: string | undefined; property: string } } {
  const [section, status] = rest;
  const schemaStart = section === 'responses' ? 4 : section === 'requestBody' ? 3 : -1;
  if (schemaStart > 0 && rest[schemaStart] === 'schema') {
    let property = '$';
    for (let i = schemaStart + 1; i < rest.length - 1; i++) {
      if (rest[i] === 'properties') property = property === '$' ? String(rest[++i]) : `${property}.${String(rest[++i])}`;
      else if (rest[i] === 'items') property = `${property}[]`;
    }
    const prefix = section === 'responses' ? `responses.${String(status)}` : 'requestBody';
    return { location: schemaLocation(prefix, property), body: { status: section === 'responses' ? String(status) : undefined, property } };
  }
  if (section === 'responses') return { location: `responses.${String(status)}` };
  return { location: String(section ?? '') };
}

/** True when one of the rules' changes to the operation is at `location`, inside it, or around it. */
function covered(ruleChanges: ContractChange[], operationKey: string, location: string): boolean {
  return ruleChanges.some(({ operation, location: at }) => {
    if (!operation || `${operation.method} ${operation.path}` !== operationKey || at === undefined) return false;
    return (
      at === location ||
      location.startsWith(`${at}.`) ||
      location.startsWith(`${at}[]`) ||
      at.startsWith(`${location}.`) ||
      at.startsWith(`${location}[]`)
    );
  });
}

function sameInfo(a: PropertyInfo | undefined, b: PropertyInfo | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function bodyOf(model: OperationModel | undefined, status: string | undefined): FlatSchema | undefined {
  return status === undefined ? model?.requestBody?.schema : model?.responses.get(status);
}

/** Whether the client's view of the operation at this location is the same before and after. */
function unchangedForClient(
  before: OperationModel | undefined,
  after: OperationModel,
  location: string,
  body: { status: string | undefined; property: string } | undefined,
): boolean {
  if (body) return sameInfo(bodyOf(before, body.status)?.get(body.property), bodyOf(after, body.status)?.get(body.property));
  const view = (model: OperationModel | undefined) => {
    if (!model) return undefined;
    if (location === 'parameters') return JSON.stringify([...model.parameters].sort());
    if (location === 'security') return JSON.stringify([...model.security].map(([scheme, scopes]) => [scheme, [...scopes]]).sort());
    return undefined;
  };
  const seen = view(after);
  return seen !== undefined && seen === view(before);
}

/** Classifies the engine's diffs that the model comparison does not already explain. */
export function classifyEngineDiffs(
  report: ReportBuilder,
  base: OpenApiDocument,
  head: OpenApiDocument,
  models: { base: Map<string, OperationModel>; head: Map<string, OperationModel> },
  wholeOperation: Set<string>,
  /** Old path -> new path, for operations whose path only renamed its parameters (the rules report the rename). */
  renamed: ReadonlyMap<string, string>,
): void {
  const { diffs } = apiCompare(base, head);
  const ruleChanges = [...report.changes];
  for (const diff of diffs) {
    const path = diff.path as Segment[];
    const location = path.join('.');
    const describe = `${diff.description || `${diff.action} ${location}`}`;
    const isDocs = diff.type === 'annotation' || isTextPath(path);
    const [root, rawPathKey, method, ...rest] = path;
    // The engine places an operation whose path was renamed at its old path; the rules compared it at the new one.
    if (root === 'paths' && diff.action === 'rename' && path.length === 1 && renamed.has(String(diff.before))) continue;
    const pathKey = renamed.get(String(rawPathKey)) ?? rawPathKey;

    if (root === 'components') {
      // Schemas, parameters and responses are judged where operations use them (the engine resolves $refs into paths).
      if (pathKey !== 'securitySchemes') continue;
      const isScope = path.includes('scopes') && path.length > 6;
      report.add({
        rule: isDocs || (isScope && diff.action === 'replace') ? 'security-scheme-text' : 'security-scheme-changed',
        message: describe,
        operation: undefined,
        location,
      });
      continue;
    }
    if (root !== 'paths') {
      report.add({ rule: 'document-metadata', message: describe, operation: undefined, location });
      continue;
    }
    const operationKey = `${String(method).toUpperCase()} ${String(pathKey)}`;
    const model = models.head.get(operationKey) ?? models.base.get(operationKey);
    // A change to a whole path item, or to its shared parameters, is judged through its operations.
    const affected = model
      ? [operationKey]
      : [...models.base.keys(), ...models.head.keys()].filter((candidate) => candidate.endsWith(` ${String(pathKey)}`));
    if (affected.some((candidate) => wholeOperation.has(candidate))) continue;
    const op = model ? refOf(model) : undefined;
    if (path.includes(RETAINED_MARK) && covered(ruleChanges, operationKey, 'retained')) continue;
    if (isDocs) {
      report.add({ rule: 'text', message: describe, operation: op, location });
      continue;
    }
    if (!model) {
      report.add({
        rule: 'unrecognised',
        message: `${describe} (not covered by the client rules: review)`,
        operation: undefined,
        location,
        engine: diff.type,
      });
      continue;
    }
    const keyword = keywordOf(path);
    const position = positionOf(rest);
    const modelled =
      MODELLED_KEYWORDS.has(keyword) ||
      ['deprecated', 'operationId', 'security', 'parameters'].includes(position.location.split('.')[0] as string);
    if (modelled && covered(ruleChanges, operationKey, position.location)) continue;
    if (modelled && unchangedForClient(models.base.get(operationKey), model, position.location, position.body)) {
      const noEffect = NO_EFFECT_IN_RESPONSES.has(keyword);
      const what = position.body ? `\`${position.body.property}\`` : position.location;
      report.add({
        rule: noEffect ? 'response-readonly' : 'schema-layout',
        message: noEffect
          ? `\`${keyword}\` moved on ${what}: changes nothing for a client`
          : `${what} restructured (${keyword}), same effective schema`,
        operation: op,
        location: position.location,
        engine: diff.type,
      });
      continue;
    }
    report.add({
      rule: 'unrecognised',
      message: `${describe} (not covered by the client rules: review)`,
      operation: op,
      location: position.location,
      engine: diff.type,
    });
  }
}
