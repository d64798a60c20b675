/**
 * A call's request, built once from the method's typed parameters with openapi-fetch's own builders
 * (`createFinalURL`, `createQuerySerializer`, `defaultBodySerializer`, and its `pathSerializer` option), so
 * the spec's types decide what a method may send and openapi-fetch how it is serialized; its
 * `coreFetch` is not on the path. What is built here is all an attempt sends, apart from the
 * headers each attempt adds (Authorization, a DPoP proof, Okta's retry headers).
 */
import { createFinalURL, createQuerySerializer, defaultBodySerializer } from 'openapi-fetch';
import type { ParamsOption, RequestBodyOption } from 'openapi-fetch';
import type { operations } from '../types.js';
import type { Operation, OperationId } from '../operations.js';
import type { ApiRequest } from './engine.js';

/** The parameters and body of one operation, as the spec types them (openapi-fetch's own option types). */
export type RequestParts<K extends OperationId> = ParamsOption<operations[K]> & RequestBodyOption<operations[K]>;

/** An operation's success body as the spec types it: its 200's JSON, undefined for an operation that answers 204. */
export type SuccessBody<K extends OperationId> = operations[K]['responses'] extends { 200: { content: { 'application/json': infer Body } } }
  ? Body
  : undefined;

const querySerializer = createQuerySerializer();
const ACCEPT_JSON = { accept: 'application/json' } as const;
const SEND_JSON = { accept: 'application/json', 'content-type': 'application/json' } as const;

const PATH_PARAMETER = /\{([^{}]+)\}/;
/** URL templates split at their parameters: a client fills the same few on every call, and splitting is most of the cost. */
const splitTemplates = new Map<string, string[]>();
/** A process talks to a few orgs; past that many templates the cache starts over rather than grow. */
const MAX_TEMPLATES = 64;

/**
 * openapi-fetch's `pathSerializer` option, for path parameters as Okta's spec has them (plain strings, simple
 * style): each `{name}` becomes its value encoded as `defaultPathSerializer` encodes it, or stays when the value
 * is missing. Unlike the default, it splits each template once instead of parsing it on every call.
 */
function pathSerializer(template: string, params: Record<string, unknown>): string {
  let parts = splitTemplates.get(template);
  if (!parts) {
    if (splitTemplates.size >= MAX_TEMPLATES) splitTemplates.clear();
    parts = template.split(PATH_PARAMETER);
    splitTemplates.set(template, parts);
  }
  // Even indexes are the text between parameters, odd ones the parameters' names.
  let path = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? '';
    const value = params[name];
    path += (value === undefined || value === null ? `{${name}}` : encodeURIComponent(String(value))) + (parts[i + 1] ?? '');
  }
  return path;
}

/** Header parameters the spec gives an operation (the /me operations' `Cookie`), as header lines. */
function headerParameters(header: Record<string, unknown> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(header ?? {}))
    if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
  return headers;
}

/** The request for one operation of the spec, against the org. */
export function buildRequest<K extends OperationId>(
  orgUrl: string,
  operation: Operation,
  parts: RequestParts<K>,
  credentials?: RequestCredentials,
): ApiRequest {
  const params: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> } = parts.params ?? {};
  const url = createFinalURL(operation.path, { baseUrl: orgUrl, params, querySerializer, pathSerializer });
  const body = parts.body === undefined ? undefined : defaultBodySerializer(parts.body);
  const base = body === undefined ? ACCEPT_JSON : SEND_JSON;
  const headers = params.header === undefined ? base : { ...base, ...headerParameters(params.header) };
  return { method: operation.method, url, headers, body, credentials };
}

/**
 * A request to a URL the org gave (a `Link: rel="next"`): sent only to the org itself, so a link
 * elsewhere never receives the credentials.
 */
export function requestForLink(orgUrl: string, operation: Operation, link: string): ApiRequest {
  let url: URL;
  try {
    url = new URL(link, orgUrl);
  } catch {
    throw new TypeError(`${operation.operationId}: Okta gave a link that is not a URL: ${JSON.stringify(link.slice(0, 200))}`);
  }
  if (url.origin !== orgUrl)
    throw new TypeError(`${operation.operationId}: Okta gave a link to ${url.origin}, not the org (${orgUrl}); not followed`);
  return { method: operation.method, url: url.href, headers: ACCEPT_JSON, body: undefined, credentials: undefined };
}
