import { userIdProblem } from '../../input/user-id.js';
import type { ClearChoice, ClearResult } from '../bulk-users.js';
import { userClearing } from '../bulk-users.js';
import { clientOptions } from '../client-options.js';
import type { Command } from '../command.js';
import { UsageError } from '../exit.js';
import type { Values } from '../options.js';
import { type BulkSpec, runBulkCommand } from './bulk-command.js';

/** oauthTokens and forgetDevices from the flags: the CLI revokes OAuth tokens unless told to keep them; devices follow Okta unless told. */
function choiceFrom(values: Values): ClearChoice {
  if (values['forget-devices'] && values['keep-devices']) throw new UsageError('Pass --forget-devices or --keep-devices, not both');
  const choice: ClearChoice = { oauthTokens: !values['keep-oauth-tokens'] };
  if (values['forget-devices']) choice.forgetDevices = true;
  if (values['keep-devices']) choice.forgetDevices = false;
  return choice;
}

/** What the summary says the run did beyond its outcomes. */
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

function clearUserBulk(choice: ClearChoice): BulkSpec<ClearResult> {
  return {
    command: 'clear-user',
    noun: 'user',
    problemOf: (value) => userIdProblem(value, 'idOrLogin')?.replace(/^idOrLogin/, 'a user id or login'),
    keysOf: (result) => [result.input, result.userId],
    call: (client, done) => userClearing(client, choice, done),
    rows: [
      ['cleared', 'cleared'],
      ['cleared before (journal)', 'cleared-before'],
      ['no such user (404)', 'no-such-user'],
      ['failed', 'failed'],
    ],
    notes: notesOf(choice),
    repeatNote: 'clearing twice is harmless: there is nothing left to end',
  };
}

/**
 * `clear-user <id|login|email>...` and `clear-user --from <file|->`: every Okta session of each user ends,
 * logins looked up first, each user cleared once.
 */
export const clearUser: Command = {
  arguments: [1, Number.POSITIVE_INFINITY],
  runsInBulk: true,
  bulk: (values, io) => runBulkCommand(clearUserBulk(choiceFrom(values)), values, clientOptions(values, io, 'clear-user', true), io),
  run: (args, values, io) => {
    if (values.column !== undefined || values.field !== undefined)
      throw new UsageError('--column and --field read a list: give it with --from <file|->');
    return runBulkCommand(clearUserBulk(choiceFrom(values)), values, clientOptions(values, io, 'clear-user', true), io, args);
  },
};
