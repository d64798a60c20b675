/**
 * What can become of one input of a bulk command, in one table: whether it counts as done, and what it
 * means. The exit code is 0 only when every input is done; docs/incident-response.md prints this table.
 */
import {
  OktaApiError,
  OktaAuthenticationError,
  OktaClientClosedError,
  OktaError,
  OktaForbiddenError,
  OktaOAuthError,
  OktaResponseError,
} from '../../errors/classes.js';
import type { Session } from '../../types.js';
import { EXIT } from '../exit.js';

interface OutcomeSpec {
  /** Whether the input needs nothing more. */
  done: boolean;
  /** The summary's label. */
  label: string;
  /** What it means, for docs/incident-response.md. */
  meaning: string;
}

export const OUTCOMES = {
  revoked: {
    done: true,
    label: 'revoked',
    meaning: 'Okta ended the session (204, or 404 after an earlier attempt of this call may have ended it)',
  },
  'revoked-before': { done: true, label: 'revoked before (journal)', meaning: 'an earlier run with the same journal revoked it' },
  'not-found': {
    done: false,
    label: 'not found (404)',
    meaning:
      'Okta knows no such session: ended long ago, never one of this org (a list from another org, a wrong OKTA_ORG_URL), or not a session id',
  },
  found: { done: true, label: 'found (active)', meaning: 'get: the session is active' },
  gone: { done: true, label: 'gone (404)', meaning: 'get: no active session has this id' },
  cleared: { done: true, label: 'cleared', meaning: 'Okta ended every session of the user (204)' },
  'cleared-before': { done: true, label: 'cleared before (journal)', meaning: 'an earlier run with the same journal cleared this user' },
  'session-not-in-log': {
    done: false,
    label: 'session not in the log',
    meaning: 'clear-user --session: the System Log shows no such session in the window read (--since), so no user to clear',
  },
  'no-such-user': { done: false, label: 'no such user (404)', meaning: 'no user has this id or login; done only with --allow-unknown' },
  'would-revoke': { done: true, label: 'would revoke', meaning: '--dry-run: would be sent' },
  'would-clear': { done: true, label: 'would clear', meaning: '--dry-run: resolved to a user, would be cleared' },
  'would-read': { done: true, label: 'would read', meaning: '--dry-run: would be read' },
  refused: {
    done: false,
    label: 'refused (not sent)',
    meaning: 'the input cannot name what the command acts on (an Identity Engine id, a cut-off id); nothing was sent',
  },
  'not-sent': {
    done: false,
    label: 'not sent',
    meaning: 'the run stopped before sending it (credentials refused, Ctrl-C); rerun with the journal',
  },
  failed: { done: false, label: 'failed', meaning: 'the call failed: the error says why' },
} as const satisfies Record<string, OutcomeSpec>;

export type Outcome = keyof typeof OUTCOMES;

/** One line of `--json` output and of the journal, whatever the command; null rather than absent, so every line has the same keys. */
export interface BulkResult {
  /** As given. */
  input: string;
  outcome: Outcome;
  /** True when the input needs nothing more. */
  ok: boolean;
  /** clear-user: the user the input resolved to, and their login; null when it resolved to none, or for session ids. */
  userId: string | null;
  login: string | null;
  /** Null when no answer came (not sent, a connection failure). */
  status: number | null;
  errorCode: string | null;
  /** `X-Okta-Request-Id`: the `transaction.id` of the System Log events the request caused. */
  requestId: string | null;
  attempts: number;
  /** For anything not done: what went wrong, in one line. */
  error?: string;
  /** get: the session found. */
  session?: Session;
  /** Set on a failure after which nothing else can succeed (the run stops); never printed. */
  stopsRun?: true;
}

/** A result from its parts, with `ok` from the outcome table (or `done` when it decides otherwise). */
export function resultOf(
  input: string,
  outcome: Outcome,
  fields: Partial<BulkResult> = {},
  done: boolean = OUTCOMES[outcome].done,
): BulkResult {
  return { input, outcome, ok: done, userId: null, login: null, status: null, errorCode: null, requestId: null, attempts: 0, ...fields };
}

/** The answer's fields of the error a call ended with; rethrows what is not an OktaError (a bug, not an outcome). */
export function failureFields(error: unknown): Partial<BulkResult> {
  if (error instanceof OktaResponseError) {
    const errorCode =
      error instanceof OktaApiError ? (error.errorCode ?? null) : error instanceof OktaOAuthError ? (error.error ?? null) : null;
    const fields = { status: error.status, errorCode, requestId: error.requestId ?? null, attempts: error.attempts, error: error.message };
    return stopsTheRun(error) ? { ...fields, stopsRun: true } : fields;
  }
  if (!(error instanceof OktaError)) throw error;
  const attempts = 'attempts' in error && typeof error.attempts === 'number' ? error.attempts : 1;
  return { attempts, error: `${error.name}: ${error.message}` };
}

/** An error after which nothing else can succeed: the credentials or their scopes are wrong, so the rest is not sent. */
function stopsTheRun(error: unknown): boolean {
  if (error instanceof OktaOAuthError) return error.status === 400 || error.status === 401;
  if (error instanceof OktaAuthenticationError) return error.errorCode === 'E0000011';
  return error instanceof OktaForbiddenError && (error.errorCode === 'E0000006' || error.errorCode === 'E0000005');
}

/** A call the client ended unsent when the run stopped. */
export function endedUnsent(error: unknown): boolean {
  return error instanceof OktaClientClosedError && error.attempts === 0;
}

/** The exit code of a run: 0 only when every input is done. */
export function exitCodeOf(results: readonly BulkResult[], interrupted: boolean): number {
  const open = results.filter((result) => !result.ok);
  if (open.length === 0) return EXIT.ok;
  if (interrupted) return EXIT.interrupted;
  // Refused inputs are the caller's to fix; a failure with no answer is the network's; anything else Okta's.
  const noAnswer = (result: BulkResult) => result.outcome === 'failed' && result.status === null;
  if (open.some((result) => result.outcome !== 'refused' && !noAnswer(result))) return EXIT.api;
  if (open.some(noAnswer)) return EXIT.network;
  return EXIT.usage;
}
