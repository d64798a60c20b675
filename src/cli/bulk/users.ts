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

/** What finds the user an input names: resolveUser, or sessionOwners for session ids. */
export type UserResolver = (input: string) => Promise<ResolvedUser | BulkResult>;

/**
 * Clears users, each once: clears under way are shared, and a user an earlier run cleared (`done`, from the
 * journal) is not cleared again. `allowUnknown`: a user deleted meanwhile counts as done.
 */
export function userClearing(
  client: OktaSessions,
  choice: ClearChoice,
  done: ReadonlySet<string>,
  resolve: UserResolver,
  allowUnknown: boolean,
) {
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
    const user = await resolve(input);
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

/**
 * `clear-user --session`: each session id resolved to its user through the System Log, every input in one
 * batched read (findSessions, 50 ids to a query) made on first use, from `since`.
 */
export function sessionOwners(client: OktaSessions, inputs: readonly string[], since: Date | undefined) {
  let found: Promise<Map<string, ResolvedUser> | BulkResult> | undefined;
  const read = async (): Promise<Map<string, ResolvedUser> | BulkResult> => {
    try {
      const sessions = await client.findSessions({ externalSessionId: inputs, since });
      return new Map(
        sessions.flatMap((session) =>
          session.userId ? [[session.externalSessionId, { userId: session.userId, login: session.login ?? null }]] : [],
        ),
      );
    } catch (error) {
      if (endedUnsent(error)) return resultOf('', 'not-sent', failureFields(error));
      return resultOf('', 'failed', failureFields(error));
    }
  };
  return async (input: string): Promise<ResolvedUser | BulkResult> => {
    found ??= read();
    const owners = await found;
    if (!(owners instanceof Map)) return { ...owners, input };
    const owner = owners.get(input);
    if (owner) return owner;
    const window = since ? `since ${since.toISOString()}` : 'in the last 7 days';
    return resultOf(input, 'session-not-in-log', {
      error: `the System Log shows no session ${input} ${window} (--since to look further back)`,
    });
  };
}
