import type { UserGetSingleton, UserStatus } from '../types.js';
import { oktaId } from './ids.js';

export interface StoredUser {
  /** `00u…`, 20 characters, as Okta's. */
  id: string;
  login: string;
  status: UserStatus;
  createdAtMs: number;
}

const USER_STATUSES: readonly UserStatus[] = [
  'ACTIVE',
  'DEPROVISIONED',
  'LOCKED_OUT',
  'PASSWORD_EXPIRED',
  'PROVISIONED',
  'RECOVERY',
  'STAGED',
  'SUSPENDED',
];

/** Okta's users as the embedded server keeps them: by id, and by login (which Okta matches without case). */
export class UserStore {
  readonly #byId = new Map<string, StoredUser>();
  readonly #byLogin = new Map<string, StoredUser>();

  create(login: string, status: UserStatus, nowMs: number): StoredUser {
    if (this.#byLogin.has(login.toLowerCase()))
      throw new TypeError(`createUser: a user with login ${JSON.stringify(login)} exists already`);
    if (!USER_STATUSES.includes(status))
      throw new TypeError(`createUser: status must be one of ${USER_STATUSES.join(', ')}; got ${JSON.stringify(status)}`);
    const user: StoredUser = { id: oktaId('00u', 20), login, status, createdAtMs: nowMs };
    this.#byId.set(user.id, user);
    this.#byLogin.set(login.toLowerCase(), user);
    return user;
  }

  /** The user with this login, created (active) when there is none: signing in makes a user, as a test needs one. */
  ensure(login: string, nowMs: number): StoredUser {
    return this.#byLogin.get(login.toLowerCase()) ?? this.create(login, 'ACTIVE', nowMs);
  }

  byId(id: string): StoredUser | undefined {
    return this.#byId.get(id);
  }

  /** As getUser finds one: by id, login, or login shortname (the part before "@", when only one user has it). */
  find(idOrLogin: string): StoredUser | undefined {
    const key = idOrLogin.toLowerCase();
    const exact = this.#byId.get(idOrLogin) ?? this.#byLogin.get(key);
    if (exact) return exact;
    const byShortname = [...this.#byLogin.values()].filter((user) => user.login.toLowerCase().split('@')[0] === key);
    return byShortname.length === 1 ? byShortname[0] : undefined;
  }
}

/** A user as Okta's getUser renders one (the `UserGetSingleton` shape). */
export function renderUser(user: StoredUser, baseUrl: string): UserGetSingleton {
  const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
  const [name = user.login] = user.login.split('@');
  return {
    id: user.id,
    status: user.status,
    created: iso(user.createdAtMs),
    activated: user.status === 'ACTIVE' ? iso(user.createdAtMs) : null,
    statusChanged: iso(user.createdAtMs),
    lastLogin: null,
    lastUpdated: iso(user.createdAtMs),
    passwordChanged: iso(user.createdAtMs),
    type: { id: 'oty1embeddedDefault' },
    profile: {
      login: user.login,
      email: user.login.includes('@') ? user.login : `${user.login}@example.com`,
      firstName: name,
      lastName: 'Test',
    },
    credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
    _links: { self: { href: `${baseUrl}/api/v1/users/${user.id}` } },
  };
}
