/**
 * The embedded server held to Okta from the other side: its answers for a whole session lifecycle, compared
 * with what Okta's documentation and answers recorded from a real org show (../shared/okta-facts.md:
 * "Sessions", "Errors", "Rate limits", "Users and their sessions"). One row per request, in lifecycle order:
 * the next difference someone finds is one more row.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startValidatedServer } from '../support/server.js';

const server = await startValidatedServer();

/** What a row's request may name: values the lifecycle made before it. */
interface Lifecycle {
  sessionId: string;
  /** The session token: redeemed by the create row, used again by a later one. */
  token: string;
  userId: string;
  login: string;
}

interface Row {
  /** The request, in lifecycle order. */
  name: string;
  /** Where Okta's behaviour is written down. */
  source: string;
  request: (made: Lifecycle) => { method: string; path: string; body?: string; auth?: false };
  status: number;
  /** Body fields that must be there (a `null` counts), and the values some must have. */
  fields?: string[];
  values?: (made: Lifecycle) => Record<string, unknown>;
  errorCode?: string;
  errorSummary?: (made: Lifecycle) => string;
  /** Headers every Okta answer carries, unless the row says Okta leaves them out. */
  withoutOktaHeaders?: true;
}

const SESSION_FIELDS = [
  'id',
  'userId',
  'login',
  'createdAt',
  'expiresAt',
  'status',
  'lastPasswordVerification',
  'lastFactorVerification',
  'amr',
  'idp',
  'mfaActive',
  '_links',
];
const RECORDED = 'okta-facts "Sessions": a session recorded from a real org';

const ROWS: Row[] = [
  {
    name: 'create',
    source: RECORDED,
    request: (made) => ({ method: 'POST', path: '/api/v1/sessions', body: JSON.stringify({ sessionToken: made.token }) }),
    status: 200,
    fields: SESSION_FIELDS,
    values: (made) => ({ lastFactorVerification: null, login: made.login, status: 'ACTIVE' }),
  },
  {
    name: 'create without a body',
    source: 'okta-facts "Errors": E0000003 on create with no body',
    request: () => ({ method: 'POST', path: '/api/v1/sessions' }),
    status: 400,
    errorCode: 'E0000003',
    errorSummary: () => 'The request body was not well-formed.',
  },
  {
    name: 'create with a used session token',
    source: 'okta-facts "Errors": E0000004 for an invalid or used session token',
    request: (made) => ({ method: 'POST', path: '/api/v1/sessions', body: JSON.stringify({ sessionToken: made.token }) }),
    status: 401,
    errorCode: 'E0000004',
    errorSummary: () => 'Authentication failed',
  },
  {
    name: 'get',
    source: RECORDED,
    request: (made) => ({ method: 'GET', path: `/api/v1/sessions/${made.sessionId}` }),
    status: 200,
    fields: SESSION_FIELDS,
    values: (made) => ({ id: made.sessionId, lastFactorVerification: null, status: 'ACTIVE', login: made.login }),
  },
  {
    name: 'refresh',
    source: RECORDED,
    request: (made) => ({ method: 'POST', path: `/api/v1/sessions/${made.sessionId}/lifecycle/refresh` }),
    status: 200,
    fields: SESSION_FIELDS,
    values: () => ({ lastFactorVerification: null }),
  },
  {
    name: 'get with an empty id',
    source: 'okta-facts "Errors" and "Rate limits": 405 E0000022, without X-Okta-Request-Id or rate-limit headers',
    request: () => ({ method: 'GET', path: '/api/v1/sessions/' }),
    status: 405,
    errorCode: 'E0000022',
    errorSummary: () => 'The endpoint does not support the provided HTTP method',
    withoutOktaHeaders: true,
  },
  {
    name: 'get of an unknown id',
    source: 'okta-facts "Errors": E0000007 naming the id (AppSession)',
    request: () => ({ method: 'GET', path: '/api/v1/sessions/102unknownUnknownUnknown1' }),
    status: 404,
    errorCode: 'E0000007',
    errorSummary: () => 'Not found: Resource not found: 102unknownUnknownUnknown1 (AppSession)',
  },
  {
    name: 'getUser by id',
    source: 'okta-facts "Users and their sessions": getUser takes an id, login or shortname',
    request: (made) => ({ method: 'GET', path: `/api/v1/users/${made.userId}` }),
    status: 200,
    fields: ['id', 'status', 'created', 'profile', '_links'],
    values: (made) => ({ id: made.userId }),
  },
  {
    name: 'getUser by login',
    source: 'okta-facts "Users and their sessions"',
    request: (made) => ({ method: 'GET', path: `/api/v1/users/${encodeURIComponent(made.login)}` }),
    status: 200,
    fields: ['id', 'profile'],
    values: (made) => ({ id: made.userId }),
  },
  {
    name: 'revoke',
    source: 'okta-facts "Sessions": 204 with an empty body',
    request: (made) => ({ method: 'DELETE', path: `/api/v1/sessions/${made.sessionId}` }),
    status: 204,
  },
  {
    name: 'get after revoke',
    source: 'okta-facts "Sessions": a later GET gives 404 E0000007',
    request: (made) => ({ method: 'GET', path: `/api/v1/sessions/${made.sessionId}` }),
    status: 404,
    errorCode: 'E0000007',
    errorSummary: (made) => `Not found: Resource not found: ${made.sessionId} (AppSession)`,
  },
  {
    name: 'clear the user’s sessions',
    source: 'okta-facts "Users and their sessions": revokeUserSessions, 204',
    request: (made) => ({ method: 'DELETE', path: `/api/v1/users/${made.userId}/sessions` }),
    status: 204,
  },
  {
    name: 'clear an unknown user',
    source: 'okta-facts "Users and their sessions": 404 E0000007 for an unknown user',
    request: () => ({ method: 'DELETE', path: '/api/v1/users/00uUnknownUnknownUnk/sessions' }),
    status: 404,
    errorCode: 'E0000007',
  },
  {
    name: 'get with a bad API token',
    source: 'okta-facts "Errors": E0000011 for a bad API token',
    request: (made) => ({ method: 'GET', path: `/api/v1/sessions/${made.sessionId}`, auth: false }),
    status: 401,
    errorCode: 'E0000011',
    errorSummary: () => 'Invalid token provided',
  },
];
describe('the server’s answers, row by row against Okta', () => {
  const made = {} as Lifecycle;
  const answers = new Map<string, { status: number; body: unknown; headers: Headers }>();

  const send = async (row: Row) => {
    const { method, path, body, auth } = row.request(made);
    const headers: Record<string, string> = { accept: 'application/json' };
    headers.authorization = auth === false ? 'SSWS not-the-token' : `SSWS ${server.apiToken}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${server.url}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown), headers: response.headers };
  };

  beforeAll(async () => {
    made.login = 'shape@example.com';
    made.token = await server.issueSessionToken({ login: made.login });
    // The rows' requests in lifecycle order; the create's answer names the session and user the others act on.
    for (const row of ROWS) {
      const answer = await send(row);
      answers.set(row.name, answer);
      if (row.name === 'create') {
        const session = answer.body as { id: string; userId: string };
        made.sessionId = session.id;
        made.userId = session.userId;
      }
    }
  });

  it.each(ROWS.map((row) => [row.name, row] as const))('%s', (_, row) => {
    const answer = answers.get(row.name)!;
    expect(answer.status, row.source).toBe(row.status);
    const body = (answer.body ?? {}) as Record<string, unknown>;
    for (const field of row.fields ?? []) expect(Object.hasOwn(body, field), `${field} (${row.source})`).toBe(true);
    if (row.values) expect(body, row.source).toMatchObject(row.values(made));
    if (row.errorCode) expect(body.errorCode, row.source).toBe(row.errorCode);
    if (row.errorSummary) expect(body.errorSummary, row.source).toBe(row.errorSummary(made));
    if (row.status === 204) expect(answer.body).toBeUndefined();
    const oktaHeaders = ['x-okta-request-id', 'x-rate-limit-limit', 'x-rate-limit-remaining', 'x-rate-limit-reset'];
    for (const header of oktaHeaders) expect(answer.headers.has(header), `${header} (${row.source})`).toBe(!row.withoutOktaHeaders);
  });
});
