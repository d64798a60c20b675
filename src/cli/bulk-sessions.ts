/** `revoke --from` and `get --from`: a session id each, its request id from the call's own answer. */
import type { OktaSessions } from '../client/client.js';
import type { Session } from '../types.js';
import { type BulkOutcome, failureOf } from './bulk.js';

export type SessionCommand = 'revoke' | 'get';

export interface SessionResult extends BulkOutcome {
  id: string;
  outcome: 'revoked' | 'already-gone' | 'found' | 'failed';
  /** For `get`: the session. */
  session?: Session;
}

/** The call for one session id. */
export function sessionCall(command: SessionCommand, client: OktaSessions): (id: string) => Promise<SessionResult> {
  return async (id) => {
    try {
      if (command === 'revoke') {
        const { status, requestId, attempts } = await client.revoke(id).withResponse();
        return { id, ok: true, outcome: 'revoked', status, errorCode: null, requestId: requestId ?? null, attempts };
      }
      const { data: session, status, requestId, attempts } = await client.get(id).withResponse();
      return { id, ok: true, outcome: 'found', status, errorCode: null, requestId: requestId ?? null, attempts, session };
    } catch (error) {
      const failure = failureOf(error);
      // Revoking a session that is already gone leaves it gone: done, not failed.
      if (command === 'revoke' && failure.status === 404) return { id, ...failure, ok: true, outcome: 'already-gone', error: undefined };
      return { id, ...failure, ok: false, outcome: 'failed' };
    }
  };
}
