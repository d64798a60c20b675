/**
 * `revoke` and `get` of session ids, one call each. A session id is refused before anything is sent when
 * it cannot name a live session Okta can act on by id: Okta's are 25 letters, digits, "-" and "_"; an
 * Identity Engine session (`idx…`) cannot be ended by id at all.
 */
import type { OktaSessions } from '../../client/client.js';
import { OktaNotFoundError } from '../../errors/classes.js';
import { sessionIdProblem } from '../../input/ids.js';
import { type BulkResult, endedUnsent, failureFields, resultOf } from './outcomes.js';

const SESSION_ID_LENGTH = 25;

/** Why a session id as a person holds it cannot name a live session, if it cannot. */
export function sessionIdRefusal(value: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(value) || value.toLowerCase() === 'me') {
    return `${JSON.stringify(value)} is not a session id: Okta session ids hold letters, digits, "-" and "_" (e.g. 102l8zwRRO8Q2y3vlkDEVbkig)`;
  }
  if (value.startsWith('idx')) {
    return (
      `${JSON.stringify(value)} is an Identity Engine session (the System Log's externalSessionId): Okta cannot end it by id. ` +
      `Log its user out instead: okta-sessions clear-user --session ${value}`
    );
  }
  if (value.startsWith('trs')) return `${JSON.stringify(value)} is a System Log transaction id, not a session id`;
  if (value.length !== SESSION_ID_LENGTH) {
    return `${JSON.stringify(value)} has ${value.length} characters: Okta session ids have ${SESSION_ID_LENGTH} (cut off, or not a session id)`;
  }
  return sessionIdProblem(value);
}

/** `revoke`: a 404 on the first attempt is "not found", not done: Okta knows no such session, and cannot say it ever did. */
export async function revokeOne(client: OktaSessions, id: string): Promise<BulkResult> {
  try {
    const { status, requestId, attempts } = await client.revoke(id).withResponse();
    return resultOf(id, 'revoked', { status, requestId: requestId ?? null, attempts });
  } catch (error) {
    if (endedUnsent(error)) return resultOf(id, 'not-sent', failureFields(error));
    const fields = failureFields(error);
    // After an earlier attempt that may have reached Okta (not a 429), a 404 is that attempt's work.
    if (error instanceof OktaNotFoundError) {
      return error.attempts - error.rateLimitedAttempts > 1 ? resultOf(id, 'revoked', fields) : resultOf(id, 'not-found', fields);
    }
    return resultOf(id, 'failed', fields);
  }
}

/** `get`: found, or gone (404); both are answers, and done. */
export async function getOne(client: OktaSessions, id: string): Promise<BulkResult> {
  try {
    const { data: session, status, requestId, attempts } = await client.get(id).withResponse();
    return resultOf(id, 'found', {
      status,
      requestId: requestId ?? null,
      attempts,
      userId: session.userId ?? null,
      login: session.login ?? null,
      session,
    });
  } catch (error) {
    if (endedUnsent(error)) return resultOf(id, 'not-sent', failureFields(error));
    return resultOf(id, error instanceof OktaNotFoundError ? 'gone' : 'failed', failureFields(error));
  }
}
