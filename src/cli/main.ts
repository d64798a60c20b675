import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { OAuthOptions } from '../auth/oauth/options.js';
import type { OktaSessionsOptions } from '../client.js';
import { OktaSessions } from '../node-client.js';
import { OktaApiError, OktaError, OktaOAuthError } from '../errors/classes.js';
import { startOktaSessionsServer } from '../testing/server.js';
import type { Session } from '../types.js';
import { runBulkCommand } from './bulk-command.js';
import { EXIT, LocalError, UsageError } from './exit.js';
import { sessionIdProblem } from './session-id-argument.js';


const USAGE = `Usage: okta-sessions <command> [options]

Commands:
  get <sessionId>          Retrieve a session (getSession)
  refresh <sessionId>      Refresh a session (refreshSession)
  revoke <sessionId>       Revoke a session (revokeSession)
  create [<token> | -]     Create a session from a single-use session token (createSession);
                           - reads the token from stdin; with none, $OKTA_SESSION_TOKEN
  me [--cookie sid=…]      Retrieve the session of a session cookie (getCurrentSession)
  serve [--port N]         Run the embedded Okta-compatible server for integration tests
  help [<command>]         Show help for the tool or a command

Options:
  --org-url URL            Okta org, default $OKTA_ORG_URL
  --api-token TOKEN        API token, default $OKTA_API_TOKEN (prefer the variable: flags show in ps)
  --access-token TOKEN     OAuth access token, default $OKTA_ACCESS_TOKEN
  --client-id ID           OAuth service app (private_key_jwt, DPoP when the app needs it), default $OKTA_CLIENT_ID,
  --private-key FILE         with its private key (PEM or JWK JSON), default $OKTA_PRIVATE_KEY_FILE,
  --scopes LIST              scopes to ask for (comma-separated), default $OKTA_SCOPES or the command's own
  --cookie VALUE           Session cookie for "me", default $OKTA_SESSION_COOKIE
  --timeout-ms N           Budget per call, retries included (default 30000)
  --json                   Print JSON instead of text, errors included (on stderr)
  -h, --help               Show help for a command
  --version                Print the version

Bulk (incident response):
  revoke --from <file|->   Revoke every session id listed (one per line, # comments),
  get --from <file|->      or read each; with --column NAME the file is a CSV with a header.
  --journal FILE           Record each finished id; a rerun with the same journal resumes
  --concurrency N          Calls in flight (default 10, at most 75), paced by rate limits
  --skip-invalid           Report invalid ids and go on, instead of stopping before sending

Exit codes: 0 success, 1 Okta API error, 2 usage or input error, 3 network error or timeout,
4 could not run here (port in use, unreadable stdin, an unexpected error),
130 a bulk run stopped by Ctrl-C or SIGTERM (rerun with the same --journal to finish).`;

const HELP: Record<string, string> = {
  get:
    'Usage: okta-sessions get <sessionId> [--json]\n       okta-sessions get --from <file|-> [--column NAME] [--journal FILE] [--concurrency N] [--skip-invalid] [--json]\n' +
    'Retrieve a session (GET /api/v1/sessions/{sessionId}), or every session listed. Needs an API or access token.',
  refresh: 'Usage: okta-sessions refresh <sessionId> [--json]\nRefresh a session, moving expiresAt forward (POST /api/v1/sessions/{sessionId}/lifecycle/refresh).',
  revoke:
    'Usage: okta-sessions revoke <sessionId> [--json]\n       okta-sessions revoke --from <file|-> [--column NAME] [--journal FILE] [--concurrency N] [--skip-invalid] [--json]\n' +
    'Revoke a session now (DELETE /api/v1/sessions/{sessionId}), or every session listed, e.g. during an incident.\n' +
    'A session already gone (404) counts as done. Ctrl-C stops sending, lets calls in flight finish and exits 130; rerun with the same --journal to resume.',
  create:
    'Usage: okta-sessions create [<sessionToken> | -] [--json]\nExchange a single-use session token for a session (POST /api/v1/sessions). Needs an API token.\n' +
    'The token is a secret: pass - to read it from stdin, or set OKTA_SESSION_TOKEN, rather than typing it as an argument.',
  me: 'Usage: okta-sessions me --cookie sid=… [--json]\nRetrieve the session a cookie belongs to (GET /api/v1/sessions/me). Never sends the API token.',
  serve:
    'Usage: okta-sessions serve [--port N]\nRun the embedded Okta-compatible Sessions server on 127.0.0.1 until interrupted; prints its URL and its own test API token.\nGet session tokens with POST /api/v1/authn {"username","password"}.',
  help: 'Usage: okta-sessions help [<command>]\nShow help for the tool or a command.',
};

const OPTIONS = {
  'org-url': { type: 'string' },
  'api-token': { type: 'string' },
  'access-token': { type: 'string' },
  'client-id': { type: 'string' },
  'private-key': { type: 'string' },
  scopes: { type: 'string' },
  cookie: { type: 'string' },
  'timeout-ms': { type: 'string' },
  port: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
  from: { type: 'string' },
  column: { type: 'string' },
  'skip-invalid': { type: 'boolean', default: false },
  concurrency: { type: 'string' },
  journal: { type: 'string' },
} as const;

export type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** The package version, for --version. */
  version: string;
  /** All of stdin, for `create -` and `--from -`. */
  readStdin: () => Promise<string>;
  /** Shows a progress line in place (undefined clears it); absent when stderr is not a terminal. */
  progress?: (line: string | undefined) => void;
  /** Calls `handler` on Ctrl-C or SIGTERM, once; returns a function that stops listening. */
  onInterrupt: (handler: () => void) => () => void;
}

function describeSession(session: Session): string {
  const rows: [string, unknown][] = [
    ['id', session.id],
    ['login', session.login],
    ['userId', session.userId],
    ['status', session.status],
    ['createdAt', session.createdAt],
    ['expiresAt', session.expiresAt],
    ['amr', session.amr?.join(', ')],
    ['idp', session.idp ? `${session.idp.type} ${session.idp.id}` : undefined],
  ];
  return rows
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key.padEnd(10)} ${String(value)}`)
    .join('\n');
}

/** parseArgs' messages quote oddly and explain `--`; ours name the flag and the fix. */
function usageFromParseError(error: Error): UsageError {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return new UsageError(`Unknown option ${unknown[1]}. See okta-sessions --help.`);
  const missingValue = /Option '([^']+?)(?: <value>)?' argument missing/.exec(error.message);
  if (missingValue) return new UsageError(`Option ${missingValue[1]} needs a value.`);
  return new UsageError(error.message);
}

function checkSessionIdArgument(sessionId: string): string {
  const problem = sessionIdProblem(sessionId);
  if (problem) throw new UsageError(problem);
  return sessionId;
}

function timeoutFrom(values: Values): number | undefined {
  const raw = values['timeout-ms'];
  if (raw === undefined) return undefined;
  const timeoutMs = Number(raw);
  if (raw.trim() === '' || !(timeoutMs > 0)) throw new UsageError(`--timeout-ms must be a number of milliseconds > 0; got ${JSON.stringify(raw)}`);
  return timeoutMs;
}

/** The scope each command needs, when neither --scopes nor OKTA_SCOPES says. */
const COMMAND_SCOPES: Record<string, string> = { get: 'okta.sessions.read', refresh: 'okta.sessions.manage', revoke: 'okta.sessions.manage' };

/** A key file: a JWK (JSON) or a PEM. */
function privateKeyFrom(file: string): OAuthOptions['privateKey'] {
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

type CredentialOptions = Pick<OktaSessionsOptions, 'apiToken' | 'accessToken' | 'oauth'>;

/** Credentials from flags, or else from the environment: any credential flag sets aside every credential variable. */
function credentialsFrom(values: Values, env: NodeJS.ProcessEnv, command: string, problems: string[]): CredentialOptions {
  const flags = ['api-token', 'access-token', 'client-id', 'private-key'] as const;
  const fromFlags = flags.some((name) => values[name] !== undefined);
  const pick = (flag: (typeof flags)[number], variable: string) => (fromFlags ? values[flag] : env[variable]) || undefined;
  const apiToken = pick('api-token', 'OKTA_API_TOKEN');
  const accessToken = pick('access-token', 'OKTA_ACCESS_TOKEN');
  const clientId = pick('client-id', 'OKTA_CLIENT_ID');
  const keyFile = pick('private-key', 'OKTA_PRIVATE_KEY_FILE');
  const given = [apiToken && 'an API token', accessToken && 'an access token', (clientId || keyFile) && 'an OAuth service app'].filter(Boolean);
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
      problems.push(clientId ? 'An OAuth service app needs its private key: pass --private-key FILE (or set OKTA_PRIVATE_KEY_FILE)' : 'An OAuth service app needs its client id: pass --client-id (or set OKTA_CLIENT_ID)');
      return {};
    }
    const scopeList = values.scopes ?? env.OKTA_SCOPES ?? COMMAND_SCOPES[command] ?? '';
    try {
      return { oauth: { clientId, privateKey: privateKeyFrom(keyFile), scopes: scopeList.split(/[\s,]+/).filter(Boolean) } };
    } catch (error) {
      problems.push((error as Error).message);
      return {};
    }
  }
  return { apiToken, accessToken };
}

/** The client options from flags and environment; every missing or conflicting setting is reported at once. */
function clientOptions(values: Values, env: NodeJS.ProcessEnv, command: string, needsCredentials: boolean): OktaSessionsOptions {
  const problems: string[] = [];
  const orgUrl = values['org-url'] ?? env.OKTA_ORG_URL;
  if (!orgUrl) problems.push('No Okta org: set OKTA_ORG_URL or pass --org-url https://your-org.okta.com');
  const known = problems.length;
  const credentials = credentialsFrom(values, env, command, problems);
  if (needsCredentials && problems.length === known && !credentials.apiToken && !credentials.accessToken && !credentials.oauth) {
    problems.push('No credentials: set OKTA_API_TOKEN (or OKTA_ACCESS_TOKEN, or OKTA_CLIENT_ID and OKTA_PRIVATE_KEY_FILE), or pass --api-token');
  }
  let timeoutMs: number | undefined;
  try {
    timeoutMs = timeoutFrom(values);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  const options: OktaSessionsOptions = { orgUrl: orgUrl as string, ...credentials };
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  return options;
}

/** The session token for `create`: the argument, `-` for stdin, or OKTA_SESSION_TOKEN. */
async function sessionTokenFrom(argument: string | undefined, io: CliIo): Promise<string> {
  if (argument === '-') {
    let text: string;
    try {
      text = await io.readStdin();
    } catch (error) {
      throw new LocalError(`Could not read the session token from stdin: ${(error as Error).message}`);
    }
    const token = text.trim();
    if (!token) throw new UsageError('create -: stdin was empty; pipe the session token in, e.g. okta-sessions create - < token.txt');
    return token;
  }
  const token = argument ?? io.env.OKTA_SESSION_TOKEN;
  if (!token) throw new UsageError(`create needs a session token: pass -, set OKTA_SESSION_TOKEN, or give it as an argument\n\n${HELP.create}`);
  return token;
}

async function serve(values: Values, out: (line: string) => void): Promise<void> {
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number 0-65535; got ${JSON.stringify(values.port)}`);
  let server: Awaited<ReturnType<typeof startOktaSessionsServer>>;
  try {
    server = await startOktaSessionsServer({ port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new LocalError(`Port ${port} is already in use: choose another with --port, or --port 0 for a free one`);
    if (code === 'EACCES') throw new LocalError(`Not allowed to listen on port ${port}: choose a port above 1023`);
    throw error;
  }
  out(values.json ? JSON.stringify({ url: server.url, apiToken: server.apiToken }) : `Okta Sessions server listening on ${server.url}\nOKTA_ORG_URL=${server.url}\nOKTA_API_TOKEN=${server.apiToken}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
}

/** Runs a command that talks to Okta; returns what to print. */
async function runOktaCommand(command: string, rest: string[], values: Values, io: CliIo): Promise<unknown> {
  const help = HELP[command] as string;
  const bulkOnly = ['from', 'column', 'skip-invalid', 'concurrency', 'journal'].filter((name) => values[name as keyof Values] !== undefined && values[name as keyof Values] !== false);
  if (values.from === undefined && bulkOnly.length > 0) throw new UsageError(`--${bulkOnly[0]} goes with --from\n\n${help}`);
  const [least, most] = command === 'me' ? [0, 0] : command === 'create' ? [0, 1] : [1, 1];
  if (rest.length < least || rest.length > most) throw new UsageError(help);
  if (command === 'me') {
    const cookie = values.cookie ?? io.env.OKTA_SESSION_COOKIE;
    const problems: string[] = [];
    if (!cookie) problems.push('me needs the session cookie: pass --cookie sid=… (or set OKTA_SESSION_COOKIE)');
    let options: OktaSessionsOptions | undefined;
    try {
      options = clientOptions(values, io.env, command, false);
    } catch (error) {
      problems.push((error as Error).message);
    }
    if (problems.length > 0 || !options) throw new UsageError(problems.join('\n'));
    return new OktaSessions(options).getCurrent({ cookie });
  }
  if (command === 'create') {
    const options = clientOptions(values, io.env, command, true);
    return new OktaSessions(options).create(await sessionTokenFrom(rest[0], io));
  }
  const sessionId = checkSessionIdArgument(rest[0] as string);
  const okta = new OktaSessions(clientOptions(values, io.env, command, true));
  if (command === 'get') return okta.get(sessionId);
  if (command === 'refresh') return okta.refresh(sessionId);
  await okta.revoke(sessionId);
  return { revoked: sessionId };
}

/** Prints an error on stderr (one JSON object with --json) and returns its exit code. */
function reportError(error: unknown, json: boolean, io: CliIo): number {
  let code: number;
  let fields: Record<string, unknown>;
  let text: string[];
  if (error instanceof UsageError || error instanceof TypeError) {
    code = EXIT.usage;
    fields = { error: 'usage', message: error.message };
    text = [error.message];
  } else if (error instanceof OktaApiError) {
    code = EXIT.api;
    const { status, errorCode, errorSummary, requestId, attempts } = error;
    fields = { error: error.name, status, errorCode, errorSummary, requestId, attempts, message: error.message };
    text = [`${errorCode ?? `HTTP ${status}`}: ${errorSummary ?? error.message}`, `request id: ${requestId ?? '(none)'}`];
  } else if (error instanceof OktaOAuthError) {
    code = EXIT.api;
    const { status, requestId, attempts } = error;
    fields = { error: error.name, status, oauthError: error.error, errorDescription: error.errorDescription, requestId, attempts, message: error.message };
    text = [error.message, `request id: ${requestId ?? '(none)'}`];
  } else if (error instanceof OktaError) {
    code = EXIT.network;
    fields = { error: error.name, message: error.message };
    text = [error.message];
  } else {
    code = EXIT.local;
    const message = error instanceof Error ? error.message : String(error);
    fields = { error: error instanceof LocalError ? 'local' : 'unexpected', message };
    text = [error instanceof LocalError ? message : `okta-sessions: unexpected error: ${message}`];
  }
  if (json) io.err(JSON.stringify(fields));
  else for (const line of text) io.err(line);
  return code;
}

/** Runs one command and returns the exit code. Never throws: every failure is a message and a code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    const json = argv.includes('--json');
    return reportError(usageFromParseError(error as Error), json, { ...io, err: json ? io.err : (line) => io.err(`${line}\n\n${USAGE}`) });
  }
  if (values.version) {
    io.out(io.version);
    return EXIT.ok;
  }
  const [command, ...rest] = positionals;
  if (command === 'help') {
    if (rest.length > 1 || (rest[0] !== undefined && !HELP[rest[0]])) return reportError(new UsageError(`No help for ${JSON.stringify(rest.join(' '))}.\n\n${USAGE}`), values.json, io);
    io.out(rest[0] ? (HELP[rest[0]] as string) : USAGE);
    return EXIT.ok;
  }
  if (!command || (values.help && !HELP[command])) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const help = HELP[command];
  if (!help) return reportError(new UsageError(`Unknown command ${JSON.stringify(command)}.\n\n${USAGE}`), values.json, io);
  if (values.help) {
    io.out(help);
    return EXIT.ok;
  }

  try {
    if (command === 'serve') {
      if (rest.length > 0) throw new UsageError(help);
      await serve(values, io.out);
      return EXIT.ok;
    }
    if (values.from !== undefined) {
      if ((command !== 'revoke' && command !== 'get') || rest.length > 0) throw new UsageError(`--from goes with revoke or get, without a session id\n\n${help}`);
      return await runBulkCommand(command, values, clientOptions(values, io.env, command, true), io);
    }
    const result = await runOktaCommand(command, rest, values, io);
    if (command === 'revoke') io.out(values.json ? JSON.stringify(result) : `revoked ${(result as { revoked: string }).revoked}`);
    else io.out(values.json ? JSON.stringify(result, null, 2) : describeSession(result as Session));
    return EXIT.ok;
  } catch (error) {
    return reportError(error, values.json, io);
  }
}
