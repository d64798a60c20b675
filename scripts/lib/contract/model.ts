/**
 * A client's view of a spec: per operation, what it sends and what it gets back,
 * with $refs resolved and allOf merged, so that two releases can be compared by
 * meaning rather than by layout.
 */
import { eachOperation, isObject, type Json, type JsonObject, type OpenApiDocument, securityOf } from '../openapi-walk.ts';
import { type RetainedMark, retainedMarkOf } from '../retained.ts';

export interface PropertyInfo {
  type: string | undefined;
  format: string | undefined;
  enum: string[] | undefined;
  nullable: boolean;
  required: boolean;
  /** The schema's `default`, as JSON: what Okta does when a caller leaves the value out. */
  default: string | undefined;
}

/** Property path (e.g. `idp.type`, `amr[]`; the body itself is `$`) -> what it is. */
export type FlatSchema = Map<string, PropertyInfo>;

export interface OperationModel {
  operationId: string;
  method: string;
  path: string;
  deprecated: boolean;
  /** Set when the operation is kept from an earlier release (see scripts/lib/retained.ts). */
  retained: RetainedMark | undefined;
  /** Scheme name -> scopes; an empty map for `security: []`. */
  security: Map<string, Set<string>>;
  parameters: Map<string, PropertyInfo>;
  requestBody: { required: boolean; schema: FlatSchema } | undefined;
  /** Status -> JSON body schema (empty when the response has no JSON body). */
  responses: Map<string, FlatSchema>;
}

const MAX_DEPTH = 8;

function resolveRef(document: OpenApiDocument, node: Json | undefined, seen: Set<string>): { node: JsonObject; seen: Set<string> } {
  let current = node;
  let trail = seen;
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (trail.has(ref)) return { node: {}, seen: trail };
    trail = new Set(trail).add(ref);
    let target: Json | undefined = document as Json;
    for (const segment of ref.replace(/^#\//, '').split('/')) {
      target = isObject(target) ? target[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    // Siblings of $ref (readOnly, description) are kept beside the target's keys.
    const { $ref: _ref, ...siblings } = current;
    current = isObject(target) ? { ...target, ...siblings } : siblings;
  }
  return { node: isObject(current) ? current : {}, seen: trail };
}

function stringList(value: Json | undefined): string[] | undefined {
  return Array.isArray(value) ? value.map(String).sort() : undefined;
}

function flatten(
  document: OpenApiDocument,
  schema: Json | undefined,
  at: string,
  required: boolean,
  out: FlatSchema,
  seen: Set<string>,
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  const resolved = resolveRef(document, schema, seen);
  const node = resolved.node;
  // allOf: one schema made of parts; merge their properties and required lists.
  const parts = [node, ...(Array.isArray(node.allOf) ? node.allOf.map((part) => resolveRef(document, part, resolved.seen).node) : [])];
  const type = parts.map((part) => part.type).find((value): value is string => typeof value === 'string');
  const enumValues = parts.map((part) => stringList(part.enum)).find((value) => value !== undefined);
  const format = parts.map((part) => part.format).find((value): value is string => typeof value === 'string');
  const variants = ['oneOf', 'anyOf'].flatMap((key) => (Array.isArray(node[key]) ? [key] : []));
  const nullable = parts.some((part) => part.nullable === true);
  const inferredType = variants[0] ?? type ?? (parts.some((part) => isObject(part.properties)) ? 'object' : undefined);
  const defaultValue = parts.find((part) => part.default !== undefined)?.default;
  out.set(at, {
    type: inferredType,
    format,
    enum: enumValues,
    nullable,
    required,
    default: defaultValue === undefined ? undefined : JSON.stringify(defaultValue),
  });

  const requiredNames = new Set(parts.flatMap((part) => stringList(part.required) ?? []));
  for (const part of parts) {
    if (!isObject(part.properties)) continue;
    for (const [name, property] of Object.entries(part.properties)) {
      flatten(document, property, at === '$' ? name : `${at}.${name}`, requiredNames.has(name), out, resolved.seen, depth + 1);
    }
  }
  const items = parts.map((part) => part.items).find((value) => value !== undefined);
  if (items !== undefined) flatten(document, items, `${at}[]`, false, out, resolved.seen, depth + 1);
}

function flatSchema(document: OpenApiDocument, schema: Json | undefined): FlatSchema {
  const out: FlatSchema = new Map();
  if (schema !== undefined) flatten(document, schema, '$', true, out, new Set(), 0);
  return out;
}

function jsonSchemaOf(document: OpenApiDocument, holder: Json | undefined): Json | undefined {
  const content = resolveRef(document, holder, new Set()).node.content;
  if (!isObject(content)) return undefined;
  const json = Object.entries(content).find(([mediaType]) => mediaType.includes('json'))?.[1];
  return isObject(json) ? json.schema : undefined;
}

function parametersOf(document: OpenApiDocument, pathItem: JsonObject, operation: JsonObject): Map<string, PropertyInfo> {
  const parameters = new Map<string, PropertyInfo>();
  const all = [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ];
  for (const raw of all) {
    const parameter = resolveRef(document, raw, new Set()).node;
    const schema = flatSchema(document, parameter.schema).get('$');
    parameters.set(`${String(parameter.in)} ${String(parameter.name)}`, {
      type: schema?.type,
      format: schema?.format,
      enum: schema?.enum,
      nullable: schema?.nullable ?? false,
      required: parameter.required === true,
      default: schema?.default,
    });
  }
  return parameters;
}

/** A path template's shape: `/api/v1/users/{userId}` and `/api/v1/users/{id}` are the same URL. */
function templateShape(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}');
}

/** The names of a template's parameters, in order. */
function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
}

/**
 * Operations whose path only renamed its parameters between two releases (the same method and URL, e.g.
 * getUser's `{userId}` becoming `{id}`): old path -> new path. They are compared as one operation.
 */
export function renamedPaths(base: Map<string, OperationModel>, head: Map<string, OperationModel>): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const [key, before] of base) {
    if (head.has(key)) continue;
    const after = [...head.values()].find(
      (model) =>
        model.operationId === before.operationId &&
        model.method === before.method &&
        model.path !== before.path &&
        templateShape(model.path) === templateShape(before.path),
    );
    if (after && !base.has(`${after.method} ${after.path}`)) renamed.set(before.path, after.path);
  }
  return renamed;
}

/** The model under its new path, its path parameters named as the new template names them. */
export function underRenamedPath(model: OperationModel, path: string): OperationModel {
  const [from, to] = [templateNames(model.path), templateNames(path)];
  const parameters = new Map(
    [...model.parameters].map(([name, info]) => {
      const index = from.findIndex((old) => name === `path ${old}`);
      return [index >= 0 ? `path ${to[index]}` : name, info] as const;
    }),
  );
  return { ...model, path, parameters };
}

/** Operations keyed by `METHOD path`. */
export function contractModel(document: OpenApiDocument): Map<string, OperationModel> {
  const models = new Map<string, OperationModel>();
  for (const { path, method, pathItem, operation } of eachOperation(document.paths)) {
    const responses = new Map<string, FlatSchema>();
    for (const [status, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
      responses.set(status, flatSchema(document, jsonSchemaOf(document, response)));
    }
    const body = isObject(operation.requestBody) ? resolveRef(document, operation.requestBody, new Set()).node : undefined;
    const upper = method.toUpperCase();
    models.set(`${upper} ${path}`, {
      operationId: typeof operation.operationId === 'string' ? operation.operationId : `${upper} ${path}`,
      method: upper,
      path,
      deprecated: operation.deprecated === true,
      retained: retainedMarkOf(operation),
      security: securityOf(document, operation),
      parameters: parametersOf(document, pathItem, operation),
      requestBody: body ? { required: body.required === true, schema: flatSchema(document, jsonSchemaOf(document, body)) } : undefined,
      responses,
    });
  }
  return models;
}
