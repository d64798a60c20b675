import { getOne, sessionIdRefusal } from '../bulk/sessions.js';
import { type BulkSpec, runBulk } from '../bulk/run.js';
import { resultOf } from '../bulk/outcomes.js';
import { clientOptions } from '../client-options.js';
import { type Command, printSession, SESSION_ID, sessionIdArgument, withClient } from '../command.js';
import { EXIT } from '../exit.js';

const bulk: BulkSpec = {
  command: 'get',
  noun: 'session id',
  refusal: sessionIdRefusal,
  doneBefore: 'found',
  call: (client) => (id) => getOne(client, id),
  plan: () => async (id) => resultOf(id, 'would-read'),
};

/** `get <sessionId>`: getSession; `get --from`: every listed session, found or gone (the check after a revoke). */
export const get: Command = {
  summary: 'Retrieve a session (getSession); with --from, check a list: each found or gone',
  synopsis: [
    'get <sessionId> [--json]',
    'get --from <file|-> [--column NAME | --field a.b.c [--where F=V]] [--journal FILE] [--concurrency N] [--json]',
  ],
  description:
    'Retrieve a session (GET /api/v1/sessions/{sessionId}). With --from, read every listed session: an active one is "found",\n' +
    'a 404 is "gone" (no active session has that id); both are answers, and exit 0. Run it after a revoke to prove the sessions ended.',
  arguments: [1, 1],
  flags: ['from', 'column', 'field', 'where', 'journal', 'concurrency', 'skip-invalid', 'dry-run'],
  credentials: 'required',
  scopes: ['okta.sessions.read'],
  subject: SESSION_ID,
  async run(args, values, io) {
    const options = clientOptions(values, io, get);
    if (values.from !== undefined) return runBulk(bulk, values, args, options, io);
    const sessionId = sessionIdArgument(args[0] as string);
    printSession(await withClient(options, (okta) => okta.get(sessionId)), values, io);
    return EXIT.ok;
  },
};
