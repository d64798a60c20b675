/** The shapes of an OpenAPI document as parsed YAML, and the walks every script shares. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type OpenApiDocument = JsonObject & { paths?: JsonObject; components?: JsonObject };

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The operations of one path item, by method. */
export function operationsOf(pathItem: Json | undefined): [HttpMethod, JsonObject][] {
  if (!isObject(pathItem)) return [];
  return HTTP_METHODS.flatMap((method): [HttpMethod, JsonObject][] => {
    const operation = pathItem[method];
    return isObject(operation) ? [[method, operation]] : [];
  });
}

export interface OperationEntry {
  path: string;
  method: HttpMethod;
  pathItem: JsonObject;
  operation: JsonObject;
}

/** Every operation of a document (or of a `paths` object), in document order. */
export function eachOperation(paths: JsonObject | undefined): OperationEntry[] {
  return Object.entries(paths ?? {}).flatMap(([path, pathItem]) =>
    isObject(pathItem) ? operationsOf(pathItem).map(([method, operation]) => ({ path, method, pathItem, operation })) : [],
  );
}

/**
 * The security an operation requires: scheme name -> scopes. The operation's own
 * `security` wins; without one, the document's applies. Empty for `security: []`.
 */
export function securityOf(document: OpenApiDocument, operation: JsonObject): Map<string, Set<string>> {
  const requirements = Array.isArray(operation.security) ? operation.security : Array.isArray(document.security) ? document.security : [];
  const security = new Map<string, Set<string>>();
  for (const requirement of requirements) {
    if (!isObject(requirement)) continue;
    for (const [scheme, scopes] of Object.entries(requirement)) {
      const set = security.get(scheme) ?? new Set<string>();
      if (Array.isArray(scopes)) for (const scope of scopes.map(String).sort()) set.add(scope);
      security.set(scheme, set);
    }
  }
  return security;
}
