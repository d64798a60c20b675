/**
 * The bulk commands never report success they cannot stand behind: for any mix of inputs, the exit code is 0 if
 * and only if every input ended in a state the report calls done, and the org saw no write for an input the
 * report calls refused or not sent. Run in this process against the embedded server.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OktaSessionsServer, type ResponseRecord, startOktaSessionsServer } from '../../src/testing/index.js';
import { runMain } from '../support/cli-in-process.js';
import { FUZZ_RUNS } from './counts.js';

const KINDS = [
  'live session',
  'revoked session',
  'never a session',
  'Identity Engine id',
  'cut-off id',
  'known login',
  'unknown login',
] as const;
type Kind = (typeof KINDS)[number];

let server: OktaSessionsServer;
const responses: ResponseRecord[] = [];
let counter = 0;

beforeAll(async () => {
  server = await startOktaSessionsServer({ rateLimit: false, onResponse: (record) => responses.push(record) });
});
afterAll(() => server.close());

/** An input of a kind, made real on the server where the kind says it exists. */
async function inputOf(kind: Kind): Promise<string> {
  const n = String(++counter).padStart(6, '0');
  switch (kind) {
    case 'live session':
      return server.issueSession({ login: `live${n}@example.com` });
    case 'revoked session': {
      const id = server.issueSession({ login: `revoked${n}@example.com` });
      await fetch(`${server.url}/api/v1/sessions/${id}`, { method: 'DELETE', headers: { authorization: `SSWS ${server.apiToken}` } });
      return id;
    }
    case 'never a session':
      return `102never${n}AAAAAAAAAAA`;
    case 'Identity Engine id':
      return `idxBager${n}SveUkTxvgRto`;
    case 'cut-off id':
      return `102cut${n}`;
    case 'known login':
      server.createUser({ login: `known${n}@example.com` });
      return `known${n}@example.com`;
    case 'unknown login':
      return `unknown${n}@example.com`;
  }
}

/** The DELETEs the org received for an input: its session, or its user's sessions. */
function writesFor(input: string, userId: unknown, since: number): ResponseRecord[] {
  return responses
    .slice(since)
    .filter(
      (record) =>
        record.method === 'DELETE' &&
        (record.path === `/api/v1/sessions/${input}` || (typeof userId === 'string' && record.path === `/api/v1/users/${userId}/sessions`)),
    );
}

describe('property: exit 0 if and only if every input is done, and nothing written for an input refused or not sent', () => {
  for (const command of ['revoke', 'clear-user', 'get'] as const) {
    it(
      command,
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 8 }),
            fc.integer({ min: 0, max: 2 }),
            async (kinds, duplicates) => {
              const inputs: string[] = [];
              for (const kind of kinds) inputs.push(await inputOf(kind));
              const list = [...inputs, ...inputs.slice(0, duplicates)];
              const since = responses.length;
              const run = await runMain([command, '--from', '-', '--json', '--skip-invalid'], {
                env: { OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken },
                stdin: list.join('\n'),
              });
              const lines = run.json();
              expect(lines.map((line) => line.input).sort(), 'one line per distinct input').toEqual([...new Set(inputs)].sort());
              expect(run.code === 0, JSON.stringify(lines)).toBe(lines.every((line) => line.ok === true));
              for (const line of lines) {
                if (line.outcome === 'refused' || line.outcome === 'not-sent')
                  expect(writesFor(line.input as string, line.userId, since), String(line.input)).toEqual([]);
              }
            },
          ),
          { numRuns: FUZZ_RUNS.cliOutcomes },
        );
      },
      60_000,
    );
  }
});
