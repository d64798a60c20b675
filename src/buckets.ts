import type { OperationId } from '../generated/operations.js';

/**
 * Which rate-limit counter each operation draws from. Okta's recorded responses
 * show the four admin operations on /api/v1/sessions* decrementing one counter;
 * the cookie-based /me operations are counted apart.
 */
export type BucketMap = Record<OperationId, string>;

export const DEFAULT_BUCKETS: BucketMap = {
  createSession: 'sessions',
  getSession: 'sessions',
  refreshSession: 'sessions',
  revokeSession: 'sessions',
  getCurrentSession: 'sessions/me',
  refreshCurrentSession: 'sessions/me',
  closeCurrentSession: 'sessions/me',
};
