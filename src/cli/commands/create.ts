import { clientOptions } from '../client-options.js';
import { type Command, printSession, withClient } from '../command.js';
import { EXIT, LocalError, UsageError } from '../exit.js';
import type { CliIo } from '../io.js';

/** The session token: the argument, `-` for stdin, or OKTA_SESSION_TOKEN. */
async function sessionTokenFrom(argument: string | undefined, io: CliIo): Promise<string> {
  if (argument === '-') {
    let text: string;
    try {
      text = await io.readStdin();
    } catch (error) {
      throw new LocalError(`Could not read the session token from stdin: ${(error as Error).message}`);
    }
    const token = text.trim();
    if (!token) throw new UsageError('create -: stdin was empty; pipe the session token in, e.g. okta-sessions create - < token.txt');
    return token;
  }
  const token = argument ?? io.env.OKTA_SESSION_TOKEN;
  if (!token) throw new UsageError('create needs a session token: pass -, set OKTA_SESSION_TOKEN, or give it as an argument');
  return token;
}

/** `create [<token> | -]`: createSession. */
export const create: Command = {
  summary: 'Create a session from a single-use session token (createSession)',
  synopsis: ['create [<sessionToken> | -] [--json]'],
  description:
    'Exchange a single-use session token for a session (POST /api/v1/sessions). Needs an API token.\n' +
    'The token is a secret: pass - to read it from stdin, or set OKTA_SESSION_TOKEN, rather than typing it as an argument.',
  arguments: [0, 1],
  flags: [],
  credentials: 'required',
  scopes: [],
  async run([argument], values, io) {
    const options = clientOptions(values, io, create);
    const sessionToken = await sessionTokenFrom(argument, io);
    printSession(await withClient(options, (okta) => okta.create(sessionToken)), values, io);
    return EXIT.ok;
  },
};
