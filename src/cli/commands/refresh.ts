import { clientOptions } from '../client-options.js';
import { type Command, printSession, SESSION_ID, sessionIdArgument, withClient } from '../command.js';
import { EXIT } from '../exit.js';

/** `refresh <sessionId>`: refreshSession. */
export const refresh: Command = {
  summary: 'Refresh a session (refreshSession)',
  synopsis: ['refresh <sessionId> [--json]'],
  description: 'Refresh a session, moving expiresAt forward (POST /api/v1/sessions/{sessionId}/lifecycle/refresh).',
  arguments: [1, 1],
  flags: [],
  credentials: 'required',
  scopes: ['okta.sessions.manage'],
  subject: SESSION_ID,
  async run([id], values, io) {
    const sessionId = sessionIdArgument(id as string);
    printSession(await withClient(clientOptions(values, io, refresh), (okta) => okta.refresh(sessionId)), values, io);
    return EXIT.ok;
  },
};
