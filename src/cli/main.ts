import { parseArgs } from 'node:util';
import { OktaSessions, type OktaSessionsOptions } from '../client.js';
import { OktaApiError, OktaError } from '../errors/classes.js';
import { startOktaSessionsServer } from '../testing/server.js';
import type { Session } from '../types.js';

const EXIT = { ok: 0, api: 1, usage: 2, network: 3 } as const;

const USAGE = `Usage: okta-sessions <command> [options]

Commands:
  get <sessionId>          Retrieve a session (getSession)
  refresh <sessionId>      Refresh a session (refreshSession)
  revoke <sessionId>       Revoke a session (revokeSession)
  create <sessionToken>    Create a session from a single-use session token (createSession)
  me [--cookie sid=…]      Retrieve the session of a session cookie (getCurrentSession)
  serve [--port N]         Run the embedded Okta-compatible server for integration tests

Options:
  --org-url URL            Okta org, default $OKTA_ORG_URL
  --api-token TOKEN        API token, default $OKTA_API_TOKEN
  --access-token TOKEN     OAuth access token, default $OKTA_ACCESS_TOKEN
  --cookie VALUE           Session cookie for "me", default $OKTA_SESSION_COOKIE
  --timeout-ms N           Budget per call, retries included (default 30000)
  --json                   Print JSON instead of text
  -h, --help               Show help for a command

Exit codes: 0 success, 1 Okta API error, 2 usage error, 3 network error or timeout.`;

const HELP: Record<string, string> = {
  get: 'Usage: okta-sessions get <sessionId> [--json]\nRetrieve a session (GET /api/v1/sessions/{sessionId}). Needs an API or access token.',
  refresh: 'Usage: okta-sessions refresh <sessionId> [--json]\nRefresh a session, moving expiresAt forward (POST /api/v1/sessions/{sessionId}/lifecycle/refresh).',
  revoke: 'Usage: okta-sessions revoke <sessionId> [--json]\nRevoke a session now (DELETE /api/v1/sessions/{sessionId}), e.g. during an incident.',
  create: 'Usage: okta-sessions create <sessionToken> [--json]\nExchange a single-use session token for a session (POST /api/v1/sessions). Needs an API token.',
  me: 'Usage: okta-sessions me --cookie sid=… [--json]\nRetrieve the session a cookie belongs to (GET /api/v1/sessions/me). Never sends the API token.',
  serve:
    'Usage: okta-sessions serve [--port N]\nRun the embedded Okta-compatible Sessions server on 127.0.0.1 until interrupted; prints its URL and API token.\nGet session tokens with POST /api/v1/authn {"username","password"}.',
};

class UsageError extends Error {}

const OPTIONS = {
  'org-url': { type: 'string' },
  'api-token': { type: 'string' },
  'access-token': { type: 'string' },
  cookie: { type: 'string' },
  'timeout-ms': { type: 'string' },
  port: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

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

function clientFrom(values: Values, env: NodeJS.ProcessEnv): OktaSessions {
  const orgUrl = values['org-url'] ?? env.OKTA_ORG_URL;
  if (!orgUrl) throw new UsageError('No Okta org: set OKTA_ORG_URL or pass --org-url https://your-org.okta.com');
  const apiToken = values['api-token'] ?? env.OKTA_API_TOKEN;
  const accessToken = values['access-token'] ?? env.OKTA_ACCESS_TOKEN;
  const options: OktaSessionsOptions = { orgUrl };
  // A flag beats the environment; an API token beats an access token from the environment.
  if (values['access-token'] !== undefined && values['api-token'] === undefined) options.accessToken = accessToken;
  else if (apiToken) options.apiToken = apiToken;
  else if (accessToken) options.accessToken = accessToken;
  if (values['timeout-ms'] !== undefined) options.timeoutMs = Number(values['timeout-ms']);
  return new OktaSessions(options);
}

function needsCredentials(env: NodeJS.ProcessEnv, values: Values): void {
  if (!(values['api-token'] ?? env.OKTA_API_TOKEN) && !(values['access-token'] ?? env.OKTA_ACCESS_TOKEN)) {
    throw new UsageError('No credentials: set OKTA_API_TOKEN (or OKTA_ACCESS_TOKEN), or pass --api-token');
  }
}

async function serve(values: Values, out: (line: string) => void): Promise<void> {
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535; got ${values.port}`);
  const server = await startOktaSessionsServer({ port });
  out(values.json ? JSON.stringify({ url: server.url, apiToken: server.apiToken }) : `Okta Sessions server listening on ${server.url}\nOKTA_ORG_URL=${server.url}\nOKTA_API_TOKEN=${server.apiToken}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

/** Runs one command and returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const [command, ...rest] = positionals;
  if (!command || (values.help && !HELP[command])) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const help = HELP[command];
  if (!help) {
    io.err(`Unknown command "${command}".\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (values.help) {
    io.out(help);
    return EXIT.ok;
  }
  const print = (session: Session) => io.out(values.json ? JSON.stringify(session, null, 2) : describeSession(session));

  try {
    if (command === 'serve') {
      await serve(values, io.out);
      return EXIT.ok;
    }
    const wantsArgument = command !== 'me';
    if (rest.length !== (wantsArgument ? 1 : 0)) throw new UsageError(help);
    const argument = rest[0] as string;
    if (command === 'me') {
      const cookie = values.cookie ?? io.env.OKTA_SESSION_COOKIE;
      if (!cookie) throw new UsageError('me needs the session cookie: pass --cookie sid=… (or set OKTA_SESSION_COOKIE)');
      print(await clientFrom(values, io.env).getCurrent({ cookie }));
      return EXIT.ok;
    }
    needsCredentials(io.env, values);
    const okta = clientFrom(values, io.env);
    if (command === 'get') print(await okta.get(argument));
    else if (command === 'refresh') print(await okta.refresh(argument));
    else if (command === 'create') print(await okta.create(argument));
    else {
      await okta.revoke(argument);
      io.out(values.json ? JSON.stringify({ revoked: argument }) : `revoked ${argument}`);
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || error instanceof TypeError) {
      io.err(error.message);
      return EXIT.usage;
    }
    if (error instanceof OktaApiError) {
      io.err(`${error.errorCode ?? `HTTP ${error.status}`}: ${error.errorSummary ?? error.message}`);
      io.err(`request id: ${error.requestId ?? '(none)'}`);
      return EXIT.api;
    }
    if (error instanceof OktaError) {
      io.err(error.message);
      return EXIT.network;
    }
    throw error;
  }
}
