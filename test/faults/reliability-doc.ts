import { existsSync, readFileSync } from 'node:fs';
import { loadLines } from '../../bench/report.js';
import type { LoadResult } from '../../bench/scenarios.js';
import { RETRIED_FOR } from '../../src/http/retry.js';
import { FUZZ_RUNS } from '../properties/counts.js';
import { type Expected, FAULT_CASES } from './cases.js';
import { ATTEMPT_TIMEOUT_MS, CALL_TIMEOUT_MS } from './run-case.js';

export const RELIABILITY_DOC = 'docs/reliability.md';

const FAILURE_LABELS: Record<keyof typeof RETRIED_FOR, string> = {
  'rate-limited': '429 Too Many Requests',
  refused: 'Connection refused (nothing was sent)',
  'untrusted-certificate': 'The org’s TLS certificate is not trusted (nothing was sent; the error names `NODE_EXTRA_CA_CERTS`)',
  unavailable: '502, 503, 504',
  connection: 'Connection reset, or dropped mid-response',
  'attempt-timeout': 'An attempt times out (`retry.attemptTimeoutMs`)',
};

/** The retry policy as a table; docs/errors-and-retries.md carries the same table, and a test checks it. */
export function retryPolicyTable(): string {
  const rows = Object.entries(RETRIED_FOR).map(([failure, scope]) => {
    const label = FAILURE_LABELS[failure as keyof typeof RETRIED_FOR];
    if (scope === 'no operation') return `| ${label} | no: the same certificate would come back | no |`;
    return scope === 'every operation' ? `| ${label} | yes | yes |` : `| ${label} | yes | never: its session token is single-use |`;
  });
  return ['| failure | get, refresh, revoke, getCurrent, refreshCurrent, closeCurrent | create |', '|---|---|---|', ...rows].join('\n');
}

const show = (expected: Expected | undefined) => (expected === undefined ? '–' : expected === 'value' ? 'success' : `\`${expected}\``);

export function renderReliabilityDoc(): string {
  const resultsFile = 'bench/results.json';
  const load = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')).load as LoadResult | undefined) : undefined;
  return [
    '# Reliability',
    '',
    'Generated from the fault suite (`test/faults/cases.ts`), the property tests (`test/properties/`) and the load benchmark (`bench/results.json`). `make docs` rewrites this file; `make test` fails when it is out of date.',
    '',
    '## Retry policy',
    '',
    retryPolicyTable(),
    '',
    "429 waits for the reset on Okta's clock (or `Retry-After`); everything else uses full-jitter exponential backoff, inside the same `retry.maxRetries` and `timeoutMs` budget. Redirects are never followed. A call that fails after retries says how many attempts it made: a 404 for a retried revoke may mean an earlier attempt revoked it.",
    '',
    '## Fault cases',
    '',
    `Each case runs against a fresh embedded server with sentinel credentials, with \`timeoutMs: ${CALL_TIMEOUT_MS}\`, \`retry: { maxRetries: 2, attemptTimeoutMs: ${ATTEMPT_TIMEOUT_MS} }\`. For every case the suite checks the outcome, that the call settled within its budget, that no rejection went unhandled, that no timer, socket or server was left open, and that the sentinel token, cookie and session tokens appear nowhere: error messages, stacks, \`JSON.stringify\`, \`util.inspect\`, hook events, stdout or stderr.`,
    '',
    '| case | the server | get (and every operation safe to repeat) | create |',
    '|---|---|---|---|',
    ...FAULT_CASES.map((faultCase) => {
      const safe = faultCase.expect.getCurrent ? `getCurrent: ${show(faultCase.expect.getCurrent)}` : show(faultCase.expect.get);
      return `| ${faultCase.name} | ${faultCase.serverDoes} | ${safe} | ${show(faultCase.expect.create)} |`;
    }),
    '',
    '## Inputs fuzzed (fast-check)',
    '',
    '| property | inputs per run |',
    '|---|---|',
    `| Any session id is rejected before sending, or becomes exactly \`/api/v1/sessions/<one encoded segment>\` (plus the operation's suffix) | ${FUZZ_RUNS.sessionIds} |`,
    `| Any status (200-599), headers and body from the server end in a value or an \`OktaError\` | ${FUZZ_RUNS.responses} |`,
    `| Rate-limit header parsing never throws and never gives a negative or non-finite wait | ${FUZZ_RUNS.rateLimitHeaders} |`,
    `| Random secrets (API token, session token, cookie, session id), reflected by the server everywhere, appear in no error text, header or hook event, for every failure kind | ${FUZZ_RUNS.secrets} |`,
    '',
    '## Load',
    '',
    ...(load ? loadLines(load) : ['Not measured yet: run `make bench`.']),
    '',
  ].join('\n');
}
