import { type Command } from '../command.js';
import { EXIT, LocalError, UsageError } from '../exit.js';

/** `serve [--port N]`: the embedded Okta-compatible server, standalone; loaded only when this command runs. */
export const serve: Command = {
  summary: 'Run the embedded Okta-compatible server, for integration tests and demos',
  synopsis: ['serve [--port N] [--json]'],
  description:
    'Run the embedded Okta-compatible server on 127.0.0.1 until interrupted; prints its URL and its own test API token.\n' +
    'Get session tokens with POST /api/v1/authn {"username","password"}.',
  arguments: [0, 0],
  flags: ['port'],
  credentials: 'none',
  scopes: [],
  async run(_args, values, io) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be a whole number 0-65535; got ${JSON.stringify(values.port)}`);
    const { startOktaSessionsServer } = await import('../../testing/server.js');
    let server: Awaited<ReturnType<typeof startOktaSessionsServer>>;
    try {
      server = await startOktaSessionsServer({ port });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new LocalError(`Port ${port} is already in use: choose another with --port, or --port 0 for a free one`);
      if (code === 'EACCES') throw new LocalError(`Not allowed to listen on port ${port}: choose a port above 1023`);
      throw error;
    }
    io.out(
      values.json
        ? JSON.stringify({ url: server.url, apiToken: server.apiToken })
        : `Okta Sessions server listening on ${server.url}\nOKTA_ORG_URL=${server.url}\nOKTA_API_TOKEN=${server.apiToken}`,
    );
    await new Promise<void>((resolve) => {
      const stop = io.onInterrupt(() => {
        stop();
        resolve();
      });
    });
    await server.close();
    return EXIT.ok;
  },
};
