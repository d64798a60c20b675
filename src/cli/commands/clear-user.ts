import { userIdProblem } from '../../input/ids.js';
import { resultOf } from '../bulk/outcomes.js';
import { type BulkSpec, runBulk } from '../bulk/run.js';
import { type ClearChoice, resolveUser, userClearing } from '../bulk/users.js';
import { clientOptions } from '../client-options.js';
import type { Command } from '../command.js';
import { UsageError } from '../exit.js';
import type { Values } from '../options.js';

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

function clearUserBulk(values: Values): BulkSpec {
  const choice = choiceFrom(values);
  const allowUnknown = values['allow-unknown'] === true;
  return {
    command: 'clear-user',
    noun: 'user',
    refusal: (value) => userIdProblem(value, 'idOrLogin')?.replace(/^idOrLogin/, 'a user id or login'),
    doneBefore: 'cleared-before',
    call: (client, done) => userClearing(client, choice, done, allowUnknown),
    plan: (client) => async (input) => {
      const user = await resolveUser(client, input, allowUnknown);
      return 'outcome' in user ? user : resultOf(input, 'would-clear', user);
    },
    notes: notesOf(choice),
  };
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
  ],
  description:
    'End every Okta session of each user (DELETE /api/v1/users/{userId}/sessions). A login or email is looked up first\n' +
    '(GET /api/v1/users/{id}); each user is cleared once, however many inputs name them. The report gives, per input, the user id\n' +
    'and login it resolved to, the outcome and the request id. A login that names no user is "no such user" and the exit code is 1,\n' +
    'unless --allow-unknown (a list expected to hold leavers). OAuth and OIDC tokens are revoked too unless --keep-oauth-tokens;\n' +
    "remembered factors follow Okta's default unless --forget-devices or --keep-devices. From a System Log export:\n" +
    '--field actor.id --where actor.type=User.',
  arguments: [1, Number.POSITIVE_INFINITY],
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
  ],
  credentials: 'required',
  scopes: ['okta.users.read', 'okta.users.manage'],
  run: (args, values, io) => runBulk(clearUserBulk(values), values, args, clientOptions(values, io, clearUser), io),
};
