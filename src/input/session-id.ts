/**
 * Checks a session id before it becomes a path segment. openapi-fetch encodes
 * the value with encodeURIComponent, which leaves "." and ".." as they are, and
 * URL parsing would then resolve them out of /api/v1/sessions/. "me" would
 * address the cookie-based current-session operation with an API token.
 */
export function checkSessionId(sessionId: unknown): string {
  const problem = sessionIdProblem(sessionId, 'any');
  if (problem) throw new TypeError(problem);
  return sessionId as string;
}

/**
 * What is wrong with a session id, if anything. `'any'`: whatever can be sent
 * safely (the library's rule). `'okta'`: also the shape of Okta's ids, letters,
 * digits, "-" and "_": a person who typed a path, a URL or "me" meant something
 * else, so the CLI stops before sending.
 */
export function sessionIdProblem(sessionId: unknown, shape: 'any' | 'okta'): string | undefined {
  if (shape === 'okta' && (typeof sessionId !== 'string' || !/^[A-Za-z0-9_-]+$/.test(sessionId) || sessionId.toLowerCase() === 'me')) {
    return `${JSON.stringify(sessionId)} is not a session id: Okta session ids hold letters, digits, "-" and "_" (e.g. 102l8zwRRO8Q2y3vlkDEVbkig)`;
  }
  if (typeof sessionId !== 'string' || sessionId.trim() === '') return 'sessionId must be a non-empty string';
  if (sessionId === '.' || sessionId === '..') return `sessionId ${JSON.stringify(sessionId)} is not a session id`;
  try {
    encodeURIComponent(sessionId);
  } catch {
    return 'sessionId contains unpaired surrogate characters; it cannot be sent in a URL';
  }
  if (sessionId.toLowerCase() === 'me')
    return 'sessionId "me" is not a session id; use getCurrent(), refreshCurrent() or closeCurrent() with the session cookie';
  return undefined;
}
