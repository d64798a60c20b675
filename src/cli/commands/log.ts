import { OktaClientClosedError } from '../../errors/classes.js';
import { clientOptions } from '../client-options.js';
import { type Command, withClient } from '../command.js';
import { EXIT } from '../exit.js';
import { LOG_HEADER, logEventRow } from '../output.js';
import { timeWindow } from '../time.js';

/**
 * `log`: the System Log (listLogEvents), page by page as Okta links them: a table on a terminal, NDJSON with
 * --json (one event a line, ready for `clear-user --from - --field actor.id`), progress on stderr.
 */
export const log: Command = {
  summary: 'Read the System Log (listLogEvents): a table, or NDJSON with --json; --follow to keep reading',
  synopsis: ['log [--filter SCIM] [--q WORDS] [--since 24h|ISO] [--until ISO] [--follow] [--json]'],
  description:
    'Read the System Log (GET /api/v1/logs), following the next links Okta gives, 1000 events a page, paced in the logs bucket\n' +
    '(20 to 120 requests a minute at Okta). With --since and --until the read ends with the last page; without --until it ends\n' +
    'when the log holds nothing newer, or with --follow keeps reading new events until Ctrl-C. The log lags behind what happened\n' +
    '(seconds, sometimes minutes) and keeps 90 days. --json prints one event per line, for jq or clear-user --from -.',
  arguments: [0, 0],
  flags: ['filter', 'q', 'since', 'until', 'follow'],
  credentials: 'required',
  scopes: ['okta.logs.read'],
  async run(_args, values, io) {
    const controller = new AbortController();
    const query = {
      filter: values.filter,
      q: values.q,
      ...timeWindow(values),
      follow: values.follow,
      signal: controller.signal,
    };
    let interrupted = false;
    const stopListening = io.onInterrupt(() => {
      interrupted = true;
      controller.abort();
    });
    let events = 0;
    let pages = 0;
    try {
      await withClient(clientOptions(values, io, log), async (okta) => {
        if (!values.json) io.out(LOG_HEADER);
        for await (const page of okta.logEvents(query).pages()) {
          pages++;
          for (const event of page.events) io.out(values.json ? JSON.stringify(event) : logEventRow(event));
          events += page.events.length;
          const bucket = page.rateLimit ? ` · logs bucket ${page.rateLimit.remaining}/${page.rateLimit.limit} left` : '';
          io.progress?.(`log: ${events} event(s), ${pages} page(s)${bucket}${values.follow ? ' · following, Ctrl-C to stop' : ''}`);
        }
      });
    } catch (error) {
      if (!interrupted || !(controller.signal.aborted && (isAbort(error) || error instanceof OktaClientClosedError))) throw error;
    } finally {
      io.progress?.(undefined);
      stopListening();
    }
    if (!interrupted) return EXIT.ok;
    // Following ends with Ctrl-C; any other read was cut short, and says so.
    io.err(`log: stopped after ${events} event(s)${values.follow ? '' : ': the read is incomplete'}`);
    return values.follow ? EXIT.ok : EXIT.interrupted;
  },
};

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
