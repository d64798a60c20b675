/**
 * Checks a session id before it becomes a path segment. openapi-fetch encodes
 * the value with encodeURIComponent, which leaves "." and ".." as they are, and
 * URL parsing would then resolve them out of /api/v1/sessions/. "me" would
 * address the cookie-based current-session operation with an API token.
 */
export function checkSessionId(sessionId: unknown): string {
  if (typeof sessionId !== 'string' || sessionId.trim() === '') {
    throw new TypeError('sessionId must be a non-empty string');
  }
  if (sessionId === '.' || sessionId === '..') {
    throw new TypeError(`sessionId ${JSON.stringify(sessionId)} is not a session id`);
  }
  try {
    encodeURIComponent(sessionId);
  } catch {
    throw new TypeError('sessionId contains unpaired surrogate characters; it cannot be sent in a URL');
  }
  if (sessionId.toLowerCase() === 'me') {
    throw new TypeError('sessionId "me" is not a session id; use getCurrent(), refreshCurrent() or closeCurrent() with the session cookie');
  }
  return sessionId;
}
