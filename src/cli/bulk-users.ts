/**
 * `clear-user`: each input an id, a login or an email; a login is looked up
 * first (getUser, its own bucket), and every user is cleared once, however many
 * inputs name them (an id and a login of the same user included).
 */
import type { OktaSessions } from '../client/client.js';
import type { ClearUserSessionsOptions } from '../client/options.js';
import { isOktaUserId } from '../input/user-id.js';
import { type BulkOutcome, failureOf } from './bulk.js';

export interface ClearResult extends BulkOutcome {
  /** As given. */
  input: string;
  /** Null when the input names no user. */
  userId: string | null;
  /** Null for an input given as an id (no lookup is made for it). */
  login: string | null;
  outcome: 'cleared' | 'cleared-before' | 'no-such-user' | 'failed';
}

type Clear = Pick<ClearResult, 'ok' | 'outcome' | 'status' | 'errorCode' | 'requestId' | 'attempts' | 'error'>;

/** What a clear is sent with: `oauthTokens` and `forgetDevices` as the command line chose them. */
export type ClearChoice = Pick<ClearUserSessionsOptions, 'oauthTokens' | 'forgetDevices'>;

/**
 * The call for one input. Each user is cleared once: clears under way are shared, and a user an earlier run
 * cleared (`done`, from the journal: a login given after its id was) is not cleared again.
 */
export function userClearing(
  client: OktaSessions,
  choice: ClearChoice,
  done: ReadonlySet<string>,
): (input: string) => Promise<ClearResult> {
  const clears = new Map<string, Promise<Clear>>();

  const clear = async (userId: string): Promise<Clear> => {
    try {
      const { status, requestId, attempts } = await client.clearUserSessions(userId, choice).withResponse();
      return { ok: true, outcome: 'cleared', status, errorCode: null, requestId: requestId ?? null, attempts };
    } catch (error) {
      const failure = failureOf(error);
      // A user who is gone has no session left: nothing to clear, said apart from a clear.
      return failure.status === 404
        ? { ...failure, ok: true, outcome: 'no-such-user', error: undefined }
        : { ...failure, ok: false, outcome: 'failed' };
    }
  };

  return async (input) => {
    let userId = input;
    let login: string | null = null;
    if (!isOktaUserId(input)) {
      try {
        const user = await client.getUser(input);
        userId = user.id as string;
        login = user.profile?.login ?? null;
      } catch (error) {
        const failure = failureOf(error);
        if (failure.status === 404)
          return { input, userId: null, login: null, ...failure, ok: true, outcome: 'no-such-user', error: undefined };
        return { input, userId: null, login: null, ...failure, ok: false, outcome: 'failed' };
      }
    }
    if (done.has(userId))
      return { input, userId, login, ok: true, outcome: 'cleared-before', status: null, errorCode: null, requestId: null, attempts: 0 };
    let cleared = clears.get(userId);
    if (!cleared) {
      cleared = clear(userId);
      clears.set(userId, cleared);
    }
    return { input, userId, login, ...(await cleared) };
  };
}
