import { clientOptions } from '../client-options.js';
import { type Command, printSession, withClient } from '../command.js';
import { EXIT } from '../exit.js';

/** `me --cookie sid=…`: getCurrentSession, which never sends a token. */
export const me: Command = {
  arguments: [0, 0],
  async run(_args, values, io) {
    const cookie = values.cookie ?? io.env.OKTA_SESSION_COOKIE;
    const problems = cookie ? [] : ['me needs the session cookie: pass --cookie sid=… (or set OKTA_SESSION_COOKIE)'];
    const options = clientOptions(values, io, 'me', false, problems);
    printSession(await withClient(options, (okta) => okta.getCurrent({ cookie })), values, io);
    return EXIT.ok;
  },
};
