/**
 * Ids before they become a path segment. openapi-fetch encodes a path parameter with encodeURIComponent,
 * which leaves "." and ".." as they are, and URL parsing would then resolve them out of the path; "me"
 * names the caller (the cookie's session, the token's admin), never the id meant.
 */

/** How one kind of id is named in messages, and what "me" would do instead. */
interface IdKind {
  name: string;
  noun: string;
  me: string;
  /** Why a "/" is refused, for ids Okta cannot look up with one. */
  slash?: string;
}

function segmentProblem(value: unknown, kind: IdKind): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return `${kind.name} must be a non-empty string`;
  if (value === '.' || value === '..') return `${kind.name} ${JSON.stringify(value)} is not a ${kind.noun}`;
  if (value.length === 2 && value.toLowerCase() === 'me') return `${kind.name} "me" ${kind.me}`;
  if (kind.slash && value.includes('/')) return `${kind.name} ${JSON.stringify(value)} holds "/": ${kind.slash}`;
  try {
    encodeURIComponent(value);
  } catch {
    return `${kind.name} contains unpaired surrogate characters; it cannot be sent in a URL`;
  }
  return undefined;
}

function checked(value: unknown, problem: string | undefined): string {
  if (problem) throw new TypeError(problem);
  return value as string;
}

const SESSION_ID: IdKind = {
  name: 'sessionId',
  noun: 'session id',
  me: 'is not a session id; use getCurrent(), refreshCurrent() or closeCurrent() with the session cookie',
};

/** What is wrong with a session id as a path segment, if anything. */
export function sessionIdProblem(sessionId: unknown): string | undefined {
  return segmentProblem(sessionId, SESSION_ID);
}

export function checkSessionId(sessionId: unknown): string {
  return checked(sessionId, sessionIdProblem(sessionId));
}

/** A user: an id (`00u…`), or for a lookup a login or its shortname; Okta cannot look up a login with "/" in it. */
function userKind(name: 'userId' | 'idOrLogin'): IdKind {
  return {
    name,
    noun: 'user id or login',
    me: "would name the API token's own admin, not a user: pass the user's id or login",
    slash: 'Okta looks up such a login by id only',
  };
}

export function userIdProblem(value: unknown, name: 'userId' | 'idOrLogin'): string | undefined {
  return segmentProblem(value, userKind(name));
}

export function checkUserId(value: unknown, name: 'userId' | 'idOrLogin'): string {
  return checked(value, userIdProblem(value, name));
}

/** Okta's user ids: "00u" and 17 more letters and digits. */
export function isOktaUserId(value: string): boolean {
  return /^00u[A-Za-z0-9]{17}$/.test(value);
}
