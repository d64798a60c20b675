/**
 * `clear-user`: each input an id, a login or an email; a login is looked up first (getUser, its own
 * bucket), and every user is cleared once, however many inputs name them (an id and a login of the same
 * user included).
 */
import type { OktaSessions } from '../../client/client.js';
import type { ClearUserSessionsOptions } from '../../client/options.js';
import { OktaNotFoundError } from '../../errors/classes.js';
import { isOktaUserId } from '../../input/ids.js';
import { type BulkResult, endedUnsent, failureFields, resultOf } from './outcomes.js';

/** What a clear is sent with: `oauthTokens` and `forgetDevices` as the command line chose them. */
export type ClearChoice = Pick<ClearUserSessionsOptions, 'oauthTokens' | 'forgetDevices'>;

/** A user an input resolved to. */
export interface ResolvedUser {
  userId: string;
  login: string | null;
}

/**
 * The user an input names: an id as it is (no lookup), a login looked up; or the result that ends the
 * input (no such user, a failure).
 */
export async function resolveUser(client: OktaSessions, input: string, allowUnknown: boolean): Promise<ResolvedUser | BulkResult> {
  if (isOktaUserId(input)) return { userId: input, login: null };
  try {
    const user = await client.getUser(input);
    return { userId: user.id as string, login: user.profile?.login ?? null };
  } catch (error) {
    if (endedUnsent(error)) return resultOf(input, 'not-sent', failureFields(error));
    if (error instanceof OktaNotFoundError) return resultOf(input, 'no-such-user', failureFields(error), allowUnknown);
    return resultOf(input, 'failed', failureFields(error));
  }
}

/** Clears users, each once: clears under way are shared, and a user an earlier run cleared (`done`, from the journal) is not cleared again. */
export function userClearing(client: OktaSessions, choice: ClearChoice, done: ReadonlySet<string>, allowUnknown: boolean) {
  const clears = new Map<string, Promise<Partial<BulkResult> & Pick<BulkResult, 'outcome'>>>();

  const clear = async (userId: string): Promise<Partial<BulkResult> & Pick<BulkResult, 'outcome'>> => {
    try {
      const { status, requestId, attempts } = await client.clearUserSessions(userId, choice).withResponse();
      return { outcome: 'cleared', status, requestId: requestId ?? null, attempts };
    } catch (error) {
      if (endedUnsent(error)) return { outcome: 'not-sent', ...failureFields(error) };
      // A user deleted between the lookup and the clear has no session left, but no one was logged out here.
      return { outcome: error instanceof OktaNotFoundError ? 'no-such-user' : 'failed', ...failureFields(error) };
    }
  };

  return async (input: string): Promise<BulkResult> => {
    const user = await resolveUser(client, input, allowUnknown);
    if ('outcome' in user) return user;
    const { userId, login } = user;
    if (done.has(userId)) return resultOf(input, 'cleared-before', { userId, login });
    let cleared = clears.get(userId);
    if (!cleared) {
      cleared = clear(userId);
      clears.set(userId, cleared);
    }
    const { outcome, ...fields } = await cleared;
    return resultOf(input, outcome, { userId, login, ...fields }, outcome === 'no-such-user' ? allowUnknown : undefined);
  };
}
