/**
 * Slices Okta's management spec down to the Session operations, the user
 * operations the client needs beside them, and the components they reference,
 * transitively, and nothing else.
 *
 * Hand-written rather than Redocly's `filter-in` + `remove-unused-components`:
 * those need Redocly's 100 MB toolchain and telemetry opt-outs, leave path
 * items that hold only parameters, and keep every OAuth scope of the org.
 * A ref closure over plain YAML is short, offline and deterministic.
 */

import {
  eachOperation,
  HTTP_METHODS,
  isObject,
  type Json,
  type JsonObject,
  type OpenApiDocument,
  operationsOf,
  securityOf,
} from './openapi-walk.ts';

/** Every path of the Sessions API starts with this; new session operations are picked up too. */
export const SESSION_PATH_PREFIX = '/api/v1/sessions';

/**
 * Operations outside the Sessions API the client takes, by operationId, wherever a release puts them:
 * clearing a user's sessions (what responders need on Identity Engine), finding that user by login
 * first, and the System Log, the one place Okta shows sessions. Only these operations of their path
 * items; the rest of the Users and System Log APIs stays out.
 */
export const USER_OPERATIONS: readonly string[] = ['revokeUserSessions', 'getUser', 'listLogEvents'];

function isSessionPath(path: string): boolean {
  return path === SESSION_PATH_PREFIX || path.startsWith(`${SESSION_PATH_PREFIX}/`);
}

/** The path item with only the operations the slice takes from it (its path-level parameters kept); undefined for none. */
function slicedPathItem(path: string, item: JsonObject): JsonObject | undefined {
  const operations = operationsOf(item).filter(
    ([, operation]) => isSessionPath(path) || USER_OPERATIONS.includes(String(operation.operationId)),
  );
  // A path item whose operations were all removed keeps only its parameters; drop it.
  if (operations.length === 0) return undefined;
  if (isSessionPath(path)) return item;
  const methods = new Set<string>(HTTP_METHODS);
  return Object.fromEntries([...Object.entries(item).filter(([key]) => !methods.has(key)), ...operations]);
}

/** `#/components/schemas/Session` -> ['schemas', 'Session'] */
function parseComponentRef(ref: string): [string, string] {
  const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
  if (!match) throw new Error(`Unsupported $ref "${ref}": only local #/components/<section>/<name> refs are sliced`);
  return [match[1] as string, decodeURIComponent((match[2] as string).replace(/~1/g, '/').replace(/~0/g, '~'))];
}

export function collectRefs(node: Json, found: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, found);
  } else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value);
      else collectRefs(value, found);
    }
  }
}

/**
 * Visits every component `$ref` reachable from `roots`, each once. `visit` returns the component to look
 * into for further refs, or undefined to go no further from it.
 */
export function walkRefs(roots: Iterable<string>, visit: (ref: string, section: string, name: string) => Json | undefined): void {
  const pending = [...roots];
  const seen = new Set<string>();
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    const [section, name] = parseComponentRef(ref);
    const target = visit(ref, section, name);
    if (target === undefined) continue;
    const nested = new Set<string>();
    collectRefs(target, nested);
    pending.push(...nested);
  }
}

export function sortedObject(entries: Iterable<[string, Json]>): JsonObject {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function sessionPaths(spec: OpenApiDocument): JsonObject {
  const paths: JsonObject = {};
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    const sliced = isObject(item) ? slicedPathItem(path, item) : undefined;
    if (sliced) paths[path] = sliced;
  }
  return sortedObject(Object.entries(paths));
}

function usedSecurity(spec: OpenApiDocument, paths: JsonObject): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const { operation } of eachOperation(paths)) {
    for (const [scheme, scopes] of securityOf(spec, operation)) {
      const set = used.get(scheme) ?? new Set<string>();
      for (const scope of scopes) set.add(scope);
      used.set(scheme, set);
    }
  }
  return used;
}

/** Keeps the schemes the operations use, and of OAuth flows only the scopes they name. */
function sliceSecuritySchemes(spec: OpenApiDocument, paths: JsonObject): JsonObject | undefined {
  const schemes = spec.components?.securitySchemes;
  if (!isObject(schemes)) return undefined;
  const result: [string, Json][] = [];
  for (const [name, scopes] of usedSecurity(spec, paths)) {
    const scheme = schemes[name];
    if (!isObject(scheme)) throw new Error(`Security scheme "${name}" is used but not defined in components.securitySchemes`);
    if (!isObject(scheme.flows)) {
      result.push([name, scheme]);
      continue;
    }
    const flows: JsonObject = {};
    for (const [flowName, flow] of Object.entries(scheme.flows)) {
      if (!isObject(flow)) continue;
      const allScopes = isObject(flow.scopes) ? flow.scopes : {};
      flows[flowName] = { ...flow, scopes: sortedObject(Object.entries(allScopes).filter(([scope]) => scopes.has(scope))) };
    }
    result.push([name, { ...scheme, flows }]);
  }
  return result.length ? sortedObject(result) : undefined;
}

function usedTags(paths: JsonObject): Set<string> {
  const tags = new Set<string>();
  for (const { operation } of eachOperation(paths)) {
    if (Array.isArray(operation.tags)) for (const tag of operation.tags) tags.add(String(tag));
  }
  return tags;
}

/**
 * Returns a standalone OpenAPI document holding the Session paths and their
 * component closure. Components are sorted by name so output is stable.
 */
export function sliceSessionSpec(spec: OpenApiDocument): OpenApiDocument {
  if (typeof spec.openapi !== 'string' || !isObject(spec.paths)) {
    throw new Error('Not an OpenAPI 3 document: expected top-level "openapi" and "paths"');
  }
  const paths = sessionPaths(spec);
  if (!Object.keys(paths).some(isSessionPath)) {
    throw new Error(`The spec has no operations under ${SESSION_PATH_PREFIX}`);
  }
  const components = spec.components ?? {};
  const kept = new Map<string, Map<string, Json>>();
  const found = new Set<string>();
  collectRefs(paths, found);
  walkRefs(found, (ref, section, name) => {
    const sectionObject = components[section];
    const target = isObject(sectionObject) ? sectionObject[name] : undefined;
    if (target === undefined) throw new Error(`Dangling $ref "${ref}": not found in the source spec`);
    const bucket = kept.get(section) ?? new Map<string, Json>();
    bucket.set(name, target);
    kept.set(section, bucket);
    return target;
  });

  const slicedComponents: [string, Json][] = [...kept].map(([section, entries]) => [section, sortedObject(entries)]);
  const securitySchemes = sliceSecuritySchemes(spec, paths);
  if (securitySchemes) slicedComponents.push(['securitySchemes', securitySchemes]);

  const tagNames = usedTags(paths);
  const tags = Array.isArray(spec.tags) ? spec.tags.filter((tag) => isObject(tag) && tagNames.has(String(tag.name))) : [];

  const sliced: OpenApiDocument = { openapi: spec.openapi };
  if (isObject(spec.info)) sliced.info = spec.info;
  if (Array.isArray(spec.servers)) sliced.servers = spec.servers;
  if (tags.length) sliced.tags = tags;
  sliced.paths = paths;
  sliced.components = sortedObject(slicedComponents);
  return sliced;
}

/** True when the document already is a slice (no operation it would leave out). */
export function isSessionSlice(spec: OpenApiDocument): boolean {
  return eachOperation(spec.paths).every(
    ({ path, operation }) => isSessionPath(path) || USER_OPERATIONS.includes(String(operation.operationId)),
  );
}
