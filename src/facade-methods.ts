import type { OperationId } from '../generated/operations.js';

/**
 * The facade method that exposes each spec operation. The coverage test checks
 * it against the spec and the client; the contract report names these methods.
 */
export const FACADE_METHODS = {
  createSession: 'create',
  getSession: 'get',
  refreshSession: 'refresh',
  revokeSession: 'revoke',
  getCurrentSession: 'getCurrent',
  refreshCurrentSession: 'refreshCurrent',
  closeCurrentSession: 'closeCurrent',
} as const satisfies Partial<Record<OperationId, string>>;

/**
 * Spec operations the facade leaves out on purpose, with the reason. Empty: all
 * seven are exposed. The coverage test fails for any operation in neither table.
 */
export const EXCLUDED_OPERATIONS: Partial<Record<OperationId, string>> = {};

/** Request body properties the facade sends, per operation: removing one of them breaks the client. */
export const SENT_REQUEST_PROPERTIES: Partial<Record<OperationId, readonly string[]>> = {
  createSession: ['sessionToken'],
};
