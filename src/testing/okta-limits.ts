import type { OperationId } from '../../generated/operations.js';

/**
 * The server's own copy of how Okta counts and authorizes each operation, taken
 * from Okta's documentation and recorded responses, never from the client: a fake
 * that shared the client's tables would be wrong in the same way and hide it.
 */

/** Which rate-limit counter each operation draws from: the admin operations on /api/v1/sessions* share one; the cookie-based /me operations are counted apart. */
export type ServerBucketMap = Record<OperationId, string>;

export const OKTA_BUCKETS: ServerBucketMap = {
  createSession: '/api/v1/sessions',
  getSession: '/api/v1/sessions',
  refreshSession: '/api/v1/sessions',
  revokeSession: '/api/v1/sessions',
  getCurrentSession: '/api/v1/sessions/me',
  refreshCurrentSession: '/api/v1/sessions/me',
  closeCurrentSession: '/api/v1/sessions/me',
  // Not on Okta's rate-limit pages: each its own bucket, as the management reference gives getUser one.
  getUser: '/api/v1/users/{id}',
  revokeUserSessions: '/api/v1/users/{userId}/sessions',
  // The System Log's bucket of its own: 20 (developer free) to 120 (Workforce Identity) a minute.
  listLogEvents: '/api/v1/logs',
};

/** The OAuth scope each operation needs; createSession accepts API tokens only. */
export const OAUTH_SCOPES: Partial<Record<OperationId, string>> = {
  getSession: 'okta.sessions.read',
  refreshSession: 'okta.sessions.manage',
  revokeSession: 'okta.sessions.manage',
  getUser: 'okta.users.read',
  revokeUserSessions: 'okta.users.manage',
  listLogEvents: 'okta.logs.read',
};

/**
 * The operations Okta answers cross-origin browser calls for: those the spec marks `x-okta-lifecycle: isCorsEnabled`
 * (test/testing/okta-limits.test.ts holds this list to the spec's marker).
 */
export const CORS_ENABLED: ReadonlySet<OperationId> = new Set([
  'getCurrentSession',
  'refreshCurrentSession',
  'closeCurrentSession',
  'getUser',
  'revokeUserSessions',
  'listLogEvents',
]);
