/**
 * A user as a path segment: an id (`00u…`), or for a lookup a login or its
 * shortname. Checked as a session id is (openapi-fetch encodes the value, which
 * leaves "." and ".." to be resolved out of the path), and more: "me" would
 * name the API token's own admin, and Okta cannot look up a login with "/"
 * in it (its docs: fetch such a user by id).
 */
export function userIdProblem(value: unknown, what: 'userId' | 'idOrLogin'): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return `${what} must be a non-empty string`;
  if (value === '.' || value === '..') return `${what} ${JSON.stringify(value)} is not a user id or login`;
  if (value.toLowerCase() === 'me') return `${what} "me" would name the API token's own admin, not a user: pass the user's id or login`;
  if (value.includes('/')) return `${what} ${JSON.stringify(value)} holds "/": Okta looks up such a login by id only`;
  try {
    encodeURIComponent(value);
  } catch {
    return `${what} contains unpaired surrogate characters; it cannot be sent in a URL`;
  }
  return undefined;
}

export function checkUserId(value: unknown, what: 'userId' | 'idOrLogin'): string {
  const problem = userIdProblem(value, what);
  if (problem) throw new TypeError(problem);
  return value as string;
}

/** Okta's user ids: "00u" and 17 more letters and digits. */
export function isOktaUserId(value: string): boolean {
  return /^00u[A-Za-z0-9]{17}$/.test(value);
}
