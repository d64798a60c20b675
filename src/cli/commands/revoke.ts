import { resultOf } from '../bulk/outcomes.js';
import { type BulkSpec, runBulk } from '../bulk/run.js';
import { revokeOne, sessionIdRefusal } from '../bulk/sessions.js';
import { clientOptions } from '../client-options.js';
import { type Command, SESSION_ID } from '../command.js';

const bulk: BulkSpec = {
  command: 'revoke',
  noun: 'session id',
  refusal: sessionIdRefusal,
  doneBefore: 'revoked-before',
  call: (client) => (id) => revokeOne(client, id),
  plan: () => async (id) => resultOf(id, 'would-revoke'),
};

/** `revoke <sessionId>...` and `revoke --from`: revokeSession for each, paced and journaled. */
export const revoke: Command = {
  summary: 'Revoke sessions by id (revokeSession): Classic session ids only',
  synopsis: [
    'revoke <sessionId>... [--json]',
    'revoke --from <file|-> [--column NAME | --field a.b.c [--where F=V]] [--journal FILE] [--concurrency N] [--skip-invalid] [--dry-run] [--json]',
  ],
  description:
    'Revoke sessions now (DELETE /api/v1/sessions/{sessionId}), e.g. during an incident. Exit 0 only when every one was revoked,\n' +
    'by this run or one before it in the journal: a 404 is "not found", not done (a list from another org reads the same).\n' +
    'Identity Engine ids (idx…) and cut-off ids are refused before anything is sent: use clear-user for Identity Engine.\n' +
    'Ctrl-C stops sending (calls already sent finish) and exits 130; rerun with the same --journal to finish.',
  arguments: [1, Number.POSITIVE_INFINITY],
  flags: ['from', 'column', 'field', 'where', 'journal', 'concurrency', 'skip-invalid', 'dry-run'],
  credentials: 'required',
  scopes: ['okta.sessions.manage'],
  subject: SESSION_ID,
  run: (args, values, io) => runBulk(bulk, values, args, clientOptions(values, io, revoke), io),
};
