/**
 * The System Log events the embedded server writes for what it does, shaped as Okta's (each validates
 * against the spec's LogEvent): a session started, an app signed in to from it, a user's sessions cleared,
 * and each session that ended. Every event of a request carries that request's `X-Okta-Request-Id` as
 * its `transaction.id`, and every event of a session its `authenticationContext.externalSessionId`.
 */
import { randomUUID } from 'node:crypto';
import type { LogEvent } from '../types.js';

/** Who did it, as the log names them. */
export interface LogActor {
  id: string;
  type: 'User' | 'SystemPrincipal' | 'PublicClientApp';
  alternateId: string;
  displayName: string;
}

/** Where the request came from. */
export interface LogClientInfo {
  ipAddress: string;
  userAgent: string;
}

/** What every event of one request shares. */
export interface LogContext {
  actor: LogActor;
  client: LogClientInfo;
  /** The request's `X-Okta-Request-Id`. */
  requestId: string;
  nowMs: number;
}

/** The user a session is, as an event's target or actor names them. */
export interface LogUser {
  id: string;
  login: string;
}

export function userActor(user: LogUser): LogActor {
  return { id: user.id, type: 'User', alternateId: user.login, displayName: user.login.split('@')[0] ?? user.login };
}

function browserOf(userAgent: string): { browser: string; os: string } {
  const browser = /Firefox\//.test(userAgent)
    ? 'FIREFOX'
    : /Edg\//.test(userAgent)
      ? 'EDGE'
      : /Chrome\//.test(userAgent)
        ? 'CHROME'
        : /Safari\//.test(userAgent)
          ? 'SAFARI'
          : 'UNKNOWN';
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Mac OS X/.test(userAgent)
      ? 'Mac OS X'
      : /Linux/.test(userAgent)
        ? 'Linux'
        : 'Unknown';
  return { browser, os };
}

function event(context: LogContext, eventType: string, displayMessage: string, parts: Partial<LogEvent>): LogEvent {
  const { actor, client, requestId, nowMs } = context;
  return {
    uuid: randomUUID(),
    published: new Date(nowMs).toISOString(),
    eventType,
    version: '0',
    severity: 'INFO',
    displayMessage,
    actor,
    client: {
      ipAddress: client.ipAddress,
      userAgent: { rawUserAgent: client.userAgent, ...browserOf(client.userAgent) },
      zone: 'null',
      device: 'Unknown',
    },
    outcome: { result: 'SUCCESS' },
    transaction: { type: 'WEB', id: requestId, detail: {} },
    request: { ipChain: [{ ip: client.ipAddress, version: client.ipAddress.includes(':') ? 'V6' : 'V4' }] },
    debugContext: { debugData: { requestId } },
    ...parts,
  };
}

const sessionContext = (externalSessionId: string) => ({ authenticationStep: 0, externalSessionId });

/** Okta issued a session: its user is the actor, the session's own client the client. */
export function sessionStarted(context: LogContext, externalSessionId: string): LogEvent {
  return event(context, 'user.session.start', 'User login to Okta', {
    legacyEventType: 'core.user_auth.login_success',
    authenticationContext: {
      ...sessionContext(externalSessionId),
      authenticationProvider: 'OKTA_AUTHENTICATION_PROVIDER',
      credentialType: 'PASSWORD',
    },
  });
}

/** The session signed in to an app. */
export function appSignedIn(context: LogContext, externalSessionId: string, app: { id: string; name: string }): LogEvent {
  return event(context, 'user.authentication.sso', 'User single sign on to app', {
    legacyEventType: 'app.auth.sso',
    authenticationContext: sessionContext(externalSessionId),
    target: [{ id: app.id, type: 'AppInstance', alternateId: app.name, displayName: app.name }],
  });
}

/** An admin (or the API) cleared a user's sessions: once per clear, before its session ends. */
export function sessionsCleared(context: LogContext, user: LogUser): LogEvent {
  return event(context, 'user.session.clear', "Clear user's sessions", {
    target: [{ id: user.id, type: 'User', alternateId: user.login, displayName: user.login.split('@')[0] ?? user.login }],
  });
}

/** One session ended: by a revoke, a sign-out or a clear (whose request it shares). */
export function sessionEnded(context: LogContext, user: LogUser, externalSessionId: string): LogEvent {
  return event(context, 'user.session.end', 'User logout from Okta', {
    legacyEventType: 'core.user_auth.logout_success',
    authenticationContext: sessionContext(externalSessionId),
    target: [{ id: user.id, type: 'User', alternateId: user.login, displayName: user.login.split('@')[0] ?? user.login }],
  });
}
