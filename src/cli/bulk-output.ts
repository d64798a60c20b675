import type { BulkCommand, BulkSummary } from './bulk.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The table printed at the end of a bulk run without --json. */
export function summaryTable(command: BulkCommand, summary: BulkSummary): string {
  const rate = summary.elapsedMs > 0 ? Math.round((summary.finished / summary.elapsedMs) * 1000) : 0;
  const rows: [string, number][] =
    command === 'revoke'
      ? [
          ['revoked', summary.byOutcome.revoked],
          ['already gone (404)', summary.byOutcome['already-gone']],
          ['failed', summary.byOutcome.failed],
        ]
      : [
          ['found', summary.byOutcome.found],
          ['failed', summary.byOutcome.failed],
        ];
  const lines = [`${command}: ${summary.finished} of ${summary.total} ids in ${seconds(summary.elapsedMs)} (${rate} calls/s)`];
  for (const [label, count] of rows) lines.push(`  ${label.padEnd(20)} ${String(count).padStart(7)}`);
  for (const [code, count] of Object.entries(summary.failures).sort(([, a], [, b]) => b - a)) lines.push(`    ${code.padEnd(18)} ${String(count).padStart(7)}`);
  return lines.join('\n');
}

/** The progress line on a terminal: done / total, rate, ETA, and the current wait for the rate limit. */
export function progressLine(command: BulkCommand, done: number, total: number, elapsedMs: number, rateLimitWaitMs: number): string {
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
  const eta = rate > 0 ? seconds(((total - done) / rate) * 1000) : '?';
  const waiting = rateLimitWaitMs > 0 ? ` · waiting ${seconds(rateLimitWaitMs)} for the rate limit` : '';
  return `${command} ${done}/${total} · ${Math.round(rate)}/s · ETA ${eta}${waiting}`;
}
