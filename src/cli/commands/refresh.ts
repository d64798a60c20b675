import { clientOptions } from '../client-options.js';
import { type Command, printSession, withClient } from '../command.js';
import { EXIT } from '../exit.js';
import { SESSION_ID, sessionIdArgument } from './session-id.js';

/** `refresh <sessionId>`: refreshSession. */
export const refresh: Command = {
  arguments: [1, 1],
  subject: SESSION_ID,
  async run([id], values, io) {
    const sessionId = sessionIdArgument(id);
    printSession(await withClient(clientOptions(values, io, 'refresh', true), (okta) => okta.refresh(sessionId)), values, io);
    return EXIT.ok;
  },
};
