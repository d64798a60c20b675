import { readFileSync } from 'node:fs';
import type { OktaSessionsOptions } from '../../client/options.js';
import { type BulkCommand, recordingClient, runBulk } from '../bulk.js';
import { progressLine, summaryTable } from '../bulk-output.js';
import { EXIT, UsageError } from '../exit.js';
import { parseIdList } from '../id-list.js';
import type { CliIo } from '../io.js';
import { Journal } from '../journal.js';
import type { Values } from '../options.js';

const DEFAULT_CONCURRENCY = 10;
/** Okta's largest per-org concurrency limit: more in flight only draws concurrency 429s. */
const MAX_CONCURRENCY = 75;
const PROGRESS_EVERY_MS = 250;
const INVALID_LINES_SHOWN = 20;

function concurrencyFrom(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_CONCURRENCY;
  const concurrency = Number(raw);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}; got ${JSON.stringify(raw)}`);
  }
  return concurrency;
}

async function readList(from: string, io: CliIo): Promise<string> {
  try {
    return from === '-' ? await io.readStdin() : readFileSync(from, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`Could not read the id list ${from === '-' ? 'from stdin' : JSON.stringify(from)}: ${reason}`);
  }
}

function openJournal(path: string): Journal {
  try {
    return new Journal(path);
  } catch (error) {
    throw new UsageError(`Could not use the journal ${JSON.stringify(path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * `revoke --from` and `get --from`: every listed id, checked before anything is
 * sent, paced by the client's rate-limit scheduler, journaled, with progress on a
 * terminal. Returns the exit code.
 */
export async function runBulkCommand(command: BulkCommand, values: Values, options: OktaSessionsOptions, io: CliIo): Promise<number> {
  const concurrency = concurrencyFrom(values.concurrency);
  const text = await readList(values.from as string, io);
  let list: ReturnType<typeof parseIdList>;
  try {
    list = parseIdList(text, values.column);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const problems = list.invalid.map(({ line, problem }) => `line ${line}: ${problem}`);
  if (problems.length > 0 && !values['skip-invalid']) {
    const shown = problems.slice(0, INVALID_LINES_SHOWN);
    if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
    throw new UsageError(`${problems.length} invalid id(s); nothing was sent. Fix them, or pass --skip-invalid to go on without them.\n${shown.join('\n')}`);
  }
  for (const problem of problems) io.err(`skipped ${problem}`);

  const journal = values.journal === undefined ? undefined : openJournal(values.journal);
  const ids = list.ids.map(({ id }) => id).filter((id) => !journal?.done.has(id));
  if (journal && ids.length < list.ids.length) io.err(`journal ${journal.path}: ${list.ids.length - ids.length} id(s) already done, skipped`);

  let rateLimitedUntil = 0;
  const { client, recorder } = recordingClient({
    ...options,
    rateLimit: { maxConcurrent: concurrency },
    onRateLimit: (event) => {
      rateLimitedUntil = Math.max(rateLimitedUntil, Date.now() + event.waitMs);
    },
  });

  let stopping = false;
  const stopListening = io.onInterrupt(() => {
    if (stopping) return;
    stopping = true;
    io.progress?.(undefined);
    io.err('stopping: no new requests; waiting for those in flight (Ctrl-C again to quit at once)');
  });
  const started = performance.now();
  let finished = 0;
  const showProgress = () => io.progress?.(progressLine(command, finished, ids.length, performance.now() - started, Math.max(0, rateLimitedUntil - Date.now())));
  const timer = io.progress ? setInterval(showProgress, PROGRESS_EVERY_MS) : undefined;
  try {
    const summary = await runBulk({
      command,
      ids,
      concurrency,
      client,
      recorder,
      stopped: () => stopping,
      report: (result) => {
        // Journaled before it is reported: a crash after this line never repeats the id.
        journal?.record(result);
        finished++;
        if (values.json) io.out(JSON.stringify(result));
      },
    });
    clearInterval(timer);
    io.progress?.(undefined);
    if (!values.json) io.out(summaryTable(command, summary));
    if (list.duplicates > 0) io.err(`${list.duplicates} duplicate id(s) in the list were sent once`);
    if (summary.interrupted) {
      const left = summary.total - summary.finished;
      io.err(
        journal
          ? `interrupted with ${left} id(s) left: run the same command with --journal ${journal.path} to finish them`
          : `interrupted with ${left} id(s) left; without --journal a rerun sends every id again (revoking twice is harmless: 404, already gone)`,
      );
      return EXIT.interrupted;
    }
    if (summary.byOutcome.failed === 0) return EXIT.ok;
    // Only when nothing reached Okta does the run count as a network failure.
    return summary.apiFailures > 0 ? EXIT.api : EXIT.network;
  } finally {
    clearInterval(timer);
    stopListening();
    await client.close();
  }
}
