/** What a test holds of the embedded server: its address and token, and the ways to stage an org (users, sign-ins, faults). */
import { randomBytes } from 'node:crypto';
import type { OperationId } from '../../generated/operations.js';
import type { FaultQueue } from './faults.js';
import { type IssuedAccessToken, logSessionStart, type OktaState } from './handlers.js';
import { oktaId } from './ids.js';
import { appSignedIn, userActor } from './log-events.js';
import type { OAuthServer } from './oauth.js';
import type { OktaSessionsServer } from './server-api.js';
import type { StoredSession } from './session-store.js';

export interface ServerParts {
  url: string;
  state: OktaState;
  oauth: OAuthServer;
  /** The access tokens the server honours, for issueAccessToken to add to. */
  accessTokens: Map<string, IssuedAccessToken>;
  faults: FaultQueue;
  requestCounts: Partial<Record<OperationId, number>>;
  /** The server's clock. */
  now: () => number;
  close: () => Promise<void>;
}

export function serverControls(parts: ServerParts): OktaSessionsServer {
  const { state, oauth, faults, now } = parts;
  const { users } = state;
  const controls: OktaSessionsServer = {
    url: parts.url,
    apiToken: state.apiToken,
    createUser(user) {
      if (typeof user?.login !== 'string' || user.login === '') throw new TypeError('createUser needs { login: string, status? }');
      return users.create(user.login, user.status ?? 'ACTIVE', now()).id;
    },
    get sessionClears() {
      return state.clears;
    },
    async issueSessionToken(user) {
      if (typeof user?.login !== 'string' || user.login === '') throw new TypeError('issueSessionToken needs { login: string }');
      return state.store.issueSessionToken(user.login, now());
    },
    issueSession(user) {
      return controls.signIn(user).sessionId;
    },
    signIn(user) {
      if (typeof user?.login !== 'string' || user.login === '')
        throw new TypeError('signIn needs { login: string, ipAddress?, userAgent? }');
      const nowMs = now();
      const session = state.store.redeem(state.store.issueSessionToken(user.login, nowMs), nowMs) as StoredSession;
      const client = { ipAddress: user.ipAddress ?? '127.0.0.1', userAgent: user.userAgent ?? 'okta-sessions test' };
      logSessionStart(session, { actor: userActor(state.admin), client, requestId: randomBytes(16).toString('hex'), nowMs }, state);
      return { sessionId: session.id, externalSessionId: session.externalSessionId, userId: session.userId };
    },
    appSignIn({ externalSessionId, app, ipAddress, userAgent }) {
      const nowMs = now();
      const session = state.store.byExternalId(externalSessionId, nowMs);
      if (!session) throw new TypeError(`appSignIn: no active session has externalSessionId ${JSON.stringify(externalSessionId)}`);
      const actor = userActor({ id: session.userId, login: session.login });
      const client = { ipAddress: ipAddress ?? '127.0.0.1', userAgent: userAgent ?? 'okta-sessions test' };
      const appInstance = { id: oktaId('0oa', 20), name: app ?? 'Example App' };
      state.log.write(
        appSignedIn({ actor, client, requestId: randomBytes(16).toString('hex'), nowMs }, externalSessionId, appInstance),
        nowMs,
      );
    },
    get logEvents() {
      return state.log.all;
    },
    issueAccessToken(scopes) {
      const token = oktaId('eyJ', 64);
      parts.accessTokens.set(token, { scopes: new Set(scopes), expiresAtMs: Number.POSITIVE_INFINITY, boundTo: undefined });
      return token;
    },
    registerServiceApp: (app) => oauth.registerServiceApp(app),
    revokeAccessTokens: () => oauth.revokeAccessTokens(),
    get tokenRequests() {
      return oauth.tokenRequests;
    },
    inject: (fault, injectOptions) => faults.add(fault, injectOptions),
    clearFaults: () => faults.clear(),
    requestCounts: parts.requestCounts,
    get faultsInjected() {
      return faults.injected;
    },
    close: parts.close,
  };
  return controls;
}
