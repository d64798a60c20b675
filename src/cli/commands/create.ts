import { clientOptions } from '../client-options.js';
import { type Command, printSession, withClient } from '../command.js';
import { EXIT, LocalError, UsageError } from '../exit.js';
import type { CliIo } from '../io.js';
import { HELP } from '../usage.js';

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
  if (!token)
    throw new UsageError(`create needs a session token: pass -, set OKTA_SESSION_TOKEN, or give it as an argument\n\n${HELP.create}`);
  return token;
}

/** `create [<token> | -]`: createSession. */
export const create: Command = {
  arguments: [0, 1],
  async run([argument], values, io) {
    const options = clientOptions(values, io, 'create', true);
    const sessionToken = await sessionTokenFrom(argument, io);
    printSession(await withClient(options, (okta) => okta.create(sessionToken)), values, io);
    return EXIT.ok;
  },
};
