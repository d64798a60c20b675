import { type OperationId, operations } from '../../generated/operations.js';

export type Route =
  | {
      operationId: OperationId;
      /** The path's `{…}` segment (`sessionId`, `id`, `userId`), still encoded. */ pathParam: string | undefined;
    }
  | { operationId: undefined; /** The path exists, with other methods (Okta answers 405). */ knownPath: boolean };

interface CompiledRoute {
  operationId: OperationId;
  method: string;
  pattern: RegExp;
}

/** Method + path template -> operation, literal paths first so `/me` wins over `{sessionId}`. */
function compileRoutes(): CompiledRoute[] {
  return Object.entries(operations)
    .map(([operationId, spec]) => ({
      operationId: operationId as OperationId,
      method: spec.method as string,
      pattern: new RegExp(`^${spec.path.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
      literal: !spec.path.includes('{'),
    }))
    .sort((a, b) => Number(b.literal) - Number(a.literal));
}

const ROUTES = compileRoutes();

/** Which spec operation a request addresses. */
export function routeOf(method: string, pathname: string): Route {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(pathname);
    if (match) return { operationId: route.operationId, pathParam: match[1] };
  }
  // A path with a trailing slash (an empty id: GET /api/v1/sessions/) is the collection's route to Okta's router.
  const routed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  return { operationId: undefined, knownPath: ROUTES.some((route) => route.pattern.test(routed)) };
}
