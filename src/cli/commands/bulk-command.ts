import { readFileSync } from 'node:fs';
import { OktaSessions } from '../../index.js';
import type { OktaSessionsOptions } from '../../client/options.js';
import { type BulkOutcome, runBulk } from '../bulk.js';
import { progressLine, summaryTable } from '../bulk-output.js';
import { EXIT, UsageError } from '../exit.js';
import { type InputList, parseInputList } from '../input-list.js';
import type { CliIo } from '../io.js';
import { Journal } from '../journal.js';
import type { Values } from '../options.js';

const DEFAULT_CONCURRENCY = 10;
/** Okta's largest per-org concurrency limit: more in flight only draws concurrency 429s. */
const MAX_CONCURRENCY = 75;
const PROGRESS_EVERY_MS = 250;
const INVALID_LINES_SHOWN = 20;

/** What one bulk command is: what it takes, what it calls, and how its outcomes read. */
export interface BulkSpec<R extends BulkOutcome> {
  command: string;
  /** What each input is, in messages: `id`, `user`. */
  noun: string;
  /** What is wrong with an input, if anything: checked before anything is sent. */
  problemOf: (value: string) => string | undefined;
  /** What a result (or a journal line) marks done: its input first, then what it resolved to. */
  keysOf: (result: Partial<R>) => readonly unknown[];
  /** The call for one input; `done` holds what earlier runs in the journal finished. */
  call: (client: OktaSessions, done: ReadonlySet<string>) => (input: string) => Promise<R>;
  /** The summary's rows: label and outcome. */
  rows: readonly (readonly [string, string])[];
  /** Said after the summary: what the run did beyond its outcomes. */
  notes?: readonly string[];
  /** Why sending an input twice does no harm, for a rerun without a journal. */
  repeatNote: string;
}

function concurrencyFrom(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_CONCURRENCY;
  const concurrency = Number(raw);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}; got ${JSON.stringify(raw)}`);
  }
  return concurrency;
}

async function readList(from: string, noun: string, io: CliIo): Promise<string> {
  try {
    return from === '-' ? await io.readStdin() : readFileSync(from, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`Could not read the ${noun} list ${from === '-' ? 'from stdin' : JSON.stringify(from)}: ${reason}`);
  }
}

function openJournal<R extends BulkOutcome>(path: string, keysOf: BulkSpec<R>['keysOf']): Journal<R> {
  try {
    return new Journal<R>(path, keysOf);
  } catch (error) {
    throw new UsageError(
      `Could not use the journal ${JSON.stringify(path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** The inputs of the run: the list (`--from`) or the command line's arguments, every one checked. */
async function inputsOf<R extends BulkOutcome>(spec: BulkSpec<R>, values: Values, args: readonly string[], io: CliIo): Promise<InputList> {
  const text = values.from === undefined ? args.join('\n') : await readList(values.from, spec.noun, io);
  try {
    return parseInputList(text, { column: values.column, field: values.field, problemOf: spec.problemOf });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * A bulk run: every input checked before anything is sent, paced by the client's rate-limit scheduler,
 * journaled, with progress on a terminal. Returns the exit code.
 */
export async function runBulkCommand<R extends BulkOutcome>(
  spec: BulkSpec<R>,
  values: Values,
  options: OktaSessionsOptions,
  io: CliIo,
  args: readonly string[] = [],
): Promise<number> {
  const concurrency = concurrencyFrom(values.concurrency);
  const list = await inputsOf(spec, values, args, io);
  const problems = list.invalid.map(({ line, problem }) => (values.from === undefined ? problem : `line ${line}: ${problem}`));
  if (problems.length > 0 && !values['skip-invalid']) {
    const shown = problems.slice(0, INVALID_LINES_SHOWN);
    if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
    throw new UsageError(
      `${problems.length} invalid ${spec.noun}(s); nothing was sent. Fix them, or pass --skip-invalid to go on without them.\n${shown.join('\n')}`,
    );
  }
  for (const problem of problems) io.err(`skipped ${problem}`);

  const journal = values.journal === undefined ? undefined : openJournal<R>(values.journal, spec.keysOf);
  const inputs = list.inputs.map(({ value }) => value).filter((value) => !journal?.done.has(value));
  if (journal && inputs.length < list.inputs.length)
    io.err(`journal ${journal.path}: ${list.inputs.length - inputs.length} ${spec.noun}(s) already done, skipped`);

  let rateLimitedUntil = 0;
  const client = new OktaSessions({
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
  const showProgress = () =>
    io.progress?.(
      progressLine(spec.command, finished, inputs.length, performance.now() - started, Math.max(0, rateLimitedUntil - Date.now())),
    );
  const timer = io.progress ? setInterval(showProgress, PROGRESS_EVERY_MS) : undefined;
  try {
    const summary = await runBulk({
      inputs,
      concurrency,
      call: spec.call(client, journal?.done ?? new Set()),
      stopped: () => stopping,
      report: (result) => {
        // Journaled before it is reported: a crash after this line never repeats the input.
        journal?.record(result);
        finished++;
        if (values.json) io.out(JSON.stringify(result));
      },
    });
    clearInterval(timer);
    io.progress?.(undefined);
    if (!values.json) io.out([summaryTable(spec.command, `${spec.noun}s`, summary, spec.rows), ...(spec.notes ?? [])].join('\n'));
    else for (const note of spec.notes ?? []) io.err(note);
    if (list.duplicates > 0) io.err(`${list.duplicates} duplicate ${spec.noun}(s) in the list were sent once`);
    if (summary.interrupted) {
      const left = summary.total - summary.finished;
      io.err(
        journal
          ? `interrupted with ${left} ${spec.noun}(s) left: run the same command with --journal ${journal.path} to finish them`
          : `interrupted with ${left} ${spec.noun}(s) left; without --journal a rerun sends every ${spec.noun} again (${spec.repeatNote})`,
      );
      return EXIT.interrupted;
    }
    if ((summary.byOutcome.failed ?? 0) === 0) return EXIT.ok;
    // Only when nothing reached Okta does the run count as a network failure.
    return summary.apiFailures > 0 ? EXIT.api : EXIT.network;
  } finally {
    clearInterval(timer);
    stopListening();
    await client.close();
  }
}
