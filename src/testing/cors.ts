/**
 * CORS as Okta does it for the `/me` operations: only for Trusted Origins
 * (exact origins), the origin echoed with credentials allowed, never `*`.
 * An untrusted origin gets no CORS headers at all, so the browser refuses.
 */
import { type OperationId, operations } from '../../generated/operations.js';
import { CORS_ENABLED } from './okta-limits.js';
import type { Route } from './router.js';

/** The org's Trusted Origins for CORS (Security › API › Trusted Origins in Okta's Admin Console). */
export interface CorsOptions {
  /** Exact origins, e.g. `http://localhost:5173` (scheme, host and port; no path, no trailing slash). */
  trustedOrigins: readonly string[];
  /**
   * Whether error responses carry CORS headers. Default `false`, as Okta's have not: the browser then
   * reports a failed fetch instead of, say, the 404 of an ended session.
   */
  errorResponses?: boolean;
}

/** Headers a page may read: Okta's request id and rate-limit headers. */
const EXPOSED = 'X-Okta-Request-Id, X-Rate-Limit-Limit, X-Rate-Limit-Remaining, X-Rate-Limit-Reset';
/** Request headers a preflight may ask for. */
const ALLOWED_REQUEST_HEADERS = new Set(['accept', 'content-type', 'x-okta-user-agent-extended', 'x-requested-with']);
const PREFLIGHT_MAX_AGE_S = '600';

export interface Cors {
  /** The answer to a preflight (`OPTIONS` with `Origin`): CORS headers only when the origin and operation allow it. */
  preflight(
    origin: string,
    pathname: string,
    requestedMethod: string | undefined,
    requestedHeaders: string | undefined,
    route: (method: string, pathname: string) => Route,
  ): Record<string, string>;
  /** CORS headers for an actual response. */
  forResponse(origin: string | undefined, operationId: OperationId | undefined, status: number): Record<string, string>;
  isTrusted(origin: string): boolean;
}

export function checkCorsOptions(options: CorsOptions): Cors {
  if (!Array.isArray(options?.trustedOrigins))
    throw new TypeError('cors.trustedOrigins must be an array of origins, e.g. ["http://localhost:5173"]');
  for (const origin of options.trustedOrigins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin) {
      throw new TypeError(
        `cors.trustedOrigins: "${origin}" is not an exact origin; write it as scheme://host[:port] with no path or trailing slash, as Okta's Trusted Origins`,
      );
    }
  }
  const trusted = new Set(options.trustedOrigins);
  const credentialed = (origin: string) => ({
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    vary: 'Origin',
  });
  return {
    isTrusted: (origin) => trusted.has(origin),
    preflight(origin, pathname, requestedMethod, requestedHeaders, route) {
      if (!trusted.has(origin) || !requestedMethod) return {};
      const target = route(requestedMethod, pathname).operationId;
      if (!target || !CORS_ENABLED.has(target)) return {};
      const asked = (requestedHeaders ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
      if (asked.some((name) => !ALLOWED_REQUEST_HEADERS.has(name))) return {};
      const methods = Object.entries(operations)
        .filter(
          ([operationId, spec]) => CORS_ENABLED.has(operationId as OperationId) && route(spec.method, pathname).operationId === operationId,
        )
        .map(([, spec]) => spec.method);
      return {
        ...credentialed(origin),
        'access-control-allow-methods': methods.join(', '),
        ...(asked.length ? { 'access-control-allow-headers': asked.join(', ') } : {}),
        'access-control-max-age': PREFLIGHT_MAX_AGE_S,
      };
    },
    forResponse(origin, operationId, status) {
      if (origin === undefined || !trusted.has(origin) || !operationId || !CORS_ENABLED.has(operationId)) return {};
      if (status >= 400 && !options.errorResponses) return {};
      return { ...credentialed(origin), 'access-control-expose-headers': EXPOSED };
    },
  };
}
