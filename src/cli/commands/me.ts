import { clientOptions } from '../client-options.js';
import { type Command, printSession, withClient } from '../command.js';
import { EXIT } from '../exit.js';

/** `me --cookie sid=…`: getCurrentSession, which never sends a token. */
export const me: Command = {
  summary: 'Retrieve the session of a session cookie (getCurrentSession)',
  synopsis: ['me --cookie sid=… [--json]'],
  description: 'Retrieve the session a cookie belongs to (GET /api/v1/sessions/me). Never sends the API token.',
  arguments: [0, 0],
  flags: ['cookie'],
  credentials: 'none',
  scopes: [],
  async run(_args, values, io) {
    const cookie = values.cookie ?? io.env.OKTA_SESSION_COOKIE;
    const problems = cookie ? [] : ['me needs the session cookie: pass --cookie sid=… (or set OKTA_SESSION_COOKIE)'];
    const options = clientOptions(values, io, me, problems);
    printSession(await withClient(options, (okta) => okta.getCurrent({ cookie })), values, io);
    return EXIT.ok;
  },
};
