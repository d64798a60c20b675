import { clientOptions } from '../client-options.js';
import { type Command, withClient } from '../command.js';
import { EXIT, UsageError } from '../exit.js';
import type { Values } from '../options.js';
import { loggedSessionRow, SESSION_HEADER } from '../output.js';
import { timeWindow } from '../time.js';

/** The one selector given: --user, --ip or --session. */
function selectorFrom(values: Values): { user: string } | { ipAddress: string } | { externalSessionId: string[] } {
  const given = [values.user && '--user', values.ip && '--ip', values.session && '--session'].filter(Boolean);
  if (given.length !== 1)
    throw new UsageError(
      `sessions: give one of --user <id|login>, --ip <address> or --session <externalSessionId>${given.length > 1 ? `, not ${given.join(' and ')}` : ''}`,
    );
  if (values.user) return { user: values.user };
  if (values.ip) return { ipAddress: values.ip };
  return { externalSessionId: values.session ?? [] };
}

/**
 * `sessions --user | --ip | --session`: the sessions the System Log shows (Okta has no list of sessions), one
 * row per session, with which are still active as far as the log shows.
 */
export const sessions: Command = {
  summary: 'Find sessions in the System Log by user, client address or session: which are still active as far as the log shows',
  synopsis: ['sessions --user <id|login> | --ip <address> | --session <externalSessionId>... [--since 7d] [--until ISO] [--json]'],
  description:
    'Okta has no list of sessions: the System Log is where they show. One row per session (its externalSessionId, idx… on\n' +
    'Identity Engine), with its user, when the log first and last saw it, its addresses, and whether it ended (when, by which\n' +
    'request). "Active" means the log shows no end: it lags, keeps 90 days, and a session that expired on its own has no end\n' +
    'event. To log the users out: okta-sessions clear-user --session <externalSessionId> --verify.',
  arguments: [0, 0],
  flags: ['user', 'ip', 'session', 'since', 'until'],
  credentials: 'required',
  scopes: ['okta.logs.read'],
  async run(_args, values, io) {
    const query = {
      ...selectorFrom(values),
      ...timeWindow(values),
    };
    const found = await withClient(clientOptions(values, io, sessions), (okta) => okta.findSessions(query));
    found.sort((a, b) => b.lastSeen.getTime() - a.lastSeen.getTime());
    if (values.json) {
      for (const session of found) io.out(JSON.stringify(session));
      return EXIT.ok;
    }
    io.out(SESSION_HEADER);
    for (const session of found) io.out(loggedSessionRow(session));
    const active = found.filter((session) => session.active).length;
    io.err(`${found.length} session(s) in the log, ${active} active as far as it shows (it lags and keeps 90 days)`);
    return EXIT.ok;
  },
};
