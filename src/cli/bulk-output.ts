import type { BulkSummary } from './bulk.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The table printed at the end of a bulk run without --json: a row per outcome (`rows`: label and outcome), then failures by code. */
export function summaryTable(command: string, noun: string, summary: BulkSummary, rows: readonly (readonly [string, string])[]): string {
  const rate = summary.elapsedMs > 0 ? Math.round((summary.finished / summary.elapsedMs) * 1000) : 0;
  const lines = [`${command}: ${summary.finished} of ${summary.total} ${noun} in ${seconds(summary.elapsedMs)} (${rate} calls/s)`];
  for (const [label, outcome] of rows) lines.push(`  ${label.padEnd(20)} ${String(summary.byOutcome[outcome] ?? 0).padStart(7)}`);
  for (const [code, count] of Object.entries(summary.failures).sort(([, a], [, b]) => b - a))
    lines.push(`    ${code.padEnd(18)} ${String(count).padStart(7)}`);
  return lines.join('\n');
}

/** The progress line on a terminal: done / total, rate, ETA, and the current wait for the rate limit. */
export function progressLine(command: string, done: number, total: number, elapsedMs: number, rateLimitWaitMs: number): string {
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
  const eta = rate > 0 ? seconds(((total - done) / rate) * 1000) : '?';
  const waiting = rateLimitWaitMs > 0 ? ` · waiting ${seconds(rateLimitWaitMs)} for the rate limit` : '';
  return `${command} ${done}/${total} · ${Math.round(rate)}/s · ETA ${eta}${waiting}`;
}
