/** Every flag of the tool, what it takes and says, and parsing a command line into a command, its arguments and their values. */
import { parseArgs } from 'node:util';
import { UsageError } from './exit.js';

interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  default?: boolean;
  /** Its value's name in help, for a string flag. */
  value?: string;
  /** One line of help. */
  help: string;
}

/** The flags every command takes. */
const GLOBAL = {
  'org-url': { type: 'string', value: 'URL', help: 'Okta org, default $OKTA_ORG_URL' },
  'api-token': { type: 'string', value: 'TOKEN', help: 'API token, default $OKTA_API_TOKEN (prefer the variable: flags show in ps)' },
  'access-token': { type: 'string', value: 'TOKEN', help: 'OAuth access token, default $OKTA_ACCESS_TOKEN' },
  'client-id': {
    type: 'string',
    value: 'ID',
    help: 'OAuth service app (private_key_jwt, DPoP when the app needs it), default $OKTA_CLIENT_ID',
  },
  'private-key': {
    type: 'string',
    value: 'FILE',
    help: "the service app's private key file (PEM or JWK JSON), default $OKTA_PRIVATE_KEY_FILE",
  },
  scopes: { type: 'string', value: 'LIST', help: "OAuth scopes to ask for (comma-separated), default $OKTA_SCOPES or the command's own" },
  'timeout-ms': { type: 'string', value: 'N', help: 'budget per call, retries and waits included (default 30000)' },
  json: { type: 'boolean', default: false, help: 'print JSON instead of text, errors included (on stderr)' },
  verbose: { type: 'boolean', default: false, help: 'log retries and waits over a second on stderr' },
  debug: { type: 'boolean', default: false, help: 'log every attempt and wait on stderr (default $OKTA_SESSIONS_LOG, else warnings)' },
  help: { type: 'boolean', short: 'h', default: false, help: 'show help for a command' },
  version: { type: 'boolean', default: false, help: 'print the version' },
} as const satisfies Record<string, FlagSpec>;

/** The flags only some commands take; each command lists its own. */
const COMMAND_FLAGS = {
  cookie: { type: 'string', value: 'VALUE', help: 'the session cookie (sid=… or idx=…), default $OKTA_SESSION_COOKIE' },
  port: { type: 'string', value: 'N', help: 'port to listen on (default: a free one)' },
  from: { type: 'string', value: 'FILE|-', help: 'read the inputs from a file (- for stdin): one per line, # comments' },
  column: { type: 'string', value: 'NAME', help: 'with --from: a CSV with a header; read this column' },
  field: { type: 'string', value: 'a.b.c', help: 'with --from: JSON lines or a JSON array (a System Log export); read this field' },
  where: {
    type: 'string',
    value: 'FIELD=VALUE',
    help: 'with --field: only records whose FIELD is VALUE (repeatable), e.g. actor.type=User',
  },
  journal: { type: 'string', value: 'FILE', help: 'record each finished input; a rerun with the same journal resumes' },
  concurrency: { type: 'string', value: 'N', help: 'calls in flight (default 10), paced by the rate limits' },
  'skip-invalid': { type: 'boolean', default: false, help: 'report inputs refused before sending and go on, instead of stopping' },
  'dry-run': { type: 'boolean', default: false, help: 'resolve and print what would be done; send no write' },
  'allow-unknown': { type: 'boolean', default: false, help: 'a login that names no user counts as done (a list expected to hold leavers)' },
  'keep-oauth-tokens': { type: 'boolean', default: false, help: "keep the users' OAuth and OIDC tokens (revoked by default)" },
  'forget-devices': { type: 'boolean', default: false, help: 'forget remembered factors on all devices' },
  'keep-devices': { type: 'boolean', default: false, help: "keep remembered factors (Okta's default depends on the engine)" },
  filter: { type: 'string', value: 'SCIM', help: 'a System Log filter, e.g. \'eventType eq "user.session.start"\'' },
  q: { type: 'string', value: 'WORDS', help: 'keywords every event must hold (at most 10, each at most 40 characters)' },
  since: { type: 'string', value: '24h|ISO', help: 'from this long ago (30m, 24h, 7d) or this time; default 7 days back' },
  until: { type: 'string', value: 'ISO', help: 'up to this time or this long ago (exclusive); default now' },
  follow: { type: 'boolean', default: false, help: 'keep reading new events as they come, until Ctrl-C' },
  user: { type: 'string', value: 'ID|LOGIN', help: 'the sessions of this user' },
  ip: { type: 'string', value: 'ADDRESS', help: 'the sessions seen from this client address' },
  session: {
    type: 'string',
    value: 'EXTERNAL_ID',
    help: 'a session as the System Log names it (authenticationContext.externalSessionId, idx… on Identity Engine); repeatable',
  },
  verify: {
    type: 'boolean',
    default: false,
    help: 'after clearing, wait for the System Log to show each clear and report the sessions it ended',
  },
  'verify-timeout': { type: 'string', value: 'DURATION', help: 'with --verify: how long to wait for the log (default 2m)' },
} as const satisfies Record<string, FlagSpec>;

const OPTIONS = { ...GLOBAL, ...COMMAND_FLAGS };
/** `--where` and `--session` may be given more than once. */
const PARSE_OPTIONS = {
  ...OPTIONS,
  where: { ...COMMAND_FLAGS.where, multiple: true },
  session: { ...COMMAND_FLAGS.session, multiple: true },
} as const;

export type Values = ReturnType<typeof parseArgs<{ options: typeof PARSE_OPTIONS; allowPositionals: true }>>['values'];
export type GlobalFlag = keyof typeof GLOBAL;
export type CommandFlag = keyof typeof COMMAND_FLAGS;
export const GLOBAL_FLAGS = Object.keys(GLOBAL) as GlobalFlag[];

/** A flag as help shows it: `--from FILE|-`. */
export function flagSynopsis(flag: GlobalFlag | CommandFlag): string {
  const spec: FlagSpec = OPTIONS[flag];
  return `--${flag}${spec.value ? ` ${spec.value}` : ''}`;
}

export function flagHelp(flag: GlobalFlag | CommandFlag): string {
  const spec: FlagSpec = OPTIONS[flag];
  return spec.help;
}

/** The command flags given on a command line. */
export function givenCommandFlags(values: Values): CommandFlag[] {
  return (Object.keys(COMMAND_FLAGS) as CommandFlag[]).filter((flag) => values[flag] !== undefined && values[flag] !== false);
}

/** parseArgs' messages quote oddly and explain `--`; ours name the flag and the fix. */
function usageFromParseError(error: Error): UsageError {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return new UsageError(`Unknown option ${unknown[1]}. See okta-sessions --help.`);
  const missingValue = /Option '([^']+?)(?: <value>)?' argument missing/.exec(error.message);
  if (missingValue) return new UsageError(`Option ${missingValue[1]} needs a value.`);
  return new UsageError(error.message);
}

/** The command line's values and positionals; throws a UsageError that names the flag. */
export function parseCommandLine(argv: string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options: PARSE_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageFromParseError(error as Error);
  }
}
