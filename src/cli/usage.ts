/** What `--help` prints: the tool's usage, and each command's. */
export const USAGE = `Usage: okta-sessions <command> [options]

Commands:
  get <sessionId>          Retrieve a session (getSession)
  refresh <sessionId>      Refresh a session (refreshSession)
  revoke <sessionId>       Revoke a session (revokeSession)
  create [<token> | -]     Create a session from a single-use session token (createSession);
                           - reads the token from stdin; with none, $OKTA_SESSION_TOKEN
  me [--cookie sid=…]      Retrieve the session of a session cookie (getCurrentSession)
  clear-user <user>...     End every session of each user (revokeUserSessions): an id, a login or an email;
                           logins are looked up first (getUser). Revokes their OAuth tokens too
                           unless --keep-oauth-tokens; --forget-devices or --keep-devices
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
  --verbose                Log retries and waits over a second on stderr (--debug: every attempt and wait);
                           default $OKTA_SESSIONS_LOG (off, error, warn, info, debug), else warnings
  -h, --help               Show help for a command
  --version                Print the version

Bulk (incident response):
  revoke --from <file|->   Revoke every session id listed (one per line, # comments),
  get --from <file|->      or read each; with --column NAME the file is a CSV with a header.
  clear-user --from <file|->  Clear every user listed; --field a.b.c reads JSON lines or a JSON array
                           (a System Log export: --field actor.alternateId).
  --journal FILE           Record each finished id; a rerun with the same journal resumes
  --concurrency N          Calls in flight (default 10, at most 75), paced by rate limits
  --skip-invalid           Report invalid ids and go on, instead of stopping before sending

Exit codes: 0 success, 1 Okta API error, 2 usage or input error, 3 network error or timeout,
4 could not run here (port in use, unreadable stdin, an unexpected error),
130 a bulk run stopped by Ctrl-C or SIGTERM (rerun with the same --journal to finish).`;

export const HELP: Record<string, string> = {
  get:
    'Usage: okta-sessions get <sessionId> [--json]\n       okta-sessions get --from <file|-> [--column NAME] [--journal FILE] [--concurrency N] [--skip-invalid] [--json]\n' +
    'Retrieve a session (GET /api/v1/sessions/{sessionId}), or every session listed. Needs an API or access token.',
  refresh:
    'Usage: okta-sessions refresh <sessionId> [--json]\nRefresh a session, moving expiresAt forward (POST /api/v1/sessions/{sessionId}/lifecycle/refresh).',
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
  'clear-user':
    'Usage: okta-sessions clear-user <id|login|email>... [--keep-oauth-tokens] [--forget-devices | --keep-devices] [--json]\n' +
    '       okta-sessions clear-user --from <file|-> [--column NAME | --field a.b.c] [--journal FILE] [--concurrency N] [--skip-invalid] [--json]\n' +
    'End every Okta session of each user (DELETE /api/v1/users/{userId}/sessions), the way to log a user out on Identity Engine.\n' +
    'A login or email is looked up first (GET /api/v1/users/{id}); each user is cleared once, however many inputs name them.\n' +
    "The users' OAuth and OIDC tokens are revoked too unless --keep-oauth-tokens; remembered factors follow Okta's default\n" +
    '(forgotten on Identity Engine, kept on Classic) unless --forget-devices or --keep-devices. A user Okta does not know counts as done.\n' +
    'From a System Log export (JSON lines or a JSON array): --field actor.alternateId (the login) or --field actor.id.',
  help: 'Usage: okta-sessions help [<command>]\nShow help for the tool or a command.',
};
