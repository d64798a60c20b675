import { clientOptions } from '../client-options.js';
import { type Command, printSession, withClient } from '../command.js';
import { EXIT } from '../exit.js';
import { runBulkCommand } from './bulk-command.js';
import { SESSION_ID, sessionBulk, sessionIdArgument } from './session-id.js';

/** `get <sessionId>`: getSession; `get --from`: every listed session. */
export const get: Command = {
  arguments: [1, 1],
  subject: SESSION_ID,
  bulk: (values, io) => runBulkCommand(sessionBulk('get'), values, clientOptions(values, io, 'get', true), io),
  async run([id], values, io) {
    const sessionId = sessionIdArgument(id);
    printSession(await withClient(clientOptions(values, io, 'get', true), (okta) => okta.get(sessionId)), values, io);
    return EXIT.ok;
  },
};
