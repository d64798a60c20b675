/**
 * A bulk run, whatever the command: every input read and checked before anything is sent, the journal
 * opened before the first request, calls paced by the client's rate-limit scheduler with a pool of
 * workers, each result journaled then reported as it finishes. A refused credential stops the run, and
 * so does Ctrl-C: calls already on the wire finish, nothing else is sent. The exit code is 0 only when
 * every input is done (outcomes.ts).
 */
import { readFileSync } from 'node:fs';
import { OktaSessions } from '../../index.js';
import type { OktaSessionsOptions } from '../../client/options.js';
import { OKTA_MAX_CONCURRENCY } from '../../pacing/concurrency-limit.js';
import { EXIT, UsageError } from '../exit.js';
import type { CliIo } from '../io.js';
import type { Values } from '../options.js';
import { parseInputList, type InputList } from './input.js';
import { Journal } from './journal.js';
import { type BulkResult, exitCodeOf, type Outcome, resultOf } from './outcomes.js';
import { progressLine, textReport } from './report.js';

const DEFAULT_CONCURRENCY = 10;
const PROGRESS_EVERY_MS = 250;
const REFUSALS_SHOWN = 20;

/** What one bulk command is: what it takes, and the call for each input. */
export interface BulkSpec {
  command: string;
  /** What each input is, in messages: `session id`, `user`. */
  noun: string;
  /** Why an input is refused before anything is sent, if it is. */
  refusal: (value: string) => string | undefined;
  /** What an input an earlier run finished (in the journal) is reported as. */
  doneBefore: Outcome;
  /**
   * The call for one input, made once per run (it may keep state across inputs); `done` holds what the journal
   * marks done, `inputs` every input the run will send.
   */
  call: (client: OktaSessions, done: ReadonlySet<string>, inputs: readonly string[]) => (input: string) => Promise<BulkResult>;
  /** --dry-run: what would be done for one input, with reads only. */
  plan: (client: OktaSessions, inputs: readonly string[]) => (input: string) => Promise<BulkResult>;
  /** Said after the report: what the run did beyond its outcomes. */
  notes?: readonly string[];
  /** After every input was sent (not after a stop or a dry run): a check of what the run did, reported after it. */
  afterRun?: (client: OktaSessions, results: readonly BulkResult[], say: (event: string, text: string) => void) => Promise<AfterRun>;
}

/** What a check after the run found: its lines (text), its records (--json), and an exit code when it fails. */
export interface AfterRun {
  lines: string[];
  records: unknown[];
  exitCode: number | undefined;
}

function concurrencyFrom(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_CONCURRENCY;
  const concurrency = Number(raw);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > OKTA_MAX_CONCURRENCY) {
    throw new UsageError(
      `--concurrency must be a whole number from 1 to ${OKTA_MAX_CONCURRENCY}, Okta's largest concurrency limit; got ${JSON.stringify(raw)}`,
    );
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

/** The inputs of the run, from the list (`--from`) or the command line's arguments, every one checked. */
async function inputsOf(spec: BulkSpec, values: Values, args: readonly string[], io: CliIo): Promise<InputList> {
  const fromList = values.from !== undefined;
  if (!fromList && (values.column !== undefined || values.field !== undefined || values.where !== undefined)) {
    throw new UsageError('--column, --field and --where read a list: give it with --from <file|->');
  }
  const text = fromList ? await readList(values.from as string, spec.noun, io) : args.join('\n');
  try {
    const format = { source: values.from, column: values.column, field: values.field, where: values.where, problemOf: spec.refusal };
    return parseInputList(text, fromList ? format : { ...format, source: undefined });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; nothing was sent`);
  }
}

/** The journal, proved writable before anything is sent. */
function openJournal(path: string | undefined): Journal | undefined {
  if (path === undefined) return undefined;
  try {
    return new Journal(path);
  } catch (error) {
    throw new UsageError(
      `Could not keep the journal ${JSON.stringify(path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; nothing was sent`,
    );
  }
}

/** Runs `spec` over the inputs of `values` (and `args`, for inputs on the command line); returns the exit code. */
export async function runBulk(
  spec: BulkSpec,
  values: Values,
  args: readonly string[],
  options: OktaSessionsOptions,
  io: CliIo,
): Promise<number> {
  const concurrency = concurrencyFrom(values.concurrency);
  const list = await inputsOf(spec, values, args, io);
  const where = (line: number) => (values.from === undefined ? '' : `line ${line}: `);
  if (list.invalid.length > 0 && !values['skip-invalid']) {
    const shown = list.invalid.slice(0, REFUSALS_SHOWN).map(({ line, problem }) => `${where(line)}${problem}`);
    if (list.invalid.length > shown.length) shown.push(`… and ${list.invalid.length - shown.length} more`);
    throw new UsageError(
      `${list.invalid.length} input(s) refused; nothing was sent. Fix them, or pass --skip-invalid to go on without them.\n${shown.join('\n')}`,
    );
  }
  const journal = openJournal(values.journal);
  const results: BulkResult[] = list.invalid.map(({ value, line, problem }) =>
    resultOf(value, 'refused', { error: `${where(line)}${problem}` }),
  );
  const fromJournal = list.inputs.filter(({ value }) => journal?.done.has(value));
  results.push(...fromJournal.map(({ value }) => resultOf(value, spec.doneBefore)));
  const pending = list.inputs.filter(({ value }) => !journal?.done.has(value)).map(({ value }) => value);
  const report = (result: BulkResult) => {
    if (values.json) io.out(JSON.stringify(result));
  };
  results.forEach(report);

  let rateLimitedUntil = 0;
  const client = new OktaSessions({
    ...options,
    rateLimit: { maxConcurrent: concurrency },
    onRateLimit: (event) => (rateLimitedUntil = Math.max(rateLimitedUntil, Date.now() + event.waitMs)),
  });
  let stopped: string | undefined;
  let interrupted = false;
  /** On stderr, as JSON with --json. */
  const say = (event: string, text: string) => io.err(values.json ? JSON.stringify({ event, message: text }) : text);
  const stop = (reason: string) => {
    if (stopped !== undefined) return;
    stopped = reason;
    io.progress?.(undefined);
    say('stopping', `stopping: ${reason}; nothing more is sent, calls already sent finish`);
    void client.close({ inFlight: 'finish' });
  };
  const stopListening = io.onInterrupt(() => {
    interrupted = true;
    stop('interrupted (Ctrl-C again to quit at once)');
  });
  const started = performance.now();
  let finished = 0;
  const showProgress = () =>
    io.progress?.(
      progressLine(spec.command, finished, pending.length, performance.now() - started, Math.max(0, rateLimitedUntil - Date.now())),
    );
  const timer = io.progress ? setInterval(showProgress, PROGRESS_EVERY_MS) : undefined;
  const call = values['dry-run'] ? spec.plan(client, pending) : spec.call(client, journal?.done ?? new Set(), pending);
  const unsent = new Set(pending);
  let afterRun: AfterRun | undefined;
  try {
    let next = 0;
    const worker = async () => {
      while (next < pending.length && stopped === undefined) {
        const input = pending[next++] as string;
        unsent.delete(input);
        const { stopsRun, ...result } = await call(input);
        finished++;
        // Journaled before it is reported: a crash after this line never repeats the input.
        if (!values['dry-run']) journal?.record(result);
        results.push(result);
        report(result);
        if (stopsRun)
          stop(
            `Okta refused the credentials (${result.errorCode ?? `HTTP ${result.status}`}): fix them and rerun; the rest would be refused too`,
          );
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
    const notSent = [...unsent].map((input) => resultOf(input, 'not-sent', { error: `not sent: the run stopped (${stopped})` }));
    if (notSent.length > 0 && !values['dry-run']) journal?.record({ event: 'stopped', reason: stopped, notSent: notSent.length });
    notSent.forEach(report);
    results.push(...notSent);
    if (spec.afterRun && stopped === undefined && !values['dry-run']) {
      afterRun = await spec.afterRun(client, results, say);
      afterRun.records.forEach((record) => values.json && io.out(JSON.stringify(record)));
    }
  } finally {
    clearInterval(timer);
    io.progress?.(undefined);
    stopListening();
    await client.close();
  }
  const order = new Map(list.inputs.map(({ value }, index) => [value, index]));
  results.sort((a, b) => (order.get(a.input) ?? -1) - (order.get(b.input) ?? -1));
  const totals = {
    command: spec.command,
    noun: spec.noun,
    elapsedMs: performance.now() - started,
    fromJournal: fromJournal.length,
    duplicates: list.duplicates,
    filteredOut: list.filteredOut,
    stopped,
  };
  if (!values.json) io.out([textReport(results, totals, spec.notes ?? []), ...(afterRun?.lines ?? [])].join('\n'));
  else for (const note of spec.notes ?? []) say('note', note);
  if (interrupted) {
    const how = journal
      ? `run the same command with --journal ${journal.path} to finish`
      : 'without --journal a rerun sends every input again';
    say('interrupted', `interrupted: ${how}`);
  }
  return exitCodeOf(results, interrupted) || (afterRun?.exitCode ?? EXIT.ok);
}
