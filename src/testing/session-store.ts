import type { Session } from '../types.js';
import { oktaId } from './ids.js';
import type { UserStore } from './user-store.js';

export interface StoredSession {
  id: string;
  /** The System Log's `authenticationContext.externalSessionId`: the id itself on Classic, an `idx…` id on Identity Engine. */
  externalSessionId: string;
  userId: string;
  login: string;
  createdAtMs: number;
  expiresAtMs: number;
  passwordVerifiedAtMs: number;
}

interface SessionToken {
  login: string;
  expiresAtMs: number;
}

export interface StoreOptions {
  sessionLifetimeMs: number;
  sessionTokenLifetimeMs: number;
  /** Which engine the org runs: on Identity Engine a session's externalSessionId is an `idx…` id, not its id. */
  engine: 'classic' | 'identity-engine';
}

/** In-memory sessions and single-use session tokens, as Okta keeps them; each session is a user's. */
export class SessionStore {
  readonly #sessions = new Map<string, StoredSession>();
  readonly #tokens = new Map<string, SessionToken>();
  readonly #users: UserStore;
  readonly #options: StoreOptions;

  constructor(users: UserStore, options: StoreOptions) {
    this.#users = users;
    this.#options = options;
  }

  issueSessionToken(login: string, nowMs: number): string {
    const token = oktaId('20111', 42);
    this.#tokens.set(token, { login, expiresAtMs: nowMs + this.#options.sessionTokenLifetimeMs });
    return token;
  }

  /** Exchanges a session token for a session; undefined when it is unknown, expired or already used. */
  redeem(token: string, nowMs: number): StoredSession | undefined {
    const entry = this.#tokens.get(token);
    this.#tokens.delete(token);
    if (!entry || nowMs >= entry.expiresAtMs) return undefined;
    // Signing in as a login makes that user when there is none, as a test needs one.
    const user = this.#users.ensure(entry.login, nowMs);
    const id = oktaId('102', 25);
    const session: StoredSession = {
      id,
      externalSessionId: this.#options.engine === 'identity-engine' ? oktaId('idx', 25) : id,
      userId: user.id,
      login: user.login,
      createdAtMs: nowMs,
      expiresAtMs: nowMs + this.#options.sessionLifetimeMs,
      passwordVerifiedAtMs: nowMs,
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  find(id: string, nowMs: number): StoredSession | undefined {
    const session = this.#sessions.get(id);
    if (session && nowMs >= session.expiresAtMs) {
      this.#sessions.delete(id);
      return undefined;
    }
    return session;
  }

  refresh(id: string, nowMs: number): StoredSession | undefined {
    const session = this.find(id, nowMs);
    if (session) session.expiresAtMs = nowMs + this.#options.sessionLifetimeMs;
    return session;
  }

  /** Ends a session; returns it, or undefined when there was none (unknown, ended, or expired). */
  remove(id: string, nowMs: number): StoredSession | undefined {
    const session = this.find(id, nowMs);
    this.#sessions.delete(id);
    return session;
  }

  /** Ends every session of the user (and only that user's); returns them. */
  removeAllOf(userId: string, nowMs: number): StoredSession[] {
    const ended: StoredSession[] = [];
    for (const session of [...this.#sessions.values()]) {
      if (session.userId !== userId) continue;
      const removed = this.remove(session.id, nowMs);
      if (removed) ended.push(removed);
    }
    return ended;
  }

  /** The session an externalSessionId names, active or not known. */
  byExternalId(externalSessionId: string, nowMs: number): StoredSession | undefined {
    for (const session of this.#sessions.values()) if (session.externalSessionId === externalSessionId) return this.find(session.id, nowMs);
    return undefined;
  }

  get size(): number {
    return this.#sessions.size;
  }
}

/** The session as Okta renders it. `selfPath` is `/api/v1/sessions/me` for the cookie operations and create, as Okta does. */
export function renderSession(session: StoredSession, baseUrl: string, selfPath: string): Session & { mfaActive: boolean } {
  const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
  return {
    id: session.id,
    userId: session.userId,
    login: session.login,
    createdAt: iso(session.createdAtMs),
    expiresAt: iso(session.expiresAtMs),
    status: 'ACTIVE',
    lastPasswordVerification: iso(session.passwordVerifiedAtMs),
    // Okta sends null when no factor was verified (recorded create, get and refresh answers), rather than leaving it out.
    lastFactorVerification: null,
    amr: ['pwd'],
    idp: { id: '00o1embeddedOrgIdp', type: 'OKTA' },
    // Deprecated and absent from the schema, but real responses still carry it.
    mfaActive: false,
    _links: {
      self: { href: `${baseUrl}${selfPath}`, hints: { allow: ['GET', 'DELETE'] } },
      refresh: { href: `${baseUrl}${selfPath}/lifecycle/refresh`, hints: { allow: ['POST'] } },
      // As recorded: a /me answer links to the cookie's own user (/users/me), which a browser can read with the cookie.
      user: {
        name: session.login,
        href: `${baseUrl}/api/v1/users/${selfPath.endsWith('/me') ? 'me' : session.userId}`,
        hints: { allow: ['GET'] },
      },
    } as Session['_links'],
  };
}
