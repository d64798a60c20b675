/** What a bulk run prints: a line per input a responder can paste into the incident ticket, the totals, and progress on a terminal. */
import { type BulkResult, type Outcome, OUTCOMES } from './outcomes.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One input as a row: input → user id → login, outcome, request id; and what went wrong when it is not done. */
function inputRow(result: BulkResult): string {
  const resolved = result.userId ? ` → ${result.userId}${result.login && result.login !== result.input ? ` → ${result.login}` : ''}` : '';
  const request = result.requestId ? `  request ${result.requestId}` : '';
  const why = !result.ok && result.error ? `\n      ${result.error}` : '';
  return `  ${OUTCOMES[result.outcome].label.padEnd(24)} ${result.input || '(no value)'}${resolved}${request}${why}`;
}

export interface RunTotals {
  command: string;
  /** What each input is, in words: `session id`, `user`. */
  noun: string;
  elapsedMs: number;
  /** Inputs an earlier run finished, from the journal. */
  fromJournal: number;
  duplicates: number;
  filteredOut: number;
  /** Why the run stopped early, when it did. */
  stopped: string | undefined;
}

/** The report without --json: every input, then the totals, which add up to the inputs. */
export function textReport(results: readonly BulkResult[], totals: RunTotals, notes: readonly string[]): string {
  const byOutcome = new Map<Outcome, number>();
  for (const result of results) byOutcome.set(result.outcome, (byOutcome.get(result.outcome) ?? 0) + 1);
  const done = results.filter((result) => result.ok).length;
  const lines = [`${totals.command}: ${results.length} ${totals.noun}(s), ${done} done, in ${seconds(totals.elapsedMs)}`];
  lines.push(...results.map(inputRow));
  for (const [outcome, count] of byOutcome) lines.push(`${OUTCOMES[outcome].label.padEnd(26)} ${String(count).padStart(7)}`);
  if (totals.fromJournal > 0) lines.push(`(${totals.fromJournal} of them done in an earlier run, from the journal)`);
  if (totals.duplicates > 0) lines.push(`(${totals.duplicates} duplicate line(s) in the list, each acted on once)`);
  if (totals.filteredOut > 0) lines.push(`(${totals.filteredOut} record(s) left out by --where)`);
  if (totals.stopped) lines.push(`stopped: ${totals.stopped}`);
  return [...lines, ...notes].join('\n');
}

/**
 * The progress line on a terminal: done / total, rate, and an ETA that counts the rate-limit wait (the
 * inputs left go at the rate seen so far, once the wait is over).
 */
export function progressLine(command: string, done: number, total: number, elapsedMs: number, rateLimitWaitMs: number): string {
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
  const eta = rate > 0 ? seconds(rateLimitWaitMs + ((total - done) / rate) * 1000) : '?';
  const waiting = rateLimitWaitMs > 0 ? ` · waiting ${seconds(rateLimitWaitMs)} for the rate limit` : '';
  return `${command} ${done}/${total} · ${Math.round(rate)}/s · ETA ${eta}${waiting}`;
}
