/** The client's options from flags and the environment: the org, the credentials (key files read here), the timeout. */
import { readFileSync } from 'node:fs';
import { type Credentials, givenCredentials } from '../auth/credentials.js';
import type { OAuthOptions } from '../auth/oauth/options.js';
import type { OktaSessionsOptions } from '../client/options.js';
import type { Logger } from '../helpers/log.js';
import { OktaSessions } from '../index.js';
import { checkTimeout } from '../input/timeout.js';
import type { Command } from './command.js';
import { UsageError } from './exit.js';
import type { CliIo } from './io.js';
import type { Values } from './options.js';

const CREDENTIAL_NAMES: Record<keyof Credentials, string> = {
  apiToken: 'an API token',
  accessToken: 'an access token',
  oauth: 'an OAuth service app',
};

/** A key file: a JWK (JSON) or a PEM. The value names the file: a key given in its place is never echoed. */
function privateKeyFrom(file: string): OAuthOptions['privateKey'] {
  if (/^\s*(-----BEGIN|\{)/.test(file) || /[\r\n]/.test(file)) {
    throw new UsageError(
      '--private-key and OKTA_PRIVATE_KEY_FILE take the path of the key file (a PEM or a JWK JSON file), not the key itself; the value given looks like a key, so it is not shown',
    );
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Could not read the private key ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!text.trimStart().startsWith('{')) return text;
  try {
    return JSON.parse(text) as OAuthOptions['privateKey'];
  } catch {
    throw new UsageError(`The private key ${file} starts like JSON but is not valid JSON: give a JWK or a PEM file`);
  }
}

/** Where each library option came from, as the user set it: the library's messages are said in these words. */
type SettingNames = Partial<Record<'orgUrl' | 'apiToken' | 'accessToken', string>>;

/** Credentials from flags, or else from the environment: any credential flag sets aside every credential variable. */
function credentialsFrom(values: Values, env: NodeJS.ProcessEnv, command: Command, problems: string[], names: SettingNames): Credentials {
  const flags = ['api-token', 'access-token', 'client-id', 'private-key'] as const;
  const fromFlags = flags.some((name) => values[name] !== undefined);
  const pick = (flag: (typeof flags)[number], variable: string) => (fromFlags ? values[flag] : env[variable]) || undefined;
  const apiToken = pick('api-token', 'OKTA_API_TOKEN');
  const accessToken = pick('access-token', 'OKTA_ACCESS_TOKEN');
  const clientId = pick('client-id', 'OKTA_CLIENT_ID');
  const keyFile = pick('private-key', 'OKTA_PRIVATE_KEY_FILE');
  names.apiToken = fromFlags ? '--api-token' : 'OKTA_API_TOKEN';
  names.accessToken = fromFlags ? '--access-token' : 'OKTA_ACCESS_TOKEN';
  // The library's rule, one kind of credentials, said in the flags' and variables' words.
  const given = givenCredentials({ apiToken, accessToken, oauth: clientId || keyFile ? ({} as OAuthOptions) : undefined }).map(
    (kind) => CREDENTIAL_NAMES[kind],
  );
  if (given.length > 1) {
    problems.push(
      fromFlags
        ? `Pass one kind of credentials, not ${given.join(' and ')} (--api-token, --access-token, or --client-id with --private-key)`
        : `The environment holds ${given.join(' and ')}: unset all but one of OKTA_API_TOKEN, OKTA_ACCESS_TOKEN, OKTA_CLIENT_ID/OKTA_PRIVATE_KEY_FILE, or choose with a flag`,
    );
    return {};
  }
  if (clientId || keyFile) {
    if (!clientId || !keyFile) {
      problems.push(
        clientId
          ? 'An OAuth service app needs its private key: pass --private-key FILE (or set OKTA_PRIVATE_KEY_FILE)'
          : 'An OAuth service app needs its client id: pass --client-id (or set OKTA_CLIENT_ID)',
      );
      return {};
    }
    const scopeList =
      values.scopes ?? env.OKTA_SCOPES ?? (typeof command.scopes === 'function' ? command.scopes(values) : command.scopes).join(',');
    try {
      return { oauth: { clientId, privateKey: privateKeyFrom(keyFile), scopes: scopeList.split(/[\s,]+/).filter(Boolean) } };
    } catch (error) {
      problems.push((error as Error).message);
      return {};
    }
  }
  return { apiToken, accessToken };
}

/** The library's message about an option, in the words of the setting the user set (`OKTA_ORG_URL`, `--org-url`). */
function inUsersWords(message: string, names: SettingNames): string {
  return message.replace(/^(orgUrl|apiToken|accessToken)\b/, (option) => names[option as keyof SettingNames] ?? option);
}

/**
 * The client options for `command` from flags and environment; every missing or conflicting setting is reported at once,
 * with `earlier` problems the command found itself, each named as the user set it.
 */
export function clientOptions(
  values: Values,
  io: Pick<CliIo, 'env' | 'err'>,
  command: Command,
  earlier: string[] = [],
): OktaSessionsOptions {
  const { env } = io;
  const problems = [...earlier];
  const orgUrl = values['org-url'] ?? env.OKTA_ORG_URL;
  const names: SettingNames = { orgUrl: values['org-url'] !== undefined ? '--org-url' : 'OKTA_ORG_URL' };
  if (!orgUrl) problems.push('No Okta org: set OKTA_ORG_URL or pass --org-url https://your-org.okta.com');
  const known = problems.length;
  const credentials = credentialsFrom(values, env, command, problems, names);
  if (command.credentials === 'required' && problems.length === known && givenCredentials(credentials).length === 0) {
    problems.push(
      'No credentials: set OKTA_API_TOKEN (or OKTA_ACCESS_TOKEN, or OKTA_CLIENT_ID and OKTA_PRIVATE_KEY_FILE), or pass --api-token',
    );
  }
  let timeoutMs: number | undefined;
  try {
    timeoutMs = values['timeout-ms'] === undefined ? undefined : checkTimeout(values['timeout-ms'], '--timeout-ms');
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  const options: OktaSessionsOptions = { orgUrl: orgUrl as string, ...credentials, logger: stderrLogger(io) };
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  // --debug and --verbose win; without them, OKTA_SESSIONS_LOG, else warnings only.
  if (values.debug) options.logLevel = 'debug';
  else if (values.verbose) options.logLevel = 'info';
  try {
    // The library checks every option when a client is made (no connection is opened): its word is the one said.
    new OktaSessions(options);
  } catch (error) {
    if (error instanceof TypeError) throw new UsageError(inUsersWords(error.message, names));
    throw error;
  }
  return options;
}

/** Log lines on stderr, a message and its fields as `name=value`: never on stdout, where --json writes. */
function stderrLogger(io: Pick<CliIo, 'err'>): Logger {
  const line = (message: string, record?: Record<string, unknown>) => {
    const fields = Object.entries(record ?? {})
      .filter(([, value]) => value !== undefined)
      .map(
        ([name, value]) =>
          `${name}=${value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value)}`,
      );
    io.err(fields.length > 0 ? `${message} ${fields.join(' ')}` : message);
  };
  return { debug: line, info: line, warn: line, error: line };
}
