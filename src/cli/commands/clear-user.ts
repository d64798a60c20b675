import { userIdProblem } from '../../input/ids.js';
import { resultOf } from '../bulk/outcomes.js';
import { type BulkSpec, runBulk } from '../bulk/run.js';
import type { OktaSessions } from '../../client/client.js';
import { type ClearChoice, resolveUser, sessionOwners, type UserResolver, userClearing } from '../bulk/users.js';
import { verifyClears } from '../bulk/verify.js';
import { clientOptions } from '../client-options.js';
import type { Command } from '../command.js';
import { UsageError } from '../exit.js';
import type { Values } from '../options.js';
import { durationFlag, timeWindow } from '../time.js';

const DEFAULT_VERIFY_TIMEOUT = '2m';

/** oauthTokens and forgetDevices from the flags: the CLI revokes OAuth tokens unless told to keep them; devices follow Okta unless told. */
function choiceFrom(values: Values): ClearChoice {
  if (values['forget-devices'] && values['keep-devices']) throw new UsageError('Pass --forget-devices or --keep-devices, not both');
  const choice: ClearChoice = { oauthTokens: !values['keep-oauth-tokens'] };
  if (values['forget-devices']) choice.forgetDevices = true;
  if (values['keep-devices']) choice.forgetDevices = false;
  return choice;
}

/** What the report says the run did beyond its outcomes. */
function notesOf(choice: ClearChoice): string[] {
  const tokens = choice.oauthTokens
    ? "OAuth tokens: revoked too (the users' OIDC and OAuth refresh and access tokens); --keep-oauth-tokens keeps them"
    : "OAuth tokens: kept (--keep-oauth-tokens): the users' refresh tokens stay valid, so whoever holds one is still signed in to those apps";
  const devices =
    choice.forgetDevices === undefined
      ? "Remembered factors: Okta's default (forgotten on Identity Engine, kept on Classic); --forget-devices or --keep-devices to choose"
      : choice.forgetDevices
        ? 'Remembered factors: forgotten on all devices (--forget-devices)'
        : 'Remembered factors: kept (--keep-devices)';
  return [tokens, devices];
}

/** Why a value cannot be a session as the System Log names it (`authenticationContext.externalSessionId`), if it cannot. */
function externalSessionIdRefusal(value: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(value))
    return `${JSON.stringify(value)} is not a session id: the System Log's hold letters, digits, "-" and "_"`;
  if (value === 'unknown') return `"unknown" is what the System Log says for an event of no session`;
  return undefined;
}

/** The inputs are sessions with --session, or a list's field that holds them (authenticationContext.externalSessionId). */
function inputsAreSessions(values: Values): boolean {
  return values.session !== undefined || (values.field?.endsWith('externalSessionId') ?? false);
}

function clearUserBulk(values: Values): BulkSpec {
  if (values['verify-timeout'] !== undefined && !values.verify) throw new UsageError('--verify-timeout goes with --verify');
  const choice = choiceFrom(values);
  const allowUnknown = values['allow-unknown'] === true;
  const sessions = inputsAreSessions(values);
  const { since } = timeWindow(values);
  const resolver: (client: OktaSessions, inputs: readonly string[]) => UserResolver = sessions
    ? (client, inputs) => sessionOwners(client, inputs, since)
    : (client) => (input) => resolveUser(client, input, allowUnknown);
  const waitMs = durationFlag(values['verify-timeout'] ?? DEFAULT_VERIFY_TIMEOUT, 'verify-timeout');
  return {
    command: 'clear-user',
    noun: sessions ? 'session' : 'user',
    refusal: sessions
      ? externalSessionIdRefusal
      : (value) => userIdProblem(value, 'idOrLogin')?.replace(/^idOrLogin/, 'a user id or login'),
    doneBefore: 'cleared-before',
    call: (client, done, inputs) => userClearing(client, choice, done, resolver(client, inputs), allowUnknown),
    plan: (client, inputs) => {
      const resolve = resolver(client, inputs);
      return async (input) => {
        const user = await resolve(input);
        return 'outcome' in user ? user : resultOf(input, 'would-clear', user);
      };
    },
    notes: notesOf(choice),
    afterRun: values.verify ? verifyClears(waitMs, new Date()) : undefined,
  };
}

/** The inputs on the command line: the users given, or the sessions of --session (not both). */
function argumentsOf(args: readonly string[], values: Values): readonly string[] {
  if (values.session === undefined) {
    if (args.length === 0 && values.from === undefined)
      throw new UsageError('clear-user: name the users, or give --from <file|-> or --session <id>');
    return args;
  }
  if (args.length > 0 || values.from !== undefined) throw new UsageError('clear-user: give users, --from or --session, one of them');
  return values.session;
}

/**
 * `clear-user <id|login|email>...` and `clear-user --from <file|->`: every Okta session of each user ends,
 * logins looked up first, each user cleared once.
 */
export const clearUser: Command = {
  summary: 'End every session of each user (revokeUserSessions): the way to log a user out on Identity Engine',
  synopsis: [
    'clear-user <id|login|email>... [--keep-oauth-tokens] [--forget-devices | --keep-devices] [--allow-unknown] [--dry-run] [--json]',
    'clear-user --from <file|-> [--column NAME | --field a.b.c [--where F=V]...] [--journal FILE] [--concurrency N] [--skip-invalid] [--json]',
    'clear-user --session <externalSessionId>... [--since 7d] [--verify [--verify-timeout 2m]]',
  ],
  description:
    'End every Okta session of each user (DELETE /api/v1/users/{userId}/sessions). A login or email is looked up first\n' +
    '(GET /api/v1/users/{id}); each user is cleared once, however many inputs name them. The report gives, per input, the user id\n' +
    'and login it resolved to, the outcome and the request id. A login that names no user is "no such user" and the exit code is 1,\n' +
    'unless --allow-unknown (a list expected to hold leavers). OAuth and OIDC tokens are revoked too unless --keep-oauth-tokens;\n' +
    "remembered factors follow Okta's default unless --forget-devices or --keep-devices. From a System Log export:\n" +
    '--field actor.id --where actor.type=User. Sessions (--session, or --field authenticationContext.externalSessionId) are\n' +
    'resolved to their users through the System Log (one read per 50, --since to look further back than 7 days); --dry-run\n' +
    'shows the resolution. --verify: after the clears, wait (up to --verify-timeout) for the log to show each one, and report per\n' +
    'user the sessions it ended; a clear the log does not show in time is unverified, exit code 5.',
  arguments: [0, Number.POSITIVE_INFINITY],
  flags: [
    'from',
    'column',
    'field',
    'where',
    'journal',
    'concurrency',
    'skip-invalid',
    'dry-run',
    'allow-unknown',
    'keep-oauth-tokens',
    'forget-devices',
    'keep-devices',
    'session',
    'since',
    'verify',
    'verify-timeout',
  ],
  credentials: 'required',
  scopes: (values) => ['okta.users.read', 'okta.users.manage', ...(values.verify || inputsAreSessions(values) ? ['okta.logs.read'] : [])],
  run: (args, values, io) => runBulk(clearUserBulk(values), values, argumentsOf(args, values), clientOptions(values, io, clearUser), io),
};
