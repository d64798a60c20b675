import { clientOptions } from '../client-options.js';
import { type Command, withClient } from '../command.js';
import { EXIT } from '../exit.js';
import { runBulkCommand } from './bulk-command.js';
import { SESSION_ID, sessionBulk, sessionIdArgument } from './session-id.js';

/** `revoke <sessionId>`: revokeSession; `revoke --from`: every listed session, paced and journaled. */
export const revoke: Command = {
  arguments: [1, 1],
  subject: SESSION_ID,
  bulk: (values, io) => runBulkCommand(sessionBulk('revoke'), values, clientOptions(values, io, 'revoke', true), io),
  async run([id], values, io) {
    const sessionId = sessionIdArgument(id);
    await withClient(clientOptions(values, io, 'revoke', true), (okta) => okta.revoke(sessionId));
    io.out(values.json ? JSON.stringify({ revoked: sessionId }) : `revoked ${sessionId}`);
    return EXIT.ok;
  },
};
