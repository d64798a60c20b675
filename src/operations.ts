import { type OperationId, operations as specOperations } from '../generated/operations.js';

export type { OperationId };

/** What the facade sends for an operation: the contract report treats removing any of these as breaking. */
export interface SentParts {
  /** Parameters as `<in> <name>`, e.g. `path sessionId`, `header Cookie`. */
  parameters: readonly string[];
  /** Request body properties. */
  body: readonly string[];
}

/** What the facade adds to the spec's facts about one operation. */
export interface FacadeFacts {
  /** The `OktaSessions` method that calls it, or why the facade leaves it out on purpose. */
  exposedAs: string | { excludedBecause: string };
  /** The rate-limit counter it draws from; the client learns its limit from the headers, whatever Okta documents. */
  bucket: string;
  /**
   * Whether resending after an unclear failure (503, reset, attempt timeout) is safe.
   * createSession is not: its session token is single-use.
   */
  safeToRepeat: boolean;
  sends: SentParts;
  /**
   * The response properties the facade reads, for an operation whose response is larger than what it uses
   * (a System Log event): removing or retyping one of these breaks the facade; any other change needs
   * attention. Left out, every response property counts (the public types expose them all).
   */
  reads?: readonly string[];
}

/**
 * Buckets: Okta's recorded responses show the admin operations on /api/v1/sessions* drawing from one counter;
 * its rate-limit reference documents /api/v1/sessions at 100 (free) to 750 (Workforce) a minute. The /me
 * operations are counted apart. The two user operations are not on Okta's rate-limit pages (2026): getUser has
 * its own "Get a user by ID or login" bucket in the management reference; clearing a user's sessions probably
 * counts under "update or delete a user by ID" (100 to 600 a minute) or the /api/v1 catch-all. Each is a
 * bucket of its own here (`rateLimit.buckets` can merge them), learned from the headers.
 */
const FACADE_FACTS = {
  createSession: {
    exposedAs: 'create',
    bucket: 'sessions',
    safeToRepeat: false,
    sends: { parameters: [], body: ['sessionToken'] },
  },
  getSession: {
    exposedAs: 'get',
    bucket: 'sessions',
    safeToRepeat: true,
    sends: { parameters: ['path sessionId'], body: [] },
  },
  refreshSession: {
    exposedAs: 'refresh',
    bucket: 'sessions',
    safeToRepeat: true,
    sends: { parameters: ['path sessionId'], body: [] },
  },
  revokeSession: {
    exposedAs: 'revoke',
    bucket: 'sessions',
    safeToRepeat: true,
    sends: { parameters: ['path sessionId'], body: [] },
  },
  getCurrentSession: {
    exposedAs: 'getCurrent',
    bucket: 'sessions/me',
    safeToRepeat: true,
    sends: { parameters: ['header Cookie'], body: [] },
  },
  refreshCurrentSession: {
    exposedAs: 'refreshCurrent',
    bucket: 'sessions/me',
    safeToRepeat: true,
    sends: { parameters: ['header Cookie'], body: [] },
  },
  closeCurrentSession: {
    exposedAs: 'closeCurrent',
    bucket: 'sessions/me',
    safeToRepeat: true,
    sends: { parameters: ['header Cookie'], body: [] },
  },
  getUser: {
    exposedAs: 'getUser',
    bucket: 'users/get',
    safeToRepeat: true,
    sends: { parameters: ['path id'], body: [] },
  },
  revokeUserSessions: {
    exposedAs: 'clearUserSessions',
    bucket: 'users/sessions',
    // Ending sessions that are already ended ends nothing more: a retried clear is harmless.
    safeToRepeat: true,
    sends: { parameters: ['path userId', 'query oauthTokens', 'query forgetDevices'], body: [] },
  },
  listLogEvents: {
    exposedAs: 'logEvents',
    // The System Log has a small bucket of its own (20 to 120 a minute).
    bucket: 'logs',
    safeToRepeat: true,
    sends: { parameters: ['query since', 'query until', 'query filter', 'query q', 'query limit', 'query sortOrder'], body: [] },
    reads: [
      '$[].uuid',
      '$[].published',
      '$[].eventType',
      '$[].displayMessage',
      '$[].outcome.result',
      '$[].actor.id',
      '$[].actor.type',
      '$[].actor.alternateId',
      '$[].client.ipAddress',
      '$[].client.userAgent.rawUserAgent',
      '$[].authenticationContext.externalSessionId',
      '$[].transaction.id',
      '$[].target[].id',
      '$[].target[].type',
      '$[].target[].alternateId',
    ],
  },
} as const satisfies Record<OperationId, FacadeFacts>;

/** Everything the code knows about one operation: the spec's HTTP method, path and auth schemes, and the facade's facts. */
export interface Operation extends FacadeFacts {
  operationId: OperationId;
  method: string;
  path: string;
  /** Security scheme names; empty for the cookie operations, which never carry a token. */
  security: readonly string[];
  /** OAuth scopes the spec names for it; any one of them grants it. */
  scopes: readonly string[];
  deprecated: boolean;
}

/**
 * The one table of operations, keyed by the generated `OperationId`: an operation
 * the spec gains without an entry above is a type error, not a silent default.
 */
export const OPERATIONS = Object.fromEntries(
  (Object.keys(FACADE_FACTS) as OperationId[]).map((operationId): [OperationId, Operation] => [
    operationId,
    { operationId, ...specOperations[operationId], ...FACADE_FACTS[operationId] },
  ]),
) as Readonly<Record<OperationId, Operation>>;

/** An operation by a name from any spec: undefined for one this table does not know (a newer spec's). */
export function findOperation(operationId: string): Operation | undefined {
  return Object.hasOwn(OPERATIONS, operationId) ? OPERATIONS[operationId as OperationId] : undefined;
}

/** The facade method that calls an operation; undefined when it is excluded or unknown. */
export function facadeMethodOf(operationId: string): string | undefined {
  const exposedAs = findOperation(operationId)?.exposedAs;
  return typeof exposedAs === 'string' ? exposedAs : undefined;
}

/** Which rate-limit counter each operation draws from; `rateLimit.buckets` overrides entries. */
export type BucketMap = Record<OperationId, string>;

export const DEFAULT_BUCKETS: BucketMap = Object.fromEntries(
  Object.values(OPERATIONS).map((operation) => [operation.operationId, operation.bucket]),
) as BucketMap;
